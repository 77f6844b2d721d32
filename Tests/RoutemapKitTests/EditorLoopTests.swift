import Foundation
import Synchronization
import Testing
@testable import RoutemapKit

/// The library calls behind the editors' loop: the render cache the preview uses, the render time
/// limit, and `new chapter`.
@Suite struct EditorLoopTests {
    private func chapter(_ title: String, order: Int, body: String) -> String {
        "---\ntitle: \(title)\norder: \(order)\n---\n\n\(body)\n"
    }

    @Test func theRenderCacheReRendersOnlyChaptersWhoseTextOrLinksChanged() throws {
        let folder = MiniSite.make(chapters: [
            "a.md": chapter("Alpha", order: 1, body: "See [Beta](b.md#how)."),
            "b.md": chapter("Beta", order: 2, body: "## How\n\nText."),
            "c.md": chapter("Gamma", order: 3, body: "Text."),
        ])
        var options = MiniSite.options(folder)
        let cache = RenderCache()
        options.renderCache = cache
        _ = try generated(options)
        #expect(cache.lastUsage == CacheUsage(made: 3, reused: 0))
        _ = try generated(options)
        #expect(cache.lastUsage == CacheUsage(made: 0, reused: 3))

        folder.write("content/draft/c.md", chapter("Gamma", order: 3, body: "New text."))
        let changedBody = try generated(options)
        #expect(cache.lastUsage == CacheUsage(made: 1, reused: 2))
        #expect(page("draft/c.html", in: changedBody).contains("New text."))

        // A new title re-renders nothing, yet shows on every page that names the chapter.
        folder.write("content/draft/b.md", chapter("Beta renamed", order: 2, body: "## How\n\nText."))
        let retitled = try generated(options)
        #expect(cache.lastUsage == CacheUsage(made: 0, reused: 3))
        #expect(page("draft/a.html", in: retitled).contains("Beta renamed"))
        #expect(page("draft/c.html", in: retitled).contains("Beta renamed"))

        // The chapter Alpha links to is gone: Alpha is rendered again, and its link reported.
        try FileManager.default.removeItem(atPath: folder.path + "/content/draft/b.md")
        let failure = try #require(throws: BuildErrors.self) { try generated(options) }
        #expect(cache.lastUsage == CacheUsage(made: 1, reused: 1))
        #expect(failure.diagnostics.contains { $0.file.hasSuffix("a.md") && $0.message.contains("link to a chapter that does not exist: 'b.md#how'") })
    }

    private func page(_ path: String, in report: BuildReport) -> String {
        guard let html = report.files.first(where: { $0.path == path })?.text else { return "" }
        return html
    }

    /// cmark-gfm 0.29 is super-linear on this text (" -" repeated, then newlines): 5,000 repeats
    /// take seconds, 40,000 take minutes (that one is run by CLITests, whose process can exit).
    static func hangingText(_ repeats: Int) -> String {
        "---\ntitle: Pasted\norder: 9\n---\n\n" + String(repeating: " -", count: repeats) + "x" + String(repeating: "\n", count: repeats)
    }

    @Test func aChapterPastTheRenderLimitStopsTheBuildNamingItAndLeavesOutputAlone() throws {
        let folder = MiniSite.make(chapters: ["a.md": chapter("Alpha", order: 1, body: "Text.")])
        var options = MiniSite.options(folder)
        try built(options)
        let before = folder.read("output/draft/a.html")

        folder.write("content/draft/pasted.md", Self.hangingText(5000))
        let notices = Notices()
        options.renderLimits = RenderLimits(limit: 0.4, progress: { notices.add($0) })
        let cache = RenderCache()
        options.renderCache = cache
        let failure = try #require(throws: BuildErrors.self) { try built(options) }
        let error = try #require(failure.diagnostics.errors.first)
        #expect(error.file.hasSuffix("content/draft/pasted.md"))
        #expect(error.message.contains("took longer than 0.4 s"))
        #expect(error.hint?.contains("--render-timeout") == true)
        #expect(notices.all.contains { $0.hasPrefix("Still rendering \(folder.path)/content/draft/pasted.md after") }, "\(notices.all)")
        #expect(folder.read("output/draft/a.html") == before)
        #expect(folder.read("output/draft/pasted.html") == nil)

        // The preview's next build does not start the same hopeless rendering again.
        let started = Date()
        #expect(throws: BuildErrors.self) { try generated(options) }
        #expect(Date().timeIntervalSince(started) < 0.4)
    }

    @Test func aNewChapterGetsValidFrontMatterAndTheNextFreeOrder() throws {
        let folder = MiniSite.make(chapters: [
            "a.md": chapter("Alpha", order: 1, body: "Text."),
            "d.md": chapter("Delta", order: 4, body: "Text."),
        ])
        let content = folder.path + "/content"
        let first = try #require(try ChapterScaffold.create(title: "Shared services: what \"next\"?", edition: "draft", contentDirectory: content, log: DiagnosticLog()))
        #expect(first.path == content + "/draft/shared-services-what-next.md")
        #expect(first.order == 5 && first.id == "shared-services-what-next")
        let second = try #require(try ChapterScaffold.create(title: "Shared services: what next", edition: "draft", contentDirectory: content, log: DiagnosticLog()))
        #expect(second.id == "shared-services-what-next-2" && second.order == 6)

        let report = try generated(MiniSite.options(folder))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(page("draft/shared-services-what-next.html", in: report).contains("Shared services: what &quot;next&quot;?"))

        let log = DiagnosticLog()
        #expect(try ChapterScaffold.create(title: "X", edition: "drfat", contentDirectory: content, log: log) == nil)
        #expect(log.items.reportText.contains("there is no edition 'drfat'; did you mean 'draft'?"))
    }

    /// Orders are one sequence for the whole edition, so a chapter in a folder counts; its file name
    /// does not take an id at the top, where its id would be `guides/…`.
    @Test func aNewChapterComesAfterTheChaptersInFoldersToo() throws {
        let folder = MiniSite.make(chapters: [
            "a.md": chapter("Alpha", order: 1, body: "Text."),
            "guides/b.md": chapter("Beta", order: 7, body: "Text."),
            "guides/c.md": chapter("Gamma", order: 2, body: "Text."),
        ])
        let content = folder.path + "/content"
        let new = try #require(try ChapterScaffold.create(title: "B", edition: "draft", contentDirectory: content, log: DiagnosticLog()))
        #expect(new.order == 8 && new.id == "b")
        let report = SiteBuilder.buildInMemory(MiniSite.options(folder))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }
}

final class Notices: Sendable {
    private let lines = Mutex<[String]>([])
    func add(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
