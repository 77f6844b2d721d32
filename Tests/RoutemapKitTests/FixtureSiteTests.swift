import Foundation
import Testing
@testable import RoutemapKit

/// Builds each fixture site under Fixtures/<name>/content and compares every generated file, byte
/// for byte, with Fixtures/<name>/expected. After an intended change to the output, regenerate
/// the expected files with `ROUTEMAP_UPDATE_FIXTURES=1 swift test --filter FixtureSiteTests`
/// and review the difference with `git diff`. The theme's own assets (`assets/`) are copies of
/// themes/default/assets and are left out, as are the social cards (PNGs). A fixture with an
/// `expected-diagnostics.txt` has its build's warnings compared with it, byte for byte (paths from
/// the fixture's folder); others build without any.
@Suite struct FixtureSiteTests {
    /// Every fixture is built for the same day: after the final edition is published.
    static let buildDate = CalendarDate(iso: "2011-06-01")!

    @Test(arguments: ["two-editions", "editions-compared", "printable", "long-edition", "real-world"])
    func outputMatchesExpected(fixture: String) throws {
        try compare(fixture: fixture, on: Self.buildDate, expected: "expected")
    }

    /// Fixtures/launch through the consultation's life and the final edition's launch, each day's
    /// site in expected-<day>: before the draft is published (only its date), published but the
    /// consultation upcoming, open, closed, the day before the launch (the final edition still
    /// absent), and concluded once the final edition is out.
    @Test(arguments: ["2011-03-07", "2011-03-09", "2011-03-20", "2011-04-20", "2011-05-10", "2011-05-11"])
    func launchMatchesExpected(day: String) throws {
        try compare(fixture: "launch", on: CalendarDate(iso: day)!, expected: "expected-\(day)",
                    allowedWarning: day >= "2011-03-08" && day < "2011-05-11" ? "which is not published until 11 May 2011" : nil)
    }

    private func compare(fixture: String, on day: CalendarDate, expected: String, allowedWarning: String? = nil) throws {
        let folder = Repository.fixtures + "/" + fixture
        let options = BuildOptions(contentDirectory: folder + "/content", outputDirectory: folder + "/unused",
                                   themesDirectory: Repository.themes, buildDate: day)
        let report = try generated(options)
        // A warning a fixture is meant to give (the launch fixture's link into its unpublished edition) is left out.
        let kept = report.diagnostics.filter { diagnostic in allowedWarning.map { !diagnostic.message.contains($0) } ?? true }
        let diagnostics = kept.sortedForReport().map { $0.description.replacingOccurrences(of: folder + "/", with: "") + "\n" }.joined()
        let diagnosticsFile = folder + "/expected-diagnostics.txt"
        let expectedDiagnostics = FileManager.default.contents(atPath: diagnosticsFile).map { String(decoding: $0, as: UTF8.self) }
        // Social cards are pictures drawn with the machine's fonts: SocialCardTests checks them.
        // The 404 page carries the theme's stylesheet, which is kept out of the expected files (like
        // assets/) so that a change of style does not change every fixture.
        let files = report.files.filter { !$0.path.hasPrefix(SitePaths.assetsFolder + "/") && !$0.path.hasSuffix("social-card.png") }
            .map(withoutStylesheet)
        let expectedFolder = folder + "/" + expected

        if ProcessInfo.processInfo.environment["ROUTEMAP_UPDATE_FIXTURES"] == "1" {
            try? FileManager.default.removeItem(atPath: expectedFolder)
            try OutputWriter.writeTree(files, into: expectedFolder)
            if expectedDiagnostics != nil { try Data(diagnostics.utf8).write(to: URL(fileURLWithPath: diagnosticsFile)) }
            return
        }
        #expect(diagnostics == (expectedDiagnostics ?? ""))
        let expectedPaths = Set(listFiles(expectedFolder))
        let producedPaths = Set(files.map(\.path))
        #expect(producedPaths == expectedPaths, "missing: \(expectedPaths.subtracting(producedPaths).sorted()), unexpected: \(producedPaths.subtracting(expectedPaths).sorted())")
        for file in files where expectedPaths.contains(file.path) {
            let expected = FileManager.default.contents(atPath: expectedFolder + "/" + file.path)
            #expect(bytes(of: file) == expected, "\(file.path) differs from expected/\(file.path)")
        }
    }

    private static let stylesheet = try! String(contentsOfFile: Repository.themes + "/default/assets/style.css", encoding: .utf8)

    private func withoutStylesheet(_ file: OutputFile) -> OutputFile {
        guard file.path == SitePaths.notFound, let text = file.text, text.contains(Self.stylesheet) else { return file }
        var copy = file
        copy.contents = .text(text.replacingOccurrences(of: Self.stylesheet, with: "/* themes/default/assets/style.css */\n"))
        return copy
    }

    private func bytes(of file: OutputFile) -> Data? {
        switch file.contents {
        case .text, .html, .deferred: return Data((file.text ?? "").utf8)
        case .copy(let source): return FileManager.default.contents(atPath: source)
        case .bytes(let bytes): return Data(bytes)
        }
    }
}
