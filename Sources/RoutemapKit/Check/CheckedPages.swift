import Foundation
import Templates

/// A generated file as `check` keeps it: its path and origin, and for a page, its ids and what
/// was found in its links (`PageLinkChecker.Page`). A page's HTML is read as the layout stage
/// makes it, piece by piece for the printable pages, and let go at once: the check keeps no
/// page's text, so it holds no more of the site than a build does (docs/guide/performance.md).
struct CheckedFile {
    var path: String
    var origin: String
    /// Nil for a file that is not a page, or one copied as it is.
    var page: PageLinkChecker.Page?
    /// The layout's item the file comes from, and its place among the item's files: to make it again.
    var item = 0
    var indexInItem = 0
}

/// The site as `check` reads it, made from the layout.
enum CheckedPages {
    /// Every file of `plan`, in order, each page read and its links checked as it is made.
    static func read(_ plan: SitePlan, site: PageLinkChecker.Site) -> [CheckedFile] {
        concurrentMap(count: plan.items.count, first: plan.first) { index in
            read(plan.items[index], site: site).enumerated().map { place, file in
                var file = file
                file.item = index
                file.indexInItem = place
                return file
            }
        }.flatMap { $0 }
    }

    /// The problems of the links that ask for a file or id the site does not have, found by making
    /// and reading again the pages that have such links (a site that passes has none).
    static func reread(_ files: [CheckedFile], plan: SitePlan, made: PageLinkChecker.Made, site: PageLinkChecker.Site) -> [Diagnostic] {
        var pagesByItem: [Int: Set<Int>] = [:]
        for file in files where file.page?.missesSomething(made) == true {
            pagesByItem[file.item, default: []].insert(file.indexInItem)
        }
        return concurrentMap(Array(pagesByItem)) { item, pages -> [Diagnostic] in
            guard let laidOut = plan.items[item].laidOut else { return [] }
            let files = read(laidOut, site: site, rereading: made)
            return pages.sorted().flatMap { files[$0].page?.diagnostics ?? [] }
        }.flatMap { $0 }
    }

    /// An item with no page among its files is not made at all: nothing in it is read, a file is
    /// there whatever it holds, and making one can be dear (a social card is an rsvg-convert run,
    /// most of a small publication's check; a search index holds every chapter's words). Pages name
    /// a card only in `og:image`, which is no link a check follows.
    private static func read(_ item: PlannedItem, site: PageLinkChecker.Site) -> [CheckedFile] {
        guard item.claims.contains(where: { $0.path.hasSuffix(".html") }) else {
            return item.claims.map { CheckedFile(path: $0.path, origin: $0.origin) }
        }
        return item.laidOut.map { read($0, site: site) } ?? []
    }

    /// The files of an item that has a page among them (`read(_:site:)` passes over the others).
    private static func read(_ file: LaidOutFile, site: PageLinkChecker.Site, rereading: PageLinkChecker.Made? = nil) -> [CheckedFile] {
        switch file {
        case .whole(let file):
            var reader = Reader(path: file.path, origin: file.origin, site: site, rereading: rereading)
            switch file.contents {
            case .html(let html): reader.read(html.utf8, site: site)
            case .text(var text): text.withUTF8 { reader.read($0, site: site) }
            case .deferred(let deferred):
                var text = deferred.value
                text.withUTF8 { reader.read($0, site: site) }
            case .copy, .bytes: return [CheckedFile(path: file.path, origin: file.origin)]
            }
            return [CheckedFile(path: file.path, origin: file.origin, page: reader.finish(site: site))]
        case .streamed(let streamed):
            var readers = streamed.files.map { file in
                file.path.hasSuffix(".html") ? Reader(path: file.path, origin: file.origin, site: site, rereading: rereading) : nil
            }
            streamed.produce { file, piece in
                guard readers[file] != nil else { return }
                switch piece {
                case .text(var text): text.withUTF8 { readers[file]!.read($0, site: site) }
                case .html(let html): readers[file]!.read(html.utf8, site: site)
                case .bytes(let bytes): readers[file]!.read(bytes, site: site)
                }
            }
            return streamed.files.indices.map { index in
                CheckedFile(path: streamed.files[index].path, origin: streamed.files[index].origin, page: readers[index]?.finish(site: site))
            }
        }
    }

    /// A page's bytes, piece by piece, into its check.
    private struct Reader {
        var scanner = PageScanner()
        var page: PageLinkChecker.Page

        init(path: String, origin: String, site: PageLinkChecker.Site, rereading: PageLinkChecker.Made?) {
            page = PageLinkChecker.Page(path: path, origin: origin, site: site, rereading: rereading)
        }

        mutating func read(_ bytes: [UInt8], site: PageLinkChecker.Site) {
            bytes.withUnsafeBufferPointer { read($0, site: site) }
        }

        mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, site: PageLinkChecker.Site) {
            scanner.feed(bytes) { page.add($0, site: site) }
        }

        mutating func finish(site: PageLinkChecker.Site) -> PageLinkChecker.Page {
            scanner.finish { page.add($0, site: site) }
            page.finish()
            return page
        }
    }
}
