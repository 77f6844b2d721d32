import FlyingFox
import Foundation
import Testing
@testable import RoutemapKit

/// `routemap check` on a fixture site with every kind of broken link, and on a good one.
@Suite struct CheckTests {
    private func brokenSite(themed: Bool = false) throws -> (TemporaryFolder, CheckOptions) {
        let folder = TemporaryFolder()
        let fixture = Repository.fixtures + "/broken-links"
        try FileManager.default.copyItem(atPath: fixture + "/content", toPath: folder.path + "/content")
        try FileManager.default.createDirectory(atPath: folder.path + "/themes", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.themes + "/default", toPath: folder.path + "/themes/default")
        try FileManager.default.copyItem(atPath: fixture + "/themes/broken", toPath: folder.path + "/themes/broken")
        let build = BuildOptions(contentDirectory: folder.path + "/content", outputDirectory: folder.path + "/output",
                                 themesDirectory: folder.path + "/themes", themeName: themed ? "broken" : "default")
        return (folder, CheckOptions(build: build))
    }

    /// `file:line:column: severity: message` shortened to what a test names.
    private func lines(_ report: CheckReport, root: String) -> [String] {
        report.diagnostics.map { "\($0.file.replacingOccurrences(of: root + "/", with: "")):\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)" }
    }

