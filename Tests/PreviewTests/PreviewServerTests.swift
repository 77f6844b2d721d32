import Foundation
import Testing
@testable import Preview
import RoutemapKit

/// A real preview server on a free port, driven over raw sockets.
@Suite(.serialized) struct PreviewServerTests {
    @Test func pagesAreServedWithTheLiveReloadScriptOnlyInServedPages() async throws {
        let preview = try await RunningPreview.start()
        let front = try await preview.get("/")
        #expect(front.status == 200)
        #expect(front.body.contains("<!DOCTYPE html>"))
        #expect(front.body.contains("<script src=\"/__routemap/live.js\" data-generation=\"1\"></script>\n</body>"))
        let chapter = try await preview.get("/final/governance.html")
        #expect(chapter.status == 200 && chapter.body.contains("Partners decide together"))
        #expect(chapter.headers.contains("Content-Type: text/html; charset=utf-8"))
        let image = try await preview.get("/final/images/boxes.svg")
        #expect(image.status == 200 && image.headers.contains("image/svg+xml"))
        let script = try await preview.get("/__routemap/live.js")
        #expect(script.status == 200 && script.body.contains("routemap-errors"))
        let folder = try await preview.get("/final")
        #expect(folder.status == 301 && folder.headers.contains("Location: /final/"))
        #expect(try await preview.get("/final/").body.contains("Governance"))
        let missing = try await preview.get("/final/nothing.html")
        #expect(missing.status == 404 && missing.body.contains("/__routemap/live.js"), "a missing page reloads when it appears")
        #expect(!FileManager.default.fileExists(atPath: preview.folder + "/output"), "serve builds in memory and leaves output/ alone")
        try await preview.stop()
    }

    @Test func aSaveReloadsOpenPagesOnlyOnceTheNewSiteIsComplete() async throws {
        let preview = try await RunningPreview.start()
        let before = try await preview.status()
        let page = try await preview.get("/final/cloud.html")
        #expect(page.body.contains("data-generation=\"\(before.generation)\""))

        // An open page waiting for news: nothing is sent while nothing changes.
        let waiting = Task { try await preview.status(since: before.version) }
        try await Task.sleep(nanoseconds: 400_000_000)
        #expect(await preview.server.state.status.version == before.version)

        // A changed title: the signal comes with the new site already served, the title changed
        // everywhere it shows, and no chapter re-rendered (their text did not change).
        try preview.write("content/final/governance.md", try String(contentsOfFile: preview.folder + "/content/final/governance.md", encoding: .utf8)
            .replacingOccurrences(of: "title: Governance", with: "title: Governing together"))
        let signal = try await waiting.value
        #expect(signal.generation == before.generation + 1 && signal.errors.isEmpty)
        let cloud = try await preview.get("/final/cloud.html")
        #expect(cloud.body.contains("Governing together"), "the navigation of another chapter shows the new title")
        #expect(try await preview.get("/final/index.html").body.contains("Governing together"))
        #expect(preview.server.renderCache.lastUsage == CacheUsage(made: 0, reused: 3))

        // A changed body: only that chapter is rendered again.
        try preview.write("content/final/cloud.md", "---\ntitle: Cloud\norder: 2\n---\n\n## How\n\nNew words about the cloud.\n")
        let second = try await preview.status(since: signal.version)
        #expect(second.generation == signal.generation + 1)
        #expect(preview.server.renderCache.lastUsage == CacheUsage(made: 1, reused: 2))
        #expect(try await preview.get("/final/cloud.html").body.contains("New words about the cloud."))

        // A new chapter appears in the navigation; deleted, it leaves it.
        try preview.write("content/final/annex.md", "---\ntitle: Annex of terms\norder: 3\n---\n\nTerms.\n")
        let added = try await preview.status(since: second.version)
        #expect(try await preview.get("/final/annex.html").status == 200)
        #expect(try await preview.get("/final/governance.html").body.contains("Annex of terms"))
        try FileManager.default.removeItem(atPath: preview.folder + "/content/final/annex.md")
        _ = try await preview.status(since: added.version)
        #expect(try await preview.get("/final/annex.html").status == 404)
        #expect(!(try await preview.get("/final/governance.html").body.contains("Annex of terms")))
        try await preview.stop()
    }

    @Test func aFailedRebuildKeepsTheLastGoodSiteAndShowsTheErrorsUntilFixed() async throws {
        let preview = try await RunningPreview.start()
        let before = try await preview.status()
        let good = try String(contentsOfFile: preview.folder + "/content/final/cloud.md", encoding: .utf8)
        try preview.write("content/final/cloud.md", good.replacingOccurrences(of: "theme: infrastructure", with: "theme: nonsense"))
        let failed = try await preview.status(since: before.version)
        #expect(failed.generation == before.generation, "no new site: open pages must not reload")
        let error = try #require(failed.errors.first)
        #expect(error.file.hasSuffix("content/final/cloud.md"))
        #expect(error.line > 1 && error.message.contains("'nonsense' is not a theme"))
        let page = try await preview.get("/final/cloud.html")
        #expect(page.status == 200 && page.body.contains("data-generation=\"\(before.generation)\""), "the last good site is still served")
        // A page opened now learns of the errors at once (its first question is since=-1).
        #expect(try await preview.status().errors.count == failed.errors.count)

        try preview.write("content/final/cloud.md", good)
        let fixed = try await preview.status(since: failed.version)
        #expect(fixed.errors.isEmpty && fixed.generation == before.generation + 1)
        try await preview.stop()
    }

    @Test func requestsForAnythingOutsideTheSiteAreRefused() async throws {
        let preview = try await RunningPreview.start()
        let secret = preview.folder + "/secret.txt"
        try "SECRET".write(toFile: secret, atomically: false, encoding: .utf8)
        for path in ["/../secret.txt", "/final/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/etc/passwd",
                     "/final/..%2f..%2fsecret.txt", "/final/%2e%2e%2f%2e%2e%2fsecret.txt", "/./index.html", "/final/..\\..\\secret.txt"] {
            let response = try await preview.get(path)
            #expect(response.status == 403, "\(path) gave \(response.status)")
            #expect(!response.body.contains("SECRET") && !response.body.contains("root:"), "\(path) leaked a file")
        }
        // A symbolic link in the content that leads out of it: an error at the link, and never served.
        let before = try await preview.status()
        #expect(symlink(secret, preview.folder + "/content/final/images/leak.txt") == 0)
        let broken = try await preview.status(since: before.version)
        #expect(broken.errors.contains { $0.file.hasSuffix("content/final/images/leak.txt") && $0.message.contains("leads out of the content folder") },
                "\(broken.errors)")
        let leak = try await preview.get("/final/images/leak.txt")
        #expect([403, 404].contains(leak.status) && !leak.body.contains("SECRET"), "\(leak.status)")
        #expect(try await preview.get("/final/images/boxes.svg").status == 200)
        try await preview.stop()
    }

    @Test func aPortInUseSaysHowToFixIt() async throws {
        let first = try await RunningPreview.start()
        let build = BuildOptions(contentDirectory: first.folder + "/content", outputDirectory: first.folder + "/output",
                                 themesDirectory: first.folder + "/themes")
        let second = try PreviewServer(PreviewOptions(build: build, port: first.port, log: { _ in }))
        do {
            try await second.run()
            Issue.record("a second server on the same port must not start")
        } catch let error as PreviewError {
            #expect(error.description.contains("port \(first.port) on 127.0.0.1 is already in use"))
            #expect(error.description.contains("routemap serve --port"))
        }
        try await first.stop()
    }
}
