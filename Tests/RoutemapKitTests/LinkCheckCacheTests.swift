import Foundation
import Testing
@testable import RoutemapKit

/// The preview's link checks reused between builds (`LinkCheckCache`, kept by the `RenderCache`):
/// after every edit, the problems a build with the cache reports are those a fresh build reports.
@Suite struct LinkCheckCacheTests {
    private func chapter(_ title: String, order: Int, body: String) -> String {
        "---\ntitle: \(title)\norder: \(order)\n---\n\n\(body)\n"
    }

    /// The cached build's diagnostics, after checking they are a fresh build's.
    private func diagnostics(_ options: BuildOptions) -> [Diagnostic] {
        let cached = SiteBuilder.buildInMemory(options)
        var fresh = options
        fresh.renderCache = nil
        #expect(cached.diagnostics == SiteBuilder.buildInMemory(fresh).diagnostics)
        return cached.diagnostics
    }

    @Test func aReusedCheckReportsWhatAFreshOneDoesAfterEachEdit() throws {
        let folder = MiniSite.make(chapters: [
            "a.md": chapter("Alpha", order: 1, body: "See [Beta](b.md#how) and [below](#later).\n\n## Later\n\nText."),
            "b.md": chapter("Beta", order: 2, body: "## How\n\nText."),
            "c.md": chapter("Gamma", order: 3, body: "See [nowhere](#missing)."),
        ])
        var options = MiniSite.options(folder)
        let cache = RenderCache()
        options.renderCache = cache
        let missing = { (diagnostics: [Diagnostic], file: String, link: String) in
            diagnostics.contains { $0.file.hasSuffix(file) && $0.message.contains("link '\(link)' points to a heading that does not exist") }
        }

        let first = diagnostics(options)
        #expect(missing(first, "c.md", "#missing"))
        #expect(!missing(first, "a.md", "b.md#how"))
        // Nothing changed: every chapter's check but the one with a problem is reused.
        #expect(missing(diagnostics(options), "c.md", "#missing"))
        #expect(cache.linkChecks.lastReused == 2)

        // The heading Alpha links to is renamed in another chapter: Alpha's link is reported.
        folder.write("content/draft/b.md", chapter("Beta", order: 2, body: "## Why\n\nText."))
        let renamed = diagnostics(options)
        #expect(missing(renamed, "a.md", "b.md#how"))
        // Beta's own check holds (its text changed, but not its links); Alpha's read Beta's anchors.
        #expect(cache.linkChecks.lastReused == 1)

        // Renamed back, the problem is gone again.
        folder.write("content/draft/b.md", chapter("Beta", order: 2, body: "## How\n\nText."))
        #expect(!missing(diagnostics(options), "a.md", "b.md#how"))

        // A chapter's own heading renamed: its link to it is reported; the others are reused.
        folder.write("content/draft/a.md", chapter("Alpha", order: 1, body: "See [Beta](b.md#how) and [below](#later).\n\n## Afterwards\n\nText."))
        #expect(missing(diagnostics(options), "a.md", "#later"))
        #expect(cache.linkChecks.lastReused == 1)

        // Lines added to the front matter move the problem's line: it is reported where it now is.
        folder.write("content/draft/c.md", "---\ntitle: Gamma\nsummary: Longer.\norder: 3\n---\n\nSee [nowhere](#missing).\n")
        let moved = diagnostics(options)
        #expect(moved.contains { $0.file.hasSuffix("c.md") && $0.line == 7 })

        // A moved anchor declared for the missing heading makes the link hold.
        folder.write("content/draft/b.md", "---\ntitle: Beta\norder: 2\nmoved_anchors: {how: why}\n---\n\n## Why\n\nText.\n")
        #expect(!missing(diagnostics(options), "a.md", "b.md#how"))
    }
}
