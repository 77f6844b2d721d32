import RoutemapMarkdown
import Templates

/// `<edition>/print/index.html`: the whole edition on one page, to read, print and share; and
/// `print/index.html`, the same for the current edition at an address that never changes.
/// Built from the chapters' rendered fragments (see FragmentRewriter), never from their Markdown.
extension SiteLayout {
    /// Each edition's printable page; the current edition's comes with `print/index.html`, made
    /// alongside it from the same chapter bodies wherever they do not depend on the page's address.
    func printPageItems() -> [PlannedItem] {
        let chapterPages = chapterPagePaths()
        let current = site.publication.currentEdition?.id
        return site.editions.map { rendered in
            let pages = [SitePaths.printPage(rendered.edition.id)] + (rendered.edition.id == current ? [SitePaths.currentPrintPage] : [])
            return .streamed(printPages(rendered, at: pages, chapterPages: chapterPages, outsideLinks: .relative))
        }
    }

    /// The page WeasyPrint prints to each edition's PDF, written beside the printable page (its
    /// images' paths are the same) and deleted once printed: `pdf.mustache`, a document of its own with a cover, the
    /// licence on the cover's back, contents and the chapters, without the site's navigation and
    /// footer. Links that leave the document point at the published site (a PDF is read away from
    /// the site, where relative links lead to the build machine's disk), or are removed without
    /// `base_url`; footnotes stand where they are cited (see PDFBody).
    func pdfSourcePages() -> [PlannedItem] {
        let chapterPages = chapterPagePaths()
        return site.editions.map { rendered in
            var source = printPages(rendered, at: [SitePaths.printPage(rendered.edition.id)], chapterPages: chapterPages,
                                    outsideLinks: .published(baseURL: config.baseURL), forPDF: true)
            source.files[0].path = SitePaths.pdfSource(rendered.edition.id)
            return .streamed(source)
        }
    }

    /// The PDFs WeasyPrint writes into the site: each edition's, and the current edition's again at
    /// the address that stays the same from one edition to the next.
    func printedPDFs() -> [(path: String, origin: String)] {
        site.editions.map { (SitePaths.pdf($0.edition.id, publicationShortTitle: config.shortTitle), editionFile($0.edition)) }
            + (site.publication.currentEdition.map { [(SitePaths.currentPDF(publicationShortTitle: config.shortTitle), editionFile($0))] } ?? [])
    }

    /// Chapters rewritten at a time for the printable pages: enough to keep every core busy, few
    /// enough that a long edition's pages are never held whole.
    private static let printBatch = 64

    /// The edition's printable page at each of `pages`, made and written a batch of chapters at a
    /// time. The chapters' bodies (tens of megabytes for a long edition) are put between the pieces
    /// of the templates' output rather than rendered through them (see PageSplice); the first page's
    /// bodies serve the others wherever they hold no link relative to the page. `forPDF`: the PDF's
    /// source page instead (`pdf.mustache`, not laid out in the site's layout).
    private func printPages(_ rendered: RenderedEdition, at pages: [String], chapterPages: [String: (editionID: String, chapterID: String)],
                            outsideLinks: FragmentRewriter.OutsideLinks, forPDF: Bool = false) -> StreamedFiles {
        let origin = editionFile(rendered.edition)
        return StreamedFiles(files: pages.map { ($0, origin) }) { emit in
            let rewriters = pages.map {
                FragmentRewriter(editionID: rendered.edition.id, page: $0, chapterPages: chapterPages, outsideLinks: outsideLinks)
            }
            let numbers = Dictionary(rendered.chapters.map { ($0.chapter.id, $0.chapter.number) }, uniquingKeysWith: { first, _ in first })
            let rewrite = { @Sendable (file: Int, chapter: RenderedChapter) -> (html: [UInt8], dependsOnPage: Bool) in
                let rewritten = rewriters[file].rewriteNotingPage(chapter.markdown.htmlUTF8, chapterID: chapter.chapter.id)
                return forPDF ? (PDFBody.prepare(rewritten.html, chapterID: chapter.chapter.id, chapterNumbers: numbers), rewritten.dependsOnPage) : rewritten
            }
            let chapters = rendered.chapters
            let frames = pages.compactMap { printFrame(rendered, page: $0, forPDF: forPDF) }
            guard frames.count == pages.count else {
                for (file, page) in pages.enumerated() {
                    let bodies = concurrentMap(chapters) { HTML(utf8: rewrite(file, $0).html) }
                    let view = printView(rendered, page: page, forPDF: forPDF) { bodies[$0] }
                    let content = render(view, template: forPDF ? "pdf" : "print", page: page)
                    if forPDF {
                        emit(file, .html(content))
                        continue
                    }
                    emit(file, .html(printLayout(rendered, page: page, content: content)))
                }
                return
            }
            for file in pages.indices { emit(file, .html(frames[file][0])) }
            for start in stride(from: 0, to: chapters.count, by: Self.printBatch) {
                let batch = Array(start..<min(start + Self.printBatch, chapters.count))
                let first = concurrentMap(batch) { rewrite(0, chapters[$0]) }
                for file in pages.indices {
                    let bodies = file == 0 ? first.map(\.html) : concurrentMap(Array(batch.indices)) { position in
                        guard first[position].dependsOnPage else { return first[position].html }
                        return rewrite(file, chapters[batch[position]]).html
                    }
                    for (position, index) in batch.enumerated() {
                        emit(file, .bytes(bodies[position]))
                        emit(file, .html(frames[file][index + 1]))
                    }
                }
            }
        }
    }

