import CCmarkGFM
import HTMLText

/// Heading text as compared with `MarkdownOptions.labelledItemsHeading`: trimmed, lower case,
/// inner runs of spaces made one.
func normalisedHeading(_ text: String) -> String {
    singleSpaced(text, lowercased: true)
}

extension TreeCollector {
    /// A bold label that will carry the item's anchor.
    struct LabelNode {
        var node: OpaquePointer
        var id: String
    }

    /// `- **Chief executives:** text` (or `**Chief executives**: text`): records the item and
    /// gives its label an id. Items without a bold label are left alone.
    mutating func collectLabelledItem(_ item: OpaquePointer) {
        guard let section = labelledSection,
              let paragraph = cmark_node_first_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              let strong = cmark_node_first_child(paragraph), cmark_node_get_type(strong) == CMARK_NODE_STRONG else { return }
        var label = plainText(of: strong).trimmingSpaces
        var rest = inlineText(from: cmark_node_next(strong))
        if label.hasSuffix(":") {
            label.removeLast()
        } else if rest.hasPrefix(":") {
            rest.removeFirst()
        } else {
            return
        }
        var more = cmark_node_next(paragraph)
        while let block = more {
            rest += " " + blockText(block)
            more = cmark_node_next(block)
        }
        label = label.trimmingSpaces
        guard !label.isEmpty else { return }
        let id = slugs.claim("for-" + slug(label))
        let labelPosition = position(of: strong)
        labelledItems.append(LabelledItem(label: label, text: rest.trimmingSpaces, sectionID: section.id, anchor: id,
                                          position: labelPosition.line > 0 ? labelPosition : position(of: item)))
        labelNodes.append(LabelNode(node: strong, id: id))
    }

    /// The text of `first` and the inlines after it.
    private func inlineText(from first: OpaquePointer?) -> String {
        var text = ""
        var next = first
        while let node = next {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: text += plainText(of: node)
            }
            next = cmark_node_next(node)
        }
        return text
    }

    /// A top-level block to be wrapped with its paragraph number.
    struct NumberedBlock {
        var node: OpaquePointer
        var id: String
        var number: String
    }

    /// The document's top-level blocks as text (empty without `withText`), in order; with `numberPrefix`,
    /// every block that is not a heading, rule, HTML block or footnote gets the next number and an anchor.
    mutating func topLevelBlocks(_ document: OpaquePointer, numberPrefix: String?,
                                 withText: Bool = true) -> (numbered: [NumberedBlock], text: [TextBlock]) {
        var headingIndex: [OpaquePointer: Int] = [:]
        for (index, heading) in headingNodes.enumerated() { headingIndex[heading.node] = index }
        var numbered: [NumberedBlock] = []
        var text: [TextBlock] = []
        var count = 0
        var child = cmark_node_first_child(document)
        while let node = child {
            child = cmark_node_next(node)
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING, let index = headingIndex[node] {
                let heading = headings[index]
                text.append(TextBlock(kind: .heading, text: withText ? heading.text : "", anchor: heading.id, number: nil,
                                      position: heading.position))
                continue
            }
            if type == CMARK_NODE_THEMATIC_BREAK || type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_FOOTNOTE_DEFINITION { continue }
            var block = TextBlock(kind: kind(of: node), text: withText ? blockText(node) : "", anchor: nil, number: nil,
                                  position: position(of: node), destinations: withText ? destinations(in: node) : [])
            if let numberPrefix {
                count += 1
                let number = "\(numberPrefix).\(count)"
                let id = slugs.claim("p" + number)
                block.anchor = id
                block.number = number
                numbered.append(NumberedBlock(node: node, id: id, number: number))
            }
            text.append(block)
        }
        return (numbered, text)
    }

    /// The links' and images' addresses in a block, as rendered.
    private func destinations(in block: OpaquePointer) -> [String] {
        guard let iterator = cmark_iter_new(block) else { return [] }
        defer { cmark_iter_free(iterator) }
        var found: [String] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { found.append(url(of: node)) }
        }
        return found
    }

    private func kind(of node: OpaquePointer) -> TextBlock.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_BLOCK_QUOTE: return .quote
        case CMARK_NODE_CODE_BLOCK: return .code
        default: return typeName(node) == "table" ? .table : .other
        }
    }

    /// A block's text: list items, table rows and the blocks of a quote each on their own line,
    /// table cells separated by " | ".
    func blockText(_ node: OpaquePointer) -> String {
        var text: [UInt8] = []
        appendBlockText(node, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    private func appendBlockText(_ node: OpaquePointer, to text: inout [UInt8]) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            appendPlainText(of: node, to: &text)
        case CMARK_NODE_CODE_BLOCK:
            guard let literal = cmark_node_get_literal(node) else { return }
            var code = literalBytes(literal)[...]
            while code.last == UInt8(ascii: "\n") { code = code.dropLast() }
            text.append(contentsOf: code)
        default:
            guard let first = cmark_node_first_child(node) else { return }
            if cmark_node_get_type(first).rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_INLINE) {
                return appendPlainText(of: node, to: &text)
            }
            let separator = ["table_row", "table_header"].contains(typeName(node)) ? " | ".utf8 : "\n".utf8
            var child: OpaquePointer? = first
            while let current = child {
                if current != first { text.append(contentsOf: separator) }
                appendBlockText(current, to: &text)
                child = cmark_node_next(current)
            }
        }
    }

    private func typeName(_ node: OpaquePointer) -> String {
        cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
    }
}

extension MarkdownRenderer {
    /// Puts a numbered block inside a custom block that writes its anchor and visible number.
    static func wrapInNumberedBlock(_ node: OpaquePointer, id: String, number: String, movedAnchors: [String]) {
        guard let wrapper = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, arena) else { return }
        let anchor = escapeAttribute(id)
        cmark_node_set_on_enter(wrapper, "<div class=\"numbered\" id=\"\(anchor)\">" + movedAnchorsHTML(movedAnchors)
            + "<a class=\"paragraph-number\" href=\"#\(anchor)\"><span class=\"visually-hidden\">Paragraph </span>\(number)</a>")
        cmark_node_set_on_exit(wrapper, "</div>")
        cmark_node_insert_before(node, wrapper)
        cmark_node_unlink(node)
        cmark_node_append_child(wrapper, node)
    }

    /// A labelled item's bold label becomes `<strong id="…">`, so that it can be linked to.
    static func replaceWithIdentifiedStrong(_ strong: OpaquePointer, id: String) {
        guard let inline = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, arena) else { return }
        cmark_node_set_on_enter(inline, "<strong id=\"\(escapeAttribute(id))\">")
        cmark_node_set_on_exit(inline, "</strong>")
        while let child = cmark_node_first_child(strong) {
            cmark_node_unlink(child)
            cmark_node_append_child(inline, child)
        }
        cmark_node_insert_before(strong, inline)
        cmark_node_unlink(strong)
        cmark_node_free(strong)
    }

    /// Empty elements carrying old anchors, so that links to them still arrive here.
    static func movedAnchorsHTML(_ ids: [String]) -> String {
        ids.map { "<span class=\"moved-anchor\" id=\"\(escapeAttribute($0))\"></span>" }.joined()
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
