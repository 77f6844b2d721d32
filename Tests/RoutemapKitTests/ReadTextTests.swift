import Foundation
import Testing
@testable import RoutemapKit
import RoutemapMarkdown

@Suite struct ReadTextTests {
    private func read(_ bytes: [UInt8]) -> (String?, [Diagnostic]) {
        let folder = TemporaryFolder()
        folder.write("file.md", data: Data(bytes))
        let log = DiagnosticLog()
        return (readText(folder.path + "/file.md", log: log, missingHint: nil), log.items)
    }

    @Test func invalidUTF8IsReportedWhereItIs() {
        let (text, diagnostics) = read(Array("---\ntitle: é\nab".utf8) + [0xE9] + Array("\n".utf8))
        #expect(text == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 3)
        #expect(diagnostics.first?.column == 3)
        #expect(diagnostics.first?.message == "the file is not valid UTF-8")
    }

    @Test func aByteOrderMarkIsDroppedAndLineEndingsAreNormalised() {
        #expect(read([0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\n".utf8)).0 == "a\nb\nc\n")
    }

    /// Line endings are made line feeds on bytes, as Foundation replaces CR LF and then CR in text.
    @Test func lineEndingsAreNormalisedAsReplacingThemInTextWould() {
        var generator = SplitMix64(seed: 13)
        let pieces = ["a", "\r", "\n", "\r\n", "é", " "]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            #expect(read(Array(text.utf8)).0 == expected, "\(text.debugDescription)")
        }
    }

    @Test func aRealReplacementCharacterIsKept() {
        let (text, diagnostics) = read(Array("a \u{FFFD} b\n".utf8))
        #expect(text == "a \u{FFFD} b\n")
        #expect(diagnostics.isEmpty)
    }

    /// ASCII files skip validation, so the check must see a high byte wherever it is.
    @Test func aHighByteAnywhereMakesTheTextNonASCII() {
        for count in 0..<40 {
            let ascii = (0..<count).map { UInt8(0x20 + $0 % 0x5F) }
            #expect(isASCII(ascii))
            for position in 0..<count {
                for high: UInt8 in [0x80, 0xC3, 0xFF] {
                    var bytes = ascii
                    bytes[position] = high
                    #expect(!isASCII(bytes), "\(count) bytes, \(high) at \(position)")
                }
            }
        }
        let (text, diagnostics) = read(Array("---\nab".utf8) + [0xFF] + Array("cdefghijk\n".utf8))
        #expect(text == nil)
        #expect(diagnostics.first?.line == 2)
        #expect(diagnostics.first?.column == 3)
    }
}
