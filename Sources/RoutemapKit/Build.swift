import Foundation

/// Where a build reads from and writes to.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var outputDirectory: String
    public var themesDirectory: String
    public var themeName: String
    /// The day the site is built for: it decides the consultation banner. See `BuildDate`.
    public var buildDate: CalendarDate
    /// Also print each edition to PDF with WeasyPrint (`--pdf`).
    public var pdf: Bool
    /// The WeasyPrint to use for `pdf`; by default `weasyprint` on the PATH.
    public var pdfEnginePath: String?
    /// Draws the social cards; nil: `rsvg-convert` on the PATH.
    public var rsvgConvertPath: String?
    /// How long one chapter may take to render, and where to say which file is slow.
    public var renderLimits = RenderLimits()
    /// Rendered chapters to reuse from an earlier build (the preview server keeps one).
    public var renderCache: RenderCache?
    /// Laid-out pages to reuse from an earlier build (the preview server keeps one).
    public var layoutCache: LayoutCache?
    /// For `buildInMemory`: make the files built from every chapter of an edition (the printable pages,
    /// the search index) only when their text is first asked for. The preview server sets it: a save
    /// changes them, but an editor seldom opens them.
    public var deferWholeEditionFiles = false
    /// Chapters loaded by an earlier build, reused while their files are unchanged (the preview server keeps one).
    public var contentCache: ContentCache?
    /// Also build the editions not yet published by `buildDate`, each page marked as embargoed
    /// (`routemap serve`, `routemap build --preview`). Without it they are left out entirely: see `Embargo`.
    public var preview = false
    /// Treat warnings as errors (`--strict`).
    public var strict = false
    /// Keep each chapter's words for the search index; `check`, which makes no index, sets it off.
    var searchText = true

    public init(contentDirectory: String = "content", outputDirectory: String = "output",
                themesDirectory: String = "themes", themeName: String = Theme.defaultName,
                buildDate: CalendarDate = BuildDate.fromEnvironment(), pdf: Bool = false, pdfEnginePath: String? = nil) {
        self.contentDirectory = contentDirectory
        self.outputDirectory = outputDirectory
        self.themesDirectory = themesDirectory
        self.themeName = themeName
        self.buildDate = buildDate
        self.pdf = pdf
        self.pdfEnginePath = pdfEnginePath
    }
}

/// What a successful build produced.
public struct BuildReport: Sendable {
    /// Every file of the site when it was built in memory (`buildInMemory`); empty after `build`, which
    /// writes each file as it is made rather than holding them all.
    public var files: [OutputFile]
    public var fileCount: Int
    /// Every problem the run found. With an error among them no page was laid out (`buildInMemory`, and
    /// `files` is empty) or written (`build`: the output folder is as it was).
    public var diagnostics: [Diagnostic]
    public var chapterCount: Int
    /// The PDFs made with `pdf`, in edition order.
    public var pdfs: [EditionPDF] = []
    /// Editions not published by the build date: left out, or (with `preview`) marked as embargoed.
    public var embargoed: [EmbargoedEdition] = []

    public var hasErrors: Bool { diagnostics.hasErrors }

    /// A build stopped by the errors in `log`: nothing laid out or written.
    static func stopped(_ log: DiagnosticLog) -> BuildReport {
        BuildReport(files: [], fileCount: 0, diagnostics: log.items, chapterCount: 0)
    }
}

/// The build, stage by stage: load, render, check, lay out, write.
/// Each stage hands plain values to the next; only loading and writing touch the disk.
public enum SiteBuilder {
    /// Builds the site in memory. A report with errors has no files: see `BuildReport.diagnostics`.
    public static func buildInMemory(_ options: BuildOptions) -> BuildReport {
        // A site is never laid out from content with errors: they stop the build before it.
        let log = DiagnosticLog()
        let stages = stagesBeforeLayout(options, log: log)
        guard let publication = stages.site?.publication, let layout = stages.layout, !log.hasErrors else {
            return .stopped(log)
        }
        let plan = StageTimes.measure("plan") { layout.plan() }
        plan.reportDuplicatePaths(log: log)
        guard !log.hasErrors else { return .stopped(log) }
        let files = StageTimes.measure("files") { plan.files(deferringStreamed: options.deferWholeEditionFiles) }
        options.layoutCache?.endBuild()
        let chapterCount = publication.editions.reduce(0) { $0 + $1.chapters.count }
        // The plan's thousands of closures and the build's values are let go of after the report is handed back.
        freeInBackground((plan, stages))
        return BuildReport(files: files, fileCount: files.count, diagnostics: log.items, chapterCount: chapterCount)
    }

