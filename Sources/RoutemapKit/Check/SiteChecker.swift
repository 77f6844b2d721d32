import Foundation

/// What `routemap check` is asked to do.
public struct CheckOptions: Sendable {
    public var build: BuildOptions
    /// Warnings count as errors.
    public var strict: Bool
    /// Visit links to other sites; nil leaves them alone (the check then needs no network).
    public var external: ExternalLinkOptions?

    public init(build: BuildOptions, strict: Bool = false, external: ExternalLinkOptions? = nil) {
        self.build = build
        self.strict = strict
        self.external = external
    }
}

/// Everything `check` found, ready to print as lines or as JSON.
public struct CheckReport: Sendable, Codable {
    public var diagnostics: [Diagnostic]
    public var pages: Int
    public var externalLinks: Int
    /// Which editions a build for the date publishes and which it leaves out (see `Embargo.schedule`).
    public var editions: String = ""
    public var errors: Int { diagnostics.errors.count }
    public var warnings: Int { diagnostics.warnings.count }
    public var passed: Bool { errors == 0 }

    /// "Checked 41 pages: 2 errors, 1 warning."
    public var summary: String {
        let external = externalLinks > 0 ? " and \(externalLinks) address\(externalLinks == 1 ? "" : "es") on other sites" : ""
        return "Checked \(pages) page\(pages == 1 ? "" : "s")\(external): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")."
    }

    /// `{"diagnostics": [...], "errors": 2, "warnings": 1, "pages": 41, "externalLinks": 0, "summary": "..."}`
    public func json() -> String {
        struct Document: Encodable {
            var diagnostics: [Diagnostic]
            var errors: Int
            var warnings: Int
            var pages: Int
            var externalLinks: Int
            var editions: String
            var summary: String
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(diagnostics: diagnostics, errors: errors, warnings: warnings, pages: pages,
                                externalLinks: externalLinks, editions: editions, summary: summary)
        return String(decoding: try! encoder.encode(document), as: UTF8.self)
    }
}

/// `routemap check`: every stage of the build except writing, then what a publisher wants
/// checked before the site goes out: accessibility rules in chapters, every link and anchor of
/// every generated page, and (when asked) links to other sites.
public enum SiteChecker {
    public static func check(_ options: CheckOptions) async -> CheckReport {
        let log = DiagnosticLog()
        // The chapters' Markdown is let go of once it is rendered and checked, as `build` does:
        // what `check` reads after (the pages, and what rendering found in each chapter) needs none.
        // Nor are the chapters' words kept for a search index: `check` makes none (`CheckedPages`).
        var build = options.build
        build.searchText = false
        let stages = SiteBuilder.stagesBeforeLayout(build, log: log)
        var externalCount = 0
        var pageCount = 0
        var pageLinks: [String: [ExternalLinkChecker.Place]] = [:]
        if let site = stages.site, let plan = StageTimes.measure("plan", { stages.layout?.plan() }) {
            plan.reportDuplicatePaths(log: log)
            let pages = StageTimes.measure("the pages' paths and chapters' links") {
                PageLinkChecker.Site(claims: plan.claims, site: site, outputDirectory: options.build.outputDirectory,
                                     keepingLinksToOtherSites: options.external != nil)
            }
            let files = StageTimes.measure("read the pages") { CheckedPages.read(plan, site: pages) }
            let made = PageLinkChecker.made(files, site: pages)
            let reread = StageTimes.measure("read again the pages with broken links") { CheckedPages.reread(files, plan: plan, made: made, site: pages) }
            pageLinks = PageLinkChecker.report(files, reread: reread, log: log)
            pageCount = files.count(where: { $0.path.hasSuffix(".html") })
            // Thousands of pages' ids and the plan's closures: freed while the report is made.
            SiteBuilder.freeInBackground((plan, files, made, pages, stages.layout))
        }
        if let site = stages.site {
            StageTimes.measure("ContentRules") { ContentRules.check(site, log: log) }
            if let external = options.external {
                var links = pageLinks
                for (place, address) in chapterLinksToOtherSites(site) { links[address, default: []].append(place) }
                // The site's own published address (canonical links) is not another site, and
                // may not be online before the site is published.
                if let own = site.config.baseURL { links = links.filter { !$0.key.hasPrefix(own) } }
                externalCount = links.count
                await ExternalLinkChecker.check(links, options: external, log: log)
            }
        }
        if options.strict { log.makeEveryProblemAnError() }
        return CheckReport(diagnostics: Array(Set(log.items)).sortedForReport(), pages: pageCount, externalLinks: externalCount,
                           editions: stages.site.map { Embargo.schedule($0.publication, on: options.build.buildDate) } ?? "")
    }

    private static func chapterLinksToOtherSites(_ site: RenderedPublication) -> [(ExternalLinkChecker.Place, String)] {
        site.editions.flatMap(\.chapters).flatMap { rendered in
            rendered.markdown.links.filter { PageLinkChecker.isWeb($0.original) }.map { link in
                (ExternalLinkChecker.Place(file: rendered.chapter.sourcePath, line: rendered.fileLine(link.position), column: link.position.column), link.original)
            }
        }
    }
}
