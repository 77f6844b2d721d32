import Foundation

/// Where a build reads from and writes to.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var outputDirectory: String
    public var themesDirectory: String
    public var themeName: String
    /// The day the site is built for: it decides the consultation banner. See `BuildDate`.
    public var buildDate: CalendarDate
    /// Also print each edition's printable page to PDF with headless Chromium (`--pdf`).
    public var pdf: Bool
    /// The Chromium to use for `pdf`; by default the first one on the PATH.
    public var chromiumPath: String?
    /// How long one chapter may take to render, and where to say which file is slow.
    public var renderLimits = RenderLimits()
    /// Rendered chapters to reuse from an earlier build (the preview server keeps one).
    public var renderCache: RenderCache?
    /// Chapters loaded by an earlier build, reused while their files are unchanged (the preview server keeps one).
    public var contentCache: ContentCache?

    public init(contentDirectory: String = "content", outputDirectory: String = "output",
                themesDirectory: String = "themes", themeName: String = Theme.defaultName,
                buildDate: CalendarDate = BuildDate.fromEnvironment(), pdf: Bool = false, chromiumPath: String? = nil) {
        self.contentDirectory = contentDirectory
        self.outputDirectory = outputDirectory
        self.themesDirectory = themesDirectory
        self.themeName = themeName
        self.buildDate = buildDate
        self.pdf = pdf
        self.chromiumPath = chromiumPath
    }
}

/// What a successful build produced.
public struct BuildReport: Sendable {
    public var files: [OutputFile]
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
        let report = BuildReport(files: stages.files, diagnostics: stages.diagnostics,
                                 chapterCount: publication.editions.reduce(0) { $0 + $1.chapters.count })
        return (report, generator)
    }

    /// Every stage that can run, whatever earlier stages found: `check` reports on the pages even
    /// when a link is broken. `site` is nil when the content or theme could not be read.
    static func runStages(_ options: BuildOptions) -> (site: RenderedPublication?, generator: SiteGenerator?, files: [OutputFile], diagnostics: [Diagnostic]) {
        let (theme, themeDiagnostics) = Theme.load(themesDirectory: options.themesDirectory, name: options.themeName)
        let (publication, contentDiagnostics) = ContentLoader.load(contentDirectory: options.contentDirectory, cache: options.contentCache)
        var diagnostics = themeDiagnostics + contentDiagnostics
        guard let publication, let theme else { return (nil, nil, [], diagnostics) }

        let rendered: RenderedPublication
        switch ChapterRenderer.render(publication, cache: options.renderCache, limits: options.renderLimits) {
        case .success(let site): rendered = site
        case .failure(let timeout): return (nil, nil, [], diagnostics + [timeout.diagnostic])
        }
        diagnostics += LinkChecker.check(rendered)
        diagnostics += ActionChecker.check(rendered)
        diagnostics += AnchorStabilityChecker.check(rendered)
        let generator = SiteGenerator(site: rendered, theme: theme, buildDate: options.buildDate)
        let (files, layoutDiagnostics) = generator.files()
        diagnostics += layoutDiagnostics
        return (rendered, generator, files, diagnostics)
    }

    /// Builds the site and swaps it into the output folder; on any error the folder is untouched.
    /// With `pdf`, the PDFs are made in the staging folder before the swap; if one cannot be made,
    /// the site is still swapped in (without that PDF or its links) and `PDFFailure` is thrown.
    @discardableResult
    public static func build(_ options: BuildOptions) throws -> BuildReport {
        var (report, generator) = try layOut(options)
        var pdfDiagnostics: [Diagnostic] = []
        try OutputWriter.write(report.files, to: options.outputDirectory) { staging in
            guard options.pdf else { return }
            (report.pdfs, pdfDiagnostics) = EditionPDFs.make(generator, staging: staging, chromiumPath: options.chromiumPath,
                                                             outputDirectory: options.outputDirectory)
        }
        if !pdfDiagnostics.isEmpty { throw PDFFailure(diagnostics: pdfDiagnostics, report: report) }
        return report
    }
}
