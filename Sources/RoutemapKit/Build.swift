import Foundation

/// Where a build reads from and writes to.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var outputDirectory: String
    public var themesDirectory: String
    public var themeName: String
    /// How long one chapter may take to render, and where to say which file is slow.
    public var renderLimits = RenderLimits()
    /// Rendered chapters to reuse from an earlier build (the preview server keeps one).
    public var renderCache: RenderCache?

    public init(contentDirectory: String = "content", outputDirectory: String = "output",
                themesDirectory: String = "themes", themeName: String = Theme.defaultName) {
        self.contentDirectory = contentDirectory
        self.outputDirectory = outputDirectory
        self.themesDirectory = themesDirectory
        self.themeName = themeName
    }
}

/// What a successful build produced.
public struct BuildReport: Sendable {
    public var files: [OutputFile]
    /// Warnings only: a build with errors throws instead.
    public var diagnostics: [Diagnostic]
    public var chapterCount: Int
}

/// The build, stage by stage: load, render, check, lay out, write.
/// Each stage hands plain values to the next; only loading and writing touch the disk.
public enum SiteBuilder {
    /// Builds the site in memory. Throws `BuildFailure` with every diagnostic of the run when any is an error.
    public static func generate(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        let stages = runStages(options)
        guard let publication = stages.site?.publication, !stages.diagnostics.hasErrors else { throw BuildFailure(stages.diagnostics) }
        return BuildReport(files: stages.files, diagnostics: stages.diagnostics,
                           chapterCount: publication.editions.reduce(0) { $0 + $1.chapters.count })
    }

    /// Every stage that can run, whatever earlier stages found: `check` reports on the pages even
    /// when a link is broken. `site` is nil when the content or theme could not be read.
    static func runStages(_ options: BuildOptions) -> (site: RenderedPublication?, files: [OutputFile], diagnostics: [Diagnostic]) {
        let (theme, themeDiagnostics) = Theme.load(themesDirectory: options.themesDirectory, name: options.themeName)
        let (publication, contentDiagnostics) = ContentLoader.load(contentDirectory: options.contentDirectory)
        var diagnostics = themeDiagnostics + contentDiagnostics
        guard let publication, let theme else { return (nil, [], diagnostics) }

        let rendered: RenderedPublication
        switch ChapterRenderer.render(publication, cache: options.renderCache, limits: options.renderLimits) {
        case .success(let site): rendered = site
        case .failure(let timeout): return (nil, [], diagnostics + [timeout.diagnostic])
        }
        diagnostics += LinkChecker.check(rendered)
        let (files, layoutDiagnostics) = SiteGenerator(site: rendered, theme: theme).files()
        diagnostics += layoutDiagnostics
        return (rendered, files, diagnostics)
    }

    /// Builds the site and swaps it into the output folder; on any error the folder is untouched.
    @discardableResult
    public static func build(_ options: BuildOptions) throws -> BuildReport {
        let report = try generate(options)
        try OutputWriter.write(report.files, to: options.outputDirectory)
        return report
    }
}
