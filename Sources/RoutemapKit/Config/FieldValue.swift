import Yams

/// A YAML value as `FieldReader` reads it: a single value, a list or a mapping, and where it is
/// written. SimpleYAML makes these directly from plain front matter; what Yams parses is
/// converted from its nodes. (Building Yams' nodes, tags and marks for every chapter cost more
/// than reading the fields from them.)
struct FieldValue: Equatable {
    enum Content: Equatable {
        case text(String)
        case list([FieldValue])
        case mapping([Field])
    }

    /// One `key: value` entry of a mapping.
    struct Field: Equatable {
        var key: FieldValue
        /// The key's text when YAML reads the key as text (untagged or `!!str`): only such a key
        /// names a field, not `1:`, `true:` or `!!int order:`. (Warnings about unknown fields
        /// and moved anchors read every key's `text`.)
        var name: String?
        var value: FieldValue
    }

    var content: Content
    /// A field given no value, as YAML 1.2's core schema says: written plain (unquoted, untagged)
    /// as `null`, `Null`, `NULL`, `~` or nothing at all, or tagged `!!null`. A quoted `"~"` or
    /// `"null"` is that text.
    var isNull: Bool
    /// 1-based, in the YAML text.
    var line: Int
    var column: Int

    /// `plain`: written without quotes or a tag, so that its text alone says whether it is null.
    init(_ content: Content, plain: Bool = false, taggedNull: Bool = false, line: Int, column: Int) {
        self.content = content
        if plain, case .text(let text) = content, FieldValue.nullSpellings.contains(text) {
            isNull = true
        } else {
            isNull = taggedNull
        }
        self.line = line
        self.column = column
    }

    /// The plain scalars YAML's core schema reads as null.
    static let nullSpellings: Set<String> = ["~", "null", "Null", "NULL", ""]

    /// The text of a single value.
    var text: String? {
        if case .text(let text) = content { return text }
        return nil
    }

    var list: [FieldValue]? {
        if case .list(let items) = content { return items }
        return nil
    }

    var mapping: [Field]? {
        if case .mapping(let fields) = content { return fields }
        return nil
    }

    var kindName: String {
        switch content {
        case .text: return "a single value"
        case .list: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

extension FieldValue {
    /// `node` as Yams composed it. Tags are read as they stand: composing resolves the tags of
    /// mapping keys (to find repeated keys) but not of values, so a plain `null` value is text here.
    init(_ node: Node) {
        let line = node.mark?.line ?? 1, column = node.mark?.column ?? 1
        switch node {
        case .scalar(let scalar):
            // By name: making a Tag to compare with builds Yams' tables of constructors each time.
            // Untagged values keep an empty tag here (composing does not resolve them).
            let tag = scalar.tag.rawValue
            self.init(.text(scalar.string), plain: scalar.style == .plain && (tag.isEmpty || tag == "?"),
                      taggedNull: tag == Tag.Name.null.rawValue, line: line, column: column)
        case .sequence(let sequence):
            self.init(.list(sequence.map(FieldValue.init)), line: line, column: column)
        case .mapping(let mapping):
            self.init(.mapping(mapping.map(Field.init)), line: line, column: column)
        case .alias:
            preconditionFailure("Yams composes an alias into the node it names")
        }
    }
}

extension FieldValue.Field {
    fileprivate init(_ entry: Node.Mapping.Element) {
        let key = entry.key
        // Yams reads a key as text (`Node.string`) also when it is a mapping with a `=` entry.
        self.key = key.string.map { FieldValue(.text($0), line: key.mark?.line ?? 1, column: key.mark?.column ?? 1) } ?? FieldValue(key)
        if let scalar = key.scalar, scalar.tag.rawValue.isEmpty || scalar.tag.rawValue == Tag.Name.str.rawValue {
            name = scalar.string
        } else {
            name = nil
        }
        value = FieldValue(entry.value)
    }
}
