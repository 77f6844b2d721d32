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
///
/// Its fields are held in one object, copied on the first change: every stage reads thousands of
/// chapters, and a copy of one was a retain of each of its strings and arrays (about a twentieth of
/// the preview's rebuild, spread over the contents, the links, the printable pages and the
/// comparison); now it is one.
public struct Chapter: Sendable, Equatable {
    /// What a chapter holds; see the properties of the same names below.
    struct Fields: Sendable, Equatable {
        var id: String
        var title: String
        var order: Int?
        var part: String?
        var themes: [String]
        var audiences: [String]
        var status: String
        var summary: String?
        var updated: CalendarDate?
        var sourcePath: String
        var fileName: String
        var body: [UInt8]
        var bodyLineOffset: Int
        var number: Int = 0
        var movedAnchors: [MovedAnchor] = []
        var idPosition = FilePosition(line: 1, column: 1)
        var orderPosition = FilePosition(line: 1, column: 1)
        var updatedPosition = FilePosition(line: 1, column: 1)
        var isIncomplete = false
    }

    /// Changed only while no other chapter shares it (`fields`' `_modify`).
    private final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    private var fields: Fields {
        _read { yield storage.fields }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            yield &storage.fields
        }
    }

    public init(id: String, title: String, order: Int?, part: String?, themes: [String], audiences: [String], status: String,
                summary: String?, updated: CalendarDate?, sourcePath: String, fileName: String, body: [UInt8], bodyLineOffset: Int,
                number: Int = 0, movedAnchors: [MovedAnchor] = []) {
        self.init(Fields(id: id, title: title, order: order, part: part, themes: themes, audiences: audiences, status: status,
                         summary: summary, updated: updated, sourcePath: sourcePath, fileName: fileName, body: body,
                         bodyLineOffset: bodyLineOffset, number: number, movedAnchors: movedAnchors))
    }

    init(_ fields: Fields) {
        storage = Storage(fields)
    }

    public static func == (a: Chapter, b: Chapter) -> Bool { a.storage === b.storage || a.fields == b.fields }

    /// Stable across editions: the same id in the draft and the final edition is the same chapter.
    public var id: String { get { fields.id } set { fields.id = newValue } }
    public var title: String { get { fields.title } set { fields.title = newValue } }
    public var order: Int? { get { fields.order } set { fields.order = newValue } }
    public var part: String? { get { fields.part } set { fields.part = newValue } }
    public var themes: [String] { get { fields.themes } set { fields.themes = newValue } }
    public var audiences: [String] { get { fields.audiences } set { fields.audiences = newValue } }
    public var status: String { get { fields.status } set { fields.status = newValue } }
    public var summary: String? { get { fields.summary } set { fields.summary = newValue } }
    public var updated: CalendarDate? { get { fields.updated } set { fields.updated = newValue } }
    /// The file as named in diagnostics, such as `content/final/governance.md`.
    public var sourcePath: String { get { fields.sourcePath } set { fields.sourcePath = newValue } }
    /// The file's name within its edition folder, such as `governance.md`.
    public var fileName: String { get { fields.fileName } set { fields.fileName = newValue } }
    /// The Markdown after the front matter, as UTF-8 bytes: cmark-gfm reads them as they are.
    public var body: [UInt8] { get { fields.body } set { fields.body = newValue } }
    /// Lines of the file before the body (the front matter and its fences).
    public var bodyLineOffset: Int { get { fields.bodyLineOffset } set { fields.bodyLineOffset = newValue } }
    /// 1-based position in the edition's reading order.
    public var number: Int { get { fields.number } set { fields.number = newValue } }
    /// Heading anchors of the previous edition's counterpart that now live elsewhere: old id → new id.
    public var movedAnchors: [MovedAnchor] { get { fields.movedAnchors } set { fields.movedAnchors = newValue } }
    /// Where the `id:` and `order:` values are written (the front matter's first field when there is none),
    /// so that a clash between chapters is reported where the editor can fix it.
    var idPosition: FilePosition { get { fields.idPosition } set { fields.idPosition = newValue } }
    var orderPosition: FilePosition { get { fields.orderPosition } set { fields.orderPosition = newValue } }
    var updatedPosition: FilePosition { get { fields.updatedPosition } set { fields.updatedPosition = newValue } }
    /// Loaded in spite of errors in its front matter (see `ChapterLoader`): only checked, never published.
    var isIncomplete: Bool { get { fields.isIncomplete } set { fields.isIncomplete = newValue } }
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
