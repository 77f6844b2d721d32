import RoutemapMarkdown
import Foundation

/// Where each page of the site is written, relative to the output folder. Pages are plain
/// `.html` files (never folder indexes) so the site also works opened straight from disk.
public enum SitePaths {
    public static let frontPage = "index.html"
    public static let assetsFolder = "assets"
    public static let notFound = "404.html"
    public static let accessibilityStatement = "accessibility.html"
    public static let feed = "feed.xml"

    public static func contents(_ editionID: String) -> String { "\(editionID)/index.html" }
    public static func chapter(_ editionID: String, _ chapterID: String) -> String { "\(editionID)/\(chapterID).html" }
    public static func search(_ editionID: String) -> String { "\(editionID)/search.html" }
    public static func searchIndex(_ editionID: String) -> String { "\(editionID)/search-index.js" }
    public static func asset(_ editionID: String, _ relativePath: String) -> String { "\(editionID)/\(relativePath)" }
    /// A consultation edition's questions, and while it is open a way to answer them.
    public static func respond(_ editionID: String) -> String { "\(editionID)/respond.html" }
}

/// The relative URL from the page at `page` to the file at `target` (both relative to the output folder).
/// Computed on bytes: a page has dozens of links and a term page thousands, and splitting every path
/// into segments cost more than laying out the page.
public func relativeURL(from page: String, to target: String) -> String {
    var pageBytes = page
    var targetBytes = target
    let url = pageBytes.withUTF8 { from in targetBytes.withUTF8 { to in relativeURL(from: from, to: to) } }
    return url ?? relativeURLBySegments(from: page, to: target)
}

/// The folders `page` and `target` share are those up to the last '/' both have at the same place;
/// each folder of the page beyond them is one "../". Nil for paths the segments handle instead
/// (absolute, with an empty segment, or naming a folder).
private func relativeURL(from page: UnsafeBufferPointer<UInt8>, to target: UnsafeBufferPointer<UInt8>) -> String? {
    let slash = UInt8(ascii: "/")
    guard !page.isEmpty, !target.isEmpty, page[0] != slash, target[0] != slash, target[target.count - 1] != slash,
          !hasEmptySegment(page), !hasEmptySegment(target) else { return nil }
    var index = 0
    var shared = 0
    while index < page.count, index < target.count, page[index] == target[index] {
        if page[index] == slash { shared = index + 1 }
        index += 1
    }
    let ups = page[shared...].reduce(0) { $0 + ($1 == slash ? 1 : 0) }
    var url = [UInt8]()
    url.reserveCapacity(3 * ups + target.count - shared)
    for _ in 0..<ups { url += "../".utf8 }
    url += target[shared...]
    return String(decoding: url, as: UTF8.self)
}

private func hasEmptySegment(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
    var previous: UInt8 = 0
    for byte in path {
        if byte == UInt8(ascii: "/"), previous == byte { return true }
        previous = byte
    }
    return false
}

/// The reference: split into segments, drop the shared folders, climb out of the rest.
func relativeURLBySegments(from page: String, to target: String) -> String {
    let from = page.split(separator: "/").dropLast()
    let to = target.split(separator: "/")
    var shared = 0
    while shared < from.count, shared < to.count - 1, from[from.startIndex + shared] == to[shared] { shared += 1 }
    let ups = Array(repeating: "..", count: from.count - shared)
    return (ups + to[shared...].map(String.init)).joined(separator: "/")
}

/// `final/../draft/governance.html` → `draft/governance.html`, with `.` and empty segments dropped;
/// nil when it climbs above the root.
func normalisedPath(_ path: String) -> String? {
    if isNormalised(path) { return path }
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
        switch part {
        case ".": continue
        case "..":
            guard !parts.isEmpty else { return nil }
            parts.removeLast()
        default: parts.append(part)
        }
    }
    return parts.joined(separator: "/")
}

/// True when `path` has no empty, `.` or `..` segment, so normalising would give it back as it is
/// (most links: splitting and joining each one cost more than the rest of resolving it).
private func isNormalised(_ path: String) -> Bool {
    var segmentLength = 0
    var dots = 0
    for byte in path.utf8 {
        if byte == UInt8(ascii: "/") {
            if segmentLength == 0 || dots == segmentLength { return false }
            segmentLength = 0
            dots = 0
        } else {
            segmentLength += 1
            if byte == UInt8(ascii: ".") { dots += 1 }
        }
    }
    return segmentLength > 0 && dots != segmentLength
}

