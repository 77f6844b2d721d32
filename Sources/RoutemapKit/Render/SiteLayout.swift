import Foundation
import Templates

/// A file of the generated site: text produced by the build, or a file copied as it is.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case text(String)
        /// A page from the templates, as UTF-8 bytes.
        case html(HTML)
        case copy(from: String)
        /// A file made by the build that is not text: a social card's PNG.
        case bytes([UInt8])
        /// Text made when first asked for (see `BuildOptions.deferWholeEditionFiles`).
        case deferred(Deferred<String>)
    }

    /// The file's text, made now if it was deferred; nil for a copied file.
    public var text: String? {
        switch contents {
        case .text(let text): text
        case .html(let html): html.text
        case .deferred(let deferred): deferred.value
        case .copy, .bytes: nil
        }
    }

    /// Relative to the output folder.
    public var path: String
    public var contents: Contents
    /// The content or theme file it comes from, named when two files claim one path.
    public var origin: String
}

/// Lays out the rendered publication as pages through the theme's templates.
struct SiteLayout {
    let site: RenderedPublication
    let theme: Theme
    /// Decides the consultation banner's state.
    var buildDate: CalendarDate
    /// The PDFs made by `routemap build --pdf`, by edition id, to link from the contents and printable pages.
    var pdfs: [String: EditionPDF] = [:]
    /// Pages of the previous build to reuse where their views are unchanged (the preview server keeps one).
    var layoutCache: LayoutCache?
    /// The search indexes take their chapters' words rather than read them (see `SearchSections`):
    /// set by `build`, which makes each index once; the preview may make one again.
    var releasingSearchText = false
    /// Each consultation edition's stage on the build date, by edition id (see `ConsultationState`).
    var consultations: [String: ConsultationState] = [:]
    /// Draws the social cards (nil: none are made, and pages name none).
    var socialCardRenderer: SocialCardRenderer?
    /// The ids of each edition's chapters, by edition id: every chapter page asks whether its
    /// chapter is in the other editions, which searching their chapters made quadratic in their number.
    let chapterIDs: [String: Set<String>]

    init(site: RenderedPublication, theme: Theme, buildDate: CalendarDate) {
        self.site = site
        self.theme = theme
        self.buildDate = buildDate
        chapterIDs = Dictionary(site.editions.map { ($0.edition.id, Set($0.chapters.map(\.chapter.id))) }, uniquingKeysWith: { first, _ in first })
    }

    var config: PublicationConfig { site.config }

    /// Every file of the site, planned: paths claimed, nothing made yet. With `printing`, also each
    /// edition's PDF source page and its PDFs (`routemap build --pdf`).
    func plan(printing: Bool = false) -> SitePlan {
        layoutCache?.beginBuild(structure: LayoutStructure(self))
        var items: [PlannedItem] = theme.assets.map { asset in
            switch asset.source {
            case .file(let path): .file(PlannedFile(asset.outputPath, origin: path) { .copy(from: path) })
            case .builtIn(let text): .file(PlannedFile(asset.outputPath, origin: "(built in) themes/default/" + asset.outputPath) { .text(text) })
            }
        }
        var first: [Int] = []
        var beforePrinting: [Int] = []
        var showingPDFs: Set<Int> = []
        func add(_ item: PlannedItem, first isFirst: Bool = false, beforePrinting isBefore: Bool = false, showsPDFs: Bool = false) {
            if isFirst { first.append(items.count) }
            if isBefore { beforePrinting.append(items.count) }
            if showsPDFs { showingPDFs.insert(items.count) }
            items.append(item)
        }
        add(.file(frontPage()), showsPDFs: true)
        add(.file(notFoundPage()))
        accessibilityStatementPage().map { add(.file($0)) }
        respondPages().forEach { add(.file($0)) }
        for rendered in site.editions {
            let edition = rendered.edition
            add(.file(contentsPage(rendered)), showsPDFs: true)
            searchFiles(rendered).forEach { add($0, beforePrinting: true) }
            let outline = PartOutline(edition.chapters)
            rendered.chapters.indices.forEach { add(.file(chapterPage(rendered, index: $0, outline: outline))) }
            termPages(rendered).forEach { add(.file($0), first: true) }
            changesPages(rendered).forEach { add(.file($0)) }
            for asset in edition.assets {
                let source = join(join(site.publication.contentDirectory, edition.id), asset)
                add(.file(PlannedFile(SitePaths.asset(edition.id, asset), origin: source) { .copy(from: source) }))
            }
        }
        // The longest of all, started before everything else but the search indexes: each printable
        // page is made from every chapter of its edition. The search indexes, quick to make, go
        // first so that a build lets go of every chapter's words (`releasingSearchText`) before
        // the printable pages need memory.
        let printStart = items.count
        printPageItems().forEach { add($0, showsPDFs: true) }
        first = beforePrinting + Array(printStart..<items.count) + first
        socialCards().forEach { add(.file($0)) }
        sharingFiles(pagePaths: items.flatMap(\.claims).map(\.path)).forEach { add(.file($0)) }
        var layout = SitePlan(items: items, first: first, showingPDFs: showingPDFs)
        if printing {
            layout.pdfSources = pdfSourcePages()
            layout.pdfs = printedPDFs()
        }
        return layout
    }

