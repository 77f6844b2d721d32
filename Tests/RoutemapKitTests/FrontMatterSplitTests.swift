import Testing
@testable import RoutemapKit

/// `splitFrontMatter` works on bytes for speed; these tests hold it to the plain line-splitting
/// definition it replaced, on edge cases and on many generated files.
@Suite struct FrontMatterSplitTests {
    /// The definition: split into lines, drop one trailing empty line, find the fences.
    private func reference(_ text: String) -> (yaml: String, body: String, bodyLineOffset: Int)? {
        if text.allSatisfy(\.isWhitespace) { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        func fence(_ line: Substring) -> Bool { line.trimmingTrailingSpaces == "---" }
        guard fence(lines[0]),
              let closing = lines.indices.dropFirst().first(where: { fence(lines[$0]) || lines[$0].trimmingTrailingSpaces == "..." })
        else { return nil }
        return (lines[1..<closing].joined(separator: "\n"), lines[(closing + 1)...].joined(separator: "\n"), closing + 1)
    }

    private func check(_ text: String) {
        let log = DiagnosticLog()
        let split = splitFrontMatter(Array(text.utf8), file: "x.md", log: log)
        let expected = reference(text)
        #expect(split?.yaml == expected?.yaml, "\(text.debugDescription)")
        #expect(split.map { String(decoding: $0.body, as: UTF8.self) } == expected?.body, "\(text.debugDescription)")
        #expect(split?.bodyLineOffset == expected?.bodyLineOffset, "\(text.debugDescription)")
        #expect((split == nil) == log.hasErrors)
    }

    @Test(arguments: [
        "\u{A0}\n", "\u{A0}x\n", "\u{85}", "\u{0B}\u{0C}", "\u{2003}---\n---\n",
        "---\ntitle: A\n---\nBody\n", "---\ntitle: A\n---\n", "---\ntitle: A\n---", "---\n---\nBody", "---\n---\n",
        "---  \ntitle: A\n---\t\n\nBody\n\n", "---\ntitle: A\n...\nBody", "---\ntitle: A\n", "---\n", "---", "title: A\n",
        "\n---\ntitle: A\n---\n", " \n\t\n", "", "---\na: b\nc: d\n---\n\n# H\n\ntext\n\n\n", "---\na: é ---\n---\nü\n",
        "---\na\n----\n---\nB", "--- \n...  \nB\n", "---\ntitle: A\n---\n\u{301}B\n",
    ])
    func edgeCases(_ text: String) { check(text) }

    @Test func generatedFiles() {
        var generator = SplitMix64(seed: 6)
        let pieces = ["---", "--- ", "...", "title: A", "", "é", "text", "---\t", "  ", "\u{301}"]
        for _ in 0..<2000 {
            let count = Int.random(in: 0...7, using: &generator)
            let lines = (0..<count).map { _ in pieces.randomElement(using: &generator)! }
            check(lines.joined(separator: "\n") + (Bool.random(using: &generator) ? "\n" : ""))
        }
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}

/// A seeded generator, so that generated test inputs are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
