/// `index.html`: the publication, its current edition and every edition.
extension SiteGenerator {
    func frontPage() -> OutputFile {
        let page = SitePaths.frontPage
        let view = FrontPageView(
            publicationTitle: config.title,
            publisher: config.publisher,
            firstPublished: Embargo.firstPublication(site.publication)?.long,
            consultation: frontConsultation(from: page),
            current: site.publication.currentEdition.map { summary($0, from: page) },
            editions: site.publication.editions.reversed().map { summary($0, from: page) }
        )
        return layout(page: page, title: config.title, description: site.publication.currentEdition?.summary ?? config.title,
                      breadcrumbs: [], content: render(view, template: "front", page: page), origin: join(site.publication.contentDirectory, "routemap.yml"))
    }

    /// The newest consultation edition published by the build date, and where its consultation stands.
    func frontConsultation(from page: String) -> FrontConsultationView? {
        guard let edition = site.publication.editions.last(where: { consultations[$0.id] != nil && !site.publication.isEmbargoed($0.id) }),
              let state = consultations[edition.id] else { return nil }
        let closes = state.consultation.closes.withWeekday
        let heading = switch state.stage {
        case .upcoming: "Consultation opens on \(state.consultation.opens.withWeekday)"
        case .open: "Consultation open until \(closes)"
        case .closed: "Consultation closed: responses are being considered"
        case .concluded: "Consultation concluded"
        }
        return FrontConsultationView(heading: heading, state: consultationView(state, from: page), editionTitle: edition.title,
                                     editionURL: relativeURL(from: page, to: SitePaths.contents(edition.id)))
    }
}
