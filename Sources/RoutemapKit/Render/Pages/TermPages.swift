import Templates
/// `<edition>/themes/<id>.html`, `<edition>/audiences/<id>.html`, `<edition>/statuses/<id>.html`:
/// one page for every term of each vocabulary, with the edition's chapters that carry it (and, for
/// an audience, what the chapters ask it to do); and `<edition>/themes/index.html`, the overview.
extension SiteLayout {
    func termPages(_ rendered: RenderedEdition) -> [PlannedFile] {
        let edition = rendered.edition
        var pages = [PlannedFile(SitePaths.overview(edition.id), origin: publicationFile) { .html(overviewPage(rendered)) }]
        for kind in TermKind.allCases {
            for term in kind.vocabulary(config).terms {
                pages.append(PlannedFile(SitePaths.term(edition.id, kind, term.id), origin: publicationFile) { .html(termPage(rendered, kind, term)) })
            }
        }
        return pages
    }

    private func chapters(_ rendered: RenderedEdition, _ kind: TermKind, _ id: String) -> [Chapter] {
        rendered.chapters.compactMap { kind.marks($0.chapter, with: id) ? $0.chapter : nil }
    }

    /// Besides the site's structure, a term page shows only the actions in the chapters' text, so the
    /// preview reuses it whole while those are unchanged.
    private func termPage(_ rendered: RenderedEdition, _ kind: TermKind, _ term: Term) -> HTML {
        let actions = kind == .audience ? rendered.chapters.map { $0.markdown.labelledItems } : []
        return page(SitePaths.term(rendered.edition.id, kind, term.id), inputs: actions) {
            layOutTermPage(rendered, kind, term)
        }
    }

    private func layOutTermPage(_ rendered: RenderedEdition, _ kind: TermKind, _ term: Term) -> HTML {
        let edition = rendered.edition
        let page = SitePaths.term(edition.id, kind, term.id)
        let links = chapters(rendered, kind, term.id).map { chapterLink($0, edition: edition, from: page, current: false) }
        let view = TermPageView(
            kindLabel: kind.label,
            term: TermView(id: term.id, label: term.label, description: term.description, url: relativeURL(from: page, to: page)),
            chapters: links,
            edition: summary(edition, from: page),
            overviewURL: relativeURL(from: page, to: SitePaths.overview(edition.id)),
            actionGroups: kind == .audience ? actionGroups(rendered, audience: term, from: page) : [],
            actionsHeading: config.actionsHeading,
            statusesDiffer: kind != .status && Set(links.map(\.statusLabel)).count > 1
        )
        return layout(page: page, title: "\(kind.label): \(term.label) – \(edition.shortTitle) – \(config.shortTitle)",
                      description: term.description.isEmpty ? term.label : term.description,
                      breadcrumbs: breadcrumbs(edition, from: page) + [LinkView(title: "Themes and audiences", url: relativeURL(from: page, to: SitePaths.overview(edition.id)))],
                      content: render(view, template: "term", page: page))
    }

    /// What each chapter, in order, asks `audience` to do: its labelled items whose label names the audience.
    private func actionGroups(_ rendered: RenderedEdition, audience: Term, from page: String) -> [ActionGroupView] {
        let named = config.audiences.labelMatcher()
        // By index: each chapter is read in place rather than copied, for every audience.
        return rendered.chapters.indices.compactMap { index in
            let items = rendered.chapters[index].markdown.labelledItems.filter { named($0.label)?.id == audience.id }
            guard !items.isEmpty else { return nil }
            let chapter = rendered.chapters[index].chapter
            let chapterURL = relativeURL(from: page, to: SitePaths.chapter(rendered.edition.id, chapter.id))
            let actions = items.map { ActionView(text: $0.text, url: chapterURL + "#" + $0.anchor) }
            return ActionGroupView(chapterNumber: chapter.number, chapterTitle: chapter.title, chapterURL: chapterURL, actions: actions)
        }
    }

    private func overviewPage(_ rendered: RenderedEdition) -> HTML {
        let edition = rendered.edition
        let page = SitePaths.overview(edition.id)
        let counts = { (kind: TermKind) -> [TermCountView] in
            kind.vocabulary(config).terms.map { term in
                let count = rendered.chapters.count { kind.marks($0.chapter, with: term.id) }
                return TermCountView(label: term.label, description: term.description,
                                     url: relativeURL(from: page, to: SitePaths.term(edition.id, kind, term.id)),
                                     chapterCount: count, chapterCountText: count == 1 ? "1 chapter" : "\(count) chapters")
            }
        }
        let view = OverviewPageView(edition: summary(edition, from: page), themes: counts(.theme), audiences: counts(.audience),
                                    statuses: counts(.status))
        return layout(page: page, title: "Themes and audiences – \(edition.shortTitle) – \(config.shortTitle)",
                      description: "The themes, audiences and statuses of the \(edition.title), with their chapters.",
                      breadcrumbs: breadcrumbs(edition, from: page),
                      content: render(view, template: "overview", page: page))
    }

    /// Home, then the edition's contents.
    func breadcrumbs(_ edition: Edition, from page: String) -> [LinkView] {
        [LinkView(title: "Home", url: relativeURL(from: page, to: SitePaths.frontPage)),
         LinkView(title: edition.title, url: relativeURL(from: page, to: SitePaths.contents(edition.id)))]
    }
}