    // MARK: Shared pieces

    /// Wraps a page's content in `layout.mustache`. `rootPath` replaces relative links with links
    /// from that absolute path, for the 404 page, which servers show at any address. `canonicalPage`
    /// names another page showing the same text as the one to index and share.
    func layout(page: String, title: String, description: String, breadcrumbs: [LinkView], content: HTML,
                openGraphType: String = "website", rootPath: String? = nil, canonicalPage: String? = nil, inlineStyle: String? = nil) -> HTML {
        let current = site.publication.currentEdition?.id
        let editionOfPage = firstFolder(of: page).flatMap { site.publication.edition($0)?.id } ?? current
        let link = { (target: String) in rootPath.map { $0 + target } ?? relativeURL(from: page, to: target) }
        let pageEdition = site.publication.edition(editionOfPage ?? "")
        let embargo = embargoNotice(forPage: page)
        // A preview's printed pages of an embargoed edition say so on every sheet, in the running header.
        let runningHeader = (embargo.map { "Embargoed: not for publication before \($0.until) · " } ?? "")
            + (pageEdition.map { "\(config.shortTitle) – \($0.shortTitle)" } ?? config.shortTitle)
        let view = LayoutView(
            lang: config.language,
            openGraphLocale: String(decoding: config.language.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "_") : $0 }, as: UTF8.self),
            openGraphType: openGraphType,
            pageTitle: title,
            description: description,
            canonicalURL: config.baseURL.map { canonicalURL(base: $0, page: canonicalPage ?? page) },
            root: rootPath ?? String(relativeURL(from: page, to: "x").dropLast()),
            publicationTitle: config.title,
            publicationShortTitle: config.shortTitle,
            frontPage: page == SitePaths.frontPage,
            publisher: config.publisher,
            licenceName: config.licence?.name,
            licenceURL: config.licence?.url,
            homeURL: link(SitePaths.frontPage),
            searchURL: editionOfPage.map { link(SitePaths.search($0)) },
            searchEdition: editionOfPage.flatMap { site.publication.edition($0)?.shortTitle },
            feedURL: config.baseURL == nil ? nil : link(SitePaths.feed),
            accessibilityURL: config.accessibility == nil ? nil : link(SitePaths.accessibilityStatement),
            editionLinks: site.publication.editions.map {
                EditionLinkView(title: $0.title, shortTitle: $0.shortTitle, url: link(SitePaths.contents($0.id)),
                                current: $0.id == editionOfPage)
            },
            breadcrumbs: breadcrumbs,
            banner: consultationBanner(forPage: page),
            embargo: embargo,
            content: content,
            runningHeader: cssString(runningHeader),
            inlineStyle: inlineStyle,
            socialImage: socialImage(forPage: page)
        )
        return render(view, template: "layout", page: page)
    }

    /// The page at `path` whose layout depends on the site's structure and on `inputs` alone: taken
    /// whole from the layout cache while both are unchanged, without making its view again.
    func page(_ path: String, inputs: some Equatable & Sendable, make: () -> HTML) -> HTML {
        guard let layoutCache else { return make() }
        return layoutCache.html(for: path, view: PageInputs(generation: layoutCache.generation, inputs: inputs), layOut: make)
    }

    /// `routemap.yml`: where the pages about the whole publication come from.
    var publicationFile: String { join(site.publication.contentDirectory, "routemap.yml") }

    /// The edition's `edition.yml`: where its contents, search and printable pages come from.
    func editionFile(_ edition: Edition) -> String {
        join(join(site.publication.contentDirectory, edition.id), EditionLoader.fileName)
    }

    /// `view` through the theme's `template`, for `page`; taken from the layout cache when the
    /// previous build laid out the same view there.
    func render(_ view: some TemplateFields & Equatable & Sendable, template: String, page: String) -> HTML {
        guard let layoutCache else { return theme.render(view, template: template) }
        return layoutCache.html(for: page + "\u{0}" + template, view: view) { theme.render(view, template: template) }
    }

    /// `final` for `final/governance.html`; nil for a page at the top.
    func firstFolder(of page: String) -> String? {
        page.utf8.firstIndex(of: UInt8(ascii: "/")).map { String(Substring(page.utf8[..<$0])) }
    }

    /// "Cite this": how to reference an edition, with its published address where there is one.
    func citation(_ edition: Edition) -> CitationView {
        let year = edition.published.map { " (\($0.year))" } ?? ""
        var text = "\(config.publisher)\(year). \(edition.title). \(edition.shortTitle)"
        if let published = edition.published { text += ", published \(published.long)" }
        text += "."
        let url = config.baseURL.map { canonicalURL(base: $0, page: SitePaths.contents(edition.id)) }
        return CitationView(text: text, url: url)
    }

    func summary(_ edition: Edition, from page: String) -> EditionSummaryView {
        let statusLabel = config.statuses.term(edition.status)?.label ?? edition.status
        return EditionSummaryView(
            title: edition.title,
            shortTitle: edition.shortTitle,
            kind: edition.kind.rawValue,
            statusLabel: statusLabel,
            published: edition.published?.long,
            summary: edition.summary,
            url: relativeURL(from: page, to: SitePaths.contents(edition.id)),
            chapterCount: edition.chapters.count,
            statusNote: edition.shortTitle.lowercased().contains(statusLabel.lowercased()) ? nil : statusLabel,
            isCurrent: edition.id == site.publication.currentEdition?.id
        )
    }

    /// The edition's chapters grouped by part, in order; a part starts where a chapter names a new one.
    func contents(_ edition: Edition, from page: String, current: String?) -> ContentsView {
        var parts: [PartView] = []
        for chapter in edition.chapters {
            let link = chapterLink(chapter, edition: edition, from: page, current: chapter.id == current)
            if parts.isEmpty || (chapter.part != nil && chapter.part != parts[parts.count - 1].heading) {
                parts.append(PartView(heading: chapter.part, anchor: "part-\(parts.count + 1)", chapters: []))
            }
            parts[parts.count - 1].chapters.append(link)
        }
        return ContentsView(editionTitle: edition.title, contentsURL: relativeURL(from: page, to: SitePaths.contents(edition.id)), parts: parts)
    }

    func chapterLink(_ chapter: Chapter, edition: Edition, from page: String, current: Bool) -> ChapterLinkView {
        ChapterLinkView(number: chapter.number, title: chapter.title, url: relativeURL(from: page, to: SitePaths.chapter(edition.id, chapter.id)),
                        summary: chapter.summary, statusLabel: config.statuses.term(chapter.status)?.label ?? chapter.status, current: current)
    }
}

/// What every page is laid out from but the chapters' text (and their rendering): while it is
/// unchanged, a chapter page depends only on its own chapter's HTML.
struct LayoutStructure: Equatable {
    var publication: Publication
    var templates: [String: String]
    var buildDate: CalendarDate
    var pdfs: [String: String]
    /// The consultations' stages and questions, which every page of their edition shows in its banner.
    var consultations: [String: ConsultationState]

    init(_ generator: SiteLayout) {
        var publication = generator.site.publication
        for edition in publication.editions.indices {
            for chapter in publication.editions[edition].chapters.indices { publication.editions[edition].chapters[chapter].body = [] }
        }
        self.publication = publication
        templates = generator.theme.templateTexts
        buildDate = generator.buildDate
        pdfs = generator.pdfs.mapValues { "\($0.path) \($0.byteCount)" }
        consultations = generator.consultations
    }
}

/// A page's own inputs, with the generation of the structure it was laid out in.
struct PageInputs<Inputs: Equatable & Sendable>: Equatable, Sendable {
    var generation: Int
    var inputs: Inputs
}
