/// An edition's chapters grouped into parts, worked out once per edition so that each page can
/// find its neighbours without walking the whole edition again.
struct PartOutline: Sendable {
    struct Part: Sendable {
        /// The part's name; nil for chapters before the first named part.
        var heading: String?
        /// Its id on the contents page, `part-1`, `part-2`, …
        var anchor: String
        /// Indexes into the edition's chapters.
        var chapters: Range<Int>
    }

    var parts: [Part] = []
    /// For each chapter (by index), the index of its part.
    var partOfChapter: [Int] = []

    /// A part starts where a chapter names a new one; a chapter without a part stays in the one before.
    init(_ chapters: [Chapter]) {
        partOfChapter.reserveCapacity(chapters.count)
        for (index, chapter) in chapters.enumerated() {
            if parts.isEmpty || (chapter.part != nil && chapter.part != parts[parts.count - 1].heading) {
                parts.append(Part(heading: chapter.part, anchor: "part-\(parts.count + 1)", chapters: index..<index))
            }
            parts[parts.count - 1].chapters = parts[parts.count - 1].chapters.lowerBound..<(index + 1)
            partOfChapter.append(parts.count - 1)
        }
    }
}
