import HTMLText

/// Something in a document that does not reach readers as its author meant it: raw HTML that is
/// left out, or the syntax of another Markdown dialect that cmark-gfm shows as plain text.
/// Found while the tree is walked (raw HTML nodes, and the text of paragraphs and headings), so
/// nothing is parsed twice.
public struct Notice: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Raw HTML omitted because `raw_html` is off.
        case rawHTMLOmitted = "raw-html"
        /// Raw HTML that the tagfilter extension escapes even when raw HTML is allowed (`<script>`, `<iframe>`…).
        case rawHTMLFiltered = "raw-html-filtered"
        /// A raw HTML tag that is no element of HTML (`<Badge>`, a Vue component), with raw HTML allowed:
        /// browsers show only its content.
        case unknownElement = "unknown-element"
        /// `##Heading`: no space after the hashes, so not a heading.
        case headingWithoutSpace = "heading-without-space"
        /// kramdown's attribute lists, `{: .class}` and `{:toc}`.
        case kramdownAttributes = "kramdown-attributes"
        /// Liquid's `{% tag %}` and `{{ value }}` (Jekyll; `{{ }}` is also VuePress's).
        case templateTag = "template-tag"
        /// VuePress and Docusaurus containers, `::: tip` … `:::`.
        case container = "container"
        /// `[[toc]]`, a table of contents marker.
        case tocMarker = "toc-marker"
        /// `[^1]` with no `[^1]:` definition.
        case undefinedFootnote = "undefined-footnote"
        /// `[text][label]` with no `[label]:` definition.
        case undefinedReference = "undefined-reference"
        /// GitHub's `> [!NOTE]` alerts, which cmark-gfm shows as a quote starting with the marker.
        case alert = "alert"
    }

    public var kind: Kind
    /// The construct as written (for raw HTML, the tag's name, such as `video`).
    public var text: String
    public var position: SourcePosition
}

/// Collects `Notice`s from the text of one block (a paragraph or a heading), line by line.
/// Adjacent text nodes are joined first: cmark-gfm splits text at characters that might start
/// something (`[`, `:`, `w`…), so `[[toc]]` arrives as five nodes.
struct DialectLines {
    private var line: [UInt8] = []
    /// Where each text node of the line starts in `line`, and where it is in the source.
    private var starts: [(offset: Int, position: SourcePosition)] = []
    private var lineStartsWithText = true
    private(set) var notices: [Notice] = []
    var inQuote = false

    /// A non-text inline (emphasis, a link, code): breaks runs of text without ending the line.
    mutating func other() {
        if line.isEmpty { lineStartsWithText = false }
        line.append(0)
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>, at position: SourcePosition) {
        starts.append((line.count, position))
        line.append(contentsOf: bytes)
    }

    mutating func endLine() {
        defer {
            line.removeAll(keepingCapacity: true)
            starts.removeAll(keepingCapacity: true)
            lineStartsWithText = true
        }
        guard !line.isEmpty, !starts.isEmpty else { return }
        if lineStartsWithText, starts[0].offset == 0 { lineStart() }
        anywhere()
    }

    private func position(at offset: Int) -> SourcePosition {
        var found = starts[0]
        for start in starts where start.offset <= offset { found = start }
        return SourcePosition(line: found.position.line, column: found.position.column + offset - found.offset)
    }

    private mutating func add(_ kind: Notice.Kind, from start: Int, to end: Int) {
        let text = String(decoding: line[start..<min(end, line.count)].filter { $0 != 0 }, as: UTF8.self)
        notices.append(Notice(kind: kind, text: text, position: position(at: start)))
    }

