/// A Mustache template, parsed once when the theme is loaded and rendered for every page.
///
/// The syntax is Mustache's (https://mustache.github.io/mustache.5.html): `{{name}}` (escaped),
/// `{{{name}}}` and `{{& name}}` (not escaped), sections `{{#name}}…{{/name}}`, inverted sections
/// `{{^name}}…{{/name}}`, comments `{{! … }}`, partials `{{> name}}`, `{{=<% %>=}}` to change the
/// delimiters, dotted names and `{{.}}`; and swift-mustache's functions, such as `empty(chapters)`.
/// Tags alone on a line leave no blank line behind, as the Mustache specification says.
public struct Template: Sendable {
    let nodes: [TemplateNode]

    public init(_ text: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(Array(text.utf8))
        nodes = try parser.parse()
    }
}

/// Where and why a template cannot be read.
public struct TemplateSyntaxError: Error, Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var message: String
    public var hint: String
}

/// A name as a template writes it: `edition.title`, `.`, or a function of a name, `empty(themes)`.
///
/// A class, so that a node hands its name to the renderer with one reference count, where the
/// name's two arrays cost two for every value written (docs/guide/performance.md).
final class TemplateName: Sendable {
    /// Empty for `.`, the current value.
    let path: [String]
    /// Applied first to last: `count(reversed(x))` is [reversed, count].
    let functions: [TemplateFunction]
    /// The first part of the path, and whether it is all of the name (no more parts, no functions):
    /// most names are one word, found without walking the arrays.
    let first: String?
    let isOneWord: Bool

    init(path: [String], functions: [TemplateFunction]) {
        self.path = path
        self.functions = functions
        first = path.first
        isOneWord = path.count == 1 && functions.isEmpty
    }
}

/// Text is held as UTF-8 bytes, as pages are written. Not `indirect`: a section's array already
/// holds its children apart, and a boxed node cost a reference count each time the renderer reached it.
enum TemplateNode: Sendable {
    case text([UInt8])
    case value(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode])
    case invertedSection(TemplateName, [TemplateNode])
    /// `indentation` is set for a partial alone on its line: each of its lines is indented alike.
    case partial(String, indentation: [UInt8]?)
}