    /// Every stage that can run, whatever earlier stages found: `check` reports on the pages even
    /// when a link is broken or a chapter's front matter cannot be read. `site` is nil when
    /// routemap.yml cannot be read or a chapter takes too long to render; the pages are missing
    /// when the theme cannot be read.
    static func runStages(_ options: BuildOptions, log: DiagnosticLog) -> (site: RenderedPublication?, layout: SiteLayout?, files: [OutputFile]) {
        let stages = stagesBeforeLayout(options, log: log)
        guard let layout = stages.layout else { return (stages.site, nil, []) }
        let plan = layout.plan()
        plan.reportDuplicatePaths(log: log)
        let files = plan.files(deferringStreamed: options.deferWholeEditionFiles)
        options.layoutCache?.endBuild()
        return (stages.site, layout, files)
    }

    /// Loading, rendering and checking: everything before the pages are laid out. Content with
    /// errors is rendered and checked all the same, so that one run reports every problem; only
    /// `check` lays it out, and nothing writes it.
    /// Without the preview's caches, which compare it, each chapter's Markdown is let go of as soon
    /// as it is rendered: nothing after rendering reads it.
    static func stagesBeforeLayout(_ options: BuildOptions, log: DiagnosticLog) -> (site: RenderedPublication?, layout: SiteLayout?) {
        let theme = Theme.load(themesDirectory: options.themesDirectory, name: options.themeName, log: log)
        let errorsBeforeContent = log.errorCount
        var loaded = StageTimes.measure("load") { ContentLoader.load(contentDirectory: options.contentDirectory, cache: options.contentCache, log: log) }
        let contentHasErrors = log.errorCount > errorsBeforeContent
        guard loaded != nil else { return (nil, nil) }
        // Taken from one variable to the next, so that rendering holds the only copy of the chapters' Markdown.
        var publication = Optional(Embargo.publication(loaded.take()!, on: options.buildDate, preview: options.preview))
        FutureDates.check(publication!, buildDate: options.buildDate, log: log)

        let releasingSources = options.renderCache == nil && options.contentCache == nil
        guard let rendered = StageTimes.measure("render", {
            ChapterRenderer.render(publication.take()!, cache: options.renderCache, releasingSources: releasingSources,
                                   searchText: options.searchText, limits: options.renderLimits, log: log)
        }) else {
            return (nil, nil)
        }
        StageTimes.measure("LinkChecker") { LinkChecker.check(rendered, log: log, cache: options.renderCache?.linkChecks) }
        StageTimes.measure("ActionChecker") { ActionChecker.check(rendered, log: log, cache: options.renderCache?.actionChecks) }
        StageTimes.measure("LostConstructChecker") { LostConstructChecker.check(rendered, log: log, cache: options.renderCache?.lostConstructs) }
        StageTimes.measure("AnchorStabilityChecker") { AnchorStabilityChecker.check(rendered, log: log, cache: options.renderCache?.anchorStability) }
        StageTimes.measure("ConsultationChecker") { ConsultationChecker.check(rendered, log: log) }
        if options.strict { log.makeEveryProblemAnError() }
        guard let theme else { return (rendered, nil) }
        // Two chapters with one id (reported above) would also claim one page: the layout, for
        // `check`, keeps the first, so the clash is not reported twice.
        let site = contentHasErrors ? rendered.keepingOneChapterPerID() : rendered
        var layout = SiteLayout(site: site, theme: theme, buildDate: options.buildDate)
        layout.layoutCache = options.layoutCache
        layout.consultations = ConsultationState.all(rendered, on: options.buildDate)
        if site.config.baseURL != nil {
            layout.socialCardRenderer = SocialCardRenderer.find(explicitPath: options.rsvgConvertPath)
            if layout.socialCardRenderer == nil {
                log.add(.warning(join(site.publication.contentDirectory, "routemap.yml"),
                    "no social cards were made (the picture shown when a page is shared): rsvg-convert \(options.rsvgConvertPath.map { "at '\($0)' " } ?? "")was not found",
                    hint: "install Debian's librsvg2-bin (`make site` does), or leave it: the site works without the cards"))
            }
        }
        return (rendered, layout)
    }

