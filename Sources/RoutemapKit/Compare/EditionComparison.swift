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

    init(older: RenderedEdition, newer: RenderedEdition) {
        self.older = older
        self.newer = newer
        let olderByID = Dictionary(older.chapters.map { ($0.chapter.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newerIDs = Set(newer.chapters.map(\.chapter.id))
        added = newer.chapters.map(\.chapter).filter { olderByID[$0.id] == nil }
        removed = older.chapters.map(\.chapter).filter { !newerIDs.contains($0.id) }
        let pairs = newer.chapters.compactMap { rendered in olderByID[rendered.chapter.id].map { (old: $0, new: rendered) } }
        // Each comparison is independent; long chapters are spread over the cores.
        common = concurrentMap(pairs) { pair in
            (pair.new.chapter, ChapterComparison(chapterID: pair.new.chapter.id, oldTitle: pair.old.chapter.title, newTitle: pair.new.chapter.title,
                                                 old: pair.old.markdown.blocks, new: pair.new.markdown.blocks))
        }
    }

    /// Retitled with the text unchanged. A chapter whose text changed too is in `changed` only, with its
    /// old title, so that the changes page lists every chapter once.
    var retitled: [(chapter: Chapter, comparison: ChapterComparison)] { common.filter { $0.comparison.retitled && !$0.comparison.textChanged } }
    var changed: [(chapter: Chapter, comparison: ChapterComparison)] { common.filter { $0.comparison.textChanged } }
    var unchanged: [(chapter: Chapter, comparison: ChapterComparison)] { common.filter { !$0.comparison.textChanged && !$0.comparison.retitled } }
}
