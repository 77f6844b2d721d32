import RoutemapMarkdown

/// Where the printable version and its PDF live, and the ids on the printable page.
extension SitePaths {
    /// The stable address of the current edition's printable page, which the press office links.
    public static let currentPrintPage = "print/index.html"

    /// The folder of `currentPrintPage`, which also holds the current edition's PDF.
    static let currentPrintFolder = "print"

    /// The current edition's PDF at an address that never changes: `print/routemap.pdf`.
    public static func currentPDF(publicationShortTitle: String) -> String {
        "\(currentPrintFolder)/\(slug(publicationShortTitle)).pdf"
    }

    /// An edition's printable page: every chapter on one page.
    public static func printPage(_ editionID: String) -> String { "\(editionID)/print/index.html" }

    /// The page WeasyPrint prints to an edition's PDF, beside its printable page (its images' paths
    /// are the same); deleted once printed.
    static func pdfSource(_ editionID: String) -> String { "\(editionID)/print/pdf-source.html" }

    /// An edition's PDF, named after the publication and the edition: `routemap-final.pdf`.
    public static func pdf(_ editionID: String, publicationShortTitle: String) -> String {
        "\(editionID)/\(slug(publicationShortTitle))-\(editionID).pdf"
    }
}

/// The ids of the printable page. A chapter's own ids (headings, footnotes) are prefixed with
/// `chapter-<chapter id>.`; chapter ids have no `.`, so the prefixed ids of two chapters can never
/// meet, nor meet the page's own ids (`main`, `print-…`) or a chapter's root anchor.
enum PrintAnchors {
    static let cover = "print-cover"
    static let contents = "print-contents"

    /// The anchor of a whole chapter: `chapter-governance`.
    static func chapter(_ chapterID: String) -> String { "chapter-\(chapterID)" }

    /// An id from inside a chapter: `how` in governance becomes `chapter-governance.how`. A question's
    /// id (`Q4`, unique in its edition) stays as it is, the same as on the chapter's page.
    static func inChapter(_ chapterID: String, _ id: some StringProtocol) -> String {
        isQuestion(id) ? String(id) : "chapter-\(chapterID).\(id)"
    }

    /// `Q` and digits: see `Question.anchor`.
    static func isQuestion(_ id: some StringProtocol) -> Bool {
        id.utf8.count > 1 && id.utf8.first == UInt8(ascii: "Q") && id.utf8.dropFirst().allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// `#chapter-governance.how`, or `#chapter-governance` for the chapter itself.
    static func fragment(_ chapterID: String, _ id: (some StringProtocol)?) -> String {
        guard let id, !id.isEmpty else { return "#" + chapter(chapterID) }
        return "#" + inChapter(chapterID, id)
    }
}