/// What a link written in a chapter points at.
enum LinkTarget: Equatable {
    /// Another site or an e-mail address: left alone.
    case external
    /// `#fragment` on the same page.
    case samePage(fragment: String)
    /// A chapter of some edition, and maybe a heading in it.
    case chapter(editionID: String, chapterID: String, fragment: String?)
    /// A `.md` link that matches no chapter.
    case missingChapter(contentPath: String, fragment: String?)
    /// Any other file in the content folder (an image, a download), by its path under `content/`.
    case file(contentPath: String)
    /// A page the build makes (the front page, an edition's contents…), by its path in the site;
    /// only reached by a link from the site's root.
    case page(path: String, fragment: String?)
    /// A relative path that climbs out of the content folder.
    case outsideContent
    /// Anything in the folder of an edition not yet published by the build date (see `Embargo`).
    case embargoed(editionID: String, published: CalendarDate)
    /// A path from the server's root that is not under the site's own path (of `base_url`), or
    /// under it but in none of its editions: another page of the same server. With `base_url` it
    /// becomes a full address on that server (`url`); without one there is no knowing which server.
    case outsideSite(root: String, url: String?)
}

/// Resolves the links editors write (relative paths to Markdown files, or paths from the site's
/// root) against the publication. Two resolvers are equal when every link resolves the same with either.
struct LinkResolver: Sendable, Equatable {
    private struct ChapterAddress: Equatable {
        var editionID: String
        var chapterID: String
    }

    /// `final/governance.md` → (edition, chapter id)
    private let chapters: [String: ChapterAddress]
    /// The site's own path on its server, from `base_url`: `/` or such as `/routemap/`.
    let siteRoot: String
    /// Pages of the site that are not chapters, which a link from the root may name.
    private let pages: Set<String>
    /// The first segments of the site's own paths: its editions' folders and what the build writes at its top.
    private let topFolders: Set<String>
    /// `https://example.org` of `base_url`, for paths on the same server outside the site.
    private let origin: String?
    /// Folders of editions left out of the build, with the day each may be published.
    private let embargoed: [String: CalendarDate]

    init(_ publication: Publication) {
        var embargoed: [String: CalendarDate] = [:]
        for edition in publication.embargoed where publication.edition(edition.id) == nil { embargoed[edition.id] = edition.published }
        self.embargoed = embargoed
        var chapters: [String: ChapterAddress] = [:]
        chapters.reserveCapacity(publication.editions.reduce(0) { $0 + $1.chapters.count })
        var pages: Set<String> = [SitePaths.frontPage, SitePaths.accessibilityStatement, SitePaths.currentPrintPage]
        for edition in publication.editions {
            for chapter in edition.chapters {
                chapters["\(edition.id)/\(chapter.fileName)"] = ChapterAddress(editionID: edition.id, chapterID: chapter.id)
            }
            pages.formUnion([SitePaths.contents(edition.id), SitePaths.search(edition.id), SitePaths.printPage(edition.id)])
        }
        self.chapters = chapters
        self.pages = pages
        var root = publication.config.baseURL.flatMap { URLPath.path(of: $0) } ?? "/"
        if !root.hasSuffix("/") { root += "/" }
        self.siteRoot = root
        self.origin = publication.config.baseURL.flatMap { url in
            url.range(of: "://").map { scheme in String(url[..<(url[scheme.upperBound...].firstIndex(of: "/") ?? url.endIndex)]) }
        }
        self.topFolders = Set(publication.editions.map(\.id) + pages.compactMap { $0.split(separator: "/").first.map(String.init) }
                              + [SitePaths.assetsFolder, SitePaths.feed, SitePaths.notFound, "sitemap.xml", "robots.txt"])
    }

