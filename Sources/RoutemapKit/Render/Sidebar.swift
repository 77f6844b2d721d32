/// The contents sidebar of a chapter page. An edition of up to `fullSidebarLimit` chapters gets its
/// whole contents on every page, as a reader of a short publication expects. A larger one gets the
/// parts near the current one, the chapters near the current one within its part, and links to the
/// contents page for everything left out: every page then costs the same however long the edition,
/// so the site grows linearly with the number of chapters.
extension SiteLayout {
    static let fullSidebarLimit = 40
    /// Parts shown either side of the current part in an abridged sidebar.
    static let nearbyParts = 3
    /// Chapters shown either side of the current chapter in an abridged sidebar.
    static let nearbyChapters = 5

    func sidebar(_ edition: Edition, outline: PartOutline, index current: Int, from page: String) -> SidebarView {
        let contentsURL = relativeURL(from: page, to: SitePaths.contents(edition.id))
        let abridged = edition.chapters.count > Self.fullSidebarLimit
        let currentPart = outline.partOfChapter[current]
        let allParts = 0..<outline.parts.count
        let shownParts = abridged ? window(around: currentPart, radius: Self.nearbyParts, in: allParts) : allParts

        func partURL(_ index: Int) -> String {
            contentsURL + "#" + (outline.parts[index].heading == nil ? "contents" : outline.parts[index].anchor)
        }

        let parts = shownParts.map { index -> SidebarPartView in
            let part = outline.parts[index]
            let expanded = !abridged || index == currentPart
            let shown = !expanded ? part.chapters.lowerBound..<part.chapters.lowerBound
                : abridged ? window(around: current, radius: Self.nearbyChapters, in: part.chapters) : part.chapters
            let first = edition.chapters[part.chapters.lowerBound].number
            let last = edition.chapters[part.chapters.upperBound - 1].number
            let numbers = first == last ? "\(first)" : "\(first)–\(last)"
            let earlier = shown.lowerBound - part.chapters.lowerBound
            let later = part.chapters.upperBound - shown.upperBound
            return SidebarPartView(
                heading: part.heading,
                label: part.heading ?? "Chapters \(numbers)",
                url: partURL(index),
                anchor: part.anchor,
                expanded: expanded,
                partChapterCount: part.chapters.count,
                numbers: numbers,
                chaptersBefore: expanded && earlier > 0 ? MoreLinkView(text: count(earlier, "earlier chapter"), url: partURL(index)) : nil,
                chapters: shown.map { chapterLink(edition.chapters[$0], edition: edition, from: page, current: $0 == current) },
                chaptersAfter: expanded && later > 0 ? MoreLinkView(text: count(later, "later chapter"), url: partURL(index)) : nil
            )
        }
        let partsEarlier = shownParts.lowerBound
        let partsLater = outline.parts.count - shownParts.upperBound
        return SidebarView(
            editionTitle: edition.title,
            contentsURL: contentsURL,
            abridged: abridged,
            chapterCount: edition.chapters.count,
            partsBefore: partsEarlier > 0 ? MoreLinkView(text: count(partsEarlier, "earlier part"), url: contentsURL + "#contents") : nil,
            parts: parts,
            partsAfter: partsLater > 0 ? MoreLinkView(text: count(partsLater, "later part"), url: partURL(shownParts.upperBound)) : nil
        )
    }
}

/// The `2 * radius + 1` indexes of `range` centred on `center` where possible, shifted to stay inside it.
func window(around center: Int, radius: Int, in range: Range<Int>) -> Range<Int> {
    let size = 2 * radius + 1
    let start = min(max(center - radius, range.lowerBound), max(range.lowerBound, range.upperBound - size))
    return start..<min(range.upperBound, start + size)
}

/// "1 earlier part", "1,960 later chapters".
func count(_ number: Int, _ noun: String) -> String {
    var digits = String(number)
    var grouped = ""
    while digits.count > 3 {
        grouped = "," + digits.suffix(3) + grouped
        digits.removeLast(3)
    }
    return digits + grouped + " " + noun + (number == 1 ? "" : "s")
}
