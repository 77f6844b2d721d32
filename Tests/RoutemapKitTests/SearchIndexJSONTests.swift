import Foundation
import Testing
@testable import RoutemapKit

/// The search index is written by hand (JSONText); it must be what JSONEncoder writes, and valid
/// JavaScript whatever the chapters hold.
@Suite struct SearchIndexJSONTests {
    static let hostile: [String] = [
        "", "plain", "\"quoted\" and \\back\\slashed\\", "a/b</script><script>alert(1)</script>",
        String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }) + "\u{7F}",
        "tab\there, line\nbreak, return\r, form\u{0C}feed, back\u{08}space",
        "café – “curly” 🇬🇧 e\u{301} 中文", "\\u0041 is not an escape here", "ends with a backslash \\",
    ] + positioned(["\"", "\\", "\u{01}", "\u{1F}", "\u{2027}", "é", " "])

    /// Each of `specials` at every place in the eight-byte words that JSONText skips over when none
    /// of their bytes needs escaping.
    static func positioned(_ specials: [String]) -> [String] {
        specials.flatMap { special in (0..<17).map { String(repeating: "a", count: $0) + special + String(repeating: "b", count: 9) } }
    }

    private func index(_ strings: [String]) -> SearchIndex {
        SearchIndex(edition: strings.last ?? "", chapters: strings.enumerated().map { number, text in
            SearchIndex.Chapter(number: number, title: text, url: "c\(number).html#\(text)",
                                sections: [.init(id: text, heading: text, text: text), .init(id: "", heading: "", text: text + text)])
        })
    }

    @Test func theIndexIsWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let index = index(Self.hostile)
        let encoded = String(decoding: try encoder.encode(index), as: UTF8.self)
        #expect(index.script() == "window.routemapSearchIndex = \(encoded);\n")
    }

    /// JSON allows U+2028 and U+2029 in strings; JavaScript before ES2019 ends a line at them, so
    /// the index (a script) escapes them.
    @Test func lineAndParagraphSeparatorsAreEscaped() throws {
        let text = "line\u{2028}separator, paragraph\u{2029}separator, both\u{2028}\u{2029}"
        let script = index(Self.positioned(["\u{2028}", "\u{2029}"]) + [text]).script()
        #expect(!script.unicodeScalars.contains("\u{2028}") && !script.unicodeScalars.contains("\u{2029}"))
        #expect(script.contains(#"line\u2028separator, paragraph\u2029separator, both\u2028\u2029"#))
        let json = try #require(JSONSerialization.jsonObject(with: Data(script.dropFirst("window.routemapSearchIndex = ".count).dropLast(2).utf8)) as? [String: Any])
        #expect(json["edition"] as? String == text)
    }

    @Test func everyHostileStringReadsBackAsItWas() throws {
        let script = index(Self.hostile).script()
        let json = try #require(JSONSerialization.jsonObject(with: Data(script.dropFirst("window.routemapSearchIndex = ".count).dropLast(2).utf8)) as? [String: Any])
        let chapters = try #require(json["chapters"] as? [[String: Any]])
        #expect(chapters.map { $0["t"] as? String } == Self.hostile)
        #expect(chapters.map { ($0["s"] as? [[String: String]])?.last?["x"] } == Self.hostile.map { $0 + $0 })
    }
}