    private mutating func lineStart() {
        let hashes = line.prefix { $0 == UInt8(ascii: "#") }.count
        if (1...6).contains(hashes), hashes < line.count {
            let next = line[hashes]
            // `##Heading`, `#Title`; not `#1` or `#hashtag`, which are ordinary text.
            if isLetter(next), hashes > 1 || isUpper(next) { add(.headingWithoutSpace, from: 0, to: line.count) }
        }
        if line.starts(with: Array(":::".utf8)) { add(.container, from: 0, to: line.count) }
        if inQuote, line.starts(with: Array("[!".utf8)), let close = line.firstIndex(of: UInt8(ascii: "]")),
           line[2..<close].allSatisfy(isUpper), close > 2 {
            add(.alert, from: 0, to: close + 1)
        }
    }

    private mutating func anywhere() {
        // Every construct found here starts with '{', '[' or ']', which most bytes are not: the scan
        // goes from one of them to the next in a tight loop, which costs far less than trying each byte.
        var index = candidate(from: 0)
        while index + 1 < line.count {
            let byte = line[index], next = line[index + 1]
            if byte == UInt8(ascii: "{"), next == UInt8(ascii: ":"), let end = find(UInt8(ascii: "}"), after: index) {
                add(.kramdownAttributes, from: index, to: end + 1)
                index = end + 1
            } else if byte == UInt8(ascii: "{"), next == UInt8(ascii: "%") || next == UInt8(ascii: "{"),
                      let end = find(next == UInt8(ascii: "%") ? UInt8(ascii: "%") : UInt8(ascii: "}"), after: index + 1),
                      end + 1 < line.count, line[end + 1] == UInt8(ascii: "}") {
                add(.templateTag, from: index, to: end + 2)
                index = end + 2
            } else if byte == UInt8(ascii: "["), next == UInt8(ascii: "["), let end = find(UInt8(ascii: "]"), after: index + 1),
                      end + 1 < line.count, line[end + 1] == UInt8(ascii: "]"),
                      String(decoding: line[index + 2..<end], as: UTF8.self).lowercased() == "toc" {
                add(.tocMarker, from: index, to: end + 2)
                index = end + 2
            } else if byte == UInt8(ascii: "["), next == UInt8(ascii: "^"), let end = find(UInt8(ascii: "]"), after: index + 1), end > index + 2 {
                add(.undefinedFootnote, from: index, to: end + 1)
                index = end + 1
            } else if byte == UInt8(ascii: "]"), next == UInt8(ascii: "["), let open = line[..<index].lastIndex(of: UInt8(ascii: "[")),
                      let end = find(UInt8(ascii: "]"), after: index + 1) {
                add(.undefinedReference, from: open, to: end + 1)
                index = end + 1
            } else {
                index = candidate(from: index + 1)
            }
        }
    }

    /// The first '{', '[' or ']' of the line at or after `start`; the line's length when there is none.
    /// Eight bytes at a time, each eight looked at one by one only when it may hold one of them: a
    /// line of text has few, and byte by byte this was the costliest loop of rendering (2.5% of a
    /// long publication's build in perf).
    private func candidate(from start: Int) -> Int {
        line.withUnsafeBufferPointer { bytes in
            var index = start
            while index < bytes.count {
                if index + 8 <= bytes.count {
                    // With 0x20 set, '{' and '[' both read 0x7B and ']' reads 0x7D (so does '}', which
                    // the bytes' own test below passes over).
                    let folded = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) | 0x2020_2020_2020_2020
                    if !wordHolds(folded, 0x7B) && !wordHolds(folded, 0x7D) {
                        index += 8
                        continue
                    }
                }
                let end = min(index + 8, bytes.count)
                while index < end {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") { return index }
                    index += 1
                }
            }
            return bytes.count
        }
    }

    private func find(_ byte: UInt8, after index: Int) -> Int? {
        var position = index + 1
        while position < line.count {
            if line[position] == byte { return position }
            if line[position] == 0 { return nil }
            position += 1
        }
        return nil
    }

    private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
    private func isUpper(_ byte: UInt8) -> Bool { byte >= 65 && byte <= 90 }
}
