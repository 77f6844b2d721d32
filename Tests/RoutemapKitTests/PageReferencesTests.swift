import Foundation
import Testing
@testable import RoutemapKit

/// `PageScanner` reads a page once, byte by byte, in the pieces it is made in; it must find exactly
/// what matching the three attribute patterns at every position of the whole page finds (the
/// reference below, the scanner it replaced), wherever the pieces are cut.
@Suite struct PageReferencesTests {
    private struct Found: Equatable {
        var ids: Set<String>
        var references: [String]
    }

    private func fast(_ html: String) -> Found {
        let found = PageReferences(html: html)
        return Found(ids: found.ids, references: found.references.map { "\($0.line):\($0.column) \($0.value)" })
    }

    private func reference(_ html: String) -> Found {
        var ids = Set<String>(), references: [String] = []
        var line = 1, column = 1
        var bytes = Array(html.utf8)[...]
        func advance(_ count: Int) {
            for byte in bytes.prefix(count) {
                if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            }
            bytes = bytes.dropFirst(count)
        }
        let patterns: [(name: [UInt8], isID: Bool)] = [(Array(" id=\"".utf8), true), (Array(" href=\"".utf8), false), (Array(" src=\"".utf8), false)]
        while !bytes.isEmpty {
            guard let match = patterns.first(where: { bytes.starts(with: $0.name) }) else {
                advance(1)
                continue
            }
            advance(match.name.count)
            let valueLine = line, valueColumn = column
            let end = bytes.firstIndex(of: UInt8(ascii: "\"")) ?? bytes.endIndex
            var value = String(decoding: bytes[..<end], as: UTF8.self)
            for (entity, character) in [("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&#39;", "'"), ("&amp;", "&")] {
                value = value.replacingOccurrences(of: entity, with: character)
            }
            if match.isID { ids.insert(value) } else { references.append("\(valueLine):\(valueColumn) \(value)") }
            advance(bytes.distance(from: bytes.startIndex, to: end))
        }
        return Found(ids: ids, references: references)
    }

    @Test func everyPageOfAFixtureSiteIsReadAsBefore() throws {
        let options = BuildOptions(contentDirectory: Repository.fixtures + "/editions-compared/content", outputDirectory: "unused",
                                   themesDirectory: Repository.themes, buildDate: FixtureSiteTests.buildDate)
        let pages = try generated(options).files.filter { $0.path.hasSuffix(".html") }
        #expect(pages.count > 10)
        for page in pages {
            let html = try #require(page.text)
            #expect(fast(html) == reference(html), "\(page.path)")
        }
    }

    @Test func generatedMarkupIsReadAsBefore() {
        let pieces = ["<a", " href=\"", " id=\"", " src=\"", "id=\"", "xhref=\"", "=\"", "\"", " ", "\n", "é", "&amp;", "&quot;", "a/b.html#c",
                      " data-id=\"", "  href=\"x\"", ">", "\u{1F600}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let html = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(fast(html) == reference(html), "\(html.debugDescription)")
        }
    }

    /// What the scanner finds when `html` is handed to it cut at `cuts` (byte offsets, in order).
    private func inPieces(_ html: String, cuts: [Int]) -> Found {
        let bytes = Array(html.utf8)
        var scanner = PageScanner()
        var ids = Set<String>(), references: [String] = []
        func take(_ found: PageScanner.Found) {
            if found.isID { ids.insert(found.value) } else { references.append("\(found.line):\(found.column) \(found.value)") }
        }
        var start = 0
        for end in cuts + [bytes.count] {
            bytes[start..<end].withUnsafeBufferPointer { scanner.feed($0, take) }
            start = end
        }
        scanner.finish(take)
        return Found(ids: ids, references: references)
    }

    @Test func aPageCutAnywhereIsReadAsWhole() {
        let pieces = ["<a", " href=\"", " id=\"", " src=\"", "id=\"", "=\"", "\"", " ", "\n", "é", "&amp;", "a/b.html#c", " data-id=\"", ">"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let html = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let count = html.utf8.count
            let cuts = (0..<Int.random(in: 0...6, using: &generator)).map { _ in Int.random(in: 0...count, using: &generator) }.sorted()
            #expect(inPieces(html, cuts: cuts) == reference(html), "\(html.debugDescription) cut at \(cuts)")
        }
    }

