import Foundation
import Templates

/// A file as the layout stage hands it on: an `OutputFile`, or files too long to hold whole (the
/// printable pages, the search index), made and written piece by piece.
enum SiteItem {
    case file(OutputFile)
    case streamed(StreamedFiles)

    /// The path and origin of each file, in order.
    var placed: [(path: String, origin: String)] {
        switch self {
        case .file(let file): [(file.path, file.origin)]
        case .streamed(let streamed): streamed.files
        }
    }

    /// Every file made whole, joining the pieces of streamed files; with `deferring`, streamed files
    /// are made and joined only when one of them is first asked for.
    func outputFiles(deferring: Bool = false) -> [OutputFile] {
        switch self {
        case .file(let file):
            return [file]
        case .streamed(let streamed) where deferring:
            let texts = Deferred { streamed.joined() }
            return streamed.files.indices.map { index in
                OutputFile(path: streamed.files[index].path, contents: .deferred(Deferred { texts.value[index] }),
                           origin: streamed.files[index].origin)
            }
        case .streamed(let streamed):
            return zip(streamed.files, streamed.joined()).map { OutputFile(path: $0.path, contents: .text($1), origin: $0.origin) }
        }
    }
}

/// Files made piece by piece: `produce` calls `emit(file, piece)` with each piece of each file, in
/// order within each file (files may take turns). The pieces are never joined on the way to disk.
struct StreamedFiles {
    var files: [(path: String, origin: String)]
    var produce: (_ emit: (_ file: Int, _ piece: FilePiece) -> Void) -> Void

    /// Each file's text, whole.
    func joined() -> [String] {
        var bytes = [[UInt8]](repeating: [], count: files.count)
        produce { file, piece in piece.append(to: &bytes[file]) }
        return bytes.map { String(decoding: $0, as: UTF8.self) }
    }
}

/// A piece of a streamed file: text, the templates' output, or UTF-8 made on bytes (rewritten
/// chapter bodies, the search index's JSON), which goes to disk without being made a String:
/// checking tens of megabytes of it as UTF-8 again cost more than writing it.
enum FilePiece {
    case text(String)
    case html(HTML)
    case bytes([UInt8])

    func append(to bytes: inout [UInt8]) {
        switch self {
        case .text(let text): bytes += text.utf8
        case .html(let html): bytes += html.utf8
        case .bytes(let piece): bytes += piece
        }
    }
}

/// A value made the first time it is asked for, then kept: the preview server defers the printable
/// pages and search indexes, which every save changes but an editor seldom opens.
public final class Deferred<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var make: (() -> Value)?
    private var made: Value?

    init(_ make: @escaping () -> Value) {
        self.make = make
    }

    public var value: Value {
        lock.withLock {
            if let made { return made }
            let value = make!()
            made = value
            make = nil
            return value
        }
    }
}

/// Where the layout stage puts the site's files as it makes them: in memory (`SiteCollector`, for
/// `SiteBuilder.generate`, the preview server and `check`), or straight into the staging folder
/// (`StagingWriter`, for `routemap build`), so that a build never holds every page at once.
protocol SiteSink: AnyObject {
    /// Runs every job, spread over the cores, the jobs at the indices in `first` (the longest) before
    /// the others, and takes the files each makes. Returns the path and origin of every file, in the
    /// order of `jobs` and of the files within each job.
    func take(_ jobs: [() -> [SiteItem]], first: [Int]) -> [(path: String, origin: String)]
}

extension SiteSink {
    func take(_ items: [SiteItem]) -> [(path: String, origin: String)] {
        take([{ items }], first: [])
    }
}

/// Keeps every file in memory, in the order the generator lists them.
final class SiteCollector: SiteSink {
    private(set) var files: [OutputFile] = []
    /// Streamed files (made from every chapter of an edition) are made only when asked for.
    let deferringStreamed: Bool

    init(deferringStreamed: Bool = false) {
        self.deferringStreamed = deferringStreamed
    }

    func take(_ jobs: [() -> [SiteItem]], first: [Int]) -> [(path: String, origin: String)] {
        let made = concurrentMap(count: jobs.count, first: first) { jobs[$0]().flatMap { $0.outputFiles(deferring: deferringStreamed) } }
            .flatMap { $0 }
        files += made
        return made.map { ($0.path, $0.origin) }
    }
}
