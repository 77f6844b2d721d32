import Templates

// The values `print.mustache` receives, and the PDF link the contents and printable pages show.
// Every stored property is a template field (see ViewModels.swift). docs/guide/themes.md lists every field.

/// `print.mustache`: an edition on one page.
struct PrintPageView: TemplateFields, Equatable {
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
    /// What only the PDF's source page (`pdf.mustache`) shows; nil on the printable web page.
    var document: PDFDocumentView?
}

/// `pdf.mustache`'s own fields: the cover and the PDF's metadata, which WeasyPrint takes from the
/// page's `<title>`, `<html lang>` and `<meta>` tags (author, description, keywords, generator,
/// dcterms.created and dcterms.modified).
struct PDFDocumentView: TemplateFields, Equatable {
    /// The PDF's title, shown in the reader's window: "Planting the Flag: … – Routemap".
    var title: String
    var language: String
    /// The edition's summary, or its title: the PDF's Subject.
    var description: String
    /// The labels of the themes the edition's chapters belong to, in the order the configuration lists them.
    var keywords: String
    /// "routemap 0.5.0": the PDF's Creator.
    var generator: String
    /// The build date at midnight UTC, `2011-06-01T00:00:00Z`: the PDF's creation and modification dates.
    var created: String
    /// The cover's title and subtitle: the edition's title cut at its first ": ".
    var coverTitle: String
    var coverSubtitle: String?
    /// The edition's publication date, or the build date for an edition not yet published: "11 May 2011".
    var date: String
    /// `assets/logo.svg` (or `.png`) of the theme, relative to the page, when the theme has one.
    var logo: String?
    /// The running header's left part: "Routemap – Final edition", as a CSS string's contents;
    /// in a preview of an edition not yet published, "Embargoed: not for publication before …" first.
    var runningHeader: String
    /// In a preview of an edition not yet published: printed on the cover and on every page.
    var embargo: EmbargoNoticeView?
    /// A consultation's stage on the build date, printed on the back of the cover as text alone
    /// (a link from there would lead out of the document).
    var consultation: ConsultationBannerView?
}

/// A part in the printable page's contents list.
struct PrintPartView: TemplateFields, Equatable {
    var heading: String?
    var chapters: [PrintChapterLinkView]
}

/// A chapter in the printable page's contents list: a link to its anchor on the same page.
struct PrintChapterLinkView: TemplateFields, Equatable {
    var number: Int
    var title: String
    var anchor: String
}

/// A chapter on the printable page.
struct PrintChapterView: TemplateFields, Equatable {
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
struct PDFLinkView: TemplateFields, Equatable {
    var url: String
    var size: String
}

/// The PDF made for an edition by `routemap build --pdf`.
public struct EditionPDF: Sendable {
    /// Its path in the output, such as `final/routemap-final.pdf`.
    public var path: String
    public var byteCount: Int
    /// For the current edition: the same PDF at the address that stays the same across editions
    /// (`print/routemap.pdf`), which the site's pages link.
    public var stablePath: String?

    public init(path: String, byteCount: Int, stablePath: String? = nil) {
        self.path = path
        self.byteCount = byteCount
        self.stablePath = stablePath
    }

    /// "412 KB", "1.3 MB".
    var size: String {
        if byteCount < 1_000_000 { return "\(max(1, (byteCount + 500) / 1000)) KB" }
        let tenths = (byteCount + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
