import HTMLText

/// A theme's templates by name; `{{name}}` values are escaped for HTML.
public struct TemplateLibrary: Sendable {
    private let templates: [String: Template]

    public init(_ templates: [String: Template]) {
        self.templates = templates
    }

    /// Renders `view` with the template called `name`; nil when there is no such template.
    public func render(_ view: some TemplateFields, template name: String) -> String? {
        renderHTML(view, template: name)?.text
    }

    /// Renders `view` with the template called `name` into UTF-8 bytes, as pages are written: the
    /// page is never made a String, which would check all of it, chapter text included, as UTF-8 again.
    public func renderHTML(_ view: some TemplateFields, template name: String) -> HTML? {
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, root: view.templateValue)
        renderer.render(template.nodes, indentation: nil)
        return HTML(utf8: renderer.output)
    }

    fileprivate func template(_ name: String) -> Template? { templates[name] }
}

/// One rendering: the output so far and the stack of values names are looked up in, innermost last.
private struct TemplateRenderer {
    let library: TemplateLibrary
    var stack: [TemplateValue]
    /// Bytes of valid UTF-8: the templates' text and the values' text, both valid, joined whole.
    var output: [UInt8] = []
    /// Partials being rendered, to stop a partial that includes itself.
    var partialDepth = 0

    init(library: TemplateLibrary, root: TemplateValue) {
        self.library = library
        stack = [root]
        output.reserveCapacity(32 * 1024)
    }

    mutating func render(_ nodes: [TemplateNode], indentation: [UInt8]?) {
        guard let indentation else {
            for node in nodes { render(node, indentation: nil) }
            return
        }
        // In a partial alone on its line, each line it writes is indented as the partial was:
        // where this render's own output so far ends a line, the next text or value starts with the
        // indentation (swift-mustache's rule, to the byte).
        let start = output.count
        func endsLine() -> Bool { output.count > start && output.last == UInt8(ascii: "\n") }
        for node in nodes {
            if case .text(let text) = node {
                for line in Self.lines(text) {
                    if endsLine() { output += indentation }
                    output += line
                }
                continue
            }
            let before = output.count
            let indent = endsLine()
            render(node, indentation: indentation)
            if indent, output.count > before {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    private mutating func render(_ node: TemplateNode, indentation: [UInt8]?) {
        switch node {
        case .text(let text):
            output += text
        case .value(let name, let escaped):
            switch lookUp(name) {
            case .text(let text)?:
                if escaped { appendEscaped(text.utf8) } else { output += text.utf8 }
            case .bytes(let bytes)?:
                if escaped { appendEscaped(bytes) } else { output += bytes }
            case .number(let number)?: output += String(number).utf8
            case .flag(let flag)?: output += (flag ? "true" : "false").utf8
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
            render(partial.nodes, indentation: partialIndentation.map { (indentation ?? []) + $0 } ?? indentation)
            partialDepth -= 1
        }
    }

    /// The lines of `text`, each with its newline.
    private static func lines(_ text: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        while let newline = text[start...].firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(text[start...newline])
            start = newline + 1
        }
        if start < text.count { lines.append(text[start...]) }
        return lines
    }

    private mutating func renderInside(_ value: TemplateValue, _ nodes: [TemplateNode], indentation: [UInt8]?) {
        stack.append(value)
        render(nodes, indentation: indentation)
        stack.removeLast()
    }

    /// The first part of a name is looked up from the innermost value outwards, skipping values
    /// where it is absent or null; the other parts only in what the first part found.
    private func lookUp(_ name: TemplateName) -> TemplateValue? {
        var value: TemplateValue
        if let first = name.first {
            var found: TemplateValue?
            var index = stack.count - 1
            while found == nil, index >= 0 {
                found = Self.field(first, of: stack[index])
                index -= 1
            }
            guard let found else { return nil }
            if name.isOneWord { return found }
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

    /// Appends text with the five characters HTML gives meaning to replaced, as Mustache escapes them.
    private mutating func appendEscaped(_ text: some Collection<UInt8>) {
        appendEscapedHTML(text, to: &output, apostrophes: true)
    }
}
