import Foundation

/// A chapter's HTML (already rewritten for the printable page, see FragmentRewriter) made ready for
/// the PDF, where notes belong at the foot of the page that cites them:
/// - each footnote's text moves from cmark-gfm's notes section at the chapter's end to where it is
///   first cited, as `<span class="footnote" id="…fn-1">…</span>`, which the PDF's stylesheet floats
///   to the page's foot (`float: footnote`); the notes section goes. A note that holds more than
///   paragraphs and inline text (a list, a table, code) cannot stand in a line: then the chapter's
///   notes stay where they are.
/// - the address of a link to another site is printed for the paper reader: as a footnote after the
///   link in the text, in brackets after a link inside a note; not when the link's text is its address.
enum PDFBody {
    static func prepare(_ html: [UInt8], chapterID: String, chapterNumbers: [String: Int]) -> [UInt8] {
        Array(prepare(String(decoding: html, as: UTF8.self), chapterID: chapterID, chapterNumbers: chapterNumbers).utf8)
    }

    static func prepare(_ html: String, chapterID: String, chapterNumbers: [String: Int]) -> String {
        withQuestionsMarked(withNumberedTablesKept(withChapterNumbers(prepared(html), chapterID: chapterID, numbers: chapterNumbers)))
    }

    /// The list item of a question for consultation is marked `question`: its number ("Q4") stands
    /// in place of the list's own marker, which the screen's stylesheet removes with `:has()`, a
    /// selector WeasyPrint 57 does not know.
    static func withQuestionsMarked(_ html: String) -> String {
        html.replacingOccurrences(of: "<li><a class=\"question-number\"", with: "<li class=\"question\"><a class=\"question-number\"")
            .replacingOccurrences(of: "<li>\n<p><a class=\"question-number\"", with: "<li class=\"question\">\n<p><a class=\"question-number\"")
    }

    /// A numbered table is marked `numbered--table`, which the stylesheet keeps on one page: its
    /// number, placed in the margin column, would otherwise stay behind on a page the table left.
    static func withNumberedTablesKept(_ html: String) -> String {
        var result = ""
        var rest = html[...]
        let start = "<div class=\"numbered\""
        while let open = rest.range(of: start), let number = rest[open.upperBound...].range(of: "</a>") {
            result += rest[..<open.lowerBound]
            let block = rest[number.upperBound...].drop { $0.isWhitespace }
            // A wide table is wrapped in a scrolling region on screen (see TableRegion).
            let isTable = block.hasPrefix("<table") || block.hasPrefix("<div class=\"table-region\"")
            result += isTable ? "<div class=\"numbered numbered--table\"" : start
            rest = rest[open.upperBound...]
        }
        return result + rest
    }

    private static func prepared(_ html: String) -> String {
        guard let section = notesSection(in: html) else { return withAddresses(html, asFootnotes: true) }
        let text = withAddresses(String(html[..<section.lowerBound]), asFootnotes: true)
        let after = withAddresses(String(html[section.upperBound...]), asFootnotes: true)
        guard let notes = footnotes(in: String(html[section])) else {
            return text + withAddresses(String(html[section]), asFootnotes: false) + after
        }
        return citingNotes(text, notes) + after
    }

    private static let sectionStart = "<section class=\"footnotes\" data-footnotes>"
    private static let sectionEnd = "</section>"

    private static func notesSection(in html: String) -> Range<String.Index>? {
        guard let start = html.range(of: sectionStart),
              let end = html.range(of: sectionEnd, range: start.upperBound..<html.endIndex) else { return nil }
        return start.lowerBound..<end.upperBound
    }

    /// Note id → the note's text as inline HTML; nil when a note holds anything but paragraphs.
    private static func footnotes(in section: String) -> [String: String]? {
        var notes: [String: String] = [:]
        var rest = section[...]
        while let open = rest.range(of: "<li id=\"") {
            guard let idEnd = rest[open.upperBound...].range(of: "\">"),
                  let close = rest[idEnd.upperBound...].range(of: "</li>") else { return nil }
            let id = String(rest[open.upperBound..<idEnd.lowerBound])
            var body = String(rest[idEnd.upperBound..<close.lowerBound])
            for block in ["<li", "<ul", "<ol", "<pre", "<table", "<blockquote", "<h", "<div", "<hr"] where body.contains(block) { return nil }
            body = removingBackLinks(body)
            body = body.replacingOccurrences(of: "<p>", with: "").replacingOccurrences(of: "</p>", with: " ")
            notes[id] = withAddresses(body.trimmingCharacters(in: .whitespacesAndNewlines), asFootnotes: false)
            rest = rest[close.upperBound...]
        }
        return notes
    }

