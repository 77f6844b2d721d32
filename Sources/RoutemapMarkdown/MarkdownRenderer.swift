import Foundation
import CCmarkGFM
import HTMLText
import MarkdownArena

/// How a document is rendered.
public struct MarkdownOptions: Sendable, Hashable {
    /// Raw HTML in the source is passed through; otherwise it is omitted (cmark's safe mode).
    /// The tagfilter extension applies either way.
    public var allowRawHTML: Bool
    /// The text of the headings under which `- **Label:** text` list items are collected as
    /// `LabelledItem`s (compared case-insensitively); nil collects none.
    public var labelledItemsHeading: String?
    /// When set (to the chapter's number), top-level blocks are numbered "3.1", "3.2"… visibly
    /// and with anchors `p3.1`, `p3.2`…
    public var paragraphNumberPrefix: String?
    /// Anchors that moved: an id of this document → the old ids that should still lead to it.
    public var movedAnchors: [String: [String]]
    /// Whether `RenderedMarkdown.blocks` carry their text, which only comparing two versions of a
    /// document needs; without it they carry their kind, anchor, number and position, and no text.
    public var blockText: Bool
    /// Whether `RenderedMarkdown.sections` carry each section's words, for a search index; `check`,
    /// which makes none, renders without them: they were a fifth of what it held.
    public var searchText: Bool
    /// The text of the headings under which each item of a numbered list is a `Question`
    /// (compared case-insensitively); nil collects none.
    public var questionsHeading: String?

    public init(allowRawHTML: Bool = false, labelledItemsHeading: String? = nil,
                paragraphNumberPrefix: String? = nil, movedAnchors: [String: [String]] = [:], blockText: Bool = true,
                searchText: Bool = true, questionsHeading: String? = nil) {
        self.questionsHeading = questionsHeading
        self.allowRawHTML = allowRawHTML
        self.labelledItemsHeading = labelledItemsHeading
        self.paragraphNumberPrefix = paragraphNumberPrefix
        self.movedAnchors = movedAnchors
        self.blockText = blockText
        self.searchText = searchText
    }
}

/// The steps of rendering one document, reported as each starts so that a document that takes
/// too long can be blamed on the step it is stuck in.
public enum MarkdownStage: String, Sendable {
    /// cmark-gfm reads the Markdown into a tree.
    case parsing = "cmark-gfm's parsing of the Markdown"
    /// routemap walks the tree: heading anchors, links, images, numbered paragraphs.
    case collecting = "routemap's collecting of headings, anchors and links"
    /// cmark-gfm writes the tree as HTML.
    case writingHTML = "cmark-gfm's writing of the HTML"
}

