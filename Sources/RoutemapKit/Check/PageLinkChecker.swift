import Foundation
import HTMLText
import RoutemapMarkdown

/// Checks every link and anchor of the generated pages themselves: navigation, contents, and any
/// page added to the build later (such as the printable page), without knowing how each was made.
/// Links written in chapters were already checked against their Markdown (with the line and
/// column the editor typed them at), so on a chapter's own page those are skipped here.
enum PageLinkChecker {
    /// Adds the problems found to `log`; returns where the generated pages (outside chapters' text) link to other sites.
    static func check(_ files: [CheckedFile], site: RenderedPublication, outputDirectory: String,
                      log: DiagnosticLog) -> [String: [ExternalLinkChecker.Place]] {
        let pages = files.compactMap { file in file.references.map { (file, $0) } }
        let paths = Set(files.map(\.path))
        var ids: [String: Set<String>] = [:]
        for (file, references) in pages { ids[file.path] = references.ids }
        let written = writtenInChapters(site)
        // The 404 page is shown at any address, so its links start from the site's own path.
        let notFoundRoot = site.config.baseURL.flatMap { URLPath.path(of: $0) } ?? "/"

        let found = concurrentMap(pages) { [ids] file, references in
            check(file, references, skipping: written[file.path] ?? [], notFoundRoot: notFoundRoot, paths: paths, ids: ids,
                  outputDirectory: outputDirectory)
        }
        var external: [String: [ExternalLinkChecker.Place]] = [:]
        for (pageDiagnostics, pageExternal) in found {
            log.add(contentsOf: pageDiagnostics)
            for (address, place) in pageExternal { external[address, default: []].append(place) }
        }
        return external
    }

    /// One page's links and images.
    private static func check(_ file: CheckedFile, _ references: PageReferences, skipping skip: Set<String>, notFoundRoot: String,
                              paths: Set<String>, ids: [String: Set<String>], outputDirectory: String)
        -> (diagnostics: [Diagnostic], external: [(String, ExternalLinkChecker.Place)]) {
        var diagnostics: [Diagnostic] = []
        var external: [(String, ExternalLinkChecker.Place)] = []
        for reference in references.references where !skip.contains(decoded(reference.value)) {
            if file.path == SitePaths.notFound, reference.value.hasPrefix(notFoundRoot) {
                let fromRoot = String(reference.value.dropFirst(notFoundRoot.count))
                if let problem = problem(fromRoot, on: SitePaths.frontPage, paths: paths, ids: ids) {
                    diagnostics.append(.error(join(outputDirectory, file.path), line: reference.line, column: reference.column,
                                              "the 404 page \(problem)", hint: "correct notfound.mustache or the layout (the page is made from \(file.origin))"))
                }
                continue
            }
            if reference.value.hasPrefix("/") && !reference.value.hasPrefix("//") {
                diagnostics.append(.error(join(outputDirectory, file.path), line: reference.line, column: reference.column,
                                          "the generated page links to '\(reference.value)', a path from the server's root, which breaks the site opened from disk or from a sub-folder",
                                          hint: "write it relative to the page; templates can prefix it with {{root}} (the page is made from \(file.origin))"))
                continue
            }
            if LinkScheme.leadsOutOfPage(reference.value) {
                if isWeb(reference.value) {
                    external.append((reference.value, .init(file: join(outputDirectory, file.path), line: reference.line, column: reference.column)))
                }
                continue
            }
            guard let problem = problem(reference.value, on: file.path, paths: paths, ids: ids) else { continue }
            diagnostics.append(.error(join(outputDirectory, file.path), line: reference.line, column: reference.column,
                                      "the generated page \(problem)",
                                      hint: "this link comes from the theme's templates or the generated navigation (the page is made from \(file.origin)); correct the template that writes it"))
        }
        return (diagnostics, external)
    }

    private static func markdownReferences(_ rendered: RenderedChapter) -> [String] {
        rendered.markdown.links.map(\.destination).filter { $0 != MarkdownRenderer.unlinked } + rendered.markdown.images.map(\.destination)
    }

    static func isWeb(_ href: String) -> Bool { href.hasPrefix("http://") || href.hasPrefix("https://") }

    /// The problem with `href` on `page`, or nil when it leads to a file and id of the site.
    static func problem(_ href: String, on page: String, paths: Set<String>, ids: [String: Set<String>]) -> String? {
        var path = Substring(href)
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = decoded(String(path[path.index(after: hash)...]))
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        let target: String
        if path.isEmpty {
            target = page
        } else {
            guard let resolved = resolve(decoded(String(path)), from: page) else { return "links to '\(href)', which is outside the site" }
            target = resolved.isEmpty || resolved.hasSuffix("/") ? resolved + "index.html" : resolved
        }
        guard paths.contains(target) else { return "links to '\(href)', but the site has no \(target)" }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), !(ids[target]?.contains(fragment) ?? false) {
            return "links to '\(href)', but \(target) has no element with id '\(fragment)'"
        }
        return nil
    }

    /// Page → the hrefs and srcs its chapters' Markdown produced (percent-decoded): on each chapter
    /// page, and as rewritten on the printable pages, which carry every chapter of their edition.
    private static func writtenInChapters(_ site: RenderedPublication) -> [String: Set<String>] {
        var written: [String: Set<String>] = [:]
        let chapterPages = printableChapterPages(site)
        var printPages = site.editions.map { ($0, SitePaths.printPage($0.edition.id)) }
        if let current = site.publication.currentEdition, let edition = site.edition(current.id) {
            printPages.append((edition, SitePaths.currentPrintPage))
        }
        for edition in site.editions {
            for rendered in edition.chapters {
                let page = SitePaths.chapter(edition.edition.id, rendered.chapter.id)
                written[page] = Set(markdownReferences(rendered).map(decoded))
            }
        }
        for (edition, page) in printPages {
            let rewriter = FragmentRewriter(editionID: edition.edition.id, page: page, chapterPages: chapterPages, outsideLinks: .relative)
            var references = Set<String>()
            for rendered in edition.chapters {
                // The references as the printable page writes them: rewrite a fragment holding just them.
                let fragment = rendered.markdown.links.filter { $0.destination != MarkdownRenderer.unlinked }.map { "<a href=\"\(escapeAttribute($0.destination))\"></a>" }.joined()
                    + rendered.markdown.images.map { "<img src=\"\(escapeAttribute($0.destination))\">" }.joined()
                references.formUnion(PageReferences(html: rewriter.rewrite(fragment, chapterID: rendered.chapter.id)).references.map { decoded($0.value) })
            }
            written[page] = references
        }
        return written
    }

    /// Foundation's decoding costs as much as the rest of a page's check: most links have nothing to decode.
    private static func decoded(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "%")) ? text.removingPercentEncoding ?? text : text
    }

    /// `path` followed from `page`'s folder; nil when it climbs above the site.
    private static func resolve(_ path: String, from page: String) -> String? {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            case ".", "": continue
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/") + (path.hasSuffix("/") && !parts.isEmpty ? "/" : "")
    }
}
