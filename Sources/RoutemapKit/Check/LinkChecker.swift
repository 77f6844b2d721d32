import RoutemapMarkdown

/// Checks that every link and image in every chapter leads somewhere that exists.
enum LinkChecker {
    /// With `cache` (the preview server's), a chapter whose check cannot have changed since the
    /// previous build keeps its result: see `LinkCheckCache`.
    static func check(_ site: RenderedPublication, log: DiagnosticLog, cache: LinkCheckCache? = nil) {
        let resolver = LinkResolver(site.publication)
        // Every chapter, on every core: the preview checks all links after each save.
        let chapters = site.editions.flatMap { edition in edition.chapters.map { (edition.edition.id, $0) } }
        let keys = chapters.map { "\($0.0)/\($0.1.chapter.id)" }
        let previousAnchors = cache?.previousAnchors() ?? [:]
        let anchorSets = concurrentMap(count: chapters.count, first: []) { index -> LinkCheckCache.Anchors in
            let rendered = chapters[index].1
            if let previous = previousAnchors[keys[index]], previous.holds(for: rendered) { return previous }
            let markdown = rendered.markdown
            return LinkCheckCache.Anchors(
                headings: markdown.headings, blocks: markdown.blocks, labelledItems: markdown.labelledItems,
                rawHTMLIDs: markdown.rawHTMLIDs, movedAnchors: rendered.chapter.movedAnchors,
                anchors: AnchorStabilityChecker.anchorsOf(rendered).union(rendered.chapter.movedAnchors.map(\.oldID)).union(markdown.rawHTMLIDs))
        }
        let anchors = Dictionary(zip(keys, anchorSets.lazy.map(\.anchors)), uniquingKeysWith: { _, last in last })
        var files = Set<String>()
        for edition in site.publication.editions {
            for asset in edition.assets { files.insert("\(edition.id)/\(asset)") }
        }
        let checkedSite = LinkCheckCache.Site(resolver: resolver, files: files, allowRawHTML: site.config.allowRawHTML)
        let previousChecks = cache?.previousChecks(for: checkedSite) ?? [:]
        // One list a chapter, made on every core, added to the log in chapter order.
        let found = concurrentMap(count: chapters.count, first: []) { [anchors, files] index -> (check: LinkCheckCache.Check, reused: Bool) in
            let (editionID, rendered) = chapters[index]
            if let previous = previousChecks[keys[index]], previous.holds(for: rendered, anchors: anchors) {
                return (previous, true)
            }
            var context = Context(rendered: rendered, editionID: editionID, site: site,
                                  resolver: resolver, anchors: anchors, files: files)
            var diagnostics: [Diagnostic] = []
            for link in rendered.markdown.links {
                if let problem = context.problem(with: link.original, isImage: false) {
                    diagnostics.append(context.diagnostic(problem, at: link.position))
                }
            }
            for image in rendered.markdown.images {
                if let problem = context.problem(with: image.source, isImage: true) {
                    diagnostics.append(context.diagnostic(problem, at: image.position))
                }
            }
            let check = LinkCheckCache.Check(links: rendered.markdown.links, images: rendered.markdown.images, body: rendered.chapter.body,
                                             bodyLineOffset: rendered.chapter.bodyLineOffset, sourcePath: rendered.chapter.sourcePath,
                                             anchorsRead: context.anchorsRead, diagnostics: diagnostics)
            return (check, false)
        }
        for result in found { log.add(contentsOf: result.check.diagnostics) }
        guard let cache else { return }
        cache.store(site: checkedSite,
                    anchors: Dictionary(zip(keys, anchorSets), uniquingKeysWith: { _, last in last }),
                    checks: Dictionary(zip(keys, found.lazy.map(\.check)), uniquingKeysWith: { _, last in last }),
                    reused: found.filter(\.reused).count)
    }

    private struct Problem {
        var message: String
        var hint: String
        var severity = Diagnostic.Severity.error
    }

    private struct Context {
        let rendered: RenderedChapter
        let editionID: String
        let site: RenderedPublication
        let resolver: LinkResolver
        let anchors: [String: Set<String>]
        let files: Set<String>
        /// The anchors of each chapter looked up, as they were: what a reused check depends on.
        var anchorsRead: [String: Set<String>?] = [:]

        func diagnostic(_ problem: Problem, at position: SourcePosition) -> Diagnostic {
            Diagnostic(problem.severity, file: rendered.chapter.sourcePath, line: rendered.fileLine(position),
                       column: rendered.characterColumn(position), problem.message, hint: problem.hint)
        }

