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
    var common: [(chapter: Chapter, comparison: ChapterComparison)]
    /// How many blocks of each kind each common chapter's comparison holds, in `common`'s order.
    var counts: [ChangeCounts]

    init(older: RenderedEdition, newer: RenderedEdition, cache: LayoutCache? = nil) {
        self.older = older
        self.newer = newer
        let olderByID = Dictionary(older.chapters.map { ($0.chapter.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newerIDs = Set(newer.chapters.map(\.chapter.id))
        added = newer.chapters.map(\.chapter).filter { olderByID[$0.id] == nil }
        removed = older.chapters.map(\.chapter).filter { !newerIDs.contains($0.id) }
        let pairs = newer.chapters.compactMap { rendered in olderByID[rendered.chapter.id].map { (old: $0, new: rendered) } }
        // Each comparison is independent; long chapters are spread over the cores.
        // With a cache (the preview server's), chapters compared by the previous build are not compared again.
        let compared = concurrentMap(pairs) { pair in
            let (old, new) = (pair.old.markdown.blocks, pair.new.markdown.blocks)
            let compare = { ChapterComparison.compare(old, new) }
            let (changes, counts) = cache?.comparison(for: "\(newer.edition.id)/\(pair.new.chapter.id)", old: old, new: new, compare: compare)
                ?? { let changes = compare(); return (changes, ChangeCounts(changes)) }()
            return (pair.new.chapter, ChapterComparison(chapterID: pair.new.chapter.id, oldTitle: pair.old.chapter.title,
                                                        newTitle: pair.new.chapter.title, changes: changes), counts)
        }
        common = compared.map { ($0.0, $0.1) }
        counts = compared.map(\.2)
    }

    /// Retitled with the text unchanged. A chapter whose text changed too is in `changed` only, with its
    /// old title, so that the changes page lists every chapter once.
    var retitled: [(chapter: Chapter, comparison: ChapterComparison)] { common.filter { $0.comparison.retitled && !$0.comparison.textChanged } }
    var changed: [(chapter: Chapter, comparison: ChapterComparison)] { common.filter { $0.comparison.textChanged } }
    var unchanged: [(chapter: Chapter, comparison: ChapterComparison)] { common.filter { !$0.comparison.textChanged && !$0.comparison.retitled } }
}