/// Renders GitHub-flavoured Markdown with cmark-gfm and collects headings, links and images
/// while walking the tree.
public enum MarkdownRenderer {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers cmark-gfm's extensions and pins their characters (see ThreadSafety.swift)
    /// exactly once, before the first parse.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = newParser(options: CMARK_OPT_DEFAULT) else { fatalError("cmark_parser_new failed") }
        pinExtensionCharacters(parser)
        cmark_parser_free(parser)
        return true
    }()

    /// cmark-gfm's allocator functions for the calling thread's arena (see MarkdownArena.h): a
    /// document's nodes, strings and buffers are given back all at once when it has been rendered.
    /// Freeing them one by one, and allocating them with malloc, had cost a seventh of a build.
    /// The table is a constant in C, so every thread may read it.
    static var arena: UnsafeMutablePointer<cmark_mem> {
        markdown_arena_allocator().assumingMemoryBound(to: cmark_mem.self)
    }

    private static func newParser(options: Int32, memory: UnsafeMutablePointer<cmark_mem>? = nil) -> OpaquePointer? {
        guard let parser = memory.map({ cmark_parser_new_with_mem(options, $0) }) ?? cmark_parser_new(options) else { return nil }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        return parser
    }

    /// What `rewriteLink` returns for a link that must not be a link: its text is kept, as plain
    /// text, and its destination written nowhere (a link into an edition not yet published).
    public static let unlinked = "\u{0}unlinked"

    /// Renders `source`. `rewriteLink` may return a new destination for a link (for example
    /// `governance.md#how` becomes `governance.html#how`), or `unlinked`; returning nil keeps it as written.
    public static func render(
        _ source: String,
        options: MarkdownOptions = MarkdownOptions(),
        rewriteLink: @escaping (String) -> String? = { _ in nil }
    ) -> RenderedMarkdown {
        render(utf8: Array(source.utf8), options: options, rewriteLink: rewriteLink)
    }

    /// Renders `source`, valid UTF-8, as it is.
    public static func render(
        utf8 source: [UInt8],
        options: MarkdownOptions = MarkdownOptions(),
        rewriteLink: @escaping (String) -> String? = { _ in nil },
        stage: (MarkdownStage) -> Void = { _ in }
    ) -> RenderedMarkdown {
        precondition(registered)
        stage(.parsing)
        let parseOptions = CMARK_OPT_FOOTNOTES
        let renderOptions = parseOptions | (options.allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT)

        // Nothing made in the arena is freed on its own: the parser, the tree and the HTML go at once, at the end.
        guard let parser = newParser(options: parseOptions, memory: arena) else { fatalError("cmark_parser_new failed") }
        defer { markdown_arena_reset() }
        source.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        // Inline parsing (in finish) is where cmark-gfm switches its shared table; see ThreadSafety.swift.
        if !extensionCharactersPinned { unpinnedParseLock.lock() }
        let finished = cmark_parser_finish(parser)
        if !extensionCharactersPinned { unpinnedParseLock.unlock() }
        guard let document = finished else { fatalError("cmark_parser_finish failed") }
        stage(.collecting)

        var collector = TreeCollector(rewriteLink: rewriteLink, labelledItemsHeading: options.labelledItemsHeading,
                                      questionsHeading: options.questionsHeading, source: source, allowRawHTML: options.allowRawHTML)
        collector.sections.collecting = options.searchText
        collector.walk(document)
        for question in collector.questionNodes { numberQuestion(question) }
        for link in collector.unlinkedNodes { replaceWithChildren(link) }
        let blocks = collector.topLevelBlocks(document, numberPrefix: options.paragraphNumberPrefix, withText: options.blockText)
        for block in blocks.numbered {
            wrapInNumberedBlock(block.node, id: block.id, number: block.number, movedAnchors: options.movedAnchors[block.id] ?? [])
        }
        for heading in collector.headingNodes {
            replaceWithIdentifiedHeading(heading.node, level: heading.level, id: heading.id, movedAnchors: options.movedAnchors[heading.id] ?? [])
        }
        for label in collector.labelNodes {
            replaceWithIdentifiedStrong(label.node, id: label.id)
        }
        wrapTablesInRegions(document)

        stage(.writingHTML)
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let cString = cmark_render_html(document, renderOptions, extensions) else {
            fatalError("cmark_render_html failed")
        }
        let output = UnsafeBufferPointer(start: UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self), count: strlen(cString))
        var headings = collector.headings
        var notesHeading = ""
        if collector.footnoteCount > 0 {
            let notes = collector.slugs.claim("notes")
            headings.append(Heading(level: 2, text: "Notes", id: notes, position: SourcePosition(line: 0, column: 0)))
            notesHeading = "\n<h2 id=\"\(escapeAttribute(notes))\">Notes</h2>"
        }
        let html = insert(notesHeading, afterFootnotesOpeningIn: output)
        var rendered = RenderedMarkdown(
            htmlUTF8: html,
            headings: headings,
            links: collector.links,
            images: collector.images,
            sections: collector.sections.finished,
            footnoteCount: collector.footnoteCount,
            labelledItems: collector.labelledItems,
            blocks: blocks.text,
            questions: collector.questions,
            rawHTMLIDs: collector.rawHTMLIDs,
            notices: collector.notices
        )
        rendered.countColumnsInCharacters(of: source)
        return rendered
    }

    /// How cmark-gfm opens the footnotes; a "Notes" heading goes after it, so that the notes
    /// are a section readers can find and jump to.
    private static let footnotesOpening = Array("<section class=\"footnotes\" data-footnotes>".utf8)

    /// cmark-gfm's HTML, copied out of its buffer with `heading` put after the footnotes' opening
    /// tag. cmark-gfm writes the footnotes last, and once, so the tag is searched for from the end.
    static func insert(_ heading: String, afterFootnotesOpeningIn html: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let tag = footnotesOpening
        var start = html.count - tag.count
        while !heading.isEmpty, start >= 0 {
            if html[start] == UInt8(ascii: "<"), memcmp(html.baseAddress! + start, tag, tag.count) == 0 { break }
            start -= 1
        }
        guard !heading.isEmpty, start >= 0 else { return Array(html) }
        let end = start + tag.count
        var bytes: [UInt8] = []
        bytes.reserveCapacity(html.count + heading.utf8.count)
        bytes += html[..<end]
        bytes += heading.utf8
        bytes += html[end...]
        return bytes
    }

    /// Puts a node's children where it was, and removes it.
    private static func replaceWithChildren(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// cmark-gfm's HTML renderer gives headings no id, so each heading becomes a custom block
    /// holding a custom inline that writes its own opening and closing tags around the same
    /// inline children (an inline, so that no line breaks are added inside the tags).
    /// Custom nodes are written as they are, even in safe mode.
    private static func replaceWithIdentifiedHeading(_ heading: OpaquePointer, level: Int, id: String, movedAnchors: [String]) {
        guard let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, arena),
              let inline = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, arena) else { return }
        cmark_node_set_on_enter(inline, "<h\(level) id=\"\(escapeAttribute(id))\">" + movedAnchorsHTML(movedAnchors))
        cmark_node_set_on_exit(inline, "</h\(level)>")
        while let child = cmark_node_first_child(heading) {
            cmark_node_unlink(child)
            cmark_node_append_child(inline, child)
        }
        cmark_node_append_child(block, inline)
        cmark_node_insert_before(heading, block)
        cmark_node_unlink(heading)
        cmark_node_free(heading)
    }
}

