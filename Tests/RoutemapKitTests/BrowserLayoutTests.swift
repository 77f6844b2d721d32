import Foundation
import Testing
@testable import RoutemapKit

/// The layout readers get on phones, at 200% zoom and on desktops (Tests/Browser/layout_check.py):
/// nothing wider than the window, no text cut off at an edge (paragraph numbers), the title in the
/// first screen even under the consultation banner, no word broken in a table cell. Screenshots of
/// every page at every width are kept under .build/layout-screenshots/ as artefacts of the run.
@Suite(.serialized, .tags(.browser)) struct BrowserLayoutTests {
    static let pages = [
        "index.html",
        "final/index.html",
        "final/governance.html",              // a chapter with a table and paragraph numbers
        "final/annex.html",                   // four tables, long words
        "final/themes/leadership.html",
        "final/audiences/cios.html",
        "final/changes/index.html",
        "final/changes/shared-services.html",
        "final/search.html",
        "final/print/index.html",
        "404.html",
    ]
    /// During the consultation: the open banner above the chapter's title.
    static let consultationPages = ["draft/index.html", "draft/how-to-respond.html", "draft/capabilities.html"]

    static let artefacts = Repository.root + "/.build/layout-screenshots"

    @Test func pagesFitEveryWidthWithTitleFirstAndWholeWords() async throws {
        let output = TemporaryFolder()
        var options = BuildOptions(contentDirectory: Repository.content, outputDirectory: output.path + "/launched",
                                   themesDirectory: Repository.themes, buildDate: CalendarDate(iso: "2011-06-01")!)
        try built(options)
        options.outputDirectory = output.path + "/consulting"
        options.buildDate = CalendarDate(iso: "2011-03-20")!
        try built(options)

        let launched = try await runBrowserScript(["Tests/Browser/layout_check.py", output.path + "/launched",
                                             Self.artefacts + "/launched"] + Self.pages)
        #expect(launched.status == 0, "\(launched.output)")
        #expect(launched.output.contains("layout checked: \(Self.pages.count) pages"), "\(launched.output)")
        let consulting = try await runBrowserScript(["Tests/Browser/layout_check.py", output.path + "/consulting",
                                               Self.artefacts + "/consulting"] + Self.consultationPages)
        #expect(consulting.status == 0, "\(consulting.output)")
        // The ends of the range: 320 px is a 1280 px screen at 400% zoom (640 px, at 200%, is above); 1920 px a wide desktop.
        let ends = try await runBrowserScript(["Tests/Browser/layout_check.py", output.path + "/launched", Self.artefacts + "/ends",
                                         "final/governance.html", "final/annex.html", "final/print/index.html", "--widths", "320,1920"])
        #expect(ends.status == 0, "\(ends.output)")
        print("layout screenshots: \(Self.artefacts)")
    }

    /// The printable page's HTML hides the button (PrintPageTests); our script, run by Chromium, shows it.
    @Test func thePrintButtonAppearsOnlyWithJavaScript() throws {
        let output = TemporaryFolder()
        try built(BuildOptions(contentDirectory: Repository.fixtures + "/printable/content", outputDirectory: output.path,
                                           themesDirectory: Repository.themes))
        let url = URL(fileURLWithPath: output.path + "/two/print/index.html").absoluteString
        let withScript = try Tool.run("chromium", Tool.chromiumFlags + ["--dump-dom", url])
        #expect(withScript.contains("<button type=\"button\" class=\"button print-button\" data-print-button=\"\">Print</button>"))
    }
}