    /// Markup the build does not write, each with what is read from it. Only ` id="`, ` href="` and
    /// ` src="` count, wherever they are (in a comment, or in text with its quotes unescaped, which
    /// the build never writes), and a value runs to the next `"`; column numbers count bytes.
    @Test func hostileMarkupIsReadTheSameInAnyPieces() {
        let cases: [(html: String, ids: Set<String>, references: [String])] = [
            ("<a href='single.html' src=unquoted.png ID=\"upper\" data-id=\"data\">", [], []),
            ("<a\thref=\"tab.html\"\nhref=\"newline.html\" href = \"spaced.html\">", [], []),
            ("<p>text with id=\"in-text\" and <!-- <a href=\"gone.html\"> --></p>", ["in-text"], ["1:45 gone.html"]),
            ("<p>escaped id=&quot;x&quot; <b id=\"real\">", ["real"], []),
            ("<a href=\"a.html?x=1&amp;y=2#s&#x2F;t&quot;&#39;&unknown;&amp\">", [], ["1:10 a.html?x=1&y=2#s/t\"'&unknown;&amp"]),
            ("<a href=\"\u{1}\u{7F}x\" id=\"nul\u{0}id\">", ["nul\u{0}id"], ["1:10 \u{1}\u{7F}x"]),
            ("é<a href=\"é.html\">\r\n<img src=\"b.png\">", [], ["1:12 é.html", "2:11 b.png"]),
            ("<a href=\"two\nlines\" id=\"after\"><a href=\"x\">", ["after"], ["1:10 two\nlines", "2:28 x"]),
            ("<a id=\"\" href=\"\"><a href=\"never ends\n<p id=\"no\">", [""], ["1:16 ", "1:27 never ends\n<p id="]),
            ("<a href=\"=\"\"\" id=\"=\" href=\"\"\">", ["="], ["1:10 =", "1:28 "]),
            ("<p id=\"a&amp;b&#x41;\" ID=\"no\" id='single' id=unquoted>\n<b\nid=\"after-newline\" id=\"x\">", ["a&bA", "x"], []),
        ]
        for (html, ids, references) in cases {
            let expected = Found(ids: ids, references: references)
            let whole = fast(html)
            #expect(whole == expected, "\(html.debugDescription)")
            // The reference decodes only the five references the build writes.
            if !html.contains("&#x") { #expect(whole == reference(html), "\(html.debugDescription)") }
            let count = html.utf8.count
            #expect((0...count).allSatisfy { inPieces(html, cuts: [$0]) == whole }, "\(html.debugDescription) cut in two")
            #expect(inPieces(html, cuts: Array(0...count)) == whole, "\(html.debugDescription) byte by byte")
        }
    }

    /// A page of many lines and values, handed over in pieces of every size (empty ones too, and
    /// pieces shorter than ` href="`, so that a name is read across several of them), must be read
    /// as it is whole: the scanner jumps from `"` to `"` and counts lines only where a value starts.
    @Test func aLongPageInPiecesOfEverySizeIsReadAsWhole() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["<p id=\"p1.", "\">", " href=\"", "chapter-0001.html#x", "\n", "\n\n", " src=\"a.png\"", "text \"quoted\" ",
                      "<a class=\"c\" href=\"../d/e.html\">", " id=\"", "\"", "=\"", "é\n", "&amp;", " data-href=\"no\""]
        for _ in 0..<200 {
            let html = (0..<Int.random(in: 0...300, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let count = html.utf8.count
            var cuts: [Int] = []
            while let last = cuts.last ?? Optional(0), last < count {
                cuts.append(min(count, last + Int.random(in: 0...9, using: &generator)))
            }
            #expect(inPieces(html, cuts: cuts) == reference(html), "\(html.debugDescription) cut at \(cuts)")
        }
    }

    /// Following a link's path on its bytes gives what following it part by part gives.
    @Test func aPathIsResolvedOnItsBytesAsPartByPart() {
        var generator = SystemRandomNumberGenerator()
        let parts = ["..", ".", "", "a", "b.html", "draft", "index.html", "..."]
        let folders = ["index.html", "draft/chapter-1.html", "draft/audiences/cios.html", "a/b/c/d.html"]
        var paths = ["", "/", ".", "..", "../", "./", "a", "a/", "../index.html", "../../x", "//", "a//b", "./a/../b/", "..."]
        for _ in 0..<3_000 {
            paths.append((0..<Int.random(in: 1...5, using: &generator)).map { _ in parts.randomElement(using: &generator)! }.joined(separator: "/"))
        }
        for folder in folders.map(PageLinkChecker.Folder.init(of:)) {
            for path in paths {
                #expect(PageLinkChecker.resolveASCII(Substring(path), from: folder) == PageLinkChecker.resolve(path, from: folder),
                        "\(path) from \(folder.prefix)")
            }
        }
    }
}