    /// `destination` as written on the chapter page at `page` (such as `final/guides/intro.html`):
    /// relative to the page's folder, which is the chapter file's folder under `content/`.
    func resolve(_ destination: String, onPage page: String) -> LinkTarget {
        if destination.hasPrefix("#") { return .samePage(fragment: String(destination.dropFirst())) }
        if destination.isEmpty || destination.hasPrefix("//") || LinkScheme.hasScheme(destination) { return .external }
        // Searching the bytes: links are resolved for every chapter on every (re)build.
        var path = Substring(destination)
        var fragment: String?
        if let hash = path.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(path[path.utf8.index(after: hash)...])
            path = path[..<hash]
        }
        if let query = path.utf8.firstIndex(of: UInt8(ascii: "?")) { path = path[..<query] }
        let fromRoot = path.hasPrefix("/")
        let contentPath: String
        if fromRoot {
            let rooted = String(path)
            let onServer = { LinkTarget.outsideSite(root: siteRoot, url: origin.map { $0 + destination }) }
            guard rooted.hasPrefix(siteRoot) || rooted + "/" == siteRoot else { return onServer() }
            let inSite = String(rooted.dropFirst(min(siteRoot.count, rooted.count)))
            if let embargo = embargoedEdition(inSite) { return embargo }
            // In none of the editions (`/government/publications/x`): a page of the same server, unless
            // it names a chapter file, which must then be a mistake.
            if let first = inSite.split(separator: "/").first, !topFolders.contains(String(first)), !inSite.hasSuffix(".md") {
                return onServer()
            }
            guard let normalised = inSite.isEmpty ? "" : normalise(inSite) else { return .outsideContent }
            if inSite.isEmpty || inSite.hasSuffix("/") {
                let folder = normalised.isEmpty ? "" : normalised + "/"
                if let found = chapters[folder + "index.md"] ?? chapters[folder + "README.md"] {
                    return .chapter(editionID: found.editionID, chapterID: found.chapterID, fragment: fragment.flatMap { $0.isEmpty ? nil : $0 })
                }
                return pageOrMissing(folder + "index.html", fragment: fragment)
            }
            contentPath = normalised
        } else {
            let folder = page.split(separator: "/").dropLast().joined(separator: "/")
            guard let normalised = normalise(folder + "/" + path) else { return .outsideContent }
            if let embargo = embargoedEdition(normalised) { return embargo }
            contentPath = normalised
        }
        let fragmentOrNil = fragment.flatMap { $0.isEmpty ? nil : $0 }
        if contentPath.hasSuffix(".md") {
            guard let found = chapters[contentPath] else { return .missingChapter(contentPath: contentPath, fragment: fragment) }
            return .chapter(editionID: found.editionID, chapterID: found.chapterID, fragment: fragmentOrNil)
        }
        // A chapter named by its page (`governance.html`), or as many sites name pages, without an
        // extension (`governance`); a folder is its index chapter, as web servers and site generators
        // serve it (`guides` → `guides/index.md`).
        let stem = contentPath.hasSuffix(".html") ? String(contentPath.dropLast(5)) : contentPath
        if stem != contentPath || !(contentPath.split(separator: "/").last ?? "").contains("."),
           let found = chapters[stem + ".md"] ?? chapters[stem + "/index.md"] ?? chapters[stem + "/README.md"] {
            return .chapter(editionID: found.editionID, chapterID: found.chapterID, fragment: fragmentOrNil)
        }
        if fromRoot {
            if pages.contains(contentPath) { return .page(path: contentPath, fragment: fragmentOrNil) }
            if pages.contains(contentPath + "/index.html") { return .page(path: contentPath + "/index.html", fragment: fragmentOrNil) }
        }
        return .file(contentPath: contentPath)
    }

    /// `.embargoed` when the path (under `content/`) is in the folder of an edition not yet published.
    private func embargoedEdition(_ contentPath: String) -> LinkTarget? {
        guard !embargoed.isEmpty, let first = contentPath.split(separator: "/").first, let published = embargoed[String(first)] else { return nil }
        return .embargoed(editionID: String(first), published: published)
    }

    private func pageOrMissing(_ path: String, fragment: String?) -> LinkTarget {
        pages.contains(path) ? .page(path: path, fragment: fragment.flatMap { $0.isEmpty ? nil : $0 }) : .file(contentPath: path)
    }

    /// The URL a link becomes on the chapter page at `page`; nil to leave it as written. Links to
    /// chapters go to their pages; links from the site's root become relative, so that the site
    /// works from any path and from disk.
    /// A link into an embargoed edition becomes its text alone (`MarkdownRenderer.unlinked`).
    func rewrite(_ destination: String, page: String) -> String? {
        switch resolve(destination, onPage: page) {
        case .embargoed:
            return MarkdownRenderer.unlinked
        case .chapter(let edition, let chapter, let fragment):
            return relativeURL(from: page, to: SitePaths.chapter(edition, chapter)) + (fragment.map { "#" + $0 } ?? "")
        case .page(let path, let fragment):
            return relativeURL(from: page, to: path) + (fragment.map { "#" + $0 } ?? "")
        case .outsideSite(_, let url?):
            return url
        case .file(let contentPath) where destination.hasPrefix("/"):
            let suffixStart = destination.firstIndex { $0 == "?" || $0 == "#" }
            return relativeURL(from: page, to: contentPath) + (suffixStart.map { String(destination[$0...]) } ?? "")
        default:
            return nil
        }
    }

    /// Resolves `.` and `..` and percent-decodes; nil when it climbs above the root.
    private func normalise(_ path: String) -> String? {
        normalisedPath(path)?.removingPercentEncodingIfPossible
    }
}

private extension String {
    var removingPercentEncodingIfPossible: String {
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        return removingPercentEncoding ?? self
    }
}
