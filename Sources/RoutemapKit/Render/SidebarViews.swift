import Templates

// The values of a chapter page's contents sidebar (`contents` in chapter.mustache). Plain structs
// whose stored properties are template fields, like every view model; docs/guide/themes.md lists every field.

/// The sidebar: the whole contents of a small edition, or an abridged contents of a large one
/// (nearby parts, and nearby chapters of the current part), so that every page stays the same size
/// however many chapters the edition has.
struct SidebarView: TemplateFields, Equatable {
    var editionTitle: String
    var contentsURL: String
    /// True when parts or chapters are left out: the template then links to the full contents page.
    var abridged: Bool
    /// Chapters in the whole edition.
    var chapterCount: Int
    var partsBefore: MoreLinkView?
    var parts: [SidebarPartView]
    var partsAfter: MoreLinkView?
}

/// A part in the sidebar: expanded (its chapters listed) or, in an abridged sidebar, one link.
struct SidebarPartView: TemplateFields, Equatable {
    /// The part's name; absent for chapters before the first named part.
    var heading: String?
    /// The heading, or "Chapters 1–4" when there is none.
    var label: String
    /// The part on the edition's contents page.
    var url: String
    var anchor: String
    /// Whether its chapters are listed: always in a full sidebar; only the current part's otherwise.
    var expanded: Bool
    /// Chapters in the whole part.
    var partChapterCount: Int
    /// The numbers of its first and last chapters: "26–50".
    var numbers: String
    var chaptersBefore: MoreLinkView?
    var chapters: [ChapterLinkView]
    var chaptersAfter: MoreLinkView?
}

/// Stands for entries an abridged sidebar leaves out: "12 earlier chapters", linking to where the
/// contents page lists them.
struct MoreLinkView: TemplateFields, Equatable {
    var text: String
    var url: String
}
