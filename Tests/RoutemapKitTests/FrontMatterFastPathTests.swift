import Testing
import Yams
@testable import RoutemapKit

/// A chapter must load the same, with the same diagnostics in the same order, whether SimpleYAML
/// or Yams reads its front matter.
@Suite struct FrontMatterFastPathTests {
    static let keys = ["title", "id", "order", "part", "theme", "audience", "status", "summary", "updated", "moved_anchors",
                       "colour", "Title", "x_1", "a-b"]
    /// Values that each field takes, most of them SimpleYAML too.
    static let goodValues = ["title": ["Governance", "\"Part 1: Leadership\"", "Sharing: a start"], "id": ["my-id", "chapter-2"],
                             "order": ["5", "012"], "part": ["Part 1", "\"Part 2: Reform\""], "theme": ["governance", "[governance, information]"],
                             "audience": ["cios", "[cios, chief-executives]", "[]"], "status": ["draft", "final"], "summary": ["A short summary.", "~"],
                             "updated": ["2011-05-20"], "moved_anchors": ["{old: new}"]]
    /// Values SimpleYAML takes, good and bad for the fields they land in.
    static let simpleValues = ["Governance", "A title with words", "\"Part 1: Leadership\"", "\"quoted\"", "governance", "information",
                               "cios", "chief-executives", "nope", "[governance, information]", "[cios, chief-executives]",
                               "[governance, nope]", "[Governance]", "draft", "final", "Draft", "5", "012", "x5", "1.5",
                               "2011-05-20", "2011-02-30", "2011-5-20", "my-id", "index", "Bad_ID", "~", "\"~\"", "é ü — “x”", "a  b", "100%"]
    /// Values left to Yams.
    static let otherValues = ["null", "yes", "-3", "{old: new}", "{\"#old\": \"#new\", a: \"\"}", "{old: [new]}", "[a, [b]]", "[]",
                              "\"\"", "\"with \\\" escape\"", "'single'", "a #comment", "x:", "*alias", "!!str 5", "!!null x",
                              "|\n  block text", "[a,b]", "trailing ", "tab\there", "\"  \"", "[~, \"\"]", "\"unclosed"]
    /// Whole lines left to Yams, some of them malformed.
    static let otherLines = ["# a comment", "", "  indented: x", "moved_anchors:\n  old: new\n  \"#a\": \"#b\"", "theme:\n  - governance\n  - nope",
                             "title:\tA", "- item", "? [a, b]\n: c", "yes: no", "\"title\": Quoted key", "1: one", "title: Again", "id:", "%TAG"]

    private static func frontMatter(_ generator: inout SplitMix64) -> String {
        // Most chapters have a title, first.
        let chosen = keys.dropFirst().shuffled(using: &generator).prefix(Int.random(in: 0...6, using: &generator))
        let title = Int.random(in: 0..<5, using: &generator) == 0 ? [] : ["title"]
        var lines = (title + chosen).map { key in
            let separator = Int.random(in: 0..<12, using: &generator) == 0 ? [":", " : ", ":  "].randomElement(using: &generator)! : ": "
            let values = switch Int.random(in: 0..<8, using: &generator) {
            case 0: otherValues
            case 1...3: simpleValues
            default: goodValues[key] ?? simpleValues
            }
            return key + separator + values.randomElement(using: &generator)!
        }
        if Int.random(in: 0..<4, using: &generator) == 0 {
            lines.insert(otherLines.randomElement(using: &generator)!, at: Int.random(in: 0...lines.count, using: &generator))
        }
        return lines.joined(separator: "\n")
    }

    @Test func generatedChaptersLoadAlikeEitherWay() throws {
        let log = DiagnosticLog()
        let config = try #require(ConfigLoader.load(MiniSite.config, file: "content/routemap.yml", log: log))
        let edition = try #require(EditionLoader.load(MiniSite.edition, id: "draft", file: "content/draft/edition.yml", config: config, log: log))
        var generator = SplitMix64(seed: 3)
        var fast = 0, loaded = 0, failed = 0
        for _ in 0..<3000 {
            let yaml = Self.frontMatter(&generator)
            let text = "---\n" + yaml + "\n---\nThe body.\n"
            let fileName = ["governance.md", "governance.md", "governance.md", "Governance Plan.md", "index.md"].randomElement(using: &generator)!
            let path = "content/draft/" + fileName
            let fastLog = DiagnosticLog(), yamsLog = DiagnosticLog()
            let viaFastPath = ChapterLoader.load(text: Array(text.utf8), fileName: fileName, sourcePath: path, edition: edition, config: config, log: fastLog)
            let viaYams = ChapterLoader.load(text: Array(text.utf8), fileName: fileName, sourcePath: path, edition: edition, config: config, log: yamsLog,
                                             trySimpleYAML: false)
            #expect(viaFastPath == viaYams, "\(text.debugDescription)")
            #expect(fastLog.items == yamsLog.items, "\(text.debugDescription)")
            if SimpleYAML.compose(yaml) != nil { fast += 1 }
            if viaYams == nil { failed += 1 } else { loaded += 1 }
        }
        // The generated chapters must reach both paths, and both loaded and rejected chapters.
        #expect(fast > 500 && fast < 2500)
        #expect(loaded > 100 && failed > 100)
    }

