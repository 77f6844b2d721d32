/// When each page of the site last changed, for `sitemap.xml`'s `<lastmod>`: a chapter's page on
/// its `updated` date (else its edition's published date); the edition's other pages (contents,
/// printable page, term pages, search) on the newest of its published date and its chapters'
/// `updated`; the accessibility statement on its `last_reviewed`; the other pages at the top on the
/// current edition's date. Never after the build date, and nil when nothing gives a date.
struct PageDates {
    private var chapters: [String: CalendarDate] = [:]
    private var editions: [String: CalendarDate?] = [:]
    private var current: CalendarDate?
    private var accessibility: CalendarDate?
    private var buildDate: CalendarDate

    init(_ publication: Publication, buildDate: CalendarDate) {
        self.buildDate = buildDate
        for edition in publication.editions {
            for chapter in edition.chapters {
                if let date = chapter.updated ?? edition.published { chapters[SitePaths.chapter(edition.id, chapter.id)] = date }
            }
            editions[edition.id] = ([edition.published] + edition.chapters.map(\.updated)).compactMap { $0 }.max()
        }
        let editions = editions
        current = publication.currentEdition.flatMap { editions[$0.id] ?? nil }
        accessibility = publication.config.accessibility?.lastReviewed
    }

    func date(of page: String) -> CalendarDate? {
        let date: CalendarDate?
        if let chapter = chapters[page] {
            date = chapter
        } else if page == SitePaths.accessibilityStatement {
            date = accessibility
        } else if let slash = page.firstIndex(of: "/"), let edition = editions[String(page[..<slash])] {
            date = edition
        } else {
            date = current
        }
        return date.map { min($0, buildDate) }
    }
}
