import Templates

// The values `print.mustache` receives, and the PDF link the contents and printable pages show.
// Plain structs with stored properties only (see ViewModels.swift). README.md lists every field.

/// `print.mustache`: an edition on one page.
struct PrintPageView: Equatable {
    var publicationTitle: String
    var edition: EditionSummaryView
    var publisher: String
    var licenceName: String?
    var licenceURL: String?
    /// The page's published address under `base_url` (absent without one).
    var availableAt: String?
    /// Relative path to the site root, for `assets/print.js`.
    var root: String
    var pdf: PDFLinkView?
    var contents: [PrintPartView]
    var chapters: [PrintChapterView]
}

/// A part in the printable page's contents list.
struct PrintPartView: Equatable {
    var heading: String?
    var chapters: [PrintChapterLinkView]
}

/// A chapter in the printable page's contents list: a link to its anchor on the same page.
struct PrintChapterLinkView: Equatable {
    var number: Int
    var title: String
    var anchor: String
}

/// A chapter on the printable page.
struct PrintChapterView: Equatable {
    var number: Int
    var title: String
    var part: String?
    var summary: String?
    /// The chapter's id on the page, such as `chapter-governance`.
    var anchor: String
    /// The chapter's HTML with ids made unique and links rewritten for the page.
    var body: HTML
}

/// A link to an edition's PDF, with its size: "PDF, 412 KB".
struct PDFLinkView: Equatable {
    var url: String
    var size: String
}

/// The PDF made for an edition by `routemap build --pdf`.
public struct EditionPDF: Sendable {
    /// Its path in the output, such as `final/routemap-final.pdf`.
    public var path: String
    public var byteCount: Int

    public init(path: String, byteCount: Int) {
        self.path = path
        self.byteCount = byteCount
    }

    /// "412 KB", "1.3 MB".
    var size: String {
        if byteCount < 1_000_000 { return "\(max(1, (byteCount + 500) / 1000)) KB" }
        let tenths = (byteCount + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
