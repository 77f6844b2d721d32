import ArgumentParser
import Foundation
import RoutemapKit

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and every page without writing anything: links, anchors, images, headings.")

    enum Format: String, ExpressibleByArgument {
        case text, json
    }

    @OptionGroup var site: SiteOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "'text' (path:line:column: severity: message) or 'json'.")
    var format: Format = .text

    @Flag(help: "Also check links to other sites (needs the network).")
    var external = false

    @Option(help: "With --external: requests at once.")
    var concurrency = 8

    @Option(help: ArgumentHelp("With --external: seconds each site may take to answer.", valueName: "seconds"))
    var timeout: Double = 10

    func run() async throws {
        MemoryTuning.forBuilding()
        let options = CheckOptions(build: site.buildOptions, strict: strict,
                                   external: external ? ExternalLinkOptions(concurrency: concurrency, timeout: timeout) : nil)
        let report = await SiteChecker.check(options)
        switch format {
        case .json:
            print(report.json())
        case .text:
            for diagnostic in report.diagnostics { print(diagnostic.description) }
            if !report.editions.isEmpty { print(report.editions) }
            print(report.summary)
        }
        if !report.passed { throw ExitCode.failure }
    }
}
