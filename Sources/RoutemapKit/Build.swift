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
    /// How long one chapter may take to render, and where to say which file is slow.
    public var renderLimits = RenderLimits()
    /// Rendered chapters to reuse from an earlier build (the preview server keeps one).
    public var renderCache: RenderCache?
    /// Laid-out pages to reuse from an earlier build (the preview server keeps one).
    public var layoutCache: LayoutCache?
    /// For `generate`: make the files built from every chapter of an edition (the printable pages,
    /// the search index) only when their text is first asked for. The preview server sets it: a save
    /// changes them, but an editor seldom opens them.
    public var deferWholeEditionFiles = false
    /// Chapters loaded by an earlier build, reused while their files are unchanged (the preview server keeps one).
    public var contentCache: ContentCache?

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
    /// Every file of the site when it was built in memory (`generate`); empty after `build`, which
    /// writes each file as it is made rather than holding them all.
    public var files: [OutputFile]
    public var fileCount: Int
    /// Warnings only: a build with errors throws instead.
    public var diagnostics: [Diagnostic]
    public var chapterCount: Int
    /// The PDFs made with `pdf`, in edition order.
    public var pdfs: [EditionPDF] = []
}

/// The build, stage by stage: load, render, check, lay out, write.
/// Each stage hands plain values to the next; only loading and writing touch the disk.
public enum SiteBuilder {
    /// Builds the site in memory. Throws `BuildFailure` with every diagnostic of the run when any is an error.
    public static func generate(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        try layOut(options).report
    }

    private static func layOut(_ options: BuildOptions) throws(BuildFailure) -> (report: BuildReport, generator: SiteGenerator) {
        let stages = runStages(options)
        guard let publication = stages.site?.publication, let generator = stages.generator, !stages.diagnostics.hasErrors else {
            throw BuildFailure(stages.diagnostics)
        }
        let report = BuildReport(files: stages.files, fileCount: stages.files.count, diagnostics: stages.diagnostics,
                                 chapterCount: publication.editions.reduce(0) { $0 + $1.chapters.count })
        return (report, generator)
    }

    /// Every stage that can run, whatever earlier stages found: `check` reports on the pages even
    /// when a link is broken. `site` is nil when the content or theme could not be read.
    static func runStages(_ options: BuildOptions) -> (site: RenderedPublication?, generator: SiteGenerator?, files: [OutputFile], diagnostics: [Diagnostic]) {
        let stages = stagesBeforeLayout(options)
        guard let generator = stages.generator else { return (stages.site, nil, [], stages.diagnostics) }
        let (files, layoutDiagnostics) = generator.files(deferringStreamed: options.deferWholeEditionFiles)
        return (stages.site, generator, files, stages.diagnostics + layoutDiagnostics)
    }

    /// Loading, rendering and checking: everything before the pages are laid out.
    private static func stagesBeforeLayout(_ options: BuildOptions) -> (site: RenderedPublication?, generator: SiteGenerator?, diagnostics: [Diagnostic]) {
        let (theme, themeDiagnostics) = Theme.load(themesDirectory: options.themesDirectory, name: options.themeName)
        let (publication, contentDiagnostics) = ContentLoader.load(contentDirectory: options.contentDirectory, cache: options.contentCache)
        var diagnostics = themeDiagnostics + contentDiagnostics
        guard let publication, let theme else { return (nil, nil, diagnostics) }

        let rendered: RenderedPublication
        switch ChapterRenderer.render(publication, cache: options.renderCache, limits: options.renderLimits) {
        case .success(let site): rendered = site
        case .failure(let timeout): return (nil, nil, diagnostics + [timeout.diagnostic])
        }
        diagnostics += LinkChecker.check(rendered)
        diagnostics += ActionChecker.check(rendered)
        diagnostics += AnchorStabilityChecker.check(rendered)
        var generator = SiteGenerator(site: rendered, theme: theme, buildDate: options.buildDate)
        generator.layoutCache = options.layoutCache
        return (rendered, generator, diagnostics)
    }

    /// Builds the site and swaps it into the output folder; on any error the folder is untouched.
    /// With `pdf`, the PDFs are made in the staging folder before the swap; if one cannot be made,
    /// the site is still swapped in (without that PDF or its links) and `PDFFailure` is thrown.
    @discardableResult
    public static func build(_ options: BuildOptions) throws -> BuildReport {
        let stages = stagesBeforeLayout(options)
        guard let publication = stages.site?.publication, let generator = stages.generator, !stages.diagnostics.hasErrors else {
            throw BuildFailure(stages.diagnostics)
        }
        var report = BuildReport(files: [], fileCount: 0, diagnostics: stages.diagnostics,
                                 chapterCount: publication.editions.reduce(0) { $0 + $1.chapters.count })
        var pdfDiagnostics: [Diagnostic] = []
        // Pages are written into the staging folder as they are made; a layout error (two files
        // claiming one path) is only known at the end, and then nothing is swapped in.
        try OutputWriter.write(to: options.outputDirectory, produce: { writer in
            let layout = generator.emit(into: writer)
            report.fileCount = layout.fileCount
            report.diagnostics += layout.diagnostics
            if report.diagnostics.hasErrors { throw BuildFailure(report.diagnostics) }
        }) { staging in
            guard options.pdf else { return }
            (report.pdfs, pdfDiagnostics) = EditionPDFs.make(generator, staging: staging, enginePath: options.pdfEnginePath,
                                                             outputDirectory: options.outputDirectory)
        }
        if !pdfDiagnostics.isEmpty { throw PDFFailure(diagnostics: pdfDiagnostics, report: report) }
        freeInBackground((stages, generator))
        return report
    }

    /// Lets go of the build's values on another thread: freeing every chapter, page view and text
    /// took 10–20 ms at the end of a 2,000-chapter build, on one core, after the site was in place.
    /// A process that exits first does not wait for it.
    private static func freeInBackground<Values>(_ values: consuming Values) {
        nonisolated(unsafe) let held = values
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(held) {} }
    }
}
