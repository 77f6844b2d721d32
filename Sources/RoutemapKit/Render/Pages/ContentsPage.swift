import Templates
/// `<edition>/index.html`: the edition's parts and numbered chapters.
extension SiteLayout {
    func contentsPage(_ rendered: RenderedEdition) -> PlannedFile {
        PlannedFile(SitePaths.contents(rendered.edition.id), origin: editionFile(rendered.edition)) { .html(layOutContentsPage(rendered)) }
    }

    private func layOutContentsPage(_ rendered: RenderedEdition) -> HTML {
        let edition = rendered.edition
        let page = SitePaths.contents(edition.id)
        let older = olderEdition(than: edition.id)
        let view = ContentsPageView(edition: summary(edition, from: page), contents: contents(edition, from: page, current: nil),
                                    citation: citation(edition),
                                    overviewURL: relativeURL(from: page, to: SitePaths.overview(edition.id)),
                                    changes: older.map { LinkView(title: "What changed since the \($0.edition.shortTitle)",
                                                                  url: relativeURL(from: page, to: SitePaths.changes(edition.id))) },
                                    printURL: relativeURL(from: page, to: SitePaths.printPage(edition.id)), pdf: pdfLink(edition.id, from: page))
        return layout(page: page, title: "\(edition.title) – contents", description: edition.summary ?? edition.title,
                      breadcrumbs: [LinkView(title: "Home", url: relativeURL(from: page, to: SitePaths.frontPage))],
                      content: render(view, template: "contents", page: page))
    }
}
