import CCmarkGFM
import HTMLText

/// A question for consultation: an item of a numbered list under the heading named in
/// `MarkdownOptions.questionsHeading`. Its number is the one the editor wrote before it (`4.`), so
/// that it stays the same wherever the question is shown and however the list is reordered.
public struct Question: Sendable, Hashable {
    /// The number written before the item; nil when the item is in a bulleted list (an error).
    public var number: Int?
    /// The question's plain text.
    public var text: String
    /// The id of the heading the question sits under.
    public var sectionID: String
    /// `Q4`: the id of the question on every page that shows it, the printable page included. Upper
    /// case, so that it never meets a heading's id (always lower case).
    public var anchor: String
    /// Where the item starts.
    public var position: SourcePosition
}

extension TreeCollector {
    /// A question whose number is put in front of its text.
    struct QuestionNode {
        var item: OpaquePointer
        var number: Int
        var id: String
    }

    /// Records an item directly under the questions heading (not one nested in another item).
    mutating func collectQuestion(_ item: OpaquePointer) {
        guard let section = questionSection, let list = cmark_node_parent(item),
              let container = cmark_node_parent(list), cmark_node_get_type(container) != CMARK_NODE_ITEM else { return }
        let position = position(of: item)
        let ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST
        let number = ordered ? writtenNumber(at: position) : nil
        let id = number.map { slugs.claim("Q\($0)") } ?? ""
        questions.append(Question(number: number, text: blockText(item).split(separator: "\n").joined(separator: " "),
                                  sectionID: section.id, anchor: id, position: position))
        if let number { questionNodes.append(QuestionNode(item: item, number: number, id: id)) }
    }

    /// The digits of the list marker at `position` in the source (cmark-gfm keeps only the list's first).
    private func writtenNumber(at position: SourcePosition) -> Int? {
        var line = 1, index = 0
        while line < position.line, index < source.count {
            if source[index] == UInt8(ascii: "\n") { line += 1 }
            index += 1
        }
        index += max(position.column - 1, 0)
        while index < source.count, source[index] == UInt8(ascii: " ") || source[index] == UInt8(ascii: ">") { index += 1 }
        var digits = 0, value = 0
        while index < source.count, digits < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(source[index]) {
            value = value * 10 + Int(source[index] - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        return digits > 0 ? value : nil
    }
}

extension MarkdownRenderer {
    /// Puts "Q4" in front of the question's text, carrying its anchor: the list's own numbering is
    /// hidden by the theme, so the number read is always the one written.
    static func numberQuestion(_ question: TreeCollector.QuestionNode) {
        guard let inline = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, arena) else { return }
        let id = escapeAttribute(question.id)
        cmark_node_set_on_enter(inline, "<a class=\"question-number\" id=\"\(id)\" href=\"#\(id)\"><span class=\"visually-hidden\">Question </span>Q\(question.number)</a> ")
        cmark_node_set_on_exit(inline, "")
        let first = cmark_node_first_child(question.item)
        if let first, cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH {
            if let text = cmark_node_first_child(first) { cmark_node_insert_before(text, inline) } else { cmark_node_append_child(first, inline) }
        }
    }
}
