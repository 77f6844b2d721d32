/// Where something sits in a Markdown source: 1-based line and column, counted in the text handed
/// to the renderer; the column in characters, as editors count it (see `CharacterColumns`).
public struct SourcePosition: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A heading of the rendered document, with the id its HTML element carries.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String
    public var position: SourcePosition
}

/// A link as the author wrote it (`original`) and as it was rendered (`destination`).
public struct Link: Sendable, Hashable {
    public var original: String
    public var destination: String
    public var text: String
    public var position: SourcePosition
    /// Written as an `href` in raw HTML (allowed by `raw_html`) rather than as a Markdown link.
    public var inRawHTML = false

    public init(original: String, destination: String, text: String, position: SourcePosition, inRawHTML: Bool = false) {
        self.original = original
        self.destination = destination
        self.text = text
        self.position = position
        self.inRawHTML = inRawHTML
    }
}

/// An image reference with its alternative text.
public struct Image: Sendable, Hashable {
    /// As the author wrote it.
    public var source: String
    public var alt: String
    public var position: SourcePosition
    /// As it was rendered (a path from the site's root made relative); `source` when unchanged.
    public var destination: String
    /// Written as a `src` in raw HTML (allowed by `raw_html`) rather than as a Markdown image.
    public var inRawHTML = false

    public init(source: String, alt: String, position: SourcePosition, destination: String? = nil, inRawHTML: Bool = false) {
        self.source = source
        self.alt = alt
        self.position = position
        self.destination = destination ?? source
        self.inRawHTML = inRawHTML
    }
}

/// Everything the rest of the build needs from one Markdown document, as plain values:
/// nothing downstream re-parses the HTML.
public struct RenderedMarkdown: Sendable {
    /// The document's HTML as UTF-8 bytes, the way pages are written: made a String, tens of
    /// megabytes of chapters would be checked as UTF-8 again.
    public var htmlUTF8: [UInt8]
    public var headings: [Heading]
    public var links: [Link]
    public var images: [Image]
    /// The words of the document, section by section (a section runs from one heading to the next),
    /// for search.
    public var sections: [SectionText]
    public var footnoteCount: Int
    /// Items under `MarkdownOptions.labelledItemsHeading`, in order (empty when it is not set).
    public var labelledItems: [LabelledItem] = []
    /// The top-level blocks (footnotes excluded) as plain text, numbered when asked.
    public var blocks: [TextBlock] = []
    /// Items under `MarkdownOptions.questionsHeading`, in order (empty when it is not set).
    public var questions: [Question] = []
    /// Ids given by raw HTML (`<h2 id="s1">`, allowed by `raw_html`): link targets like headings' ids.
    public var rawHTMLIDs: [String] = []
    /// What does not reach readers as its author meant it (see `Notice`), in document order.
    public var notices: [Notice] = []

    /// The document's HTML as text, made on each call (for tests and messages).
    public var html: String { String(decoding: htmlUTF8, as: UTF8.self) }
}

/// The plain text of one section: the words under a heading, without markup.
public struct SectionText: Sendable, Hashable {
    /// Nil for the text before the first heading.
    public var headingID: String?
    public var heading: String?
    public var text: String
}

/// Gathers text into sections as the tree is walked, with single spaces between blocks and lines.
/// The current section's text is kept as bytes, and made a String when the section ends.
struct SectionTextCollector {
    /// Off, nothing is kept and `finished` is empty (`MarkdownOptions.searchText`).
    var collecting = true
    private var done: [SectionText] = []
    private var current = SectionText(headingID: nil, heading: nil, text: "")
    private var currentText: [UInt8] = []
    private var needsSpace = false
    /// Whether what goes before the next text is " | " (between a table's cells) rather than a space.
    private var betweenCells = false

    mutating func start(_ section: SectionText) {
        finishCurrent()
        current = section
        currentText.removeAll(keepingCapacity: true)
        currentText.append(contentsOf: section.text.utf8)
        needsSpace = false
        betweenCells = false
    }

    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        guard collecting else { return }
        if needsSpace, !currentText.isEmpty {
            if betweenCells { currentText += " | ".utf8 } else { currentText.append(UInt8(ascii: " ")) }
        }
        needsSpace = false
        betweenCells = false
        currentText.append(contentsOf: text)
    }

    mutating func separate() { needsSpace = true }

    /// After a table's cell: " | " rather than a space (kept when a row's end follows the cell's).
    mutating func separateCells() {
        needsSpace = true
        betweenCells = true
    }

    /// After a table: a space again.
    mutating func separateTable() {
        needsSpace = true
        betweenCells = false
    }

    var finished: [SectionText] {
        var copy = self
        copy.finishCurrent()
        return copy.done
    }

    private mutating func finishCurrent() {
        guard collecting, current.headingID != nil || !currentText.isEmpty else { return }
        current.text = String(decoding: currentText, as: UTF8.self)
        done.append(current)
    }
}
