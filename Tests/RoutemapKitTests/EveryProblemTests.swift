import Foundation
import Testing
@testable import RoutemapKit

/// One run reports every problem of the publication, so an editor fixes them in one pass: a chapter
/// whose front matter cannot be read is still loaded as far as it can be (its body rendered, its own
/// links checked, links to it resolved by its file name) and every other chapter is checked in full.
/// Fixtures/many-problems has one unreadable front matter (an unterminated quoted title) and, in
/// other chapters, a bad action label, an undeclared theme, a missing image and a broken link; its
/// expected-diagnostics.txt is the whole report, in the order of the files.
@Suite struct EveryProblemTests {
    static let fixture = Repository.fixtures + "/many-problems"

    static func options(output: String) -> BuildOptions {
        BuildOptions(contentDirectory: fixture + "/content", outputDirectory: output, themesDirectory: Repository.themes,
                     buildDate: CalendarDate(iso: "2011-06-01")!)
    }

    /// The report as `routemap build` and `check` print it, with paths from the fixture's folder.
    static func report(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sortedForReport().map(\.description).joined(separator: "\n").replacingOccurrences(of: fixture + "/", with: "") + "\n"
    }

    static var expected: String {
        String(decoding: FileManager.default.contents(atPath: fixture + "/expected-diagnostics.txt") ?? Data(), as: UTF8.self)
    }

    @Test func buildReportsEveryProblemAtOnceAndWritesNothing() {
        let folder = TemporaryFolder()
        let options = Self.options(output: folder.path + "/output")
        let thrown = #expect(throws: BuildErrors.self) { try built(options) }
        #expect(Self.report(thrown?.diagnostics ?? []) == Self.expected)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/output"), "a broken chapter is never published")

        let inMemory = #expect(throws: BuildErrors.self) { try generated(options) }
        #expect(Self.report(inMemory?.diagnostics ?? []) == Self.expected)
    }

    @Test func checkReportsTheSameProblemsAndNoMore() async {
        let folder = TemporaryFolder()
        let report = await SiteChecker.check(CheckOptions(build: Self.options(output: folder.path + "/output")))
        #expect(Self.report(report.diagnostics) == Self.expected)
        #expect(report.errors == 6 && !report.passed)
        #expect(report.pages > 0, "the pages are laid out and checked too")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/output"))
    }

    @Test func theUnreadableChapterStandsInUnderItsFileName() throws {
        let log = DiagnosticLog()
        let publication = ContentLoader.load(contentDirectory: Self.fixture + "/content", log: log)
        #expect(log.items.errors.count == 2, "the malformed YAML and the undeclared theme")
        let final = try #require(publication?.edition("final"))
        #expect(final.chapters.map(\.fileName) == ["actions.md", "information.md", "links.md", "governance.md"],
                "in order, the chapter without a readable 'order:' last")
        let governance = try #require(final.chapter(fileName: "governance.md"))
        #expect(governance.id == "governance" && governance.title == "governance" && governance.isIncomplete)
        #expect(String(decoding: governance.body, as: UTF8.self).hasPrefix("\n## Who decides"))
        let information = try #require(final.chapter(fileName: "information.md"))
        #expect(information.themes == ["information"] && information.isIncomplete, "the undeclared theme is left out")
        #expect(final.chapter(fileName: "links.md")?.isIncomplete == false)
    }

    /// `check` lays out content with errors too; two chapters with one id would claim one page, which
    /// must not be reported a second time, and links to either file still resolve.
    @Test func checkReportsAClashOfIDsOnlyOnce() async {
        let folder = MiniSite.make(chapters: [
            "a.md": "---\ntitle: A\nid: shared\n---\n\nSee [B](b.md).\n",
            "b.md": "---\ntitle: B\nid: shared\n---\n\nSee [A](a.md).\n",
        ])
        let report = await SiteChecker.check(CheckOptions(build: MiniSite.options(folder)))
        let lines = report.diagnostics.map { "\($0.file.replacingOccurrences(of: folder.path + "/", with: "")):\($0.line):\($0.column): \($0.message)" }
        #expect(lines == ["content/draft/b.md:3:5: chapter id 'shared' is also used by \(folder.path)/content/draft/a.md"])
        #expect(report.pages > 0)
    }

    /// Without front matter the whole file is the body; with front matter never closed, none of it is.
    @Test func chaptersWithoutUsableFrontMatterStillHaveTheirLinksChecked() {
        let folder = MiniSite.make(chapters: [
            "bare.md": "# Bare\n\nSee [the plan](plan.md).\n",
            "open.md": "---\ntitle: Open\n\nSee [the plan](plan.md).\n",
            "links.md": "---\ntitle: Links\n---\n\n[Bare](bare.md), [its heading](bare.md#bare) and [open](open.md).\n",
        ])
        let lines = MiniSite.diagnostics(folder).sortedForReport().map { "\($0.file.replacingOccurrences(of: folder.path + "/", with: "")):\($0.line):\($0.column): \($0.message)" }
        #expect(lines == [
            "content/draft/bare.md:1:1: the chapter has no front matter",
            "content/draft/bare.md:3:5: link to a chapter that does not exist: 'plan.md'",
            "content/draft/open.md:1:1: the front matter starting here is never closed",
        ])
    }
}
