import Foundation
import Testing
@testable import RoutemapKit

/// axe-core's WCAG 2.2 A and AA rules, keyboard operation and 200% text, in Debian's headless
/// Chromium, over one page of every kind the build writes (Tests/Browser/accessibility_check.py).
/// Needs chromium, chromium-driver and the Python packages `make test` installs.
@Suite(.serialized) struct BrowserAccessibilityTests {
    /// One page of each kind, from the real publication.
    static let pages = [
        "index.html",                   // front page
        "final/index.html",             // contents, final edition
        "draft/index.html",             // contents, consultation draft
        "final/governance.html",        // chapter with a table and notes
        "draft/how-to-respond.html",    // consultation chapter
        "final/search.html",
        "accessibility.html",
        "404.html",
    ]

    @Test func everyKindOfPagePassesAxeAtBothWidthsAndKeyboardAndZoomChecks() throws {
        let output = TemporaryFolder()
        try SiteBuilder.build(BuildOptions(contentDirectory: Repository.content, outputDirectory: output.path,
                                           themesDirectory: Repository.themes))
        let result = try runPython(["Tests/Browser/accessibility_check.py", output.path] + Self.pages
                                   + ["--keyboard", "final/governance.html", "index.html"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("checked \(Self.pages.count) pages"), "\(result.output)")
    }

    @Test func searchWorksByKeyboardAnnouncesResultsAndHidesWithoutJavaScript() throws {
        let output = TemporaryFolder()
        try SiteBuilder.build(BuildOptions(contentDirectory: Repository.content, outputDirectory: output.path,
                                           themesDirectory: Repository.themes))
        let result = try runPython(["Tests/Browser/search_check.py", output.path, "final", "cloud"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("search checked: 0 problems"), "\(result.output)")
    }

    private func runPython(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        if output.contains("ModuleNotFoundError") {
            Issue.record("the browser tests need Python packages: run `make test`, which installs them")
        }
        return (process.terminationStatus, output)
    }
}