    /// Characters for generated values: ASCII, YAML's indicators, letters and marks from beyond
    /// ASCII, and those YAML treats specially: NEL, the line and paragraph separators (line breaks
    /// to YAML 1.1, as Yams reads it), the byte order mark, control characters, non-characters.
    static let scalars: [Unicode.Scalar] = ["a", "Z", "5", " ", " ", ":", "#", "-", "'", "\"", "~", "[", ",", "\\", "é", "—", "“", "中", "😀",
                                            "\u{301}", "\u{A0}", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{1}", "\u{7F}", "\u{9}",
                                            "\u{D}", "\u{E000}", "\u{FFFD}", "\u{FFFE}", "\u{10FFFF}", "\u{D7FF}", "\u{200B}", "\u{3000}"]

    private static func unicodeValue(_ generator: inout SplitMix64) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 1...8, using: &generator) {
            // Mostly letters, so that many values are ones the fast path takes.
            let scalar = Int.random(in: 0..<3, using: &generator) == 0 ? scalars.randomElement(using: &generator)! : "abcdefé中".unicodeScalars.randomElement(using: &generator)!
            text.append(scalar)
        }
        let value = String(text)
        return Int.random(in: 0..<3, using: &generator) == 0 ? "\"" + value + "\"" : value
    }

    /// The same front matter must read the same whatever its other fields (which decide whether
    /// the fast path or Yams reads it), for any characters in its values.
    @Test func generatedUnicodeReadsAlikeEitherWay() throws {
        let log = DiagnosticLog()
        let config = try #require(ConfigLoader.load(MiniSite.config, file: "content/routemap.yml", log: log))
        let edition = try #require(EditionLoader.load(MiniSite.edition, id: "draft", file: "content/draft/edition.yml", config: config, log: log))
        var generator = SplitMix64(seed: 13)
        var fast = 0, special = 0
        for round in 0..<4000 {
            var lines = ["title: " + Self.unicodeValue(&generator)]
            if Bool.random(using: &generator) { lines.append("summary: " + Self.unicodeValue(&generator)) }
            if Bool.random(using: &generator) { lines.append("part: " + Self.unicodeValue(&generator)) }
            // Every fourth: a field that only Yams reads, as in a chapter with moved anchors.
            if round % 4 == 0 { lines.append("moved_anchors: {old: new}") }
            let yaml = lines.joined(separator: "\n")
            if let simple = SimpleYAML.compose(yaml) {
                fast += 1
                let yams = try? Yams.compose(yaml: yaml)
                #expect(yams.flatMap { $0 }.map(FieldValue.init) == simple, "\(yaml.debugDescription)")
            }
            if yaml.unicodeScalars.contains(where: { ["\u{85}", "\u{2028}", "\u{2029}"].contains($0) }) { special += 1 }
            let text = "---\n" + yaml + "\n---\nThe body.\n"
            let path = "content/draft/governance.md"
            let fastLog = DiagnosticLog(), yamsLog = DiagnosticLog()
            let viaFastPath = ChapterLoader.load(text: Array(text.utf8), fileName: "governance.md", sourcePath: path, edition: edition, config: config, log: fastLog)
            let viaYams = ChapterLoader.load(text: Array(text.utf8), fileName: "governance.md", sourcePath: path, edition: edition, config: config, log: yamsLog,
                                             trySimpleYAML: false)
            #expect(viaFastPath == viaYams, "\(text.debugDescription)")
            #expect(fastLog.items == yamsLog.items, "\(text.debugDescription)")
        }
        #expect(fast > 500 && special > 200)
    }
}