    /// The printable page at `page` without its chapters' bodies: the templates' output, cut where
    /// each body goes (one more piece than there are chapters); nil when the theme's templates do not
    /// place each body exactly once as it is (see PageSplice).
    private func printFrame(_ rendered: RenderedEdition, page: String, forPDF: Bool) -> [HTML]? {
        let splice = PageSplice()
        let count = rendered.chapters.count
        let content = render(printView(rendered, page: page, forPDF: forPDF, body: splice.marker), template: forPDF ? "pdf" : "print", page: page)
        guard let inner = splice.cut(content, count: count) else { return nil }
        if forPDF { return inner }
        guard let outer = splice.cut(printLayout(rendered, page: page, content: splice.marker(count)), first: count, count: 1) else { return nil }
        var frame = inner
        frame[0].utf8.insert(contentsOf: outer[0].utf8, at: 0)
        frame[count].utf8 += outer[1].utf8
        return frame
    }

    /// `print.mustache`'s view, with `body(index)` as the body of the edition's chapter at `index`.
    private func printView(_ rendered: RenderedEdition, page: String, forPDF: Bool = false, body: (Int) -> HTML) -> PrintPageView {
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
            chapters: chapters,
            document: forPDF ? pdfDocument(edition, page: page) : nil
        )
    }

    /// The PDF's cover and metadata (see PDFDocumentView).
    private func pdfDocument(_ edition: Edition, page: String) -> PDFDocumentView {
        let themes = Set(edition.chapters.flatMap(\.themes))
        let title = edition.title
        let colon = title.range(of: ": ")
        let subtitle = colon.map { String(title[$0.upperBound...]) }.flatMap { $0.isEmpty ? nil : $0.prefix(1).uppercased() + $0.dropFirst() }
        let logo = theme.assets.map(\.outputPath).first { ["assets/logo.svg", "assets/logo.png"].contains($0) }
        let embargo = embargoNotice(forPage: page)
        return PDFDocumentView(
            title: "\(edition.title) – \(config.shortTitle)",
            language: config.language,
            description: edition.summary ?? edition.title,
            keywords: config.themes.terms.filter { themes.contains($0.id) }.map(\.label).joined(separator: ", "),
            generator: RoutemapVersion.generatorName,
            created: "\(buildDate)T00:00:00Z",
            coverTitle: subtitle == nil ? title : String(title[..<colon!.lowerBound]),
            coverSubtitle: subtitle,
            date: (edition.published ?? buildDate).long,
            logo: logo.map { relativeURL(from: page, to: $0) },
            runningHeader: cssString((embargo.map { "Embargoed: not for publication before \($0.until) · " } ?? "")
                                     + "\(config.shortTitle) – \(edition.shortTitle)"),
            embargo: embargo,
            consultation: consultationBanner(forPage: page)
        )
    }

    /// `print/index.html` names the edition's own printable page as canonical: that address always
    /// shows this text, while `print/` moves on to the next edition when it is published.
    private func printLayout(_ rendered: RenderedEdition, page: String, content: HTML) -> HTML {
        let edition = rendered.edition
        return layout(page: page, title: "\(edition.title) – \(config.shortTitle)",
                      description: edition.summary ?? edition.title,
                      breadcrumbs: [LinkView(title: "Home", url: relativeURL(from: page, to: SitePaths.frontPage)),
                                    LinkView(title: edition.title, url: relativeURL(from: page, to: SitePaths.contents(edition.id)))],
                      content: content,
                      canonicalPage: page == SitePaths.currentPrintPage ? SitePaths.printPage(edition.id) : nil)
    }

    /// The link to the edition's PDF from `page`, when the build made one: for the current edition,
    /// its address that stays the same across editions.
    func pdfLink(_ editionID: String, from page: String) -> PDFLinkView? {
        pdfs[editionID].map { PDFLinkView(url: relativeURL(from: page, to: $0.stablePath ?? $0.path), size: $0.size) }
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
    guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n")
                                      || $0 == UInt8(ascii: "<") }) else { return text }
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