    /// Builds the site and swaps it into the output folder; on any error the folder is untouched: a
    /// problem in the content is in the report (`hasErrors`), one of the machine (the output folder
    /// refused, the disk) is thrown. With `pdf`, the PDFs are made in the staging folder before the
    /// swap; if one cannot be made, the site is still swapped in (without that PDF or its link) and
    /// `PDFFailure` is thrown.
    @discardableResult
    public static func build(_ options: BuildOptions) throws -> BuildReport {
        // Before anything is read: a build replaces its output folder whole, so it must be one it may replace.
        let output = try OutputFolder.resolve(options.outputDirectory, protecting: [("content", options.contentDirectory),
                                                                                   ("themes", options.themesDirectory)])
        let log = DiagnosticLog()
        let stages = stagesBeforeLayout(options, log: log)
        guard let publication = stages.site?.publication, var layout = stages.layout, !log.hasErrors else {
            return .stopped(log)
        }
        layout.releasingSearchText = true
        // Every path is claimed before the first file is written: two files claiming one stop the build here.
        let plan = StageTimes.measure("plan") { layout.plan(printing: options.pdf) }
        plan.reportDuplicatePaths(log: log)
        guard !log.hasErrors else { return .stopped(log) }
        var report = BuildReport(files: [], fileCount: 0, diagnostics: [],
                                 chapterCount: publication.editions.reduce(0) { $0 + $1.chapters.count }, embargoed: publication.embargoed)
        let pdfLog = DiagnosticLog()
        // The layout makes the pages, spread over the cores; the writer writes each into the
        // staging folder as it is made. Nothing is swapped in unless every file was written.
        try StageTimes.measure("make and write") { try OutputWriter.write(to: output, produce: { writer in
            guard options.pdf else {
                report.fileCount = plan.make { writer.write($0) }
                return
            }
            // With the PDFs, the pages that link them are made last, once the PDFs' sizes are known.
            report.fileCount = plan.make(including: { !plan.showingPDFs.contains($0) }) { writer.write($0) }
            let pdfs = EditionPDFs.print(plan, of: layout.site, date: options.buildDate, writer: writer,
                                         enginePath: options.pdfEnginePath, outputDirectory: options.outputDirectory, log: pdfLog)
            report.pdfs = layout.site.editions.compactMap { pdfs[$0.edition.id] }
            var linking = layout
            linking.pdfs = pdfs
            // Planned again with the PDFs (planning makes no page); each page is still made once.
            let linkingPlan = linking.plan(printing: true)
            report.fileCount += linkingPlan.make(including: { linkingPlan.showingPDFs.contains($0) }) { writer.write($0) }
        }, log: log) }
        report.diagnostics = log.items
        if !pdfLog.items.isEmpty { throw PDFFailure(diagnostics: pdfLog.items, report: report) }
        freeInBackground((stages, layout))
        return report
    }

    /// Lets go of the build's values on another thread, after the site is in place: freeing every
    /// chapter, page view and text of a large publication takes a core a while (docs/guide/performance.md).
    /// A process that exits first does not wait for it.
    static func freeInBackground<Values: Sendable>(_ values: consuming Values) {
        let held = values
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(held) {} }
    }
}

extension RenderedPublication {
    /// The publication with only the first chapter of each id in each edition.
    func keepingOneChapterPerID() -> RenderedPublication {
        var site = self
        for index in site.editions.indices {
            var seen = Set<String>()
            site.editions[index].chapters.removeAll { !seen.insert($0.chapter.id).inserted }
            site.publication.editions[index].chapters = site.editions[index].chapters.map(\.chapter)
        }
        site.linkResolver = LinkResolver(site.publication)
        return site
    }
}