        mutating func problem(with destination: String, isImage: Bool) -> Problem? {
            if destination.contains("{{") || destination.contains("{%") {
                return Problem(message: "\(isImage ? "image" : "link") '\(destination)' is a template tag (Liquid or VuePress), which is not run, so it leads nowhere",
                               hint: "write the address it stands for")
            }
            switch resolver.resolve(destination, onPage: SitePaths.chapter(editionID, rendered.chapter.id)) {
            case .external:
                guard let refused = LinkScheme.problem(with: destination, isImage: isImage) else { return nil }
                return Problem(message: "\(isImage ? "image" : "link") '\(destination)': \(refused)", hint: LinkScheme.hint)
            case .samePage(let fragment):
                if fragment.isEmpty { return nil } // `#` alone is the top of the page
                return missingAnchor(fragment, in: "\(editionID)/\(rendered.chapter.id)", written: destination, allowFootnotes: true)
            case .chapter(let edition, let chapter, let fragment):
                guard let fragment else { return nil }
                return missingAnchor(fragment, in: "\(edition)/\(chapter)", written: destination, allowFootnotes: false)
            case .missingChapter(let contentPath, _):
                let folder = contentPath.split(separator: "/").first.map(String.init) ?? editionID
                let candidates = site.publication.edition(folder)?.chapters.map { String($0.fileName.split(separator: "/").last ?? "") } ?? []
                let name = String(contentPath.split(separator: "/").last ?? "")
                let suggestion = closestMatch(to: name, in: candidates).map { "did you mean '\($0)'? " } ?? ""
                return Problem(message: "link to a chapter that does not exist: '\(destination)'",
                               hint: "\(suggestion)link to a chapter by its file name, such as 'governance.md' or '../draft/capabilities.md'")
            case .file(let contentPath):
                guard !files.contains(contentPath) else { return nil }
                let what = isImage ? "image" : "file"
                if destination.hasPrefix("/") {
                    return Problem(message: "\(isImage ? "image" : "link") '\(destination)' is a path from the site's root (\(resolver.siteRoot)) to \(contentPath), which the site does not have",
                                   hint: "a path from the root starts with the edition's folder, such as /\(editionID)/images/x.png or /\(editionID)/governance.md; or write it relative to this chapter")
                }
                return Problem(message: "\(isImage ? "image" : "link") '\(destination)' points to \(isImage ? "an image" : "a file") that does not exist (content/\(contentPath))",
                               hint: "put the \(what) beside the chapters, such as in content/\(editionID)/images/, and check the spelling")
            case .embargoed(let edition, let published):
                // A link is written as its text alone until the edition is published; an image cannot be.
                if isImage {
                    return Problem(message: "image '\(destination)' is in the '\(edition)' edition, which is not published until \(published.long)",
                                   hint: "put a copy of the image in this edition's folder; a build for \(published.long) or later may use it")
                }
                return Problem(message: "link '\(destination)' leads into the '\(edition)' edition, which is not published until \(published.long); it is shown as plain text",
                               hint: "it becomes a link in builds for \(published.long) or later; remove it if the text should not mention that edition before then",
                               severity: .warning)
            case .page:
                return nil
            case .outsideSite(_, .some):
                return nil
            case .outsideSite(let root, nil):
                return Problem(message: "'\(destination)' is a path from the server's root to a page outside the publication, on a server routemap.yml does not name",
                               hint: "write the full address (https://…); or set 'base_url' in routemap.yml, and such paths lead to its server; a path into the publication starts with \(root) and an edition's folder")
            case .outsideContent:
                return Problem(message: "'\(destination)' points outside the content folder",
                               hint: "link only to files inside content/, or use a full web address")
            }
        }

        private mutating func missingAnchor(_ fragment: String, in key: String, written: String, allowFootnotes: Bool) -> Problem? {
            anchorsRead[key] = anchors[key]
            let known = anchors[key] ?? []
            if known.contains(fragment) { return nil }
            if allowFootnotes, fragment.hasPrefix("fn-") || fragment.hasPrefix("fnref-") { return nil }
            let suggestion = closestMatch(to: fragment, in: Array(known)).map { "did you mean '#\($0)'? " } ?? ""
            return Problem(message: "link '\(written)' points to a heading that does not exist",
                           hint: "\(suggestion)headings' anchors are their text in lower case with '-' between words; or end a heading with {#\(fragment)}"
                               + (site.config.allowRawHTML ? ", or give an element of raw HTML id=\"\(fragment)\"" : ""))
        }
    }
}

