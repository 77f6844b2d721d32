/// A list item that starts with a bold label and a colon (`- **Chief executives:** Review…`),
/// found under the heading named in `MarkdownOptions.labelledItemsHeading`.
public struct LabelledItem: Sendable, Hashable {
    /// The label without its colon: "Chief executives".
    public var label: String
    /// The plain text after the label.
    public var text: String
    /// The id of the heading the item sits under.
    public var sectionID: String
    /// The id given to the item's label, so that other pages can link to it.
    public var anchor: String
    /// Where the label starts.
    public var position: SourcePosition
}

/// One top-level block of a document as plain text, in reading order: what the comparison of
/// two editions works on, without re-parsing Markdown or HTML.
public struct TextBlock: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case heading, paragraph, list, quote, code, table, other
    }

    public var kind: Kind
    /// The text a reader sees; list items, table rows and the paragraphs of a quote on their own lines.
    /// Empty when rendered without `MarkdownOptions.blockText` (a build keeps it only for chapters it compares).
    public var text: String
    /// The heading's id, or the paragraph's anchor when paragraphs are numbered.
    public var anchor: String?
    /// "3.2" when paragraphs are numbered.
    public var number: String?
    public var position: SourcePosition
    /// Where the block's links lead and its images come from, as rendered, in order: a block whose
    /// only change is a link's address has changed too. Empty without `MarkdownOptions.blockText`.
    public var destinations: [String] = []

    public init(kind: Kind, text: String, anchor: String?, number: String?, position: SourcePosition, destinations: [String] = []) {
        self.kind = kind
        self.text = text
        self.anchor = anchor
        self.number = number
        self.position = position
        self.destinations = destinations
    }
}
