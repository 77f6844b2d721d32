import Foundation
import Testing
@testable import RoutemapKit

/// Builds each fixture site under Fixtures/<name>/content and compares every generated file, byte
/// for byte, with Fixtures/<name>/expected. After an intended change to the output, regenerate
/// the expected files with `ROUTEMAP_UPDATE_FIXTURES=1 swift test --filter FixtureSiteTests`
/// and review the difference with `git diff`. The theme's own assets (`assets/`) are copies of
/// themes/default/assets and are left out, as are the social cards (PNGs).
@Suite struct FixtureSiteTests {
    /// Every fixture is built for the same day: after the final edition is published.
    static let buildDate = CalendarDate(iso: "2011-06-01")!

    @Test(arguments: ["two-editions", "editions-compared", "printable", "long-edition"])
    func outputMatchesExpected(fixture: String) throws {
        let folder = Repository.fixtures + "/" + fixture
        let options = BuildOptions(contentDirectory: folder + "/content", outputDirectory: folder + "/unused",
                                   themesDirectory: Repository.themes, buildDate: Self.buildDate)
        let report = try SiteBuilder.generate(options)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        // Social cards are pictures drawn with the machine's fonts: SocialCardTests checks them.
        // The 404 page carries the theme's stylesheet, which is kept out of the expected files (like
        // assets/) so that a change of style does not change every fixture.
        let files = report.files.filter { !$0.path.hasPrefix(SitePaths.assetsFolder + "/") && !$0.path.hasSuffix("social-card.png") }
            .map(withoutStylesheet)
        let expectedFolder = folder + "/expected"

        if ProcessInfo.processInfo.environment["ROUTEMAP_UPDATE_FIXTURES"] == "1" {
            try? FileManager.default.removeItem(atPath: expectedFolder)
            try OutputWriter.writeTree(files, into: expectedFolder)
            return
        }
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
