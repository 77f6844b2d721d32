/// How an edition relates to the editions before and after it: the consultation banner, links
/// between a chapter and its counterpart, and which edition a newer one is compared with.
extension SiteLayout {
    /// The edition listed just before `id` in routemap.yml.
    func olderEdition(than id: String) -> RenderedEdition? {
        guard let index = site.editions.firstIndex(where: { $0.edition.id == id }), index > 0 else { return nil }
        return site.editions[index - 1]
    }

    /// The edition listed just after `id`, once it is published by the build date.
    func publishedNewerEdition(than id: String) -> RenderedEdition? {
        guard let index = site.editions.firstIndex(where: { $0.edition.id == id }), index + 1 < site.editions.count else { return nil }
        let newer = site.editions[index + 1]
        guard let published = newer.edition.published, published <= buildDate else { return nil }
        return newer
    }

    /// The banner for a page under a consultation edition's folder; nil for any other page.
    func consultationBanner(forPage page: String) -> ConsultationBannerView? {
        guard let editionID = firstFolder(of: page), let state = consultations[editionID] else { return nil }
        return consultationView(state, from: page)
    }

    /// What a consultation's stage shows, on its edition's pages and on the front page.
    func consultationView(_ state: ConsultationState, from page: String) -> ConsultationBannerView {
        let consultation = state.consultation
        let successor = state.stage == .closed || state.stage == .concluded ? publishedNewerEdition(than: state.editionID).map {
            SuccessorView(title: $0.edition.title, url: relativeURL(from: page, to: SitePaths.contents($0.edition.id)),
                          published: $0.edition.published?.long ?? "")
        } : nil
        let respondPage = state.questions.isEmpty ? nil : relativeURL(from: page, to: SitePaths.respond(state.editionID))
        return ConsultationBannerView(state: state.stage.rawValue, upcoming: state.stage == .upcoming, open: state.stage == .open,
                                      closed: state.stage == .closed, concluded: state.stage == .concluded,
                                      opens: consultation.opens.withWeekday, closes: consultation.closes.withWeekday,
                                      respondURL: consultation.responseURL, respondEmail: consultation.responseEmail,
                                      respondPage: respondPage, questionCount: state.questions.count,
                                      outcomeURL: outcomeURL(state, from: page),
                                      successor: successor)
    }

    /// Where the summary of responses is, from `page`: on a printable page, the chapter on its edition's printable page.
    private func outcomeURL(_ state: ConsultationState, from page: String) -> String? {
        let printable = page == SitePaths.currentPrintPage || firstFolder(of: page).map { SitePaths.printPage($0) == page } == true
        guard let target = printable ? state.outcomeOnPrintPage ?? state.outcomePage : state.outcomePage else { return state.outcomeAddress }
        return relativeURL(from: page, to: target)
    }

    /// The embargo notice for a page of an edition not published by the build date (a preview's only).
    func embargoNotice(forPage page: String) -> EmbargoNoticeView? {
        guard let editionID = firstFolder(of: page),
              let embargoed = site.publication.embargoed.first(where: { $0.id == editionID }) else { return nil }
        return EmbargoNoticeView(until: embargoed.published.long, buildDate: buildDate.long)
    }

    /// Links to the same chapter (by id) in the older edition and, once published, the newer one.
    func counterparts(of chapter: Chapter, in edition: Edition, from page: String) -> [CounterpartView] {
        var links: [CounterpartView] = []
        if let older = olderEdition(than: edition.id), has(chapter, in: older) {
            links.append(CounterpartView(text: "Read this chapter in the \(older.edition.shortTitle)",
                                         url: relativeURL(from: page, to: SitePaths.chapter(older.edition.id, chapter.id)),
                                         relation: "earlier", superseded: false))
        }
        if let newer = publishedNewerEdition(than: edition.id), has(chapter, in: newer) {
            let text = edition.kind == .consultation && newer.edition.kind == .final
                ? "This draft has been superseded: read the final version"
                : "This chapter has been superseded: read it in the \(newer.edition.shortTitle)"
            links.append(CounterpartView(text: text, url: relativeURL(from: page, to: SitePaths.chapter(newer.edition.id, chapter.id)),
                                         relation: "superseded", superseded: true))
        }
        return links
    }

    private func has(_ chapter: Chapter, in edition: RenderedEdition) -> Bool {
        chapterIDs[edition.edition.id]?.contains(chapter.id) == true
    }

    /// "What changed since the consultation draft", for a chapter that has an older counterpart.
    func changesLink(of chapter: Chapter, in edition: Edition, from page: String) -> LinkView? {
        guard let older = olderEdition(than: edition.id), has(chapter, in: older) else { return nil }
        return LinkView(title: "What changed since the \(older.edition.shortTitle)",
                        url: relativeURL(from: page, to: SitePaths.chapterChanges(edition.id, chapter.id)))
    }

    /// A chapter's theme, audience or status as a tag linking to its index page.
    func tagView(_ term: Term, _ kind: TermKind, edition: Edition, from page: String) -> TermView {
        TermView(id: term.id, label: term.label, description: term.description,
                 url: relativeURL(from: page, to: SitePaths.term(edition.id, kind, term.id)))
    }
}
