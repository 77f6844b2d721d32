import Foundation
import FoundationXML
import Testing
@testable import RoutemapKit

@Suite struct SharingTests {
    private let chapter = "---\ntitle: Governance & risk\norder: 1\nsummary: Deciding <together>.\nupdated: 2011-03-09\n---\n\nText.\n"

    @Test func feedAndSitemapAreWellFormedAndAbsolute() throws {
        let folder = MiniSite.make(chapters: ["governance.md": chapter],
                                   config: MiniSite.config.replacingOccurrences(of: "title: Test publication", with: "title: Test publication\nbase_url: https://test.example/routemap"))
        let report = try generated(MiniSite.options(folder))
        let feed = try #require(text(of: "feed.xml", in: report))
        let sitemap = try #require(text(of: "sitemap.xml", in: report))
        #expect(XMLParser(data: Data(feed.utf8)).parse(), "feed.xml is not well-formed XML")
        #expect(XMLParser(data: Data(sitemap.utf8)).parse(), "sitemap.xml is not well-formed XML")
        #expect(feed.contains("<title>Updated: 1. Governance &amp; risk (The draft)</title>"))
        #expect(feed.contains(#"<link rel="alternate" type="text/html" href="https://test.example/routemap/draft/governance.html"/>"#))
        #expect(feed.contains("<summary>Deciding &lt;together&gt;.</summary>"))
        #expect(feed.contains("<updated>2011-03-09T00:00:00Z</updated>"))
        #expect(sitemap.contains("<loc>https://test.example/routemap/draft/</loc>"))
        #expect(!sitemap.contains("404.html"))
        #expect(text(of: "robots.txt", in: report) == "User-agent: *\nAllow: /\nSitemap: https://test.example/routemap/sitemap.xml\n")
        let notFound = try #require(text(of: "404.html", in: report))
        #expect(notFound.contains(#"href="/routemap/index.html""#), "the 404 page's links start from the site's path")
        #expect(notFound.contains("<style>\n/* Routemap default theme.") && !notFound.contains("assets/style.css"),
                "the 404 page carries its stylesheet, which a link could not find from every address")
    }

    @Test func withoutABaseURLOnlyRobotsTxtIsWritten() throws {
        let folder = MiniSite.make(chapters: ["governance.md": chapter])
        let report = try generated(MiniSite.options(folder))
        #expect(text(of: "robots.txt", in: report) == "User-agent: *\nAllow: /\n")
        #expect(text(of: "feed.xml", in: report) == nil)
        #expect(text(of: "sitemap.xml", in: report) == nil)
        let page = try #require(text(of: "draft/governance.html", in: report))
        #expect(!page.contains("rel=\"canonical\""))
        #expect(page.contains(#"<meta property="og:type" content="article">"#))
    }

    @Test func theAccessibilityStatementFollowsTheConfiguration() throws {
        let config = MiniSite.config.replacingOccurrences(of: "compliance: full", with: "compliance: partial\n  known_issues: [Some tables are wide.]\n  response_days: 7")
        let folder = MiniSite.make(chapters: ["governance.md": chapter], config: config)
        let page = try #require(text(of: "accessibility.html", in: generated(MiniSite.options(folder))))
        #expect(page.contains("This website is partially compliant"))
        #expect(page.contains("<li>Some tables are wide.</li>"))
        #expect(page.contains("within 7 working days"))
        #expect(page.contains(#"<a href="mailto:access@test.example">"#))
    }

    @Test func aMissingStatementIsAWarningAndABadComplianceAnError() {
        let without = MiniSite.config.replacingOccurrences(of: "accessibility:\n  contact_email: access@test.example\n  compliance: full\n  last_reviewed: 2011-03-01\n", with: "")
        let warnings = MiniSite.diagnostics(MiniSite.make(chapters: ["governance.md": chapter], config: without))
        #expect(warnings.map(\.severity) == [.warning])
        #expect(warnings.first?.message.contains("no accessibility statement") == true)

        let bad = MiniSite.config.replacingOccurrences(of: "compliance: full", with: "compliance: partal")
        let errors = MiniSite.diagnostics(MiniSite.make(chapters: ["governance.md": chapter], config: bad))
        let error = errors.first { $0.severity == .error }
        #expect(error?.message == "'partal' is not a compliance status; did you mean 'partial'?")
        #expect(error?.line == 5)
        #expect(error?.column == 15)
    }

    private func text(of path: String, in report: BuildReport) -> String? {
        guard let file = report.files.first(where: { $0.path == path }), let text = file.text else { return nil }
        return text
    }
}
