import Foundation
import HTMLText
import RoutemapMarkdown

/// Checks every link and anchor of the generated pages themselves: navigation, contents, and any
/// page added to the build later (such as the printable page), without knowing how each was made.
/// Links written in chapters were already checked against their Markdown (with the line and
/// column the editor typed them at), so on a chapter's own page those are skipped here.
enum PageLinkChecker {
    /// What checking a page needs to know before any page is made: every path the layout plans,
    /// the links each page got from chapters' Markdown, and where the report names the pages.
    struct Site: Sendable {
        /// Every planned path, at the position of its first claim.
        let positions: [String: Int]
        let paths: [String]
        /// Paths claimed twice (an error reported already): a link to one is checked against the
        /// page read last, once every page is read.
        let duplicated: Set<String>
        let written: [String: Set<String>]
        /// The 404 page is shown at any address, so its links start from the site's own path.
        let notFoundRoot: String
        let outputDirectory: String
        /// Whether the places of links to other sites are kept, to be visited (`check --external`);
        /// without, thousands of them would be kept for nothing.
        let keepsLinksToOtherSites: Bool

        init(claims: [(path: String, origin: String)], site: RenderedPublication, outputDirectory: String, keepingLinksToOtherSites: Bool = true) {
            var positions: [String: Int] = [:], paths: [String] = [], duplicated: Set<String> = []
            for claim in claims {
                if positions[claim.path] == nil {
                    positions[claim.path] = paths.count
                    paths.append(claim.path)
                } else {
                    duplicated.insert(claim.path)
                }
            }
            self.positions = positions
            self.paths = paths
            self.duplicated = duplicated
            written = PageLinkChecker.writtenInChapters(site)
            notFoundRoot = site.config.baseURL.flatMap { URLPath.path(of: $0) } ?? "/"
            self.outputDirectory = outputDirectory
            keepsLinksToOtherSites = keepingLinksToOtherSites
        }
    }

    /// What a page's link asks of another page: that the file exists and, with a fragment, that it
    /// has an element with that id. A page keeps each once, without where its links are: when one
    /// is not met, the page is made and read again to say where (`CheckedPages.reread`).
    struct Need: Hashable {
        var target: Int32
        var fragment: String?
    }

    /// What every page's ids and files are, once every page is read.
    struct Made: Sendable {
        var made: [Bool]
        var ids: [PageIDs?]

        func isMet(_ need: Need) -> Bool {
            made[Int(need.target)] && need.fragment.map { ids[Int(need.target)]?.contains($0) ?? false } ?? true
        }

        /// The problem with `need` (from a link quoting `href`), or nil when it is met.
        func problem(_ need: Need, href: String, site: Site) -> String? {
            let target = Int(need.target)
            if !made[target] { return "links to '\(href)', but the site has no \(site.paths[target])" }
            if let fragment = need.fragment, !(ids[target]?.contains(fragment) ?? false) {
                return "links to '\(href)', but \(site.paths[target]) has no element with id '\(fragment)'"
            }
            return nil
        }
    }

    /// One page as it is read: its ids, the problems found in its links so far, and what they ask
    /// of other pages.
    struct Page {
        let path: String
        let origin: String
        private let position: Int?
        private let folder: Folder
        private let skip: Set<String>
        private let isNotFound: Bool
        private let ownPlace: OwnPlace?
        /// Set when the page is read again, every page known: its links to other pages are then
        /// checked as they are read, and only those problems kept (in `diagnostics`).
        private let rereading: Made?
        private var ids = PageIDs()
        /// `ids` once the page is read.
        private(set) var readIDs: PageIDs?
        private(set) var diagnostics: [Diagnostic] = []
        private(set) var external: [(String, ExternalLinkChecker.Place)] = []
        private var needs = Set<Need>(minimumCapacity: 32)
        /// `needs` once the page is read.
        private var readNeeds: [Need] = []
        /// The ids of this page its links ask for, checked at its end.
        private var ownFragments = OwnFragments()
        /// One of `ownFragments` is missing: the page is read again to say where.
        private(set) var missesOwnID = false

        init(path: String, origin: String, site: Site, rereading: Made? = nil) {
            self.path = path
            self.origin = origin
            position = site.duplicated.contains(path) ? nil : site.positions[path]
            folder = Folder(of: path)
            skip = site.written[path] ?? []
            isNotFound = path == SitePaths.notFound
            ownPlace = site.positions[path].map { OwnPlace(position: $0, isPage: path.hasSuffix(".html")) }
            self.rereading = rereading
        }

