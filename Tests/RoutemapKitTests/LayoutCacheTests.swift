import Foundation
import Testing
@testable import RoutemapKit

/// The preview server reuses pages whose views did not change and makes the printable pages and
/// search indexes only when asked for: what it serves after each save must be exactly what a build
/// from nothing makes.
@Suite struct LayoutCacheTests {
    private func contents(_ report: BuildReport) -> [String: String] {
        report.contentsByPath
    }

    @Test func aCachedBuildIsTheSameAsABuildFromNothingAfterEachKindOfEdit() throws {
        let folder = TemporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.content, toPath: folder.path + "/content")
        var cached = MiniSite.options(folder)
        let cache = LayoutCache()
        cached.renderCache = RenderCache()
        cached.layoutCache = cache
        cached.deferWholeEditionFiles = true
        let fresh = MiniSite.options(folder)

        let first = try generated(cached)
        // Each page is two renderings: its own template's, then the layout's.
        let pageCount = cache.lastUsage.made
        #expect(pageCount > 40 && cache.lastUsage.reused == 0)
        #expect(contents(first) == contents(try generated(fresh)))

        _ = try generated(cached)
        #expect(cache.lastUsage.made == 0 && cache.lastUsage.reused > 0, "nothing changed, so nothing is laid out")

        let path = "content/final/business-change.md"
        let original = try #require(folder.read(path))
        // (edit, whether only the chapter's text changed since the edit before: then only the pages
        // showing that text are laid out again)
        let edits: [(String, String, Bool)] = [
            ("a paragraph added", original + "\nA paragraph added by an editor.\n", true),
            ("an action for CIOs changed", original.replacingOccurrences(of: "- **CIOs:** Stop", with: "- **CIOs:** Now stop"), true),
            ("a new title", original.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Retitled "), false),
            ("a new summary", original.replacingOccurrences(of: "\nsummary: ", with: "\nsummary: Changed. "), false),
            ("the original back", original, false),
        ]
        for (edit, text, textOnly) in edits {
            folder.write(path, text)
            let report = try generated(cached)
            #expect(contents(report) == contents(try generated(fresh)), "after \(edit)")
            let usage = cache.lastUsage
            #expect(usage.made > 0 && (!textOnly || usage.made < pageCount / 5), "after \(edit): \(usage)")
        }

        // A publication-wide change reaches every page: each page's layout names the publication
        // (its content may still be reused).
        let config = try #require(folder.read("content/routemap.yml"))
        folder.write("content/routemap.yml", config.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Renamed "))
        let renamed = try generated(cached)
        #expect(contents(renamed) == contents(try generated(fresh)))
        #expect(cache.lastUsage.made >= pageCount / 2, "\(cache.lastUsage)")
    }
}
