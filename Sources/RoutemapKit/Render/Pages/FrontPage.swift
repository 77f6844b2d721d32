import Templates
/// `index.html`: the publication, its current edition and every edition.
extension SiteLayout {
    func frontPage() -> PlannedFile {
        PlannedFile(SitePaths.frontPage, origin: publicationFile) { .html(layOutFrontPage()) }
    }

    private func layOutFrontPage() -> HTML {
        let page = SitePaths.frontPage
        let view = FrontPageView(
            publicationTitle: config.title,
            publisher: config.publisher,
            firstPublished: Embargo.firstPublication(site.publication)?.long,
            consultation: frontConsultation(from: page),
            current: site.publication.currentEdition.map { summary($0, from: page) },
            pdf: site.publication.currentEdition.flatMap { pdfLink($0.id, from: page) },
            editions: site.publication.editions.reversed().map { summary($0, from: page) }
        )
        return layout(page: page, title: config.title, description: site.publication.currentEdition?.summary ?? config.title,
                      breadcrumbs: [], content: render(view, template: "front", page: page))
    }

    /// The newest consultation edition published by the build date, and where its consultation stands.
    func frontConsultation(from page: String) -> FrontConsultationView? {
        guard let edition = site.publication.editions.last(where: { consultations[$0.id] != nil && !site.publication.isEmbargoed($0.id) }),
              let state = consultations[edition.id] else { return nil }
        // The dates are in the words below the heading.
        let heading = switch state.stage {
        case .upcoming: "Consultation: coming soon"
        case .open: "Consultation: have your say"
        case .closed: "Consultation closed"
        case .concluded: "Consultation concluded"
        }
        return FrontConsultationView(heading: heading, state: consultationView(state, from: page), editionTitle: edition.title,
                                     editionURL: relativeURL(from: page, to: SitePaths.contents(edition.id)),
                                     first: site.publication.currentEdition?.id == edition.id)
    }
}
