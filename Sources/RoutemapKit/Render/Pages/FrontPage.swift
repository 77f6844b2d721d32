/// `index.html`: the publication, its current edition and every edition.
extension SiteGenerator {
    func frontPage() -> OutputFile {
        let page = SitePaths.frontPage
        let view = FrontPageView(
            publicationTitle: config.title,
            publisher: config.publisher,
            current: site.publication.currentEdition.map { summary($0, from: page) },
            pdf: site.publication.currentEdition.flatMap { pdfLink($0.id, from: page) },
            editions: site.publication.editions.reversed().map { summary($0, from: page) }
        )
        return layout(page: page, title: config.title, description: site.publication.currentEdition?.summary ?? config.title,
                      breadcrumbs: [], content: render(view, template: "front", page: page), origin: join(site.publication.contentDirectory, "routemap.yml"))
    }
}
