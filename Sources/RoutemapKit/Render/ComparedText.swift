import RoutemapMarkdown

/// The blocks' text and link addresses are kept for one purpose: comparing a chapter with its
/// counterpart in the edition before or after it (`EditionComparison`). A chapter whose blocks
/// read as its counterpart's has nothing to show but that (its changes page says the text did not
/// change), so a build lets go of their text as soon as the chapter is rendered in every edition
/// (`ChapterRenderer`), and the chapters rendered after it reuse the memory. Most of a final
/// edition reads as its consultation draft: for two long editions this was 12 MiB of the build's
/// peak memory (docs/guide/performance.md, "Tenth round").
enum ComparedText {
    /// `markdown`: every chapter's rendering, edition after edition, each edition's in the order of
    /// `chapterIDs`. A rendering keeps its text when some comparison it takes part in finds a
    /// difference, and so does every rendering that reads as one that keeps it: those two are
    /// compared too, and must still read alike afterwards.
    static func releaseUnneeded(_ markdown: inout [RenderedMarkdown], chapterIDs: [[String]]) {
        let pairs = comparedPairs(chapterIDs)
        var needed = [Bool](repeating: false, count: markdown.count)
        var alike: [(old: Int, new: Int)] = []
        for pair in pairs {
            if ChapterComparison.readAlike(markdown[pair.old].blocks, markdown[pair.new].blocks) {
                alike.append(pair)
            } else {
                needed[pair.old] = true
                needed[pair.new] = true
            }
        }
        var spreading = true
        while spreading {
            spreading = false
            for pair in alike where needed[pair.old] != needed[pair.new] {
                needed[pair.old] = true
                needed[pair.new] = true
                spreading = true
            }
        }
        // Each rendering keeps its own blocks' numbers and anchors: a chapter that reads the same can
        // stand elsewhere in the next edition. Most often the two are one rendering, and share one array.
        var released: [Int: [TextBlock]] = [:]
        for pair in alike where !needed[pair.old] {
            let old = released[pair.old] ?? withoutText(markdown[pair.old].blocks)
            released[pair.old] = old
            released[pair.new] = markdown[pair.new].blocks == markdown[pair.old].blocks ? old : withoutText(markdown[pair.new].blocks)
        }
        for (index, blocks) in released { markdown[index].blocks = blocks }
    }

    /// The pairs `EditionComparison` compares, of every two editions side by side, by place in the
    /// whole list of renderings.
    static func comparedPairs(_ chapterIDs: [[String]]) -> [(old: Int, new: Int)] {
        var pairs: [(old: Int, new: Int)] = []
        var start = 0
        for (older, newer) in zip(chapterIDs, chapterIDs.dropFirst()) {
            let newerStart = start + older.count
            pairs += EditionComparison.pairs(olderIDs: older, newerIDs: newer).map { (start + $0.old, newerStart + $0.new) }
            start = newerStart
        }
        return pairs
    }

    private static func withoutText(_ blocks: [TextBlock]) -> [TextBlock] {
        blocks.map { block in
            var block = block
            block.text = ""
            block.destinations = []
            return block
        }
    }
}
