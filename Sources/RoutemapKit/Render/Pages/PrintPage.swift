import Markdown

/// `<edition>/print/index.html`: the whole edition on one page, to read, print and share; and
/// `print/index.html`, the same for the current edition at an address that never changes.
/// Built from the chapters' rendered fragments (see FragmentRewriter), never from their Markdown.
extension SiteGenerator {
    /// One function per printable page: each is made from every chapter of its edition, spread over the cores.
    func printPageMakers() -> [() -> SiteItem] {
        let chapterPages = chapterPagePaths()
        var makers = site.editions.map { rendered in
            { printPage(rendered, page: SitePaths.printPage(rendered.edition.id), chapterPages: chapterPages, outsideLinks: .relative) }
        }
        if let current = site.publication.currentEdition, let rendered = site.edition(current.id) {
            makers.append { printPage(rendered, page: SitePaths.currentPrintPage, chapterPages: chapterPages, outsideLinks: .relative) }
        }
        return makers
    }

    /// The page Chromium prints to the edition's PDF: the printable page, written beside it at
    /// `writtenAt`, with links that leave the page pointing at the published site (a PDF is read away
    /// from the site, where relative links lead nowhere).
    func pdfSourcePage(_ rendered: RenderedEdition, writtenAt path: String) -> OutputFile {
        var file = printPage(rendered, page: SitePaths.printPage(rendered.edition.id), chapterPages: chapterPagePaths(),
                             outsideLinks: .published(baseURL: config.baseURL)).outputFile
        file.path = path
        return file
    }

    /// The page in pieces: the chapters' bodies (tens of megabytes for a long edition) are spliced
    /// between the pieces of the templates' output rather than rendered through them (see PageSplice).
    private func printPage(_ rendered: RenderedEdition, page: String, chapterPages: [String: (editionID: String, chapterID: String)],
                           outsideLinks: FragmentRewriter.OutsideLinks) -> SiteItem {
        let rewriter = FragmentRewriter(editionID: rendered.edition.id, page: page, chapterPages: chapterPages, outsideLinks: outsideLinks)
        let bodies = concurrentMap(rendered.chapters) { rewriter.rewrite($0.markdown.html, chapterID: $0.chapter.id) }
        let splice = PageSplice()
        let markedContent = theme.render(printView(rendered, page: page, body: splice.marker), template: "print")
        let marked = printLayout(rendered, page: page, content: splice.marker(bodies.count))
        guard let inner = splice.cut(markedContent, count: bodies.count), case .text(let html) = marked.contents,
              let outer = splice.cut(html, first: bodies.count, count: 1) else {
            return .file(printLayout(rendered, page: page,
                                     content: theme.render(printView(rendered, page: page) { bodies[$0] }, template: "print")))
        }
        var pieces = [outer[0]]
        pieces.reserveCapacity(2 * bodies.count + 3)
        for (index, body) in bodies.enumerated() {
            pieces.append(inner[index])
            pieces.append(body)
        }
        pieces += [inner[bodies.count], outer[1]]
        return .pieces(path: page, pieces: pieces, origin: marked.origin)
    }

    /// `print.mustache`'s view, with `body(index)` as the body of the edition's chapter at `index`.
    private func printView(_ rendered: RenderedEdition, page: String, body: (Int) -> String) -> PrintPageView {
        let edition = rendered.edition
        let chapters = rendered.chapters.enumerated().map { index, rendered in
            let chapter = rendered.chapter
            return PrintChapterView(number: chapter.number, title: chapter.title, part: chapter.part, summary: chapter.summary,
                                    anchor: PrintAnchors.chapter(chapter.id), body: body(index))
        }
        var parts: [PrintPartView] = []
        for chapter in edition.chapters {
            if parts.isEmpty || (chapter.part != nil && chapter.part != parts[parts.count - 1].heading) {
                parts.append(PrintPartView(heading: chapter.part, chapters: []))
            }
            parts[parts.count - 1].chapters.append(PrintChapterLinkView(number: chapter.number, title: chapter.title,
                                                                        anchor: PrintAnchors.chapter(chapter.id)))
        }
        return PrintPageView(
            publicationTitle: config.title,
            edition: summary(edition, from: page),
            publisher: config.publisher,
            licenceName: config.licence?.name,
            licenceURL: config.licence?.url,
            availableAt: config.baseURL.map { join($0, String(page.dropLast("index.html".count))) },
            root: relativeURL(from: page, to: "x").dropLast().description,
            pdf: pdfLink(edition.id, from: page),
            contents: parts,
            chapters: chapters
        )
    }

    private func printLayout(_ rendered: RenderedEdition, page: String, content: String) -> OutputFile {
        let edition = rendered.edition
        return layout(page: page, title: "\(edition.title) – \(config.shortTitle)",
                      description: edition.summary ?? edition.title,
                      breadcrumbs: [LinkView(title: "Home", url: relativeURL(from: page, to: SitePaths.frontPage)),
                                    LinkView(title: edition.title, url: relativeURL(from: page, to: SitePaths.contents(edition.id)))],
                      content: content, origin: join(join(site.publication.contentDirectory, edition.id), "edition.yml"))
    }

    /// The link to the edition's PDF from `page`, when the build made one.
    func pdfLink(_ editionID: String, from page: String) -> PDFLinkView? {
        pdfs[editionID].map { PDFLinkView(url: relativeURL(from: page, to: $0.path), size: $0.size) }
    }

    /// `edition/chapter.html` → the chapter, for every chapter of every edition.
    private func chapterPagePaths() -> [String: (editionID: String, chapterID: String)] {
        printableChapterPages(site)
    }
}

/// Chapter page path → the chapter, for rewriting links into the printable page.
func printableChapterPages(_ site: RenderedPublication) -> [String: (editionID: String, chapterID: String)] {
    var pages: [String: (editionID: String, chapterID: String)] = [:]
    for edition in site.publication.editions {
        for chapter in edition.chapters { pages[SitePaths.chapter(edition.id, chapter.id)] = (edition.id, chapter.id) }
    }
    return pages
}

/// Text as a CSS string literal's contents, safe inside a `<style>` element.
func cssString(_ text: String) -> String {
    var out = ""
    for character in text {
        switch character {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\A "
        case "<": out += "\\3C "
        default: out.append(character)
        }
    }
    return out
}

extension SiteGenerator {
    /// The pages that show the PDF links: every edition's contents page and the printable pages.
    func pagesLinkingPDFs() -> [OutputFile] {
        site.editions.map(contentsPage) + printPageMakers().map { $0().outputFile }
    }
}
