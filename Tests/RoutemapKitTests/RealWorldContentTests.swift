import Foundation
import Testing
@testable import RoutemapKit

/// Content brought from other sites: raw HTML left out is said, links from the site's root and
/// chapters in folders are resolved and checked. (The fixture `real-world` holds the rest.)
@Suite struct RealWorldContentTests {
    private func chapter(_ body: String, extra: String = "") -> String {
        "---\ntitle: A chapter\ntheme: governance\naudience: cios\n\(extra)---\n\n" + body
    }

    private func report(_ diagnostics: [Diagnostic], in folder: TemporaryFolder) -> [String] {
        diagnostics.sortedForReport().map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
    }

    @Test func rawHTMLLeftOutIsAWarningNamingItsTag() {
        let folder = MiniSite.make(chapters: ["a.md": chapter("Text.\n\n<video src=\"a.mp4\" controls></video>\n\nPress <kbd>Ctrl</kbd>.\n")])
        #expect(report(MiniSite.diagnostics(folder), in: folder) == [
            "content/draft/a.md:9:1: warning: raw HTML <video> is left out: raw_html is not set in routemap.yml\n    hint: write it in Markdown (an image is ![What it shows](images/x.png)), or set 'raw_html: true' in routemap.yml",
            "content/draft/a.md:11:7: warning: raw HTML <kbd> is left out: raw_html is not set in routemap.yml\n    hint: write it in Markdown (an image is ![What it shows](images/x.png)), or set 'raw_html: true' in routemap.yml",
        ])
    }

    @Test func strictCheckMakesThemErrors() async {
        let folder = MiniSite.make(chapters: ["a.md": chapter("##Heading\n")])
        let lenient = await SiteChecker.check(CheckOptions(build: MiniSite.options(folder)))
        let strict = await SiteChecker.check(CheckOptions(build: MiniSite.options(folder), strict: true))
        #expect(lenient.passed && lenient.warnings == 1)
        #expect(!strict.passed && strict.errors == 1)
    }

    @Test func linksFromTheRootAreCheckedAgainstTheSitesPath() throws {
        let config = MiniSite.config + "\nbase_url: https://example.org/routemap/\n"
        let folder = MiniSite.make(chapters: [
            "a.md": chapter("[b](/routemap/draft/b.md), [gone](/routemap/draft/gone.md), [no image](/routemap/draft/x.png)\n"),
            "b.md": chapter("[elsewhere](/other/page), [not an edition](/routemap/news/today), [b](/routemap/draft/b#top)\n\n## Top\n"),
        ], config: config)
        let messages = MiniSite.diagnostics(folder).map(\.message)
        #expect(messages.count == 2, "\(messages)")
        #expect(messages.contains("link to a chapter that does not exist: '/routemap/draft/gone.md'"))
        #expect(messages.contains { $0.hasPrefix("link '/routemap/draft/x.png' is a path from the site's root (/routemap/) to draft/x.png") })

        // Fixed, the paths become relative; those outside the publication lead to base_url's server.
        folder.write("content/draft/a.md", chapter("[b](/routemap/draft/b.md)\n"))
        let report = try generated(MiniSite.options(folder))
        let b = try #require(report.files.first { $0.path == "draft/b.html" }?.text)
        #expect(b.contains(#"<a href="https://example.org/other/page">elsewhere</a>"#))
        #expect(b.contains(#"<a href="https://example.org/routemap/news/today">not an edition</a>"#))
        #expect(b.contains(#"<a href="b.html#top">b</a>"#))
        let a = try #require(report.files.first { $0.path == "draft/a.html" }?.text)
        #expect(a.contains(#"<a href="b.html">b</a>"#))
    }

    @Test func withoutABaseURLAPathOutsideThePublicationIsAnError() {
        let folder = MiniSite.make(chapters: ["a.md": chapter("[elsewhere](/other/page)\n")])
        #expect(MiniSite.diagnostics(folder).map(\.message) == [
            "'/other/page' is a path from the server's root to a page outside the publication, on a server routemap.yml does not name"])
    }

    @Test func chaptersInFoldersFollowTheirFolder() throws {
        let folder = MiniSite.make(chapters: [
            "a.md": chapter("[Deep](guides/deep/b.md#b-heading)\n", extra: "order: 1\n"),
            "guides/deep/b.md": chapter("## B heading\n\n[Back](../../a.md)\n", extra: "id: bee\n"),
            "guides/c.md": chapter("C.\n"),
            "guides/folder.yml": "part: How-to guides\n",
            "reference/terms/d.md": chapter("D.\n"),
        ])
        let report = try generated(MiniSite.options(folder))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let paths = Set(report.files.map(\.path))
        #expect(paths.contains("draft/guides/deep/bee.html") && paths.contains("draft/guides/c.html"))
        #expect(!paths.contains("draft/guides/folder.yml"))
        let a = try #require(report.files.first { $0.path == "draft/a.html" }?.text)
        #expect(a.contains(#"<a href="guides/deep/bee.html#b-heading">Deep</a>"#))
        let b = try #require(report.files.first { $0.path == "draft/guides/deep/bee.html" }?.text)
        #expect(b.contains(#"<a href="../../a.html">Back</a>"#))
        let contents = try #require(report.files.first { $0.path == "draft/index.html" }?.text)
        // guides/deep/ takes its part from guides/folder.yml; reference/terms/ has none above it, so its own name.
        let parts = contents.components(separatedBy: "\n").filter { $0.contains("How-to guides") || $0.contains("Terms") || $0.contains("Deep") }
        #expect(parts.count == 2 && parts[0].contains("How-to guides") && parts[1].contains("Terms"), "\(parts)")
    }
}

