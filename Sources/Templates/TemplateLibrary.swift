/// A theme's templates by name; `{{name}}` values are escaped for HTML.
public struct TemplateLibrary: Sendable {
    private let templates: [String: Template]

    public init(_ templates: [String: Template]) {
        self.templates = templates
    }

    /// Renders `view` with the template called `name`; nil when there is no such template.
    public func render(_ view: some TemplateFields, template name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, root: view.templateValue)
        renderer.render(template.nodes, indentation: nil)
        return renderer.result
    }

    fileprivate func template(_ name: String) -> Template? { templates[name] }
}

/// One rendering: the output so far and the stack of values names are looked up in, innermost last.
private struct TemplateRenderer {
    let library: TemplateLibrary
    var stack: [TemplateValue]
    /// Built as a String: appending valid text to valid text needs no check that it is UTF-8.
    var output = ""
    /// Partials being rendered, to stop a partial that includes itself.
    var partialDepth = 0

    init(library: TemplateLibrary, root: TemplateValue) {
        self.library = library
        stack = [root]
        output.reserveCapacity(32 * 1024)
    }

    var result: String { output }

    mutating func render(_ nodes: [TemplateNode], indentation: String?) {
        guard let indentation else {
            for node in nodes { render(node, indentation: nil) }
            return
        }
        // In a partial alone on its line, each line it writes is indented as the partial was:
        // where this render's own output so far ends a line, the next text or value starts with the
        // indentation (swift-mustache's rule, to the byte).
        let start = output.utf8.count
        func endsLine() -> Bool { output.utf8.count > start && output.utf8.last == UInt8(ascii: "\n") }
        for node in nodes {
            if case .text(let text) = node {
                for line in Self.lines(text) {
                    if endsLine() { output += indentation }
                    output += line
                }
                continue
            }
            let before = output.utf8.count
            let indent = endsLine()
            render(node, indentation: indentation)
            if indent, output.utf8.count > before {
                output.insert(contentsOf: indentation, at: output.utf8.index(output.utf8.startIndex, offsetBy: before))
            }
        }
    }

    private mutating func render(_ node: TemplateNode, indentation: String?) {
        switch node {
        case .text(let text):
            output += text
        case .value(let name, let escaped):
            switch lookUp(name) {
            case .text(let text)?: output += escaped ? Self.escaped(text) : text
            case .number(let number)?: output += String(number)
            case .flag(let flag)?: output += flag ? "true" : "false"
            case .list?, .fields?, .null?, nil: break
            }
        case .section(let name, let children):
            switch lookUp(name) {
            case .list(let items)?:
                for item in items { renderInside(item, children, indentation: indentation) }
            case .flag(let flag)?:
                if flag { render(children, indentation: indentation) }
            case .null?, nil:
                break
            case let value?:
                renderInside(value, children, indentation: indentation)
            }
        case .invertedSection(let name, let children):
            switch lookUp(name) {
            case .list(let items)?: if items.isEmpty { render(children, indentation: indentation) }
            case .flag(let flag)?: if !flag { render(children, indentation: indentation) }
            case .null?, nil: render(children, indentation: indentation)
            default: break
            }
        case .partial(let name, let partialIndentation):
            guard let partial = library.template(name), partialDepth < 100 else { return }
            partialDepth += 1
            render(partial.nodes, indentation: partialIndentation.map { (indentation ?? "") + $0 } ?? indentation)
            partialDepth -= 1
        }
    }

    /// The lines of `text`, each with its newline.
    private static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        while let newline = text.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let next = text.utf8.index(after: newline)
            lines.append(text[start..<next])
            start = next
        }
        if start < text.endIndex { lines.append(text[start...]) }
        return lines
    }

    private mutating func renderInside(_ value: TemplateValue, _ nodes: [TemplateNode], indentation: String?) {
        stack.append(value)
        render(nodes, indentation: indentation)
        stack.removeLast()
    }

    /// The first part of a name is looked up from the innermost value outwards, skipping values
    /// where it is absent or null; the other parts only in what the first part found.
    private func lookUp(_ name: TemplateName) -> TemplateValue? {
        var value: TemplateValue
        if let first = name.path.first {
            var found: TemplateValue?
            var index = stack.count - 1
            while found == nil, index >= 0 {
                found = Self.field(first, of: stack[index])
                index -= 1
            }
            guard let found else { return nil }
            value = found
            for part in name.path.dropFirst() {
                guard let child = Self.field(part, of: value) else { return nil }
                value = child
            }
        } else {
            value = stack[stack.count - 1]
        }
        for function in name.functions {
            guard let result = function.apply(value) else { return nil }
            value = result
        }
        return value
    }

    private static func field(_ name: String, of value: TemplateValue) -> TemplateValue? {
        guard case .fields(let fields) = value, let found = fields.field(name) else { return nil }
        if case .null = found { return nil }
        return found
    }

    /// Text with the five characters HTML gives meaning to replaced; most text has none of them.
    private static func escaped(_ text: String) -> String {
        func special(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "'")
        }
        guard text.utf8.withContiguousStorageIfAvailable({ $0.contains(where: special) }) ?? text.utf8.contains(where: special)
        else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += "&amp;".utf8
            case UInt8(ascii: "<"): bytes += "&lt;".utf8
            case UInt8(ascii: ">"): bytes += "&gt;".utf8
            case UInt8(ascii: "\""): bytes += "&quot;".utf8
            case UInt8(ascii: "'"): bytes += "&#39;".utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
