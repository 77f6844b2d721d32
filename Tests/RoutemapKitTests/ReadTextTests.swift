import Foundation
import Testing
@testable import RoutemapKit

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

    @Test func aRealReplacementCharacterIsKept() {
        let (text, diagnostics) = read(Array("a \u{FFFD} b\n".utf8))
        #expect(text == "a \u{FFFD} b\n")
        #expect(diagnostics.isEmpty)
    }
}
