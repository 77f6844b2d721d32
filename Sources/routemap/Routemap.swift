import ArgumentParser
import Foundation
import RoutemapKit

@main
struct Routemap: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds the Routemap publication's website from its Markdown chapters.",
        version: RoutemapVersion.current,
        subcommands: [Build.self, Serve.self, Check.self, New.self, Init.self],
        defaultSubcommand: Build.self
    )
}

/// Options every command that reads the content shares.
struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder: routemap.yml and one folder per edition.")
    var content = "content"

    @Option(help: "Where the generated site is written.")
    var output = "output"

    @Option(help: "The folder that holds a theme of your own (the default theme is built in).")
    var themes = "themes"

    @Option(help: "The theme to use; templates it lacks come from 'default'.")
    var theme = "default"

    @Option(help: "The date to build for, YYYY-MM-DD (decides the consultation banner). Default: SOURCE_DATE_EPOCH, else today.")
    var date: String?

    @Option(help: ArgumentHelp("Seconds one chapter may take to render before the build stops with an error naming it.", valueName: "seconds"))
    var renderTimeout: Double = RenderLimits.defaultLimit

    func validate() throws {
        do { _ = try BuildDate.resolve(option: date) } catch { throw ValidationError(error.description) }
    }

    var buildOptions: BuildOptions {
        // validate() has checked the date.
        var options = BuildOptions(contentDirectory: content, outputDirectory: output, themesDirectory: themes, themeName: theme,
                                   buildDate: (try? BuildDate.resolve(option: date)) ?? BuildDate.fromEnvironment())
        options.renderLimits = RenderLimits(limit: renderTimeout > 0 ? renderTimeout : nil, progress: { printError(PrintableText.escaping($0)) })
        return options
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Flag(help: "Also print each edition to a PDF with WeasyPrint, the first 'weasyprint' on the PATH (Debian's package; version 70 from PyPI also carries images' alternative text).")
    var pdf = false

    @Flag(help: "Also build the editions not yet published by the date, each page marked 'Embargoed', into --preview-output (never --output).")
    var preview = false

    @Option(help: "Where --preview writes; refused when it is, holds or lies in --output.")
    var previewOutput = "output-preview"

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func validate() throws {
        if preview, let problem = PreviewFolder.problem(preview: previewOutput, output: site.output) { throw ValidationError(problem) }
    }

    func run() throws {
        MemoryTuning.forBuilding()
        var site = site
        if preview { site.output = previewOutput }
        InterruptCleanup.install(output: site.output)
        var options = site.buildOptions
        options.pdf = pdf
        options.preview = preview
        options.strict = strict
        do {
            let report = try SiteBuilder.build(options)
            if report.hasErrors {
                printError(report.diagnostics.reportText)
                printError("Build failed: \(report.diagnostics.counted). \(site.output)/ was left as it was.")
                throw ExitCode.failure
            }
            report.diagnostics.sortedForReport().forEach { printError($0.description) }
            print("Built \(report.chapterCount) chapters, \(report.fileCount) files, into \(site.output)/")
            for edition in report.embargoed {
                print(preview ? "Preview: \(edition.id) is marked 'Embargoed: not for publication before \(edition.published.long)'."
                              : "Left out: \(edition.id), not published until \(edition.published.long).")
            }
            for pdf in report.pdfs {
                print("PDF: \(site.output)/\(pdf.path) (\(pdf.byteCount) bytes)" + (pdf.stablePath.map { ", also at \(site.output)/\($0)" } ?? ""))
            }
        } catch let failure as PDFFailure {
            failure.report.diagnostics.sortedForReport().forEach { printError($0.description) }
            printError(failure.description)
            printError("The site was written to \(site.output)/, without the PDFs that could not be made.")
            throw ExitCode.failure
        } catch let refusal as OutputError {
            printError(refusal.description)
            printError("Build failed: nothing was written.")
            throw ExitCode.failure
        }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
