import Foundation
import Testing
@testable import RoutemapKit

/// The content cache the preview keeps: chapters are parsed again only when their file or the
/// settings they are checked against changed, and what they said (warnings, errors) still shows.
@Suite struct ContentCacheTests {
    private func chapter(_ title: String, order: Int, theme: String = "governance", extra: String = "", body: String = "Text.") -> String {
        "---\ntitle: \(title)\norder: \(order)\ntheme: [\(theme)]\n\(extra)---\n\n\(body)\n"
    }

    private func site() -> TemporaryFolder {
        MiniSite.make(chapters: [
            "a.md": chapter("Alpha", order: 1, body: "See [the next chapter](b.md)."),
            "b.md": chapter("Beta", order: 2),
            "c.md": chapter("Gamma", order: 3),
        ])
    }

    private func cachedOptions(_ folder: TemporaryFolder) -> (BuildOptions, ContentCache) {
        var options = MiniSite.options(folder)
        let cache = ContentCache()
        options.contentCache = cache
        return (options, cache)
    }

    private func page(_ path: String, in report: BuildReport) -> String? {
        guard let html = report.files.first(where: { $0.path == path })?.text else { return nil }
        return html
    }

    private func describe(_ contents: OutputFile.Contents) -> String {
        switch contents {
        case .text(let text): return text
        case .html(let html): return html.text
        case .deferred(let deferred): return deferred.value
        case .copy(let source): return "copy of " + source
        case .bytes(let bytes): return bytes.map { String($0, radix: 16) }.joined()
        }
    }

    @Test func unchangedChaptersAreReusedAndAChangedOneIsParsedAgainEvenAtTheSameSize() throws {
        let folder = site()
        let (options, cache) = cachedOptions(folder)
        _ = try generated(options)
        #expect(cache.lastUsage == CacheUsage(made: 3, reused: 0))
        _ = try generated(options)
        #expect(cache.lastUsage == CacheUsage(made: 0, reused: 3))

        // Same length, saved at once: the file's times may not have moved, its text has.
        folder.write("content/draft/b.md", chapter("Bete", order: 2))
        let retitled = try generated(options)
        #expect(cache.lastUsage == CacheUsage(made: 1, reused: 2))
        #expect(page("draft/a.html", in: retitled)?.contains("Bete") == true)
        #expect(page("draft/a.html", in: retitled)?.contains("Beta") == false)

        // A new order moves the chapter in the reading order of every page.
        folder.write("content/draft/b.md", chapter("Bete", order: 9))
        let moved = try generated(options)
        #expect(cache.lastUsage == CacheUsage(made: 1, reused: 2))
        let contents = try #require(page("draft/index.html", in: moved))
        let gamma = try #require(contents.range(of: "Gamma")), bete = try #require(contents.range(of: "Bete"))
        #expect(gamma.lowerBound < bete.lowerBound)
    }

    @Test func aFileSavedAfterItsStampSettledIsNoticed() throws {
        let folder = site()
        let (options, cache) = cachedOptions(folder)
        // Older than a clock step: the next build trusts the files' stamps instead of reading them.
        Thread.sleep(forTimeInterval: 1.1)
        _ = try generated(options)
        _ = try generated(options)
        #expect(cache.lastUsage == CacheUsage(made: 0, reused: 3))
        folder.write("content/draft/c.md", chapter("Gamme", order: 3))
        let report = try generated(options)
        #expect(cache.lastUsage == CacheUsage(made: 1, reused: 2))
        #expect(page("draft/c.html", in: report)?.contains("Gamme") == true)
    }

