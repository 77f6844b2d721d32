import Templates
import RoutemapMarkdown
/// `<edition>/themes/<id>.html`, `<edition>/audiences/<id>.html`, `<edition>/statuses/<id>.html`:
/// one page for every term of each vocabulary, with the edition's chapters that carry it (and, for
/// an audience, what the chapters ask it to do); and `<edition>/themes/index.html`, the overview.
extension SiteLayout {
    func termPages(_ rendered: RenderedEdition) -> [PlannedFile] {
        let edition = rendered.edition
        // Each chapter's actions sorted by audience once, by the first audience page made, for all of them.
        let actions = Deferred { actionsByAudience(rendered) }
        var pages = [PlannedFile(SitePaths.overview(edition.id), origin: publicationFile) { .html(overviewPage(rendered)) }]
        for kind in TermKind.allCases {
            for term in kind.vocabulary(config).terms {
                pages.append(PlannedFile(SitePaths.term(edition.id, kind, term.id), origin: publicationFile) {
                    .html(termPage(rendered, kind, term, actions: { kind == .audience ? actions.value[term.id] ?? [] : [] }))
                })
            }
        }
        return pages
    }

    /// For each audience (by id), the chapters that ask it to do something, in order, with those
    /// actions: the labelled items whose label names the audience.
    private func actionsByAudience(_ rendered: RenderedEdition) -> [String: [(chapter: Int, items: [LabelledItem])]] {
        let named = config.audiences.labelMatcher()
        var actions: [String: [(chapter: Int, items: [LabelledItem])]] = [:]
        for index in rendered.chapters.indices {
            let items = rendered.chapters[index].markdown.labelledItems
            for (audience, itemsOfAudience) in Dictionary(grouping: items.filter { named($0.label) != nil }, by: { named($0.label)!.id }) {
                actions[audience, default: []].append((index, itemsOfAudience))
            }
        }
        return actions
    }

    private func chapters(_ rendered: RenderedEdition, _ kind: TermKind, _ id: String) -> [Chapter] {
        rendered.chapters.compactMap { kind.marks($0.chapter, with: id) ? $0.chapter : nil }
    }

    /// Besides the site's structure, a term page shows only the actions in the chapters' text, so the
    /// preview reuses it whole while those are unchanged; the actions are sorted by audience only
    /// when a page is laid out again.
    private func termPage(_ rendered: RenderedEdition, _ kind: TermKind, _ term: Term,
                          actions: () -> [(chapter: Int, items: [LabelledItem])]) -> HTML {
        let inputs = kind == .audience ? rendered.chapters.map { $0.markdown.labelledItems } : []
        return page(SitePaths.term(rendered.edition.id, kind, term.id), inputs: inputs) {
            layOutTermPage(rendered, kind, term, actions: actions())
        }
    }

    private func layOutTermPage(_ rendered: RenderedEdition, _ kind: TermKind, _ term: Term,
                                actions: [(chapter: Int, items: [LabelledItem])]) -> HTML {
        let edition = rendered.edition
        let page = SitePaths.term(edition.id, kind, term.id)
        let links = chapters(rendered, kind, term.id).map { chapterLink($0, edition: edition, from: page, current: false) }
        let view = TermPageView(
            kindLabel: kind.label,
            term: TermView(id: term.id, label: term.label, description: term.description, url: relativeURL(from: page, to: page)),
            chapters: links,
            edition: summary(edition, from: page),
            overviewURL: relativeURL(from: page, to: SitePaths.overview(edition.id)),
            actionGroups: actionGroups(rendered, actions, from: page),
            actionsHeading: config.actionsHeading,
            statusesDiffer: kind != .status && Set(links.map(\.statusLabel)).count > 1
        )
        return layout(page: page, title: "\(kind.label): \(term.label) – \(edition.shortTitle) – \(config.shortTitle)",
                      description: term.description.isEmpty ? term.label : term.description,
                      breadcrumbs: breadcrumbs(edition, from: page) + [LinkView(title: "Themes and audiences", url: relativeURL(from: page, to: SitePaths.overview(edition.id)))],
                      content: render(view, template: "term", page: page))
    }

    /// What each chapter, in order, asks an audience to do, from `actionsByAudience`.
    private func actionGroups(_ rendered: RenderedEdition, _ actions: [(chapter: Int, items: [LabelledItem])], from page: String) -> [ActionGroupView] {
        actions.map { chapterActions in
            let chapter = rendered.chapters[chapterActions.chapter].chapter
            let chapterURL = relativeURL(from: page, to: SitePaths.chapter(rendered.edition.id, chapter.id))
            return ActionGroupView(chapterNumber: chapter.number, chapterTitle: chapter.title, chapterURL: chapterURL,
                                   actions: chapterActions.items.map { ActionView(text: $0.text, url: chapterURL + "#" + $0.anchor) })
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