/// One walk over the tree: heading ids, links (rewritten in place), images, footnotes, labelled items.
struct TreeCollector {
    struct HeadingNode {
        var node: OpaquePointer
        var level: Int
        var id: String
    }

    let rewriteLink: (String) -> String?
    var headings: [Heading] = []
    var headingNodes: [HeadingNode] = []
    var links: [Link] = []
    var images: [Image] = []
    var footnoteCount = 0
    var slugs = SlugRegistry()
    var sections = SectionTextCollector()
    private var insideHeading = false
    let labelledItemsHeading: String?
    var labelledItems: [LabelledItem] = []
    var labelNodes: [LabelNode] = []
    /// Links to be replaced by their text (see `MarkdownRenderer.unlinked`).
    var unlinkedNodes: [OpaquePointer] = []
    /// The heading whose labelled items are being collected, with its level.
    var labelledSection: (id: String, level: Int)?
    let questionsHeading: String?
    var questions: [Question] = []
    var questionNodes: [QuestionNode] = []
    /// The heading whose questions are being collected, with its level.
    var questionSection: (id: String, level: Int)?
    /// The Markdown, to read the numbers written before questions.
    let source: [UInt8]
    let allowRawHTML: Bool
    var rawHTMLIDs: [String] = []
    var notices: [Notice] = []
    private var quoteDepth = 0

    init(rewriteLink: @escaping (String) -> String?, labelledItemsHeading: String? = nil, questionsHeading: String? = nil,
         source: [UInt8] = [], allowRawHTML: Bool = false) {
        self.rewriteLink = rewriteLink
        self.labelledItemsHeading = labelledItemsHeading.map(normalisedHeading)
        self.questionsHeading = questionsHeading.map(normalisedHeading)
        self.source = source
        self.allowRawHTML = allowRawHTML
    }