    /// cmark-gfm's `<a href="#…fnref-1" class="footnote-backref" …>↩</a>` links, with the space before them.
    private static func removingBackLinks(_ body: String) -> String {
        var result = ""
        var rest = body[...]
        while let marker = rest.range(of: " class=\"footnote-backref\""),
              let open = rest[..<marker.lowerBound].range(of: "<a ", options: .backwards),
              let close = rest[marker.upperBound...].range(of: "</a>") {
            var kept = String(rest[..<open.lowerBound])
            while kept.last == " " { kept.removeLast() }
            result += kept
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// Each link to another chapter of the edition carries that chapter's number, `data-chapter="5"`,
    /// which the stylesheet prints after it with the page the link leads to: "(chapter 5, page 16)".
    /// Its fragment is written without percent-encoding, as the id it names: `target-counter()`
    /// looks the id up as written.
    static func withChapterNumbers(_ html: String, chapterID: String, numbers: [String: Int]) -> String {
        var result = ""
        var rest = html[...]
        let start = "<a href=\"#" + PrintAnchors.chapter("")
        while let open = rest.range(of: start),
              let hrefEnd = rest[open.upperBound...].range(of: "\""),
              let close = rest[hrefEnd.upperBound...].range(of: "</a>") {
            let fragment = rest[rest.index(open.lowerBound, offsetBy: "<a href=\"#".count)..<hrefEnd.lowerBound]
            let target = rest[open.upperBound..<hrefEnd.lowerBound].prefix { $0 != "." }
            let number = target == chapterID ? nil : numbers[String(target)]
            // WeasyPrint 57 drops the space after a forward reference's generated text: the text
            // ends with it instead (`data-space`), and the space after the link goes.
            let spaceAfter = number != nil && (rest[close.upperBound...].first == " " || rest[close.upperBound...].first == "\n")
            result += rest[..<open.lowerBound]
            result += "<a " + (number.map { "data-chapter=\"\($0)\" " } ?? "") + (spaceAfter ? "data-space " : "")
                + "href=\"#" + decoded(fragment) + "\"" + rest[hrefEnd.upperBound..<close.upperBound]
            rest = rest[close.upperBound...]
            if spaceAfter { rest = rest.dropFirst() }
        }
        return result + rest
    }

    /// A fragment without its percent-encoding, unless that would bring characters HTML gives a meaning to.
    private static func decoded(_ fragment: Substring) -> String {
        guard let text = fragment.removingPercentEncoding,
              !text.contains(where: { $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "&" || $0 == "'" }) else { return String(fragment) }
        return text
    }

    /// Each `<sup class="footnote-ref"><a href="#ID" id="…" data-footnote-ref>N</a></sup>` becomes
    /// the note the first time it is cited; a later citation of the same note keeps its number.
    private static func citingNotes(_ text: String, _ notes: [String: String]) -> String {
        var result = ""
        var placed: Set<String> = []
        var rest = text[...]
        let refStart = "<sup class=\"footnote-ref\"><a href=\"#"
        while let open = rest.range(of: refStart),
              let hrefEnd = rest[open.upperBound...].range(of: "\""),
              let close = rest[hrefEnd.upperBound...].range(of: "</a></sup>") {
            let id = String(rest[open.upperBound..<hrefEnd.lowerBound])
            result += rest[..<open.lowerBound]
            if let note = notes[id], !placed.contains(id) {
                placed.insert(id)
                result += "<span class=\"footnote\" id=\"\(id)\">\(note)</span>"
            } else {
                let number = rest[hrefEnd.upperBound..<close.lowerBound].split(separator: ">").last.map(String.init) ?? ""
                result += "<sup class=\"footnote-ref\">\(number)</sup>"
            }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// After each `<a href="http…">text</a>` whose text is not its address: the address, as a
    /// footnote or in brackets.
    private static func withAddresses(_ html: String, asFootnotes: Bool) -> String {
        var result = ""
        var rest = html[...]
        while let open = rest.range(of: "<a href=\"http"),
              let hrefEnd = rest[open.upperBound...].range(of: "\""),
              let tagEnd = rest[hrefEnd.upperBound...].range(of: ">"),
              let close = rest[tagEnd.upperBound...].range(of: "</a>") {
            let address = "http" + rest[open.upperBound..<hrefEnd.lowerBound]
            let linkText = rest[tagEnd.upperBound..<close.lowerBound]
            result += rest[..<close.upperBound]
            rest = rest[close.upperBound...]
            if isAddress(linkText, address) { continue }
            result += asFootnotes ? "<span class=\"footnote footnote--address\">\(address)</span>"
                                  : " <span class=\"address\">(\(address))</span>"
        }
        return result + rest
    }

    /// Whether a link's text already says its address (an autolink, or the address without its scheme).
    private static func isAddress(_ text: Substring, _ address: String) -> Bool {
        func bare(_ text: some StringProtocol) -> Substring {
            var text = Substring(text)
            for scheme in ["https://", "http://"] where text.hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
            if text.hasPrefix("www.") { text = text.dropFirst(4) }
            while text.last == "/" { text = text.dropLast() }
            return text
        }
        return bare(text) == bare(address)
    }
}
