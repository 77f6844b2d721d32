import RoutemapMarkdown
import Templates

/// `<edition>/<id>.html`: one chapter with its metadata, sections, notes and neighbours.
extension SiteLayout {
    /// The page depends on the site's structure and its own chapter's rendering alone (its neighbours
    /// and the sidebar show only titles and numbers), so the preview reuses it whole while both are unchanged.
    func chapterPage(_ rendered: RenderedEdition, index: Int, outline: PartOutline) -> PlannedFile {
        let chapter = rendered.chapters[index].chapter
        let path = SitePaths.chapter(rendered.edition.id, chapter.id)
        return PlannedFile(path, origin: chapter.sourcePath) {
            .html(page(path, inputs: rendered.chapters[index].markdown.htmlUTF8) { layOutChapterPage(rendered, index: index, outline: outline) })
        }
    }

    private func layOutChapterPage(_ rendered: RenderedEdition, index: Int, outline: PartOutline) -> HTML {
        let edition = rendered.edition
        let chapter = rendered.chapters[index].chapter
        let markdown = rendered.chapters[index].markdown
        let page = SitePaths.chapter(edition.id, chapter.id)
        let neighbour = { (offset: Int) -> ChapterLinkView? in
            let other = index + offset
            guard rendered.chapters.indices.contains(other) else { return nil }
            return chapterLink(rendered.chapters[other].chapter, edition: edition, from: page, current: false)
        }
        let view = ChapterPageView(
            number: chapter.number,
            title: chapter.title,
            part: chapter.part,
            summary: chapter.summary,
            updated: chapter.updated?.long,
            themes: chapter.themes.compactMap { config.themes.term($0) }.map { tagView($0, .theme, edition: edition, from: page) },
            audiences: chapter.audiences.compactMap { config.audiences.term($0) }.map { tagView($0, .audience, edition: edition, from: page) },
            status: tagView(config.statuses.term(chapter.status) ?? Term(id: chapter.status, label: chapter.status, description: ""),
                            .status, edition: edition, from: page),
            sections: markdown.headings.filter { $0.level <= 3 }.map {
                SectionLinkView(text: $0.text, id: $0.id, level: $0.level, subsection: $0.level > 2)
            },
            body: HTML(utf8: markdown.htmlUTF8),
            previous: neighbour(-1),
            next: neighbour(1),
            contents: sidebar(edition, outline: outline, index: index, from: page),
            edition: summary(edition, from: page),
            counterparts: counterparts(of: chapter, in: edition, from: page),
            changes: changesLink(of: chapter, in: edition, from: page),
            printURL: relativeURL(from: page, to: SitePaths.printPage(edition.id)) + "#" + PrintAnchors.chapter(chapter.id)
        )
        return layout(page: page, title: "\(chapter.number). \(chapter.title) – \(edition.shortTitle) – \(config.shortTitle)",
                      description: chapter.summary ?? chapter.title,
                      breadcrumbs: [LinkView(title: "Home", url: relativeURL(from: page, to: SitePaths.frontPage)),
                                    LinkView(title: edition.title, url: relativeURL(from: page, to: SitePaths.contents(edition.id)))],
                      content: render(view, template: "chapter", page: page),
                      openGraphType: "article")
    }
}