    @Test func everyKindOfBrokenLinkInAChapterIsReportedWhereItIsWritten() async throws {
        let (folder, options) = try brokenSite()
        let report = await SiteChecker.check(options)
        let found = lines(report, root: folder.path)
        let expected = [
            "content/final/links.md:6:3: error: link to a chapter that does not exist: 'nowhere.md'",
            "content/final/links.md:6:51: error: link 'anchors.mdx' points to a file that does not exist (content/final/anchors.mdx)",
            "content/final/links.md:8:3: error: link 'anchors.md#nowhere' points to a heading that does not exist",
            "content/final/links.md:9:5: error: link '#no-such-heading' points to a heading that does not exist",
            "content/final/links.md:9:47: error: link '../draft/governance.md#why' points to a heading that does not exist",
            "content/final/links.md:11:3: error: link 'files/report.pdf' points to a file that does not exist (content/final/files/report.pdf)",
            "content/final/links.md:11:52: error: image 'images/missing.svg' points to an image that does not exist (content/final/images/missing.svg)",
            "content/final/links.md:13:8: error: image 'images/boxes.svg' has no alternative text",  // in characters, after "Café « "
            "content/final/links.md:15:1: error: link to 'anchors.md' has no text",
            "content/final/links.md:15:20: error: link 'a link with no destination' has no destination",
            "content/final/links.md:22:1: warning: heading 'Skipped a level' skips from level 2 to level 4",
        ]
        for line in expected { #expect(found.contains(line), "missing: \(line)\nfound:\n\(found.joined(separator: "\n"))") }
        #expect(found.count == expected.count, "unexpected:\n\(found.filter { !expected.contains($0) }.joined(separator: "\n"))")
        #expect(report.errors == 10 && report.warnings == 1 && !report.passed)
        let pageCount = SiteBuilder.runStages(options.build, log: DiagnosticLog()).files.filter { $0.path.hasSuffix(".html") }.count
        #expect(report.summary == "Checked \(pageCount) pages: 10 errors, 1 warning.")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/output"), "check writes nothing")
    }

    @Test func linksInGeneratedPagesAreCheckedIncludingPagesTheBuildDoesNotMakeYet() async throws {
        let (folder, options) = try brokenSite(themed: true)
        let report = await SiteChecker.check(options)
        let pageProblems = report.diagnostics.filter { $0.file.hasPrefix(folder.path + "/output/") }
        // Every page links to print/nowhere.html and to #top, neither of which exists (#main
        // does), and to /assets/style.css, which only works from a server's root; the 404 page's
        // links start from the root, so there only the first two are wrong.
        let pageCount = SiteBuilder.runStages(options.build, log: DiagnosticLog()).files.filter { $0.path.hasSuffix(".html") }.count
        #expect(pageProblems.count == 3 * (pageCount - 1) + 2, "\(pageProblems.map(\.description).joined(separator: "\n"))")
        let front = try #require(pageProblems.first { $0.file == folder.path + "/output/index.html" && $0.message.contains("print/nowhere.html") })
        #expect(front.message == "the generated page links to 'print/nowhere.html', but the site has no print/nowhere.html")
        // The position is in the generated page: the link's value starts there.
        guard let html = SiteBuilder.runStages(options.build, log: DiagnosticLog()).files.first(where: { $0.path == "index.html" })?.text else {
            Issue.record("no front page"); return
        }
        let line = html.split(separator: "\n", omittingEmptySubsequences: false)[front.line - 1]
        #expect(line.utf8.dropFirst(front.column - 1).starts(with: "print/nowhere.html".utf8))
        #expect(front.hint?.contains("content/routemap.yml") == true, "names the file the page is made from")
        #expect(pageProblems.contains { $0.file.hasSuffix("output/final/links.html") && $0.message.contains("'#top', but final/links.html has no element with id 'top'") })
        #expect(!pageProblems.contains { $0.message.contains("#main") })
        #expect(pageProblems.contains { $0.file.hasSuffix("output/draft/index.html") && $0.message.contains("'/assets/style.css', a path from the server's root") })
        // The chapter's own broken links are reported once, at their line in the Markdown.
        #expect(!pageProblems.contains { $0.message.contains("nowhere.md") })
    }

    /// A link to another page's element is checked once every page is read; the pages with one
    /// that is missing are then made again to say where each such link is.
    @Test func aMissingElementOfAnotherPageIsReportedAtEveryLinkToIt() async throws {
        let (folder, options) = try brokenSite(themed: true)
        let layout = folder.path + "/themes/broken/templates/layout.mustache"
        let template = try String(contentsOfFile: layout, encoding: .utf8)
        try template.replacingOccurrences(of: "</body>", with: """
            <a href="{{root}}index.html#not-on-the-front">Front</a>
            <p>Twice: <a href="{{root}}index.html#not-on-the-front">Front</a></p>
            </body>
            """).write(toFile: layout, atomically: true, encoding: .utf8)
        let report = await SiteChecker.check(options)
        let missing = report.diagnostics.filter { $0.message.hasSuffix("but index.html has no element with id 'not-on-the-front'") }
        let pages = SiteBuilder.runStages(options.build, log: DiagnosticLog()).files.filter { $0.path.hasSuffix(".html") }
        let linking = pages.filter { $0.text?.contains("#not-on-the-front") == true }
        #expect(linking.count > 10)
        #expect(missing.count == 2 * linking.count, "\(missing.map(\.description).joined(separator: "\n"))")
        for page in linking {
            let found = missing.filter { $0.file == folder.path + "/output/" + page.path }.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
            #expect(found.count == 2, "\(page.path)")
            let lines = try #require(page.text).split(separator: "\n", omittingEmptySubsequences: false)
            for diagnostic in found {
                // The position is where the link's value starts in the generated page.
                let value = lines[diagnostic.line - 1].utf8.dropFirst(diagnostic.column - 1)
                #expect(["index.html#not-on-the-front", "../", "/"].contains { value.starts(with: $0.utf8) }, "\(diagnostic)")
                // The 404 page's links start from the site's path.
                #expect(diagnostic.message.hasPrefix(page.path == "404.html" ? "the 404 page links to '" : "the generated page links to '"), "\(diagnostic)")
            }
        }
        // The rest is as without the two links.
        let (plainFolder, plain) = try brokenSite(themed: true)
        let without = await SiteChecker.check(plain).diagnostics.map { $0.description.replacingOccurrences(of: plain.build.contentDirectory, with: "") }
        let rest = report.diagnostics.filter { !missing.contains($0) }.map { $0.description.replacingOccurrences(of: options.build.contentDirectory, with: "") }
        #expect(without.count == rest.count, "\(Set(without).symmetricDifference(rest))")
        withExtendedLifetime(plainFolder) {}
    }

    /// `check` lets go of the chapters' Markdown once it is rendered, as `build` does: what it
    /// reports after the pages (headings that skip a level, images without a description) comes
    /// from what rendering found, and reaches every chapter, even two that claim one id.
    @Test func everyChapterIsCheckedWithoutItsMarkdownEvenTwoWithOneID() async throws {
        let chapter = { (title: String) in "---\ntitle: \(title)\nid: same\n---\n\n### Too deep\n" }
        let folder = MiniSite.make(chapters: ["a.md": chapter("A"), "b.md": chapter("B")])
        let options = CheckOptions(build: MiniSite.options(folder))
        let stages = SiteBuilder.stagesBeforeLayout(options.build, log: DiagnosticLog())
        let chapters = try #require(stages.site).editions.flatMap(\.chapters)
        #expect(chapters.count == 2 && chapters.allSatisfy { $0.chapter.body.isEmpty && !$0.markdown.headings.isEmpty })
        let report = await SiteChecker.check(options)
        let skipped = report.diagnostics.filter { $0.message.contains("skips from level 1 to level 3") }
        #expect(skipped.map { URL(fileURLWithPath: $0.file).lastPathComponent }.sorted() == ["a.md", "b.md"], "\(report.diagnostics)")
        #expect(skipped.allSatisfy { $0.line == 6 && $0.column == 1 }, "\(skipped)")
        #expect(report.diagnostics.contains { $0.severity == .error && $0.message.contains("same") }, "\(report.diagnostics)")
    }

    /// A streamed file that is not a page (the search index) is not made by `check`, which has
    /// nothing to read in it: it is there all the same, for the links that lead to it.
    @Test func theSearchIndexIsThereForLinksWithoutBeingMade() async throws {
        let folder = MiniSite.make(chapters: ["a.md": "---\ntitle: A\n---\n\nText.\n"])
        try FileManager.default.createDirectory(atPath: folder.path + "/themes", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.themes + "/default", toPath: folder.path + "/themes/linking")
        let layout = folder.path + "/themes/linking/templates/layout.mustache"
        try String(contentsOfFile: layout, encoding: .utf8).replacingOccurrences(of: "</body>", with: """
            <a href="{{root}}draft/search-index.js">There</a> <a href="{{root}}draft/search-index.json">Not there</a>
            </body>
            """).write(toFile: layout, atomically: true, encoding: .utf8)
        var build = MiniSite.options(folder)
        build.themesDirectory = folder.path + "/themes"
        build.themeName = "linking"
        let report = await SiteChecker.check(CheckOptions(build: build))
        #expect(!report.diagnostics.contains { $0.message.contains("search-index.js'") }, "\(report.diagnostics)")
        let missing = report.diagnostics.filter { $0.message.hasSuffix("but the site has no draft/search-index.json") }
        let files = SiteBuilder.runStages(build, log: DiagnosticLog()).files
        let linking = files.filter { $0.path.hasSuffix(".html") && $0.text?.contains("search-index.json") == true }
        #expect(missing.count == linking.count && linking.count > 5, "\(report.diagnostics)")
        #expect(files.contains { $0.path == "draft/search-index.js" })
    }

    @Test func strictMakesWarningsErrorsAndJSONCarriesEverything() async throws {
        let folder = MiniSite.make(chapters: ["a.md": "---\ntitle: A\n---\n\n### Too deep\n"])
        var options = CheckOptions(build: MiniSite.options(folder))
        let relaxed = await SiteChecker.check(options)
        #expect(relaxed.passed && relaxed.warnings == 1)
        options.strict = true
        let strict = await SiteChecker.check(options)
        #expect(!strict.passed && strict.errors == 1 && strict.warnings == 0)
        let json = try JSONSerialization.jsonObject(with: Data(strict.json().utf8)) as? [String: Any]
        let diagnostics = try #require(json?["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.first?["line"] as? Int == 5 && diagnostics.first?["severity"] as? String == "error")
        #expect(json?["errors"] as? Int == 1 && (json?["summary"] as? String) == strict.summary)
        #expect(strict.summary.hasSuffix("pages: 1 error, 0 warnings."), "\(strict.summary)")
    }

    @Test func thePublicationPassesTheCheck() async throws {
        let report = await SiteChecker.check(CheckOptions(build: BuildOptions(contentDirectory: Repository.content, outputDirectory: "unused",
                                                                              themesDirectory: Repository.themes), strict: true))
        #expect(report.passed, "\(report.diagnostics.map(\.description).joined(separator: "\n"))")
    }

    /// Other sites played by a server of our own on 127.0.0.1 (Tests/Browser/other_sites.py, in a
    /// process of its own so that busy tests cannot starve it), so the test stays offline.
    @Test func linksToOtherSitesAreVisitedWithBoundedConcurrencyAndTime() async throws {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", Repository.root + "/Tests/Browser/other_sites.py"]
        let pipe = Pipe()
        server.standardOutput = pipe
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        let portLine = String(decoding: pipe.fileHandleForReading.availableData, as: UTF8.self)
        let port = try #require(Int(portLine.trimmingCharacters(in: .whitespacesAndNewlines)), "no port from other_sites.py")
        let site = "http://127.0.0.1:\(port)"
        let okLinks = (1...6).map { "[ok \($0)](\(site)/ok?\($0))" }.joined(separator: " ")
        let folder = MiniSite.make(chapters: ["a.md": "---\ntitle: A\n---\n\n\(okLinks)\n\n[gone](\(site)/gone) [no head](\(site)/no-head)\n\n[slow](\(site)/slow)\n"],
                                   config: MiniSite.config + "\nbase_url: https://not-yet-published.example/")
        let started = Date()
        let report = await SiteChecker.check(CheckOptions(build: MiniSite.options(folder), external: ExternalLinkOptions(concurrency: 2, timeout: 4)))
        let elapsed = Date().timeIntervalSince(started)
        let most = Int(String(decoding: try Data(contentsOf: URL(string: site + "/most")!), as: UTF8.self)) ?? 0

        let found = report.diagnostics.map { "\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)" }
        #expect(found == ["7:1: error: link to another site leads to a page that does not exist: '\(site)/gone' answered 404",
                          "9:1: warning: link to another site could not be checked: '\(site)/slow': no answer within 4 s"], "\(found)")
        #expect(report.externalLinks == 9)
        #expect(most >= 1 && most <= 2, "at most --concurrency requests at once")
        // Far below the slow site's 180 s even on a busy machine (a loaded run took 58 s).
        #expect(elapsed < 120, "the slow site (180 s) is given up after the timeout, not waited for")
    }
}