        /// Takes one id or link of the page, in the order the page has them.
        mutating func add(_ found: PageScanner.Found, site: Site) {
            guard !found.isID else {
                if rereading == nil { ids.add(found.raw) }
                return
            }
            let value = found.value
            if !skip.isEmpty, skip.contains(PageLinkChecker.decoded(value)) { return }
            if isNotFound, value.hasPrefix(site.notFoundRoot) {
                let fromRoot = String(value.dropFirst(site.notFoundRoot.count))
                link(fromRoot, from: Folder(of: SitePaths.frontPage), page: SitePaths.frontPage, fromNotFound: true, found, site: site)
                return
            }
            let ascii = PageLinkChecker.isASCII(value)
            // On bytes in ASCII; elsewhere as a String compares, Character by Character.
            let fromRoot = ascii ? value.utf8.first == UInt8(ascii: "/") && !value.utf8.starts(with: "//".utf8) : value.hasPrefix("/") && !value.hasPrefix("//")
            if fromRoot {
                guard rereading == nil else { return }
                diagnostics.append(.error(join(site.outputDirectory, path), line: found.line, column: found.column,
                                          "the generated page links to '\(value)', a path from the server's root, which breaks the site opened from disk or from a sub-folder",
                                          hint: "write it relative to the page; templates can prefix it with {{root}} (the page is made from \(origin))"))
                return
            }
            if LinkScheme.leadsOutOfPage(value) {
                guard rereading == nil, site.keepsLinksToOtherSites else { return }
                if ascii ? value.utf8.starts(with: "http://".utf8) || value.utf8.starts(with: "https://".utf8) : PageLinkChecker.isWeb(value) {
                    external.append((value, .init(file: join(site.outputDirectory, path), line: found.line, column: found.column)))
                }
                return
            }
            link(value, from: folder, page: path, fromNotFound: false, found, site: site)
        }

        /// Checks the links to this page's own elements, now that every id of the page is known.
        mutating func finish() {
            ids.seal()
            missesOwnID = !ownFragments.allFound(in: ids)
            ownFragments = OwnFragments()
            if rereading == nil { readIDs = ids }
            ids = PageIDs()
            readNeeds = Array(needs)
            needs = []
        }

        /// Whether a link asks for a file or id the site does not have: the page must then be read again to say where.
        func missesSomething(_ made: Made) -> Bool {
            missesOwnID || readNeeds.contains { !made.isMet($0) }
        }

        private mutating func link(_ href: String, from folder: Folder, page: String, fromNotFound: Bool, _ found: PageScanner.Found, site: Site) {
            switch PageLinkChecker.target(of: href, from: folder, page: page, own: page == path ? ownPlace : nil, site: site) {
            case .problem(let problem):
                guard rereading == nil else { return }
                diagnostics.append(diagnostic(problem, fromNotFound: fromNotFound, found, site: site))
            case .found(let target, let fragment):
                if let made = rereading {
                    if let problem = made.problem(Need(target: Int32(target), fragment: fragment), href: href, site: site) {
                        diagnostics.append(diagnostic(problem, fromNotFound: fromNotFound, found, site: site))
                    }
                } else if target != position {
                    needs.insert(Need(target: Int32(target), fragment: fragment))
                } else if let fragment {
                    // This page exists; its ids are all known at its end.
                    ownFragments.append(fragment)
                }
            }
        }

        private func diagnostic(_ problem: String, fromNotFound: Bool, _ found: PageScanner.Found, site: Site) -> Diagnostic {
            fromNotFound
                ? .error(join(site.outputDirectory, path), line: found.line, column: found.column,
                         "the 404 page \(problem)", hint: "correct notfound.mustache or the layout (the page is made from \(origin))")
                : .error(join(site.outputDirectory, path), line: found.line, column: found.column,
                         "the generated page \(problem)",
                         hint: "this link comes from the theme's templates or the generated navigation (the page is made from \(origin)); correct the template that writes it")
        }
    }

    /// What every file of the site is once each is read (`files` in order: for a path claimed
    /// twice, the ids of the page read last count).
    static func made(_ files: [CheckedFile], site: Site) -> Made {
        var made = Made(made: [Bool](repeating: false, count: site.paths.count), ids: [PageIDs?](repeating: nil, count: site.paths.count))
        for file in files {
            guard let position = site.positions[file.path] else { continue }
            made.made[position] = true
            if let page = file.page { made.ids[position] = page.readIDs }
        }
        return made
    }

