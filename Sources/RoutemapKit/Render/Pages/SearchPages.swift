import Templates
import Foundation
import Templates

/// Search, without any service: each edition gets `search-index.js` (its chapters' text, section by
/// section, written at build time) and `search.html`, where the theme's `search.js` lists the
/// matches. It is a script rather than JSON so that it also loads when the site is opened from disk.
extension SiteLayout {
    func searchFiles(_ rendered: RenderedEdition) -> [PlannedItem] {
        let edition = rendered.edition
        return [.file(PlannedFile(SitePaths.search(edition.id), origin: editionFile(edition)) { .html(searchPage(edition)) }),
                .streamed(StreamedFiles(files: [(SitePaths.searchIndex(edition.id), editionFile(edition))]) { emit in
                    searchIndex(rendered).script { emit(0, .bytes($0)) }
                })]
    }

    private func searchPage(_ edition: Edition) -> HTML {
        let page = SitePaths.search(edition.id)
        let view = SearchPageView(
            editionTitle: edition.title,
            editionShortTitle: edition.shortTitle,
            contentsURL: relativeURL(from: page, to: SitePaths.contents(edition.id)),
            indexURL: relativeURL(from: page, to: SitePaths.searchIndex(edition.id))
        )
        return layout(page: page, title: "Search the \(edition.shortTitle) – \(config.shortTitle)",
                                description: "Search the chapters of \(edition.title).",
                                breadcrumbs: [LinkView(title: "Home", url: relativeURL(from: page, to: SitePaths.frontPage)),
                                              LinkView(title: edition.title, url: view.contentsURL)],
                                content: render(view, template: "search", page: page))
    }

    /// Every section of every chapter. With `releasingSearchText` (a build, which makes it once),
    /// each chapter's words are let go of once the index is made.
    func searchIndex(_ rendered: RenderedEdition) -> SearchIndex {
        let index = SearchIndex(edition: rendered.edition.shortTitle, chapters: rendered.chapters.map { chapter in
            SearchIndex.Chapter(
                number: chapter.chapter.number,
                title: chapter.chapter.title,
                url: relativeURL(from: SitePaths.search(rendered.edition.id), to: SitePaths.chapter(rendered.edition.id, chapter.chapter.id)),
                sections: (releasingSearchText ? chapter.search.take() : chapter.search.current).filter { !$0.text.isEmpty }.map {
                    SearchIndex.Section(id: $0.headingID ?? "", heading: $0.heading ?? "", text: $0.text)
                }
            )
        })
        return index
    }
}

/// The search index's shape, with short keys: it is most of what a reader downloads to search.
/// `script()` writes it by hand, byte for byte as JSONEncoder would with sorted keys and unescaped
/// slashes (the Encodable conformance states the shape, and the tests compare the two).
struct SearchIndex: Encodable {
    struct Chapter: Encodable {
        var number: Int
        var title: String
        var url: String
        var sections: [Section]
        enum CodingKeys: String, CodingKey { case number = "n", title = "t", url = "u", sections = "s" }
    }

    struct Section: Encodable {
        var id: String
        var heading: String
        var text: String
        enum CodingKeys: String, CodingKey { case id = "i", heading = "h", text = "x" }
    }

    var edition: String
    var chapters: [Chapter]

    /// `window.routemapSearchIndex = {…};` and a line break.
    func script() -> String {
        var bytes: [UInt8] = []
        script { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `script()` in pieces of UTF-8, one per chapter, so that the index (tens of megabytes for a
    /// long edition) can be written as it is made, and is never held whole.
    func script(_ emit: ([UInt8]) -> Void) {
        var json = JSONText(capacity: 1 << 16)
        json.raw("window.routemapSearchIndex = {\"chapters\":[")
        for (index, chapter) in chapters.enumerated() {
            json.raw(index == 0 ? "{\"n\":" : ",{\"n\":")
            json.number(chapter.number)
            json.raw(",\"s\":[")
            for (index, section) in chapter.sections.enumerated() {
                json.raw(index == 0 ? "{\"h\":" : ",{\"h\":")
                json.string(section.heading)
                json.raw(",\"i\":")
                json.string(section.id)
                json.raw(",\"x\":")
                json.string(section.text)
                json.raw("}")
            }
            json.raw("],\"t\":")
            json.string(chapter.title)
            json.raw(",\"u\":")
            json.string(chapter.url)
            json.raw("}")
            emit(json.take())
        }
        json.raw("],\"edition\":")
        json.string(edition)
        json.raw("};\n")
        emit(json.take())
    }
}
/// `search.mustache`.
struct SearchPageView: TemplateFields, Equatable {
    var editionTitle: String
    var editionShortTitle: String
    var contentsURL: String
    var indexURL: String
}