/// Reads a template's bytes into nodes, deciding which tags stand alone on their lines the way
/// swift-mustache does, so that themes written for it render to the same bytes.
struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0
    private var opening: [UInt8] = Array("{{".utf8)
    private var closing: [UInt8] = Array("}}".utf8)

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func parse() throws(TemplateSyntaxError) -> [TemplateNode] {
        try parseNodes(inside: nil, atLineStart: true)
    }

    private struct OpenSection {
        var tag: String
        var name: String
        var position: Int
    }

    private mutating func parseNodes(inside section: OpenSection?, atLineStart: Bool) throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var newLine = atLineStart
        var whitespaceBefore: [UInt8] = []
        while position < bytes.count {
            if newLine { whitespaceBefore = readSpacesAndTabs() }
            let (text, foundTag) = readTextUntilTagOrNewline()
            if let newline = newlineLength(at: position) {
                append(whitespaceBefore + text + bytes[position..<position + newline], to: &nodes)
                position += newline
                newLine = true
                continue
            }
            if !text.isEmpty {
                append(whitespaceBefore + text, to: &nodes)
                whitespaceBefore = []
                newLine = false
            }
            guard foundTag, position < bytes.count else { break }
            let tagStart = position - opening.count

            func flushWhitespace() {
                if !whitespaceBefore.isEmpty {
                    append(whitespaceBefore, to: &nodes)
                    whitespaceBefore = []
                }
            }
            var standalone = false
            switch bytes[position] {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = bytes[position] == UInt8(ascii: "^")
                position += 1
                let (name, raw) = try readName(tagStart: tagStart)
                standalone = newLine && lineFinished()
                if !standalone { flushWhitespace() }
                let open = OpenSection(tag: inverted ? "^" : "#", name: raw, position: tagStart)
                let children = try parseNodes(inside: open, atLineStart: standalone)
                nodes.append(inverted ? .invertedSection(name, children) : .section(name, children))
            case UInt8(ascii: "/"):
                position += 1
                let (_, raw) = try readName(tagStart: tagStart)
                guard let section else {
                    throw error(at: tagStart, "{{/\(raw)}} closes a section that was never opened",
                                hint: "remove it, or open the section with {{#\(raw)}} before it")
                }
                guard raw == section.name else {
                    let (line, _) = lineAndColumn(section.position)
                    throw error(at: tagStart, "{{/\(raw)}} does not close {{\(section.tag)\(section.name)}}, opened on line \(line)",
                                hint: "close the inner section first with {{/\(section.name)}}")
                }
                if !(newLine && lineFinished()) { flushWhitespace() }
                return nodes
            case UInt8(ascii: "!"):
                position += 1
                guard let end = find(closing, from: position) else {
                    throw error(at: tagStart, "the comment is never closed", hint: "end it with \(String(decoding: closing, as: UTF8.self))")
                }
                position = end + closing.count
                standalone = newLine && lineFinished()
            case UInt8(ascii: "{"):
                flushWhitespace()
                position += 1
                let (name, _) = try readName(tagStart: tagStart)
                guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else {
                    throw error(at: tagStart, "a tag opened with {{{ must be closed with }}}", hint: "add the third '}'")
                }
                position += 1
                nodes.append(.value(name, escaped: false))
            case UInt8(ascii: "&"):
                flushWhitespace()
                position += 1
                let (name, _) = try readName(tagStart: tagStart)
                nodes.append(.value(name, escaped: false))
            case UInt8(ascii: ">"):
                position += 1
                let name = try readPartialName(tagStart: tagStart)
                let indentation = whitespaceBefore
                flushWhitespace()
                standalone = newLine && lineFinished()
                nodes.append(.partial(name, indentation: standalone ? indentation : nil))
            case UInt8(ascii: "="):
                position += 1
                try readDelimiters(tagStart: tagStart)
                standalone = newLine && lineFinished()
            case UInt8(ascii: "<"), UInt8(ascii: "$"), UInt8(ascii: "%"):
                throw error(at: tagStart, "template inheritance, blocks and pragmas are not supported",
                            hint: "use sections and partials ({{> name}}) instead")
            default:
                flushWhitespace()
                let (name, _) = try readName(tagStart: tagStart)
                nodes.append(.value(name, escaped: true))
            }
            newLine = standalone
        }
        if let section {
            throw error(at: section.position, "{{\(section.tag)\(section.name)}} is never closed",
                        hint: "close it with {{/\(section.name)}}")
        }
        return nodes
    }

    // MARK: Reading

    /// Adds text, joined to the text before it: fewer nodes to walk on every page.
    private func append(_ text: [UInt8], to nodes: inout [TemplateNode]) {
        if case .text(let previous)? = nodes.last {
            nodes[nodes.count - 1] = .text(previous + text)
        } else {
            nodes.append(.text(text))
        }
    }

    private func newlineLength(at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "\n"): return 1
        case UInt8(ascii: "\r"): return index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") ? 2 : 1
        default: return nil
        }
    }

    private mutating func readSpacesAndTabs() -> [UInt8] {
        let start = position
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") { position += 1 }
        return Array(bytes[start..<position])
    }

    /// Text up to a newline (left unread) or an opening delimiter (read); `foundTag` says which.
    private mutating func readTextUntilTagOrNewline() -> (text: [UInt8], foundTag: Bool) {
        let start = position
        while position < bytes.count {
            if newlineLength(at: position) != nil { return (Array(bytes[start..<position]), false) }
            if bytes[position] == opening[0], matches(opening, at: position) {
                let text = Array(bytes[start..<position])
                position += opening.count
                return (text, true)
            }
            position += 1
        }
        return (Array(bytes[start..<position]), false)
    }

    /// After a tag: true when only spaces and a newline (read) or the end of the template follow.
    private mutating func lineFinished() -> Bool {
        if position == bytes.count { return true }
        var index = position
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        guard let newline = newlineLength(at: index) else { return false }
        position = index + newline
        return true
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in pattern.indices where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if matches(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static func isNameByte(_ byte: UInt8, partial: Bool = false) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"):
            return true
        case UInt8(ascii: "/"): return partial
        default: return false
        }
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
    }

    /// A name and the closing delimiter after it; `raw` is the name as written, for messages.
    private mutating func readName(tagStart: Int) throws(TemplateSyntaxError) -> (TemplateName, raw: String) {
        skipWhitespace()
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
        let raw = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        guard matches(closing, at: position) else {
            let close = String(decoding: closing, as: UTF8.self)
            throw error(at: tagStart, raw.isEmpty ? "the tag has no name, or is not closed with \(close)"
                                                  : "the tag '\(raw)' is not closed with \(close), or its name has a character names cannot have",
                        hint: "names use letters, digits, '.', '-' and '_'; end the tag with \(close)")
        }
        position += closing.count
        guard !raw.isEmpty else {
            throw error(at: tagStart, "the tag has no name", hint: "name a field of the page, such as {{title}}")
        }
        return (try Self.name(raw, error: { error(at: tagStart, $0, hint: $1) }), raw)
    }

    /// `count(reversed(chapters))` → the path `chapters` and the functions [reversed, count].
    private static func name(_ raw: String, error: (String, String) -> TemplateSyntaxError) throws(TemplateSyntaxError) -> TemplateName {
        var calls: [Substring] = []
        var rest = Substring(raw)
        while let open = rest.firstIndex(of: "(") {
            calls.append(rest[..<open])
            rest = rest[rest.index(after: open)...]
        }
        let closes = rest.drop { $0 != ")" }
        let argument = rest.prefix { $0 != ")" }
        guard closes.count == calls.count, closes.allSatisfy({ $0 == ")" }) else {
            throw error("the brackets in '\(raw)' do not match", "write a function of a name as empty(chapters)")
        }
        var functions: [TemplateFunction] = []
        for call in calls.reversed() {
            guard let function = TemplateFunction(rawValue: String(call)) else {
                let known = TemplateFunction.allCases.map(\.rawValue).joined(separator: ", ")
                throw error("there is no function '\(call)'", "the functions are \(known)")
            }
            functions.append(function)
        }
        let path = argument == "." ? [] : argument.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.contains(where: \.isEmpty) || argument == "." else {
            throw error("'\(argument)' is not a name", "separate the parts of a dotted name with single dots, as edition.title")
        }
        return TemplateName(path: path, functions: functions)
    }

    private mutating func readPartialName(tagStart: Int) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position], partial: true) { position += 1 }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        guard !name.isEmpty, matches(closing, at: position) else {
            throw error(at: tagStart, "the partial's name is missing or the tag is not closed", hint: "write {{> name}} for templates/name.mustache")
        }
        position += closing.count
        return name
    }

    /// `{{=<% %>=}}`: the two new delimiters, then '=' and the current closing delimiter.
    private mutating func readDelimiters(tagStart: Int) throws(TemplateSyntaxError) {
        func word() -> [UInt8] {
            skipWhitespace()
            let start = position
            while position < bytes.count, !Self.isWhitespace(bytes[position]), bytes[position] != UInt8(ascii: "=") { position += 1 }
            return Array(bytes[start..<position])
        }
        let newOpening = word()
        let newClosing = word()
        skipWhitespace()
        guard !newOpening.isEmpty, !newClosing.isEmpty, position < bytes.count, bytes[position] == UInt8(ascii: "="),
              matches(closing, at: position + 1) else {
            throw error(at: tagStart, "the delimiters cannot be read", hint: "write them as {{=<% %>=}}: two delimiters between '=' signs")
        }
        position += 1 + closing.count
        opening = newOpening
        closing = newClosing
    }

    // MARK: Errors

    private func lineAndColumn(_ index: Int) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for offset in 0..<min(index, bytes.count) where bytes[offset] == UInt8(ascii: "\n") {
            line += 1
            lineStart = offset + 1
        }
        // Columns count characters, not the bytes of UTF-8.
        let column = bytes[lineStart..<min(index, bytes.count)].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return (line, column)
    }

    private func error(at index: Int, _ message: String, hint: String) -> TemplateSyntaxError {
        let (line, column) = lineAndColumn(index)
        return TemplateSyntaxError(line: line, column: column, message: message, hint: hint)
    }
}
