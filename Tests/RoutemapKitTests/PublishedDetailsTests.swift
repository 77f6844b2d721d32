import Foundation
import Testing
@testable import RoutemapKit

/// Details a careful reader, administrator or search engine notices: which tool made a page, which
/// of two addresses of the printable page is the one to index, and when each page last changed.
@Suite struct PublishedDetailsTests {
    private static let chapters = [
        "updated.md": "---\ntitle: Updated\norder: 1\nupdated: 2011-03-09\n---\n\nText.\n",
        "plain.md": "---\ntitle: Plain\norder: 2\n---\n\nText.\n",
        // Dated after the build: the sitemap says the build date instead.
        "future.md": "---\ntitle: Future\norder: 3\nupdated: 2011-07-01\n---\n\nText.\n",
    ]

    /// The MiniSite (edition published 2011-03-08, statement reviewed 2011-03-01) with a base URL, built for 2011-06-01.
    private func build(base: String = "https://test.example/") throws -> [String: String] {
        let config = MiniSite.config.replacingOccurrences(of: "title: Test publication", with: "title: Test publication\nbase_url: \(base)")
        let folder = MiniSite.make(chapters: Self.chapters, config: config)
        let report = try generated(MiniSite.options(folder))
        return Dictionary(uniqueKeysWithValues: report.files.compactMap { file in file.text.map { (file.path, $0) } })
    }

    /// `<loc>` → `<lastmod>` (empty when there is none).
    private func sitemapDates(_ sitemap: String) -> [String: String] {
        let pattern = #/<url><loc>([^<]*)</loc>(?:<lastmod>([^<]*)</lastmod>)?</url>/#
        return Dictionary(uniqueKeysWithValues: sitemap.matches(of: pattern).map { (String($0.1), $0.2.map(String.init) ?? "") })
    }

    @Test func everyPageNamesTheGeneratorAndItsVersion() throws {
        let files = try build()
        let pages = files.filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 10)
        for (path, html) in pages {
            #expect(html.contains(#"<meta name="generator" content="routemap \#(RoutemapVersion.current)">"#), "\(path)")
        }
        #expect(RoutemapVersion.generatorName == "routemap \(RoutemapVersion.current)")
    }

    @Test func theStablePrintableAddressNamesTheEditionsOwnAsCanonical() throws {
        let files = try build()
        let stable = try #require(files[SitePaths.currentPrintPage])
        let own = try #require(files[SitePaths.printPage("draft")])
        let canonical = #"<link rel="canonical" href="https://test.example/draft/print/">"#
        #expect(stable.contains(canonical) && stable.contains(#"<meta property="og:url" content="https://test.example/draft/print/">"#))
        #expect(own.contains(canonical))
        #expect(!stable.contains(#"rel="canonical" href="https://test.example/print/""#))
        let sitemap = try #require(files["sitemap.xml"])
        #expect(sitemap.contains("<loc>https://test.example/draft/print/</loc>"))
        #expect(!sitemap.contains("<loc>https://test.example/print/</loc>"), "only canonical addresses are listed")
    }

    @Test func theSitemapSaysWhenEachPageLastChangedNeverAfterTheBuild() throws {
        let dates = sitemapDates(try #require(try build(base: "https://test.example/routemap/")["sitemap.xml"]))
        let base = "https://test.example/routemap/"
        #expect(dates[base + "draft/updated.html"] == "2011-03-09", "a chapter's 'updated'")
        #expect(dates[base + "draft/plain.html"] == "2011-03-08", "no 'updated': the edition's published date")
        #expect(dates[base + "draft/future.html"] == "2011-06-01", "a date after the build: the build date")
        #expect(dates[base + "draft/"] == "2011-06-01", "the edition's pages: its newest date")
        #expect(dates[base + "draft/print/"] == "2011-06-01")
        #expect(dates[base + "accessibility.html"] == "2011-03-01", "the statement: when it was last reviewed")
        #expect(dates[base] == "2011-06-01", "the front page: the current edition's date")
        #expect(dates.count > 10)
        for (address, date) in dates {
            #expect(date.count == 10 && date <= "2011-06-01", "\(address): '\(date)'")
        }
    }
}
