import Foundation
import Synchronization
import Templates

/// The site as the layout stage hands it on: every file it will have, planned but not yet made.
/// Where each file goes, and which content or theme file it comes from, are known before any is
/// made, so two files claiming one path are found before anything is written; what each holds is
/// made only when the writer (or `check`, or the preview) asks for it, spread over the cores, so
/// that a build never holds the whole site at once.
struct SitePlan {
    var items: [PlannedItem]
    /// Items started first: the longest (the printable pages, the search indexes, the term pages),
    /// which would otherwise be left running alone at the end.
    var first: [Int] = []
    /// Items that show the PDFs' links (the front page, each edition's contents and printable
    /// pages): `routemap build --pdf` makes them once the PDFs are printed.
    var showingPDFs: Set<Int> = []
    /// With `printing`: each edition's PDF source page (`pdf.mustache`), which WeasyPrint prints and
    /// which is then deleted, and the PDFs it writes. Both are claimed like the site's own files.
    var pdfSources: [PlannedItem] = []
    var pdfs: [(path: String, origin: String)] = []

    /// Every path the site will have, with the file it comes from, in order.
    var claims: [(path: String, origin: String)] {
        items.flatMap(\.claims) + pdfSources.flatMap(\.claims) + pdfs
    }

    /// Two files claiming one path would overwrite each other.
    func reportDuplicatePaths(log: DiagnosticLog) {
        var seen: [String: String] = [:]
        seen.reserveCapacity(items.count)
        for file in claims {
            if let first = seen[file.path] {
                log.add(.error(file.origin, "this would be written to \(file.path), which \(first) also writes",
                               hint: "rename one of them, or give the chapter another 'id:'"))
            } else {
                seen[file.path] = file.origin
            }
        }
    }

    /// Makes the items for which `including` holds, spread over the cores, longest first, and hands
    /// each file to `take` on the thread that made it, as soon as it is made. Returns how many files
    /// were made (a social card rsvg-convert could not draw is not).
    @discardableResult
    func make(including: (Int) -> Bool = { _ in true }, _ take: @Sendable (LaidOutFile) -> Void) -> Int {
        let chosen = items.indices.filter(including)
        prepare(chosen)
        let position = Dictionary(uniqueKeysWithValues: chosen.enumerated().map { ($1, $0) })
        return concurrentMap(count: chosen.count, first: first.compactMap { position[$0] }) { index in
            guard let file = items[chosen[index]].laidOut else { return 0 }
            take(file)
            return file.count
        }.reduce(0, +)
    }

    /// Every file, made in memory, in order; with `deferringStreamed`, the files made from every
    /// chapter of an edition (printable pages, search indexes) are made only when first read.
    func files(deferringStreamed: Bool = false) -> [OutputFile] {
        prepare(Array(items.indices))
        return concurrentMap(count: items.count, first: first) { items[$0].laidOut?.outputFiles(deferring: deferringStreamed) ?? [] }
            .flatMap { $0 }
    }

    /// Starts, before any file is made, the files another program makes (see `PlannedFile.prepare`).
    private func prepare(_ chosen: [Int]) {
        for index in chosen {
            if case .file(let file) = items[index] { file.prepare?() }
        }
    }
}

/// One file as the layout plans it.
struct PlannedFile {
    /// Relative to the output folder.
    var path: String
    /// The content or theme file it comes from, named when two files claim one path.
    var origin: String
    /// What the file holds; nil when it cannot be made and the site goes without it (a social card
    /// that rsvg-convert could not draw).
    var make: @Sendable () -> OutputFile.Contents?
    /// For a file another program makes (a social card, by rsvg-convert): starts it, so that it is
    /// made beside the pages rather than when a thread making pages reaches it. Called, when the
    /// site is written, before any file is made; `check`, which reads no such file, never calls it.
    var prepare: (@Sendable () -> Void)?

    init(_ path: String, origin: String, prepare: (@Sendable () -> Void)? = nil, make: @escaping @Sendable () -> OutputFile.Contents?) {
        self.path = path
        self.origin = origin
        self.prepare = prepare
        self.make = make
    }
}

/// A planned file, or files too long to hold whole (the printable pages, the search index), made
/// piece by piece as they are written.
enum PlannedItem {
    case file(PlannedFile)
    case streamed(StreamedFiles)

    var claims: [(path: String, origin: String)] {
        switch self {
        case .file(let file): [(file.path, file.origin)]
        case .streamed(let streamed): streamed.files
        }
    }

    /// The file made; streamed files are made as they are read.
    var laidOut: LaidOutFile? {
        switch self {
        case .file(let file): file.make().map { .whole(OutputFile(path: file.path, contents: $0, origin: file.origin)) }
        case .streamed(let streamed): .streamed(streamed)
        }
    }
}

/// A file as the layout stage hands it to be written: whole, or streamed (its pieces made as they are written).
enum LaidOutFile {
    case whole(OutputFile)
    case streamed(StreamedFiles)

    /// How many files it is.
    var count: Int {
        switch self {
        case .whole: 1
        case .streamed(let streamed): streamed.files.count
        }
    }

    /// The path and origin of each file, in order.
    var placed: [(path: String, origin: String)] {
        switch self {
        case .whole(let file): [(file.path, file.origin)]
        case .streamed(let streamed): streamed.files
        }
    }

    /// Every file made whole, joining the pieces of streamed files; with `deferring`, streamed files
    /// are made and joined only when one of them is first asked for.
    func outputFiles(deferring: Bool = false) -> [OutputFile] {
        switch self {
        case .whole(let file):
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
    var produce: @Sendable (_ emit: (_ file: Int, _ piece: FilePiece) -> Void) -> Void

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
public final class Deferred<Value: Sendable>: Sendable {
    private enum State {
        case waiting(@Sendable () -> Value)
        case made(Value)
    }

    /// Held while the value is made, so that it is made once.
    private let state: Mutex<State>

    init(_ make: @escaping @Sendable () -> Value) {
        state = Mutex(.waiting(make))
    }

    public var value: Value {
        state.withLock { state in
            switch state {
            case .made(let value):
                return value
            case .waiting(let make):
                let value = make()
                state = .made(value)
                return value
            }
        }
    }
}
