import Foundation
import Testing
@testable import RoutemapKit

/// axe-core's WCAG 2.2 A and AA rules, keyboard operation and 200% text, in Debian's headless
/// Chromium, over one page of every kind the build writes (Tests/Browser/accessibility_check.py).
/// Needs chromium, chromium-driver and the Python packages `make test` installs.
@Suite(.serialized, .tags(.browser)) struct BrowserAccessibilityTests {
    /// One page of each kind, from the real publication built after the launch.
    static let pages = [
        "index.html",                        // front page
        "final/index.html",                  // contents, final edition
        "draft/index.html",                  // contents, consultation draft (closed banner)
        "final/governance.html",             // chapter with a table, notes and paragraph numbers
        "draft/how-to-respond.html",         // consultation chapter, superseded
        "final/themes/index.html",           // themes and audiences overview
        "final/themes/leadership.html",      // a theme
        "final/audiences/cios.html",         // an audience, with its actions
        "final/statuses/final.html",         // a status
        "final/changes/index.html",          // what changed since the draft
        "final/changes/shared-services.html", // one chapter compared
        "final/print/index.html",            // printable page
        "print/index.html",                  // the current edition's printable page at its stable address
        "final/search.html",
        "accessibility.html",
        "404.html",
        "draft/respond.html",                // the questions, once the consultation has concluded
    ]

    /// The draft while the consultation is open: the banner with how to respond.
    static let openConsultationPages = ["index.html", "draft/index.html", "draft/how-to-respond.html", "draft/capabilities.html",
                                        "draft/respond.html"]

    /// A preview before the launch: the final edition's pages marked as embargoed.
    static let previewPages = ["final/index.html", "final/governance.html", "final/print/index.html"]

    @Test func everyKindOfPagePassesAxeAtBothWidthsAndKeyboardAndZoomChecks() async throws {
        let output = TemporaryFolder()
        var options = BuildOptions(contentDirectory: Repository.content, outputDirectory: output.path + "/launched",
                                   themesDirectory: Repository.themes, buildDate: CalendarDate(iso: "2011-06-01")!)
        try built(options)
        options.outputDirectory = output.path + "/consulting"
        options.buildDate = CalendarDate(iso: "2011-03-20")!
        try built(options)
        options.outputDirectory = output.path + "/preview"
        options.preview = true
        try built(options)

        let launched = try await runBrowserScript(["Tests/Browser/accessibility_check.py", output.path + "/launched"] + Self.pages
                                     + ["--keyboard", "final/governance.html", "index.html", "final/audiences/cios.html", "final/print/index.html"])
        #expect(launched.status == 0, "\(launched.output)")
        #expect(launched.output.contains("checked \(Self.pages.count) pages"), "\(launched.output)")
        let consulting = try await runBrowserScript(["Tests/Browser/accessibility_check.py", output.path + "/consulting"] + Self.openConsultationPages
                                       + ["--keyboard", "draft/how-to-respond.html"])
        #expect(consulting.status == 0, "\(consulting.output)")
        let preview = try await runBrowserScript(["Tests/Browser/accessibility_check.py", output.path + "/preview"] + Self.previewPages)
        #expect(preview.status == 0, "\(preview.output)")

        // Every chapter of the real publication changed since its draft: a chapter that did not has
        // a short changes page of its own, in the editions-compared fixture.
        try built(BuildOptions(contentDirectory: Repository.fixtures + "/editions-compared/content", outputDirectory: output.path + "/compared",
                               themesDirectory: Repository.themes, buildDate: CalendarDate(iso: "2011-06-01")!))
        let unchanged = try await runBrowserScript(["Tests/Browser/accessibility_check.py", output.path + "/compared", "final/changes/principles.html"])
        #expect(unchanged.status == 0, "\(unchanged.output)")
        #expect(unchanged.output.contains("checked 1 pages"), "\(unchanged.output)")
    }

    /// And forgives: a misspelt word suggests the closest words, quoted phrases are phrases, and
    /// snippets from tables keep their cells apart.
    @Test func searchWorksByKeyboardAnnouncesResultsAndHidesWithoutJavaScript() async throws {
        let output = TemporaryFolder()
        try built(BuildOptions(contentDirectory: Repository.content, outputDirectory: output.path,
                                           themesDirectory: Repository.themes))
        let result = try await runBrowserScript(["Tests/Browser/search_check.py", output.path, "final", "cloud", "--forgiving"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("search checked: 0 problems"), "\(result.output)")
    }
}
