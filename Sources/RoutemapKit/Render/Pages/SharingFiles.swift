import HTMLText
import RoutemapMarkdown

/// The files that let the site be found and followed: `sitemap.xml`, `robots.txt` and the Atom
/// feed `feed.xml`. Sitemaps and feeds need absolute addresses, so without `base_url` only
/// `robots.txt` is written.
extension SiteLayout {
    func sharingFiles(pagePaths: [String]) -> [PlannedFile] {
        guard let base = config.baseURL else {
            return [PlannedFile("robots.txt", origin: publicationFile) { .text("User-agent: *\nAllow: /\n") }]
        }
        return [
            PlannedFile("robots.txt", origin: publicationFile) { .text("User-agent: *\nAllow: /\nSitemap: \(base)sitemap.xml\n") },
            PlannedFile("sitemap.xml", origin: publicationFile) {
                .text(sharingText("sitemap.xml", inputs: pagePaths) { sitemap(base: base, pagePaths: pagePaths) })
            },
            PlannedFile(SitePaths.feed, origin: publicationFile) {
                // Besides the structure (titles, dates), the feed shows the consultations' entries.
                let consultationEntries = consultationFeedEntries(base: base).map { [$0.title, $0.url, $0.summary, $0.updated.description] }
                return .text(sharingText(SitePaths.feed, inputs: consultationEntries) { atomFeed(base: base) })
            },
        ]
    }

    /// The text made from the site's structure and `inputs` alone: the preview reuses it while both are unchanged.
    private func sharingText(_ path: String, inputs: some Equatable & Sendable, make: () -> String) -> String {
        layoutCache?.text(for: path, inputs: inputs, make: make) ?? make()
    }

    private func sitemap(base: String, pagePaths: [String]) -> String {
        // Canonical addresses only: print/index.html names its edition's printable page as canonical.
        let sitemapURLs = pagePaths.filter { $0.hasSuffix(".html") && $0 != SitePaths.notFound && $0 != SitePaths.currentPrintPage }.sorted()
        let dates = PageDates(site.publication, buildDate: buildDate)
        var sitemap = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in sitemapURLs {
            let lastModified = dates.date(of: path).map { "<lastmod>\($0)</lastmod>" } ?? ""
            sitemap += "  <url><loc>\(escapeAttribute(canonicalURL(base: base, page: path)))</loc>\(lastModified)</url>\n"
        }
        return sitemap + "</urlset>\n"
    }

    /// One entry per published edition and per chapter with an `updated` date, newest first.
    private func atomFeed(base: String) -> String {
        struct Entry { var title, url, summary: String; var updated: CalendarDate }
        var entries: [Entry] = []
        for edition in site.publication.editions {
            if let published = edition.published {
                entries.append(Entry(title: "Published: \(edition.title)", url: canonicalURL(base: base, page: SitePaths.contents(edition.id)),
                                     summary: edition.summary ?? "", updated: published))
            }
            for chapter in edition.chapters {
                guard let updated = chapter.updated else { continue }
                entries.append(Entry(title: "Updated: \(chapter.number). \(chapter.title) (\(edition.shortTitle))",
                                     url: canonicalURL(base: base, page: SitePaths.chapter(edition.id, chapter.id)),
                                     summary: chapter.summary ?? "", updated: updated))
            }
        }
        entries += consultationFeedEntries(base: base).map { Entry(title: $0.title, url: $0.url, summary: $0.summary, updated: $0.updated) }
        entries.sort { ($0.updated, $1.url) > ($1.updated, $0.url) }
        let newest = entries.first?.updated.description ?? "1970-01-01"
        var feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escapeAttribute(config.language))">
          <title>\(escapeAttribute(config.title))</title>
          <subtitle>New editions and updated chapters</subtitle>
          <link rel="self" href="\(escapeAttribute(base))\(SitePaths.feed)"/>
          <link rel="alternate" type="text/html" href="\(escapeAttribute(base))"/>
          <id>\(escapeAttribute(base))</id>
          <updated>\(newest)T00:00:00Z</updated>
          <author><name>\(escapeAttribute(config.publisher))</name></author>

        """
        for entry in entries {
            feed += """
              <entry>
                <title>\(escapeAttribute(entry.title))</title>
                <link rel="alternate" type="text/html" href="\(escapeAttribute(entry.url))"/>
                <id>\(escapeAttribute(entry.url))#\(entry.updated)</id>
                <updated>\(entry.updated)T00:00:00Z</updated>
                <summary>\(escapeAttribute(entry.summary))</summary>
              </entry>

            """
        }
        return feed + "</feed>\n"
    }
}

/// The published address of a page: `index.html` is left off, as servers show it for the folder.
func canonicalURL(base: String, page: String) -> String {
    base + (page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page)
}