/// Messages about where and how things are written.
@Suite struct RealWorldMessageTests {
    @Test func aStatusTakenFromTheKindIsReportedAtTheKind() {
        let edition = "title: The draft\nshort_title: January 2015\nkind: consultation\npublished: 2011-03-08\n"
        let folder = MiniSite.make(chapters: ["a.md": "---\ntitle: A\n---\n\nA.\n"], edition: edition)
        let error = MiniSite.diagnostics(folder).errors.first
        #expect(error?.file.hasSuffix("content/draft/edition.yml") == true)
        #expect(error?.line == 3 && error?.column == 7)
        #expect(error?.message == "the edition has no 'status', and its kind 'consultation' is not a status declared in routemap.yml")
    }

    @Test func shortTitlesKeepTheirCapitalsMidSentence() throws {
        let fixture = Repository.fixtures + "/two-editions/content"
        let folder = TemporaryFolder()
        try FileManager.default.copyItem(atPath: fixture, toPath: folder.path + "/content")
        let draft = folder.path + "/content/draft/edition.yml"
        let text = try String(contentsOfFile: draft, encoding: .utf8).replacingOccurrences(of: "short_title: Draft", with: "short_title: January 2015")
        try text.write(toFile: draft, atomically: true, encoding: .utf8)
        let report = try generated(MiniSite.options(folder))
        let changes = try #require(report.files.first { $0.path == "final/changes/index.html" }?.text)
        #expect(changes.contains("What changed since the January 2015"))
    }
}

@Suite struct TemplateTagLinkTests {
    @Test func aTemplateTagAsAnAddressIsSaidToBeOne() {
        let folder = MiniSite.make(chapters: ["a.md": "---\ntitle: A\n---\n\n[x]({{site.url}})\n"])
        #expect(MiniSite.diagnostics(folder).map(\.message) == [
            "link '{{site.url}}' is a template tag (Liquid or VuePress), which is not run, so it leads nowhere"])
    }

    /// `{%` too, and as an image; a lone `{` or `%` is an address like any other.
    @Test func eachKindOfTagIsFoundWhereverItIs() {
        let folder = MiniSite.make(chapters: ["a.md": "---\ntitle: A\n---\n\n[x](page{%link%}) ![y](img/{{x}}.png) [z](https://example.org/{a}%7B)\n"])
        #expect(MiniSite.diagnostics(folder).map(\.message) == [
            "link 'page{%link%}' is a template tag (Liquid or VuePress), which is not run, so it leads nowhere",
            "image 'img/{{x}}.png' is a template tag (Liquid or VuePress), which is not run, so it leads nowhere"])
    }
}