    /// Adds the problems found in the pages to `log`: those found as each page was read, and those
    /// of the pages read again (`reread`) because a link asks for something the site does not have.
    /// Returns where the generated pages (outside chapters' text) link to other sites.
    static func report(_ files: [CheckedFile], reread: [Diagnostic], log: DiagnosticLog) -> [String: [ExternalLinkChecker.Place]] {
        var external: [String: [ExternalLinkChecker.Place]] = [:]
        for page in files.compactMap(\.page) {
            log.add(contentsOf: page.diagnostics)
            for (address, place) in page.external { external[address, default: []].append(place) }
        }
        log.add(contentsOf: reread)
        return external
    }

    /// A page's folder, as links from it start.
    struct Folder {
        let parts: [Substring]
        /// The folder with a `/` after it; empty at the site's top.
        let prefix: String

        init(of page: String) {
            parts = Array(page.split(separator: "/").dropLast())
            prefix = parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
        }
    }

    /// Where a page's links to itself lead: its (first) place among the planned paths.
    struct OwnPlace {
        var position: Int
        var isPage: Bool
    }

    private enum Target {
        case found(Int, fragment: String?)
        case problem(String)
    }

    /// The planned file `href` on `page` leads to, with the id it asks for on a page, or what is wrong with it.
    private static func target(of href: String, from folder: Folder, page: String, own: OwnPlace?, site: Site) -> Target {
        // Looked for in the bytes (Character by Character cost more than the rest), which is the
        // same in ASCII; elsewhere (or once decoded from `%`s) a combining mark after `#` or `/`
        // makes another character.
        guard isASCII(href, without: UInt8(ascii: "%")) else {
            return targetReadByCharacter(of: href, from: folder, page: page, site: site)
        }
        let utf8 = href.utf8
        var pathEnd = utf8.endIndex
        var fragment: String?
        if let hash = utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(Substring(utf8[utf8.index(after: hash)...]))
            pathEnd = hash
        }
        if let query = utf8[..<pathEnd].firstIndex(of: UInt8(ascii: "?")) { pathEnd = query }
        let target: String
        if pathEnd == utf8.startIndex {
            // A link within the page (most of a printable page's): the page's place is known.
            if let own {
                return .found(own.position, fragment: own.isPage && !(fragment ?? "").isEmpty ? fragment : nil)
            }
            target = page
        } else {
            guard let resolved = resolveASCII(Substring(utf8[..<pathEnd]), from: folder) else {
                return .problem("links to '\(href)', which is outside the site")
            }
            target = resolved.isEmpty || resolved.utf8.last == UInt8(ascii: "/") ? resolved + "index.html" : resolved
        }
        guard let position = site.positions[target] else { return .problem("links to '\(href)', but the site has no \(target)") }
        if let fragment, !fragment.isEmpty, target.utf8.reversed().starts(with: ".html".utf8.reversed()) { return .found(position, fragment: fragment) }
        return .found(position, fragment: nil)
    }

    private static func targetReadByCharacter(of href: String, from folder: Folder, page: String, site: Site) -> Target {
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
            guard let resolved = resolve(decoded(String(path)), from: folder) else { return .problem("links to '\(href)', which is outside the site") }
            target = resolved.isEmpty || resolved.hasSuffix("/") ? resolved + "index.html" : resolved
        }
        guard let position = site.positions[target] else { return .problem("links to '\(href)', but the site has no \(target)") }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html") { return .found(position, fragment: fragment) }
        return .found(position, fragment: nil)
    }

    private static func markdownReferences(_ rendered: RenderedChapter) -> [String] {
        rendered.markdown.links.map(\.destination).filter { $0 != MarkdownRenderer.unlinked } + rendered.markdown.images.map(\.destination)
    }

    static func isWeb(_ href: String) -> Bool { href.hasPrefix("http://") || href.hasPrefix("https://") }

    /// Whether `text` is ASCII without `excluded`: read on its UTF-8 bytes in one run (a String's
    /// own are), since a `UTF8View` read byte by byte costs more than the rest of a link's check.
    static func isASCII(_ text: String, without excluded: UInt8 = 0x80) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in bytes.allSatisfy { $0 < 0x80 && $0 != excluded } }
            ?? text.utf8.allSatisfy { $0 < 0x80 && $0 != excluded }
    }

    /// Whether `text` has `byte` in its UTF-8, found as `isASCII` reads.
    static func contains(_ text: String, _ byte: UInt8) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in bytes.contains(byte) } ?? text.utf8.contains(byte)
    }

    /// Page → the hrefs and srcs its chapters' Markdown produced (percent-decoded): on each chapter
    /// page, and as rewritten on the printable pages, which carry every chapter of their edition.
    fileprivate static func writtenInChapters(_ site: RenderedPublication) -> [String: Set<String>] {
        let chapterPages = printableChapterPages(site)
        var pages = site.editions.indices.map { ($0, SitePaths.printPage(site.editions[$0].edition.id)) }
        if let current = site.publication.currentEdition, let edition = site.editions.firstIndex(where: { $0.edition.id == current.id }) {
            pages.append((edition, SitePaths.currentPrintPage))
        }
        let printPages = pages
        // Made on every core (it comes before any page is read): each chapter, then each printable page.
        let chapters = site.editions.indices.flatMap { edition in site.editions[edition].chapters.indices.map { (edition, $0) } }
        let chapterSets = concurrentMap(chapters) { edition, chapter in
            let rendered = site.editions[edition].chapters[chapter]
            return (SitePaths.chapter(site.editions[edition].edition.id, rendered.chapter.id), Set(markdownReferences(rendered).map(decoded)))
        }
        let rewriters = printPages.map { edition, page in
            FragmentRewriter(editionID: site.editions[edition].edition.id, page: page, chapterPages: chapterPages, outsideLinks: .relative)
        }
        let printChapters = printPages.indices.flatMap { page in site.editions[printPages[page].0].chapters.indices.map { (page, $0) } }
        let printReferences = concurrentMap(printChapters) { page, chapter in
            let rendered = site.editions[printPages[page].0].chapters[chapter]
            // The references as the printable page writes them: rewrite a fragment holding just them.
            let fragment = rendered.markdown.links.filter { $0.destination != MarkdownRenderer.unlinked }.map { "<a href=\"\(escapeAttribute($0.destination))\"></a>" }.joined()
                + rendered.markdown.images.map { "<img src=\"\(escapeAttribute($0.destination))\">" }.joined()
            return PageReferences(html: rewriters[page].rewrite(fragment, chapterID: rendered.chapter.id)).references.map { decoded($0.value) }
        }
        var printSets = printPages.map { ($0.1, Set<String>()) }
        for (index, (page, _)) in printChapters.enumerated() { printSets[page].1.formUnion(printReferences[index]) }
        // In the order they were found before: a later one of the same page replaces an earlier.
        var written: [String: Set<String>] = [:]
        for (page, references) in chapterSets + printSets { written[page] = references }
        return written
    }

    /// Foundation's decoding costs as much as the rest of a page's check: most links have nothing to decode.
    private static func decoded(_ text: String) -> String {
        contains(text, UInt8(ascii: "%")) ? text.removingPercentEncoding ?? text : text
    }

    /// `resolve` of an ASCII path, on its bytes: the same answer without splitting it into strings
    /// (`../draft/chapter-0001.html`, `audiences/cios.html` are on most pages).
    static func resolveASCII(_ path: Substring, from folder: Folder) -> String? {
        let utf8 = path.utf8
        if !utf8.isEmpty, !utf8.contains(UInt8(ascii: "/")), path != ".", path != ".." { return folder.prefix.isEmpty ? String(path) : folder.prefix + path }
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        // The parts so far, joined by `/` (no part is empty, so an empty array is no part at all).
        var resolved = Array(folder.prefix.utf8.dropLast())
        resolved.reserveCapacity(resolved.count + utf8.count + 1)
        var start = utf8.startIndex
        while true {
            let end = utf8[start...].firstIndex(of: slash) ?? utf8.endIndex
            let part = utf8[start..<end]
            if part.count == 2, part.first == dot, part.last == dot {
                guard !resolved.isEmpty else { return nil }
                resolved.removeSubrange((resolved.lastIndex(of: slash) ?? 0)...)
            } else if !part.isEmpty, !(part.count == 1 && part.first == dot) {
                if !resolved.isEmpty { resolved.append(slash) }
                resolved += part
            }
            guard end != utf8.endIndex else { break }
            start = utf8.index(after: end)
        }
        if utf8.last == slash, !resolved.isEmpty { resolved.append(slash) }
        return String(decoding: resolved, as: UTF8.self)
    }

    /// `path` followed from `folder`; nil when it climbs above the site.
    static func resolve(_ path: String, from folder: Folder) -> String? {
        // Most links name a file of the page's own folder.
        if !path.isEmpty, !path.utf8.contains(UInt8(ascii: "/")), path != ".", path != ".." { return folder.prefix.isEmpty ? path : folder.prefix + path }
        var parts = folder.parts
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            case ".", "": continue
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/") + (path.hasSuffix("/") && !parts.isEmpty ? "/" : "")
    }
}
