import Testing
import Yams
@testable import RoutemapKit

/// SimpleYAML must make exactly what converting Yams' nodes makes whenever it takes the text at all.
@Suite struct SimpleYAMLTests {
    /// Text, positions and nulls, all the way down.
    private func check(_ text: String) -> Bool {
        guard let fast = SimpleYAML.compose(text) else { return false }
        let yams = try? Yams.compose(yaml: text)
        #expect(yams.flatMap { $0 }.map(FieldValue.init) == fast, "\(text.debugDescription)")
        return true
    }

    @Test func typicalFrontMatterTakesTheFastPath() {
        let text = """
        title: Governance
        id: governance
        order: 5
        part: "Section 2: Strategic capabilities"
        theme: [leadership, collaboration, information]
        audience: [chief-executives, finance-directors]
        status: final
        summary: How organisations in a locality can take decisions together, with clear accountability — and fewer boards.
        updated: 2011-05-20
        """
        #expect(check(text))
    }

    /// The publication's own chapters, and the fixtures': every front matter the fast path takes matches Yams.
    @Test func realFrontMatterMatchesYams() throws {
        var fast = 0
        for folder in [Repository.content, Repository.fixtures] {
            for path in listFiles(folder) where path.hasSuffix(".md") {
                let log = DiagnosticLog()
                guard let text = readUTF8(folder + "/" + path, log: log, missingHint: nil),
                      let split = splitFrontMatter(text, file: path, log: log) else { continue }
                if check(split.yaml) { fast += 1 }
            }
        }
        #expect(fast > 20)
    }

    @Test(arguments: [
        "title: A\n# a comment", "title: A # comment", "title: 'single'", "title: \"esc\\\"aped\"", "title: >-\n  folded",
        "title:", "title:  two spaces", "  title: indented", "title: A\ntitle: B", "yes: A", "title: [a, yes]", "title: &anchor A",
        "title: a: b", "title: trailing ", "title: [a,b]", "title: []", "title: -1", "title: x:", "title: \u{FEFF}bom", "",
        "title: A\n\nid: b", "title: [a, b] # c", "tit le: A", "title: \"unclosed",
    ])
    func anythingElseIsLeftToYams(_ text: String) {
        if SimpleYAML.compose(text) != nil {
            #expect(check(text), "\(text.debugDescription)")
        }
    }

    /// FieldReader looks fields up among the keys read as text; for the plain names routemap
    /// reads, it must find what Yams' `mapping[key]` finds.
    @Test func fieldLookupsMatchYams() throws {
        let texts = ["title: A\n\"id\": b\n'order': 3", "!!str title: A", "!!int title: 5", "\"1\": a\n2: b\ntrue: c\nyes: d",
                     "title: A\nsummary: B\ntheme: [a, b]", "? title\n: A", "Title: A\ntitle: B", "null: x\n~: y", "!custom order: 1"]
        for text in texts {
            let root = try #require(try Yams.compose(yaml: text))
            let reader = try #require(FieldReader(FieldValue(root), file: "x", lineOffset: 0, log: DiagnosticLog(), what: "x"))
            for name in ["title", "id", "order", "summary", "theme", "Title", "yes_no", "missing"] {
                #expect(reader.value(name) == root.mapping?[name].map(FieldValue.init), "\(text.debugDescription) \(name)")
            }
        }
    }

    @Test func generatedFrontMatterMatchesYams() {
        let keys = ["title", "id", "order", "theme", "a-b", "x_1", "Title", "yes", "1x", "on"]
        let separators = [": ", ":", ":  ", " : ", ": "]
        let values = ["Governance", "Section 2: Strategic", "a #b", "a#b", "x:", "\"quoted: yes\"", "\"with \\\" escape\"", "[a, b]",
                      "[a,b]", "[]", "[a, 1]", "[chief-executives, cios]", "2011-05-20", "5", "~", "null", "é ü — “x”", "-1", "*x",
                      "'single'", "a  b", "trailing ", "tab\there", "1.5", "0x1F", "True", "\"\"", "[ a ]", "{a: b}", "a, b", "100%"]
        var generator = SplitMix64(seed: 42)
        var fast = 0
        for _ in 0..<3000 {
            let count = Int.random(in: 1...6, using: &generator)
            let lines = (0..<count).map { _ in
                keys.randomElement(using: &generator)! + separators.randomElement(using: &generator)! + values.randomElement(using: &generator)!
            }
            if check(lines.joined(separator: "\n")) { fast += 1 }
        }
        #expect(fast > 50, "the generated texts should exercise the fast path")
    }
}