    @Test func renamedAndDeletedFilesAreForgotten() throws {
        let folder = site()
        let (options, cache) = cachedOptions(folder)
        _ = try generated(options)
        try FileManager.default.moveItem(atPath: folder.path + "/content/draft/c.md", toPath: folder.path + "/content/draft/gamma.md")
        let renamed = try generated(options)
        #expect(cache.lastUsage == CacheUsage(made: 1, reused: 2))
        #expect(page("draft/gamma.html", in: renamed) != nil)
        #expect(page("draft/c.html", in: renamed) == nil)

        // Alpha links to b.md: deleting it is an error naming Alpha, which was not parsed again.
        try FileManager.default.removeItem(atPath: folder.path + "/content/draft/b.md")
        let failure = try #require(throws: BuildErrors.self) { try generated(options) }
        #expect(cache.lastUsage == CacheUsage(made: 0, reused: 2))
        #expect(failure.diagnostics.contains { $0.file.hasSuffix("draft/a.md") && $0.message.contains("'b.md'") })

        // Put back under the old name, it is read again (the cache forgot it).
        folder.write("content/draft/b.md", chapter("Beta", order: 2))
        let restored = try generated(options)
        #expect(cache.lastUsage == CacheUsage(made: 1, reused: 2))
        #expect(page("draft/b.html", in: restored) != nil)
    }

    @Test func aChapterKeepsItsWarningsAndErrorsWhileItIsUnchanged() throws {
        let folder = site()
        folder.write("content/draft/c.md", chapter("Gamma", order: 3, extra: "colour: blue\n"))
        let (options, cache) = cachedOptions(folder)
        let first = try generated(options)
        let warning = try #require(first.diagnostics.first { $0.file.hasSuffix("c.md") })
        // Another file changes; Gamma is reused with its warning.
        folder.write("content/draft/a.md", chapter("Alpha", order: 1, body: "See [Beta](b.md), again."))
        let second = try generated(options)
        #expect(cache.lastUsage == CacheUsage(made: 1, reused: 2))
        #expect(second.diagnostics.filter { $0.file.hasSuffix("c.md") } == [warning])

        // An error stays reported while the editor saves other files, until it is fixed.
        folder.write("content/draft/b.md", chapter("Beta", order: 2, theme: "nonsense"))
        let broken = try #require(throws: BuildErrors.self) { try generated(options) }
        folder.write("content/draft/a.md", chapter("Alpha", order: 1, body: "See [Beta](b.md)."))
        let stillBroken = try #require(throws: BuildErrors.self) { try generated(options) }
        #expect(cache.lastUsage == CacheUsage(made: 1, reused: 2))
        #expect(stillBroken.diagnostics.errors == broken.diagnostics.errors)
        #expect(stillBroken.diagnostics.errors.contains { $0.file.hasSuffix("b.md") && $0.message.contains("'nonsense'") })
        folder.write("content/draft/b.md", chapter("Beta", order: 2))
        _ = try generated(options)
    }

    @Test func changedSettingsCheckEveryChapterAgain() throws {
        let folder = site()
        let (options, cache) = cachedOptions(folder)
        _ = try generated(options)
        // The theme every chapter uses is no longer declared: each is reported.
        folder.write("content/routemap.yml", MiniSite.config.replacingOccurrences(of: "id: governance", with: "id: deciding"))
        let failure = try #require(throws: BuildErrors.self) { try generated(options) }
        #expect(cache.lastUsage == CacheUsage(made: 3, reused: 0))
        #expect(failure.diagnostics.errors.filter { $0.message.contains("'governance' is not a theme") }.count == 3)
        folder.write("content/routemap.yml", MiniSite.config)
        _ = try generated(options)

        // The edition's default status decides each chapter's status.
        folder.write("content/draft/edition.yml", MiniSite.edition.replacingOccurrences(of: "status: draft", with: "status: final"))
        let report = try generated(options)
        #expect(cache.lastUsage == CacheUsage(made: 3, reused: 0))
        #expect(report.chapterCount == 3)
    }

    @Test func theSameSiteIsBuiltWithAndWithoutTheCache() throws {
        let folder = site()
        let (options, _) = cachedOptions(folder)
        _ = try generated(options)
        let cached = try generated(options)
        let plain = try generated(MiniSite.options(folder))
        #expect(cached.files.map(\.path) == plain.files.map(\.path))
        for (a, b) in zip(cached.files, plain.files) { #expect(describe(a.contents) == describe(b.contents), "\(a.path)") }
        #expect(cached.diagnostics == plain.diagnostics)
    }
}
