import Templates

// The values templates can use. Each declares `TemplateFields`, and every stored property is a field
// templates can name: the lookup is generated at build time (Plugins/TemplateFieldsPlugin); computed
// properties are not fields. They are Equatable so that the preview can reuse a page whose view did
// not change (LayoutCache). docs/guide/themes.md lists every field.

/// A link with its text.
struct LinkView: TemplateFields, Equatable {
    var title: String
    var url: String
}

/// A theme, audience or status as shown on a page.
struct TermView: TemplateFields, Equatable {
    var id: String
    var label: String
    var description: String
    /// Its index page in the edition.
    var url: String
}

/// What `layout.mustache` receives; `content` is the page-specific template's output.
struct LayoutView: TemplateFields, Equatable {
    var lang: String
    /// `lang` as Open Graph writes it: `en_GB`.
    var openGraphLocale: String
    /// `website`, or `article` for chapters.
    var openGraphType: String
    var pageTitle: String
    var description: String
    var canonicalURL: String?
    /// Relative path from this page to the site root: "" or "../".
    var root: String
    var publicationTitle: String
    /// The header's title on phones: "Routemap".
    var publicationShortTitle: String
    /// On the front page, whose own title is the publication's, the header does not repeat it.
    var frontPage: Bool
    var publisher: String
    var licenceName: String?
    var licenceURL: String?
    var homeURL: String
    /// The search page of the page's edition (or of the current edition).
    var searchURL: String?
    /// The short title of the edition searched.
    var searchEdition: String?
    /// The Atom feed (absent without `base_url`).
    var feedURL: String?
    /// The accessibility statement (absent without an `accessibility:` block).
    var accessibilityURL: String?
    var editionLinks: [EditionLinkView]
    var breadcrumbs: [LinkView]
    /// On pages of a consultation edition.
    var banner: ConsultationBannerView?
    /// On pages of an edition not published by the build date (in a preview only).
    var embargo: EmbargoNoticeView?
    var content: HTML
    /// The running header of printed pages, escaped for a CSS string: "Routemap – Final edition".
    var runningHeader: String
    /// The tool and its version, for the generator meta tag: "routemap 0.5.0".
    var generator = RoutemapVersion.generatorName
    /// The stylesheet itself, for the 404 page: servers show it at any address, and it is opened
    /// from disk, so a link to the stylesheet could not be relied on.
    var inlineStyle: String?
    /// The page's social card (absent without `base_url` or `rsvg-convert`).
    var socialImage: SocialImageView?
}

/// An edition in the header's edition list.
struct EditionLinkView: TemplateFields, Equatable {
    var title: String
    var shortTitle: String
    var url: String
    var current: Bool
}

/// One chapter in a list of chapters (contents page, sidebar).
struct ChapterLinkView: TemplateFields, Equatable {
    var number: Int
    var title: String
    var url: String
    var summary: String?
    var statusLabel: String
    var current: Bool
}

/// A part of an edition ("Section 2: Strategic capabilities") with its chapters.
struct PartView: TemplateFields, Equatable {
    /// Named `heading`, not `title`: a nil optional makes a template look the name up in the enclosing views.
    var heading: String?
    var anchor: String
    var chapters: [ChapterLinkView]
}

/// The contents of an edition, grouped into parts.
struct ContentsView: TemplateFields, Equatable {
    var editionTitle: String
    var contentsURL: String
    var parts: [PartView]
}

/// `front.mustache`: the publication's front page.
/// A consultation on the front page: a heading for its stage, the banner's words, and the draft.
struct FrontConsultationView: TemplateFields, Equatable {
    /// "Consultation open until Monday 4 April 2011"
    var heading: String
    var state: ConsultationBannerView
    var editionTitle: String
    var editionURL: String
    /// Before the current edition while the consultation's edition is the current one; after it once a newer one is.
    var first: Bool
}

/// "Embargoed: not for publication before 11 May 2011", on every page of an embargoed edition.
struct EmbargoNoticeView: TemplateFields, Equatable {
    /// "11 May 2011"
    var until: String
    var buildDate: String
}

struct FrontPageView: TemplateFields, Equatable {
    var publicationTitle: String
    var publisher: String
    /// "8 March 2011", when no edition is published by the build date yet.
    var firstPublished: String?
    /// The newest consultation and where it stands: the first thing the front page shows.
    var consultation: FrontConsultationView?
    var current: EditionSummaryView?
    /// The current edition's PDF, when the build made one (`--pdf`).
    var pdf: PDFLinkView?
    var editions: [EditionSummaryView]
}

struct EditionSummaryView: TemplateFields, Equatable {
    var title: String
    var shortTitle: String
    var kind: String
    var statusLabel: String
    var published: String?
    var summary: String?
    var url: String
    var chapterCount: Int
    /// The status, unless the short title says it already ("Final edition · Final").
    var statusNote: String?
    /// Whether this is the current edition, shown above the list of editions.
    var isCurrent: Bool
}

/// `contents.mustache`: an edition's contents page.
struct ContentsPageView: TemplateFields, Equatable {
    var edition: EditionSummaryView
    var contents: ContentsView
    var citation: CitationView
    /// The edition's themes, audiences and statuses.
    var overviewURL: String
    /// What changed since the previous edition (absent for the first edition).
    var changes: LinkView?
    /// The edition's printable page.
    var printURL: String
    /// The edition's PDF (absent unless built with --pdf).
    var pdf: PDFLinkView?
}

/// "Cite this": a reference to an edition and its address.
struct CitationView: TemplateFields, Equatable {
    var text: String
    var url: String?
}

/// A heading in a chapter's "On this page" list.
struct SectionLinkView: TemplateFields, Equatable {
    var text: String
    var id: String
    var level: Int
    var subsection: Bool
}

/// `chapter.mustache`: one chapter page.
struct ChapterPageView: TemplateFields, Equatable {
    var number: Int
    var title: String
    var part: String?
    var summary: String?
    var updated: String?
    var themes: [TermView]
    var audiences: [TermView]
    var status: TermView
    var sections: [SectionLinkView]
    var body: HTML
    var previous: ChapterLinkView?
    var next: ChapterLinkView?
    /// The sidebar: the edition's whole contents, or an abridged one for a long edition (Sidebar.swift).
    var contents: SidebarView
    var edition: EditionSummaryView
    /// The same chapter in the older edition and, once published, the newer one.
    var counterparts: [CounterpartView]
    /// What changed since the older edition (absent without an older counterpart).
    var changes: LinkView?
    /// This chapter's section of the edition's printable page.
    var printURL: String
}
