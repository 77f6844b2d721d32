import RoutemapMarkdown

/// Checks that every link and image in every chapter leads somewhere that exists.
enum LinkChecker {
    /// With `cache` (the preview server's), a chapter whose check cannot have changed since the
    /// previous build keeps its result: see `LinkCheckCache`.
    static func check(_ site: RenderedPublication, log: DiagnosticLog, cache: LinkCheckCache? = nil) {
        let resolver = site.linkResolver
        // (edition, chapter) indices of every chapter, in order.
        let places = site.editions.indices.flatMap { edition in site.editions[edition].chapters.indices.map { (edition, $0) } }
        let rendered = { @Sendable (index: Int) -> RenderedChapter in site.editions[places[index].0].chapters[places[index].1] }
        var last = cache?.takeLastBuild()
        // After a save the chapters are those of the last build, in its order: each is compared
        // with its own place's, on this thread, with no lookup by key, and the last build's
        // arrays are changed in place where a chapter changed.
        let inPlace = last?.isInPlace(for: site) == true
        let keys = inPlace ? last!.keys : places.map { "\(site.editions[$0.0].edition.id)/\(site.editions[$0.0].chapters[$0.1].chapter.id)" }
        let holdsInPlace = { (test: (Int, RenderedChapter) -> Bool) -> [Bool] in
            var holds: [Bool] = []
            holds.reserveCapacity(places.count)
            for edition in site.editions {
                edition.chapters.withUnsafeBufferPointer { chapters in
                    for chapter in chapters.indices { holds.append(test(holds.count, chapters[chapter])) }
                }
            }
            return holds
        }

        var anchorSets: [LinkCheckCache.Anchors]
        let anchors: [String: Set<String>]
        let makeAnchors = { @Sendable (index: Int) -> LinkCheckCache.Anchors in
            let rendered = rendered(index)
            let markdown = rendered.markdown
            return LinkCheckCache.Anchors(
                headings: markdown.headings, blocks: markdown.blocks, labelledItems: markdown.labelledItems,
                rawHTMLIDs: markdown.rawHTMLIDs, movedAnchors: rendered.chapter.movedAnchors,
                anchors: AnchorStabilityChecker.anchorsOf(rendered).union(rendered.chapter.movedAnchors.map(\.oldID)).union(markdown.rawHTMLIDs))
        }
        if inPlace {
            anchorSets = []
            swap(&anchorSets, &last!.anchors)
            var anchorsByKey: [String: Set<String>] = [:]
            swap(&anchorsByKey, &last!.anchorsByKey)
            let holds = holdsInPlace { anchorSets[$0].holds(for: $1) }
            let missing = places.indices.filter { !holds[$0] }
            let made = concurrentMap(missing, makeAnchors)
            // One key for each chapter (no two share an id): the table is changed in place too.
            let keysAreUnique = anchorsByKey.count == keys.count
            for (position, index) in missing.enumerated() {
                anchorSets[index] = made[position]
                if keysAreUnique, anchorsByKey[keys[index]] != made[position].anchors { anchorsByKey[keys[index]] = made[position].anchors }
            }
            anchors = keysAreUnique || missing.isEmpty
                ? anchorsByKey : Dictionary(zip(keys, anchorSets.lazy.map(\.anchors)), uniquingKeysWith: { _, last in last })
        } else {
            var reusedAnchors = [LinkCheckCache.Anchors?](repeating: nil, count: places.count)
            if let last {
                let previous = Dictionary(zip(last.keys, last.anchors), uniquingKeysWith: { _, last in last })
                for index in places.indices {
                    if let known = previous[keys[index]], known.holds(for: rendered(index)) { reusedAnchors[index] = known }
                }
            }
            anchorSets = filled(reusedAnchors, makeAnchors)
            anchors = Dictionary(zip(keys, anchorSets.lazy.map(\.anchors)), uniquingKeysWith: { _, last in last })
        }
        var files = Set<String>()
        for edition in site.publication.editions {
            for asset in edition.assets { files.insert("\(edition.id)/\(asset)") }
        }
        let checkedSite = LinkCheckCache.Site(resolver: resolver, files: files, allowRawHTML: site.config.allowRawHTML)
        let sameSite = last?.site == checkedSite
        var previousChecks: [LinkCheckCache.Check] = []
        if last != nil { swap(&previousChecks, &last!.checks) }
        let lastKeys = last?.keys ?? []
        let ids: (editions: [String], chapters: [String]) = inPlace ? (last!.editionIDs, last!.chapterIDs)
            : (places.map { site.editions[$0.0].edition.id }, places.map { site.editions[$0.0].chapters[$0.1].chapter.id })
        last = nil
        // One list a chapter, made on every core, added to the log in chapter order.
        let makeCheck = { @Sendable [anchors, files] (index: Int) -> LinkCheckCache.Check in
            let rendered = rendered(index)
            let editionID = site.editions[places[index].0].edition.id
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
            return LinkCheckCache.Check(links: rendered.markdown.links, images: rendered.markdown.images,
                                        bodyLineOffset: rendered.chapter.bodyLineOffset, sourcePath: rendered.chapter.sourcePath,
                                        anchorsRead: context.anchorsRead, diagnostics: diagnostics)
        }
        var checks: [LinkCheckCache.Check]
        var reused = 0
        if sameSite && inPlace {
            checks = previousChecks
            previousChecks = []
            let holds = holdsInPlace { checks[$0].holds(for: $1, anchors: anchors) }
            let missing = places.indices.filter { !holds[$0] }
            reused = places.count - missing.count
            let made = concurrentMap(missing, makeCheck)
            for (position, index) in missing.enumerated() { checks[index] = made[position] }
        } else {
            var reusedChecks = [LinkCheckCache.Check?](repeating: nil, count: places.count)
            if sameSite {
                let previous = Dictionary(zip(lastKeys, previousChecks), uniquingKeysWith: { _, last in last })
                for index in places.indices {
                    if let known = previous[keys[index]], known.holds(for: rendered(index), anchors: anchors) { reusedChecks[index] = known }
                }
            }
            checks = filled(reusedChecks, makeCheck)
            reused = reusedChecks.count { $0 != nil }
        }
        for check in checks where !check.diagnostics.isEmpty { log.add(contentsOf: check.diagnostics) }
        guard let cache else { return }
        let build = LinkCheckCache.Build(editionIDs: ids.editions, chapterIDs: ids.chapters, keys: keys, anchors: anchorSets,
                                         anchorsByKey: anchors, site: checkedSite, checks: checks)
        cache.store(build, reused: reused)
    }

    /// `known` with each missing value made by `make`, on every core.
    private static func filled<Value: Sendable>(_ known: [Value?], _ make: @Sendable (Int) -> Value) -> [Value] {
        let missing = known.indices.filter { known[$0] == nil }
        guard !missing.isEmpty else { return known.map { $0! } }
        let made = concurrentMap(count: missing.count, first: []) { make(missing[$0]) }
        var values = known
        for (position, index) in missing.enumerated() { values[index] = made[position] }
        return values.map { $0! }
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
                       column: position.column, problem.message, hint: problem.hint)
        }

        /// Whether `destination` holds `{{` or `{%`. On its bytes: Foundation's `contains` made every
        /// link an NSString, a fifth of this check's CPU on a long publication (perf).
        private func isTemplateTag(_ destination: String) -> Bool {
            var previous: UInt8 = 0
            for byte in destination.utf8 {
                if previous == UInt8(ascii: "{") && (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "%")) { return true }
                previous = byte
            }
            return false
        }

        mutating func problem(with destination: String, isImage: Bool) -> Problem? {
            if isTemplateTag(destination) {
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

