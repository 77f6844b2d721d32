import Foundation

/// A generated file as `check` keeps it: its path and origin, and for a page, the ids and links
/// read from it. Pages are read as the layout stage makes them and their HTML let go at once, so a
/// check holds no more of the site than a build does (docs/guide/performance.md).
struct CheckedFile {
    var path: String
    var origin: String
    /// Nil for a file that is not a page.
    var references: PageReferences?
}

/// The site as `check` reads it, made from the layout.
enum CheckedPages {
    /// Every file of `plan`, in order, each page read as it is made.
    static func read(_ plan: SitePlan) -> [CheckedFile] {
        concurrentMap(count: plan.items.count, first: plan.first) { index in
            plan.items[index].laidOut.map(read) ?? []
        }.flatMap { $0 }
    }

    private static func read(_ file: LaidOutFile) -> [CheckedFile] {
        switch file {
        case .whole(let file):
            let isPage = file.path.hasSuffix(".html")
            return [CheckedFile(path: file.path, origin: file.origin, references: isPage ? file.text.map(PageReferences.init(html:)) : nil)]
        case .streamed(let streamed):
            // Made once; only the pages' pieces are kept, until each is read.
            let isPage = streamed.files.map { $0.path.hasSuffix(".html") }
            var bytes = [[UInt8]](repeating: [], count: streamed.files.count)
            streamed.produce { file, piece in if isPage[file] { piece.append(to: &bytes[file]) } }
            return streamed.files.indices.map { index in
                let (path, origin) = streamed.files[index]
                let references = isPage[index] ? PageReferences(html: String(decoding: bytes[index], as: UTF8.self)) : nil
                bytes[index] = []
                return CheckedFile(path: path, origin: origin, references: references)
            }
        }
    }
}
