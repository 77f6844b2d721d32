import Foundation

/// Writes the site's files into a folder as the layout stage makes them, so that a build holds only
/// the pages still waiting to be written rather than the whole site.
///
/// Pages are made on every core; the files are created by one thread of its own. File creation in
/// one folder takes the folder's lock in the kernel, and two threads creating files side by side
/// spend their time spinning on it; one thread creating while the others render wastes nothing.
/// When the writer falls behind, the threads making pages wait (`queueLimit`), so memory stays bounded.
///
/// A file that `previous` (the site being replaced) already holds byte for byte is hard-linked from
/// it instead: the output is deterministic, so after a small change almost every file is, and a link
/// costs the file system far less than a new file.
final class StagingWriter: SiteSink, @unchecked Sendable {
    let folder: String
    let previous: String?
    /// Unlink each file before writing it: for writing over files in a folder whose files may be
    /// hard links into the previous site (which must not change through them).
    let replacing: Bool

    /// Bytes of pages made but not yet written past which the threads making pages wait.
    static let queueLimit = 24 << 20

    private let condition = NSCondition()
    private var queue: [SiteItem] = []
    private var queueStart = 0
    private var queuedBytes = 0
    private var finishing = false
    private var stopped = false
    private var failure: OutputError?
    /// Folders known to exist; only the writing thread uses it.
    private var folders: Set<String> = []

    init(folder: String, reusing previous: String? = nil, replacing: Bool = false) throws {
        self.folder = folder
        self.previous = previous
        self.replacing = replacing
        try makeFolder(folder)
        let thread = Thread { [self] in run() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    func take(_ jobs: [() -> [SiteItem]]) -> [(path: String, origin: String)] {
        var placed = [[(path: String, origin: String)]](repeating: [], count: jobs.count)
        placed.withUnsafeMutableBufferPointer { slots in
            let slots = slots
            DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
                let items = jobs[index]()
                slots[index] = items.map { ($0.path, $0.origin) }
                enqueue(items)
            }
        }
        return placed.flatMap { $0 }
    }

    /// Waits until every file taken so far is written, and ends the writing thread.
    /// Throws the first problem met; the folder then holds an unknown part of the site.
    func finish() throws {
        condition.lock()
        finishing = true
        condition.broadcast()
        while !stopped { condition.wait() }
        let failure = failure
        condition.unlock()
        if let failure { throw failure }
    }

    private func enqueue(_ items: [SiteItem]) {
        guard !items.isEmpty else { return }
        let bytes = items.reduce(0) { $0 + Self.byteCount($1) }
        condition.lock()
        while queuedBytes > 0 && queuedBytes + bytes > Self.queueLimit && !stopped { condition.wait() }
        queue.append(contentsOf: items)
        queuedBytes += bytes
        condition.broadcast()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while queueStart == queue.count && !finishing { condition.wait() }
            if queueStart == queue.count {
                stopped = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let item = queue[queueStart]
            queueStart += 1
            if queueStart > 256 && queueStart * 2 > queue.count {
                queue.removeFirst(queueStart)
                queueStart = 0
            }
            let skip = failure != nil
            condition.unlock()

            let problem = skip ? nil : write(item)
            condition.lock()
            if let problem, failure == nil { failure = problem }
            queuedBytes -= Self.byteCount(item)
            condition.broadcast()
            condition.unlock()
        }
    }

    private static func byteCount(_ item: SiteItem) -> Int {
        switch item {
        case .file(let file):
            if case .text(let text) = file.contents { return text.utf8.count }
            return 0
        case .pieces(_, let pieces, _):
            return pieces.reduce(0) { $0 + $1.utf8.count }
        }
    }

    // MARK: Writing one file

    private func write(_ item: SiteItem) -> OutputError? {
        let path = join(folder, item.path)
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && !folders.contains(parent) {
            do { try makeFolder(parent) } catch { return error as? OutputError }
        }
        if replacing { unlink(path) }
        let unchanged = previous.map { join($0, item.path) }
        switch item {
        case .file(let file):
            switch file.contents {
            case .text(var text):
                return text.withUTF8 { writeOrLink(path, FileBytes([UnsafeRawBufferPointer($0)]), unchanged: unchanged) }
            case .copy(let source):
                guard let data = FileManager.default.contents(atPath: source) else { return OutputError(path: source, reason: "cannot be read") }
                return data.withUnsafeBytes { writeOrLink(path, FileBytes([$0]), unchanged: unchanged) }
            }
        case .pieces(_, let pieces, _):
            return writeOrLink(path, FileBytes(pieces: pieces), unchanged: unchanged)
        }
    }

    /// Creates `path` and any folder above it that is missing.
    private func makeFolder(_ path: String) throws {
        var missing: [String] = []
        var current = path
        while !current.isEmpty && current != "/" && !folders.contains(current) {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        for folder in missing.reversed() {
            if mkdir(folder, 0o755) != 0 && errno != EEXIST {
                throw OutputError(path: folder, reason: String(cString: strerror(errno)))
            }
            folders.insert(folder)
        }
    }

    private func writeOrLink(_ path: String, _ bytes: FileBytes, unchanged: String?) -> OutputError? {
        if let unchanged, holds(unchanged, exactly: bytes), link(unchanged, path) == 0 { return nil }
        return writeFile(path, bytes)
    }

    /// Whether the file at `path` is a regular file holding exactly `bytes`.
    private func holds(_ path: String, exactly bytes: FileBytes) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.largestChunk, 1), alignment: 1)
        defer { buffer.deallocate() }
        return bytes.forEachChunk { chunk in
            var offset = 0
            while offset < chunk.count {
                let count = read(fd, buffer.baseAddress! + offset, chunk.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return chunk.count == 0 || memcmp(buffer.baseAddress!, chunk.baseAddress!, chunk.count) == 0
        }
    }

    /// Plain POSIX writes: Foundation's atomic writes sync every file, which costs more than rendering it.
    private func writeFile(_ path: String, _ bytes: FileBytes) -> OutputError? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return OutputError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var problem: OutputError?
        _ = bytes.forEachChunk { chunk in
            var offset = 0
            while offset < chunk.count {
                let written = Foundation.write(fd, chunk.baseAddress! + offset, chunk.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    problem = OutputError(path: path, reason: String(cString: strerror(errno)))
                    return false
                }
                offset += written
            }
            return true
        }
        return problem
    }
}

/// A file's bytes as consecutive chunks: one buffer, or the UTF-8 of each of several strings.
private struct FileBytes {
    private let buffers: [UnsafeRawBufferPointer]
    private let pieces: [String]
    let count: Int
    let largestChunk: Int

    init(_ buffers: [UnsafeRawBufferPointer]) {
        self.buffers = buffers
        self.pieces = []
        count = buffers.reduce(0) { $0 + $1.count }
        largestChunk = buffers.map(\.count).max() ?? 0
    }

    init(pieces: [String]) {
        self.buffers = []
        self.pieces = pieces
        count = pieces.reduce(0) { $0 + $1.utf8.count }
        largestChunk = pieces.map(\.utf8.count).max() ?? 0
    }

    /// Calls `body` with each chunk in order until it returns false; returns whether all returned true.
    func forEachChunk(_ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        for buffer in buffers where !body(buffer) { return false }
        for var piece in pieces {
            guard piece.withUTF8({ body(UnsafeRawBufferPointer($0)) }) else { return false }
        }
        return true
    }
}
