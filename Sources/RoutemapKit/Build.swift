import Foundation

/// Where a build reads from and writes to.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var outputDirectory: String
    public var themesDirectory: String
    public var themeName: String
    /// The day the site is built for: it decides the consultation banner. See `BuildDate`.
    public var buildDate: CalendarDate

    public init(contentDirectory: String = "content", outputDirectory: String = "output",
                themesDirectory: String = "themes", themeName: String = Theme.defaultName,
                buildDate: CalendarDate = BuildDate.fromEnvironment()) {
        self.contentDirectory = contentDirectory
        self.outputDirectory = outputDirectory
        self.themesDirectory = themesDirectory
        self.themeName = themeName
        self.buildDate = buildDate
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
        let (theme, themeDiagnostics) = Theme.load(themesDirectory: options.themesDirectory, name: options.themeName)
        let (publication, contentDiagnostics) = ContentLoader.load(contentDirectory: options.contentDirectory)
        var diagnostics = themeDiagnostics + contentDiagnostics
        guard let publication, let theme else { throw BuildFailure(diagnostics) }

        let rendered = ChapterRenderer.render(publication)
        diagnostics += LinkChecker.check(rendered)
        diagnostics += ActionChecker.check(rendered)
        diagnostics += AnchorStabilityChecker.check(rendered)
        let (files, layoutDiagnostics) = SiteGenerator(site: rendered, theme: theme, buildDate: options.buildDate).files()
        diagnostics += layoutDiagnostics
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        return BuildReport(files: files, diagnostics: diagnostics,
                           chapterCount: publication.editions.reduce(0) { $0 + $1.chapters.count })
    }

    /// Builds the site and swaps it into the output folder; on any error the folder is untouched.
    @discardableResult
    public static func build(_ options: BuildOptions) throws -> BuildReport {
        let report = try generate(options)
        try OutputWriter.write(report.files, to: options.outputDirectory)
        return report
    }
}
