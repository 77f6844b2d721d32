import Foundation
import Testing
@testable import RoutemapKit

/// A chapter with the same text in two editions (most of a final edition's, after its consultation
/// draft) is rendered once, unless a link in it resolves differently from the other edition's page.
@Suite struct SharedRenderingTests {
    private func chapter(_ title: String, order: Int, body: String) -> String {
        "---\ntitle: \(title)\norder: \(order)\n---\n\n\(body)\n"
    }

    /// Alpha and Beta are the same in both editions; Gamma's text is too, but its link to the
    /// draft's Beta is `b.html` from the draft and `../draft/b.html` from the final edition; Delta
    /// differs.
    private func site() -> TemporaryFolder {
        let config = MiniSite.config.replacingOccurrences(of: "editions: [draft]", with: "editions: [draft, final]")
        let folder = MiniSite.make(chapters: [:], config: config)
        folder.write("content/final/edition.yml", "title: Final\nkind: final\npublished: 2011-05-11\n")
        for edition in ["draft", "final"] {
            folder.write("content/\(edition)/a.md", chapter("Alpha", order: 1, body: "See [Beta](b.md#how).[^1]\n\n[^1]: A note."))
            folder.write("content/\(edition)/b.md", chapter("Beta", order: 2, body: "## How\n\nText."))
            folder.write("content/\(edition)/c.md", chapter("Gamma", order: 3, body: "As [the draft put it](../draft/b.md#how)."))
            folder.write("content/\(edition)/d.md", chapter("Delta", order: 4, body: "The \(edition)'s own text."))
        }
        return folder
    }

    private func page(_ path: String, in report: BuildReport) -> String {
        report.files.first { $0.path == path }?.text ?? ""
    }

    @Test func sameTextIsRenderedOnceAndEachLinkStillResolvesFromItsOwnPage() throws {
        let folder = site()
        var options = MiniSite.options(folder)
        let cache = RenderCache()
        options.renderCache = cache
        let report = try generated(options)
        // Alpha and Beta once each, Gamma and Delta twice; the final's Alpha and Beta are the draft's.
        #expect(cache.lastUsage == CacheUsage(made: 6, reused: 2))
        #expect(page("draft/c.html", in: report).contains(#"href="b.html#how""#))
        #expect(page("final/c.html", in: report).contains(#"href="../draft/b.html#how""#))
        #expect(page("final/a.html", in: report).contains(#"href="b.html#how""#))

        // Every file is what rendering each chapter on its own makes.
        var unshared = options
        unshared.renderCache = nil
        let expected = try generated(unshared)
        #expect(report.files.map(\.path) == expected.files.map(\.path))
        for (file, fresh) in zip(report.files, expected.files) where file.text != fresh.text {
            Issue.record("\(file.path) differs from a build of each chapter on its own")
        }

        // The next build reuses them all, shared or not.
        _ = try generated(options)
        #expect(cache.lastUsage == CacheUsage(made: 0, reused: 8))
    }

    @Test func aChangeToOneEditionsCopyRendersThatCopyAlone() throws {
        let folder = site()
        var options = MiniSite.options(folder)
        let cache = RenderCache()
        options.renderCache = cache
        _ = try generated(options)
        folder.write("content/final/a.md", chapter("Alpha", order: 1, body: "See [Beta](b.md#how), as amended."))
        let report = try generated(options)
        #expect(cache.lastUsage == CacheUsage(made: 1, reused: 7))
        #expect(page("final/a.html", in: report).contains("as amended"))
        #expect(!page("draft/a.html", in: report).contains("as amended"))
    }
}