    mutating func walk(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_HEADING { insideHeading = false }
                if type == CMARK_NODE_BLOCK_QUOTE { quoteDepth -= 1 }
                if type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK) {
                    // A table's cells are kept apart in search snippets: "Option | Cost", not "OptionCost".
                    if let name = cmark_node_get_type_string(node), strcmp(name, "table_cell") == 0 {
                        sections.separateCells()
                    } else if let name = cmark_node_get_type_string(node), strcmp(name, "table") == 0 {
                        sections.separateTable()
                    } else {
                        sections.separate()
                    }
                }
                continue
            }
            switch type {
            case CMARK_NODE_HEADING:
                collectHeading(node)
                insideHeading = true
                scanDialects(node)
            case CMARK_NODE_PARAGRAPH: scanDialects(node)
            case CMARK_NODE_BLOCK_QUOTE: quoteDepth += 1
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: collectRawHTML(node)
            case CMARK_NODE_ITEM where labelledSection != nil || questionSection != nil:
                if labelledSection != nil { collectLabelledItem(node) }
                if questionSection != nil { collectQuestion(node) }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if !insideHeading, let literal = cmark_node_get_literal(node) { sections.append(literalBytes(literal)) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                sections.separate()
            case CMARK_NODE_LINK: collectLink(node)
            case CMARK_NODE_IMAGE:
                let source = url(of: node)
                let rewritten = rewriteLink(source)
                if let rewritten { cmark_node_set_url(node, rewritten) }
                images.append(Image(source: source, alt: plainText(of: node), position: position(of: node), destination: rewritten))
            case CMARK_NODE_FOOTNOTE_DEFINITION: footnoteCount += 1
            default: break
            }
        }
    }

    private mutating func collectHeading(_ node: OpaquePointer) {
        let level = Int(cmark_node_get_heading_level(node))
        let explicitID = takeExplicitID(from: node)
        let text = plainText(of: node)
        let id = slugs.claim(explicitID ?? slug(text))
        headings.append(Heading(level: level, text: text, id: id, position: position(of: node)))
        sections.start(SectionText(headingID: id, heading: text, text: ""))
        headingNodes.append(HeadingNode(node: node, level: level, id: id))
        let normalised = labelledItemsHeading == nil && questionsHeading == nil ? "" : normalisedHeading(text)
        if let wanted = labelledItemsHeading, normalised == wanted {
            labelledSection = (id, level)
        } else if let section = labelledSection, level <= section.level {
            labelledSection = nil
        }
        if let wanted = questionsHeading, normalised == wanted {
            questionSection = (id, level)
        } else if let section = questionSection, level <= section.level {
            questionSection = nil
        }
    }

    private mutating func collectLink(_ node: OpaquePointer) {
        let original = url(of: node)
        var destination = original
        if let rewritten = rewriteLink(original) {
            if rewritten == MarkdownRenderer.unlinked {
                unlinkedNodes.append(node)
            } else {
                cmark_node_set_url(node, rewritten)
            }
            destination = rewritten
        }
        links.append(Link(original: original, destination: destination, text: plainText(of: node), position: position(of: node)))
    }

    /// The text of a paragraph or heading, line by line, for the syntax of other dialects (`Notice`).
    private mutating func scanDialects(_ block: OpaquePointer) {
        var lines = DialectLines()
        lines.inQuote = quoteDepth > 0
        // cmark-gfm leaves some text without a place: text it merged after an undefined footnote's
        // `[^x]` that opened it. Such text is put where the inline before it ends, or where its
        // line starts (a paragraph's lines start in its block's column), never at 0:0.
        let blockStart = position(of: block)
        var next = blockStart
        var child = cmark_node_first_child(block)
        while let current = child {
            let type = cmark_node_get_type(current)
            if cmark_node_get_end_line(current) > 0 {
                next = SourcePosition(line: Int(cmark_node_get_end_line(current)), column: Int(cmark_node_get_end_column(current)) + 1)
            }
            switch type {
            case CMARK_NODE_TEXT:
                if let literal = cmark_node_get_literal(current) {
                    let bytes = literalBytes(literal)
                    var at = position(of: current)
                    if at.line == 0 {
                        at = next
                        next.column += bytes.count
                    }
                    lines.text(bytes, at: at)
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                next = SourcePosition(line: next.line + 1, column: blockStart.column)
                lines.endLine()
            default: lines.other()
            }
            child = cmark_node_next(current)
        }
        lines.endLine()
        notices += lines.notices
    }

    /// Raw HTML: without `raw_html` it is left out, which is said (once per block, naming its first
    /// tag); with it, its ids are anchors and its `href`s and `src`s links and images, rewritten in place.
    private mutating func collectRawHTML(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let html = Array(literalBytes(literal))
        let tags = RawHTMLTags.tags(in: html)
        let start = position(of: node)
        func place(_ offset: Int) -> SourcePosition {
            let before = html[..<offset]
            let newlines = before.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            guard newlines > 0, let lastNewline = before.lastIndex(of: UInt8(ascii: "\n")) else {
                return SourcePosition(line: start.line, column: start.column + offset)
            }
            return SourcePosition(line: start.line + newlines, column: offset - lastNewline)
        }
        guard allowRawHTML else {
            let isBlock = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
            if let first = tags.first(where: { !$0.isClosing }) {
                notices.append(Notice(kind: .rawHTMLOmitted, text: first.name, position: place(first.offset)))
            } else if isBlock, tags.isEmpty, !html.starts(with: "<!--".utf8) {
                // `<?php`, `<!DOCTYPE`, CDATA: left out as well.
                notices.append(Notice(kind: .rawHTMLOmitted, text: "", position: start))
            }
            return
        }
        var replacements: [(range: Range<Int>, value: String)] = []
        for tag in tags where !tag.isClosing {
            if RawHTMLTags.filtered.contains(tag.name) {
                notices.append(Notice(kind: .rawHTMLFiltered, text: tag.name, position: place(tag.offset)))
            } else if !RawHTMLTags.elements.contains(tag.name), !tag.name.contains("-") {
                // Custom elements (with '-') are the page's own scripts' business; other names are nobody's.
                notices.append(Notice(kind: .unknownElement, text: tag.writtenName, position: place(tag.offset)))
            }
            if let id = tag.attribute("id"), !id.value.isEmpty { rawHTMLIDs.append(id.value) }
            if let href = tag.attribute("href"), tag.name == "a" || tag.name == "area" {
                let rewritten = rewriteLink(href.value)
                if let rewritten { replacements.append((href.range, rewritten)) }
                links.append(Link(original: href.value, destination: rewritten ?? href.value, text: "", position: place(href.range.lowerBound), inRawHTML: true))
            }
            if let src = tag.attribute("src") {
                let rewritten = rewriteLink(src.value)
                if let rewritten { replacements.append((src.range, rewritten)) }
                images.append(Image(source: src.value, alt: tag.attribute("alt")?.value ?? "", position: place(src.range.lowerBound),
                                    destination: rewritten, inRawHTML: true))
            }
        }
        guard !replacements.isEmpty else { return }
        var out: [UInt8] = []
        var kept = 0
        for replacement in replacements.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            out += html[kept..<replacement.range.lowerBound]
            out += escapeAttribute(replacement.value).utf8
            kept = replacement.range.upperBound
        }
        out += html[kept...]
        out.append(0)
        out.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { _ = cmark_node_set_literal(node, $0.baseAddress) }
        }
    }

    /// Removes a trailing `{#my-id}` from the heading's last text and returns the id.
    private func takeExplicitID(from heading: OpaquePointer) -> String? {
        guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(last) else { return nil }
        let text = String(cString: literal)
        guard let (id, rest) = splitExplicitID(text) else { return nil }
        cmark_node_set_literal(last, rest)
        return id
    }

    func url(of node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }

    func position(of node: OpaquePointer) -> SourcePosition {
        SourcePosition(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
    }

    /// The text a reader sees in a node: its text and code spans, with breaks as spaces.
    func plainText(of node: OpaquePointer) -> String {
        var text: [UInt8] = []
        appendPlainText(of: node, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Gathered as bytes and made a String once: a String per text node cost more than the walk.
    func appendPlainText(of node: OpaquePointer, to text: inout [UInt8]) {
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { text.append(contentsOf: literalBytes(literal)) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text.append(UInt8(ascii: " "))
            default:
                appendPlainText(of: current, to: &text)
            }
            child = cmark_node_next(current)
        }
    }
}

/// A node's text as cmark-gfm holds it, without copying.
func literalBytes(_ literal: UnsafePointer<CChar>) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
}

/// Splits `"Title {#my-id}"` into `("my-id", "Title")`; nil when there is no such suffix.
func splitExplicitID(_ text: String) -> (id: String, rest: String)? {
    var trimmed = Substring(text)
    while trimmed.last == " " { trimmed = trimmed.dropLast() }
    guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{#", options: .backwards) else { return nil }
    let id = trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)]
    guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.:".contains($0) }) else { return nil }
    var rest = trimmed[..<open.lowerBound]
    while rest.last == " " { rest = rest.dropLast() }
    return (String(id), String(rest))
}
