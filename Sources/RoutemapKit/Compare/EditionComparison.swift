/// An edition compared with the one before it: which chapters (matched by id) were added,
/// removed, retitled or changed, each common chapter compared block by block. Every chapter is in
/// one group.
struct EditionComparison {
    var older: RenderedEdition
    var newer: RenderedEdition
    /// In the newer edition only, in its order.
    var added: [Chapter]
    /// In the older edition only, in its order.
    var removed: [Chapter]
    /// Every chapter in both, in the newer edition's order.
    var common: [CommonChapter]

    init(older: RenderedEdition, newer: RenderedEdition, cache: LayoutCache? = nil) {
        self.older = older
        self.newer = newer
        // Chapters are named by their place in their edition, not copied: two editions of
        // thousands of chapters are compared on every save in the preview.
        let olderIDs = older.chapters.map(\.chapter.id), newerIDs = newer.chapters.map(\.chapter.id)
        let inOlder = Set(olderIDs), inNewer = Set(newerIDs)
        added = newer.chapters.indices.filter { !inOlder.contains(newerIDs[$0]) }.map { newer.chapters[$0].chapter }
        removed = older.chapters.indices.filter { !inNewer.contains(olderIDs[$0]) }.map { older.chapters[$0].chapter }
        let pairs = Self.pairs(olderIDs: olderIDs, newerIDs: newerIDs)
        let olderBlocks = pairs.map { older.chapters[$0.old].markdown.blocks }
        let newerBlocks = pairs.map { newer.chapters[$0.new].markdown.blocks }
        // With a cache (the preview server's), chapters compared by the previous build are not
        // compared again: all found under one lock, the others compared on every core.
        let keys = pairs.map { "\(newer.edition.id)/\(newer.chapters[$0.new].chapter.id)" }
        let known = cache?.comparisons(keys, old: olderBlocks, new: newerBlocks) ?? Array(repeating: nil, count: pairs.count)
        let missing = pairs.indices.filter { known[$0] == nil }
        let made = concurrentMap(missing) { index in
            let (old, new) = (olderBlocks[index], newerBlocks[index])
            let compare = { ChapterComparison.compare(old, new) }
            return cache?.comparison(for: keys[index], old: old, new: new, compare: compare)
                ?? { let changes = compare(); return (changes, ChangeCounts(changes)) }()
        }
        var compared = known
        for (position, index) in missing.enumerated() { compared[index] = made[position] }
        common = pairs.indices.map { index in
            let (old, new) = (older.chapters[pairs[index].old].chapter, newer.chapters[pairs[index].new].chapter)
            return (new, ChapterComparison(chapterID: new.id, oldTitle: old.title, newTitle: new.title, old: olderBlocks[index],
                                           new: newerBlocks[index], changes: compared[index]!.changes, counts: compared[index]!.counts))
        }
    }

    /// Each chapter of the newer edition with the first chapter of the same id in the older, by
    /// place: the chapters compared (and those whose text `ComparedText` may let go of).
    static func pairs(olderIDs: [String], newerIDs: [String]) -> [(old: Int, new: Int)] {
        var first: [String: Int] = [:]
        first.reserveCapacity(olderIDs.count)
        for (index, id) in olderIDs.enumerated() where first[id] == nil { first[id] = index }
        return newerIDs.indices.compactMap { new in first[newerIDs[new]].map { (old: $0, new: new) } }
    }

    /// How many blocks of each kind each common chapter's comparison holds, in `common`'s order.
    var counts: [ChangeCounts] { common.map(\.comparison.counts) }

    typealias CommonChapter = (chapter: Chapter, comparison: ChapterComparison)

    /// The common chapters in one pass, each in one group: retitled with the text unchanged;
    /// changed (a chapter retitled too is here only, with its old title, so that the changes page
    /// lists every chapter once); unchanged.
    var groups: (retitled: [CommonChapter], changed: [CommonChapter], unchanged: [CommonChapter]) {
        var groups: (retitled: [CommonChapter], changed: [CommonChapter], unchanged: [CommonChapter]) = ([], [], [])
        for common in common {
            if common.comparison.textChanged {
                groups.changed.append(common)
            } else if common.comparison.retitled {
                groups.retitled.append(common)
            } else {
                groups.unchanged.append(common)
            }
        }
        return groups
    }

    var retitled: [CommonChapter] { groups.retitled }
    var changed: [CommonChapter] { groups.changed }
    var unchanged: [CommonChapter] { groups.unchanged }
}
