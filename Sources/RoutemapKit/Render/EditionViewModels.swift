import Templates

// View models of the views by theme, audience and status, the consultation banner and the
// comparison between editions. Every stored property is a template field (see ViewModels.swift).

/// The consultation banner on every page of a consultation edition. Exactly one of
/// `upcoming`, `open` and `closed` is true.
struct ConsultationBannerView: TemplateFields, Equatable {
    var state: String
    var upcoming: Bool
    var open: Bool
    var closed: Bool
    var concluded: Bool
    /// "Tuesday 8 March 2011"
    var opens: String
    /// "Monday 4 April 2011"
    var closes: String
    var respondURL: String?
    var respondEmail: String?
    /// The edition's "Respond" page, when it asks questions.
    var respondPage: String?
    var questionCount: Int
    /// Where the summary of responses is, once concluded.
    var outcomeURL: String?
    /// The newer edition, once it is published by the build date.
    var successor: SuccessorView?
}

struct SuccessorView: TemplateFields, Equatable {
    var title: String
    var url: String
    var published: String
}

/// A link to the same chapter in another edition.
struct CounterpartView: TemplateFields, Equatable {
    /// "Read this chapter in the consultation draft" or "This draft has been superseded: read the final version".
    var text: String
    var url: String
    /// `superseded` (on an older edition's page) or `earlier` (on a newer edition's page).
    var relation: String
    var superseded: Bool
}

/// A theme, audience or status with how many chapters of the edition carry it.
struct TermCountView: TemplateFields, Equatable {
    var label: String
    var description: String
    var url: String
    var chapterCount: Int
    /// "1 chapter", "5 chapters"
    var chapterCountText: String
}

/// `overview.mustache`: every theme, audience and status of an edition with their chapter counts.
struct OverviewPageView: TemplateFields, Equatable {
    var edition: EditionSummaryView
    var themes: [TermCountView]
    var audiences: [TermCountView]
    var statuses: [TermCountView]
}

/// One action: what a chapter asks an audience to do, linking back to its place.
struct ActionView: TemplateFields, Equatable {
    var text: String
    var url: String
}

/// The actions one chapter asks of an audience.
struct ActionGroupView: TemplateFields, Equatable {
    var chapterNumber: Int
    var chapterTitle: String
    var chapterURL: String
    var actions: [ActionView]
}

/// `term.mustache`: the index page of one theme, audience or status in an edition.
struct TermPageView: TemplateFields, Equatable {
    /// "Theme", "Audience" or "Status".
    var kindLabel: String
    var term: TermView
    var chapters: [ChapterLinkView]
    var edition: EditionSummaryView
    var overviewURL: String
    /// On an audience's page: what the chapters ask it to do, by chapter.
    var actionGroups: [ActionGroupView]
    var actionsHeading: String?
    /// Whether the chapters listed have different statuses: only then is each one's status shown.
    var statusesDiffer: Bool
}

/// A run of words on a changes page.
struct WordChangeView: TemplateFields, Equatable {
    var text: String
    var same: Bool
    var inserted: Bool
    var deleted: Bool
    /// A space before the run, where a deleted word meets an inserted one ("the their", not
    /// "thetheir") or a word meets a deleted one without the space the text had between them.
    var spaceBefore: Bool
}

/// One block on a chapter's changes page.
struct BlockChangeView: TemplateFields, Equatable {
    /// `unchanged`, `added`, `removed`, `changed`, `moved`, `moved-changed` or `moved-away`: for the stylesheet.
    var kind: String
    /// The visible label: "Added", "Removed", "Changed", "Moved here", "Moved here and changed", "Moved", or nothing when unchanged.
    var label: String?
    var unchanged: Bool
    /// The paragraph number in the newer edition, or "was 2.3" for a block only the older one has.
    /// (Not `number`: when absent, a template would find the chapter's number instead.)
    var paragraphNumber: String?
    /// An id on this page, so that a moved block can link to its new place.
    var anchor: String
    var heading: Bool
    /// The words, with inserted and deleted runs marked (one `same` run when nothing changed inside).
    var words: [WordChangeView]
    /// For a block that moved away: a link to where it now stands.
    var movedToURL: String?
}

/// `chapter-changes.mustache`: what changed in one chapter since the older edition.
struct ChapterChangesPageView: TemplateFields, Equatable {
    var number: Int
    var title: String
    var oldTitle: String
    var retitled: Bool
    var chapterURL: String
    var olderChapterURL: String
    var olderEditionTitle: String
    var summaryURL: String
    var added: Int
    var removed: Int
    var changed: Int
    var moved: Int
    var unchangedCount: Int
    var noChanges: Bool
    var blocks: [BlockChangeView]
}

/// A chapter on the changes summary page.
struct ChangedChapterView: TemplateFields, Equatable {
    var number: Int
    var title: String
    var url: String
    var oldTitle: String?
    var changesURL: String?
    /// "3 added, 1 removed, 2 changed, 1 moved"
    var detail: String?
}

/// A group of chapters on the changes summary: added, removed, retitled, changed or unchanged.
struct ChangeGroupView: TemplateFields, Equatable {
    var heading: String
    var anchor: String
    var count: Int
    var hasChapters: Bool
    var chapters: [ChangedChapterView]
}

/// `changes.mustache`: what changed between two editions.
struct ChangesPageView: TemplateFields, Equatable {
    /// "What changed since the consultation draft"
    var heading: String
    var edition: EditionSummaryView
    var olderEdition: EditionSummaryView
    /// Every group with its count, for the summary list (empty groups included).
    var counts: [ChangeGroupView]
    /// The groups that have chapters.
    var groups: [ChangeGroupView]
}
