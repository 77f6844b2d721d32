/// Whether an edition was published for comment or is the published text.
public enum EditionKind: String, Sendable, CaseIterable, Equatable {
    case consultation, final
}

/// How and by when to respond to a consultation draft.
public struct Consultation: Sendable, Equatable {
    public var opens: CalendarDate
    public var closes: CalendarDate
    public var responseURL: String?
    public var responseEmail: String?
    /// Where the outcome is, once edition.yml says (`outcome:`); the consultation is then concluded.
    public var outcome: ConsultationOutcome?
}

/// `outcome:` in a consultation edition's edition.yml: where the summary of responses is and
/// which edition followed the consultation.
public struct ConsultationOutcome: Sendable, Equatable {
    /// As written: a chapter (`../final/introduction.md#what-changed`), a file beside the chapters, or a web address.
    public var summary: String
    /// The folder of the edition that followed, if any.
    public var edition: String?
    /// edition.yml, and where `summary:` and `edition:` are written in it.
    var file: String
    var summaryPosition = FilePosition(line: 1, column: 1)
    var editionPosition = FilePosition(line: 1, column: 1)
}

/// One chapter: its metadata from the front matter and its Markdown body.
public struct Chapter: Sendable, Equatable {
    /// Stable across editions: the same id in the draft and the final edition is the same chapter.
    public var id: String
    public var title: String
    public var order: Int?
    public var part: String?
    public var themes: [String]
    public var audiences: [String]
    public var status: String
    public var summary: String?
    public var updated: CalendarDate?
    /// The file as named in diagnostics, such as `content/final/governance.md`.
    public var sourcePath: String
    /// The file's name within its edition folder, such as `governance.md`.
    public var fileName: String
    /// The Markdown after the front matter, as UTF-8 bytes: cmark-gfm reads them as they are.
    public var body: [UInt8]
    /// Lines of the file before the body (the front matter and its fences).
    public var bodyLineOffset: Int
    /// 1-based position in the edition's reading order.
    public var number: Int = 0
    /// Heading anchors of the previous edition's counterpart that now live elsewhere: old id → new id.
    public var movedAnchors: [MovedAnchor] = []
    /// Where the `id:` and `order:` values are written (the front matter's first field when there is none),
    /// so that a clash between chapters is reported where the editor can fix it.
    var idPosition = FilePosition(line: 1, column: 1)
    var orderPosition = FilePosition(line: 1, column: 1)
    var updatedPosition = FilePosition(line: 1, column: 1)
    /// Loaded in spite of errors in its front matter (see `ChapterLoader`): only checked, never published.
    var isIncomplete = false
}

/// A 1-based line and column in a content file.
struct FilePosition: Sendable, Hashable {
    var line: Int
    var column: Int
}

/// One edition of the publication (the consultation draft or the final edition) with its chapters in order.
public struct Edition: Sendable, Equatable {
    /// The edition's folder name, such as `final`; also its folder in the output.
    public var id: String
    public var title: String
    public var shortTitle: String
    public var kind: EditionKind
    public var status: String
    public var published: CalendarDate?
    public var consultation: Consultation?
    public var summary: String?
    public var chapters: [Chapter]
    /// Other files in the edition folder (images, downloads), relative to it, copied to the output.
    public var assets: [String]

    public func chapter(fileName: String) -> Chapter? { chapters.first { $0.fileName == fileName } }
    public func chapter(id: String) -> Chapter? { chapters.first { $0.id == id } }
}

/// The whole publication as read from `content/`.
public struct Publication: Sendable, Equatable {
    public var config: PublicationConfig
    public var editions: [Edition]
    /// Where the content was read from, for copying assets.
    public var contentDirectory: String
    /// Editions whose `published` date is after the build date (see `Embargo`). A published build
    /// holds only their ids and dates, never their text; a preview also keeps them in `editions`.
    public var embargoed: [EmbargoedEdition] = []

    public func edition(_ id: String) -> Edition? { editions.first { $0.id == id } }

    public func isEmbargoed(_ editionID: String) -> Bool { embargoed.contains { $0.id == editionID } }

    /// The newest edition published by the build date: the one the front page and `print/` show.
    public var currentEdition: Edition? {
        let published = editions.filter { !isEmbargoed($0.id) }
        return published.last { $0.published != nil } ?? published.last
    }
}

/// An edition that a build for some date must not publish: all a published build knows of it.
public struct EmbargoedEdition: Sendable, Equatable {
    /// The edition's folder name.
    public var id: String
    /// The day it may be published.
    public var published: CalendarDate
}
