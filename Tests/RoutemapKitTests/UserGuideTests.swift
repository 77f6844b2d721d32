import Foundation
import Testing
@testable import RoutemapKit

/// The user guide in docs/ is routemap's own second publication: it is built and checked like the
/// Routemap, so that a change which breaks a feature the guide documents (its front matter, its
/// links between chapters and to headings, its code blocks and tables) breaks its guide.
@Suite struct UserGuideTests {
    private static let docs = Repository.root + "/docs"

    private func options(output: String) -> BuildOptions {
        BuildOptions(contentDirectory: UserGuideTests.docs, outputDirectory: output,
                     themesDirectory: Repository.themes, buildDate: CalendarDate(iso: "2026-12-04")!)
    }

    @Test func theGuideBuildsWithoutErrorsOrWarnings() throws {
        let output = TemporaryFolder()
        let report: BuildReport
        do {
            report = try SiteBuilder.build(options(output: output.path + "/site"))
        } catch {
            Issue.record("the guide in docs/ does not build:\n\(error)")
            return
        }
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.sortedForReport().map(\.description).joined(separator: "\n"))")
        // Every Markdown file of docs/guide/ is a chapter with a page of its own.
        let chapters = try FileManager.default.contentsOfDirectory(atPath: UserGuideTests.docs + "/guide").filter { $0.hasSuffix(".md") }
        #expect(report.chapterCount == chapters.count)
        for page in ["index.html", "guide/index.html", "guide/about.html", "guide/themes.html", "guide/print/index.html"] {
            #expect(output.read("site/" + page) != nil, "\(page) was not written")
        }
        let broken = SiteIndex(folder: output.path + "/site").brokenLinks()
        #expect(broken.isEmpty, "broken links:\n\(broken.joined(separator: "\n"))")
    }

    /// `routemap check --strict`: every link and anchor of every generated page, images' text,
    /// heading levels, and whatever a chapter would lose in silence, warnings counting as errors.
    @Test func theGuidePassesAStrictCheck() async {
        let output = TemporaryFolder()
        let report = await SiteChecker.check(CheckOptions(build: options(output: output.path + "/site"), strict: true))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.sortedForReport().map(\.description).joined(separator: "\n"))")
        #expect(report.pages > 12)
        #expect(!FileManager.default.fileExists(atPath: output.path + "/site"), "check wrote the site")
    }
}
