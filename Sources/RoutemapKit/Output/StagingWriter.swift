import Foundation
import Synchronization
import Templates

/// Writes the site's files into a folder as the layout stage makes them, so that a build holds only
/// the pages still being made rather than the whole site. It only writes: which files there are,
/// and that no two claim one path, the layout has settled before the first is written (`SitePlan`).
///
/// Each thread making pages writes what it makes. A thread of its own for writing, fed through a
/// queue, was the slowest part of a build while the threads making pages waited for it; the folder's
/// lock, which creating a file takes, costs little next to writing the file (docs/guide/performance.md).
///
/// A file that `previous` (the site being replaced) already holds byte for byte is hard-linked from
/// it instead: the output is deterministic, so after a small change almost every file is, and a link
/// costs the file system far less than a new file. Streamed files (the printable pages and search
/// indexes, tens of megabytes each) are always written: they hold every chapter of their edition,
/// so they change whenever one does, and they are written as they are made, never held whole to compare.
final class StagingWriter: Sendable {
    let folder: String
    let previous: String?

    /// The first problem met; once there is one, nothing more is written.
    private let failure = Mutex<OutputError?>(nil)
    /// Folders known to exist.
    private let folders = Mutex<Set<String>>([])

    init(folder: String, reusing previous: String? = nil) throws {
        self.folder = folder
        self.previous = previous
        try makeFolder(folder)
    }

    /// Writes one file (or streamed files); safe to call from several threads at once. After a
    /// problem, nothing more is written (the files are still made), and `finish` throws it.
    func write(_ file: LaidOutFile) {
        guard failure.withLock({ $0 == nil }) else { return }
        let problem = switch file {
        case .whole(let file): write(file)
        case .streamed(let streamed): write(streamed)
        }
        if let problem { failure.withLock { if $0 == nil { $0 = problem } } }
    }

    /// Throws the first problem met while writing; the folder then holds an unknown part of the site.
    func finish() throws {
        if let failure = failure.withLock({ $0 }) { throw failure }
    }

    // MARK: Writing

    /// Bytes gathered before a streamed file is written to: a few large writes cost the kernel far
    /// less than the same bytes in the few-kilobyte pieces they are made in (docs/guide/performance.md).
    private static let streamedWriteSize = 1 << 18

    /// Creates the streamed files and writes their pieces as they are made, a few hundred kilobytes
    /// at a time. After a problem the rest is still made (the generator does not stop) but no longer written.
    private func write(_ streamed: StreamedFiles) -> OutputError? {
        var open: [(fd: Int32, path: String)] = []
        defer { for file in open { close(file.fd) } }
        for file in streamed.files {
            let path = join(folder, file.path)
            if let problem = prepare(path) { return problem }
            let fd = create(path)
            guard fd >= 0 else { return OutputError.writing(path, errno) }
            open.append((fd, path))
        }
        var problem: OutputError?
        var gathered = [[UInt8]](repeating: [], count: open.count)
        func flush(_ index: Int) {
            guard problem == nil, !gathered[index].isEmpty else { return }
            problem = gathered[index].withUnsafeBytes { writeAll(open[index].fd, $0, path: open[index].path) }
            gathered[index].removeAll(keepingCapacity: true)
        }
        streamed.produce { index, piece in
            guard problem == nil else { return }
            if gathered[index].capacity == 0 { gathered[index].reserveCapacity(Self.streamedWriteSize + (1 << 16)) }
            piece.append(to: &gathered[index])
            if gathered[index].count >= Self.streamedWriteSize { flush(index) }
        }
        for index in open.indices { flush(index) }
        return problem
    }

    private func write(_ file: OutputFile) -> OutputError? {
        let path = join(folder, file.path)
        if let problem = prepare(path) { return problem }
        let unchanged = previous.map { join($0, file.path) }
        switch file.contents {
        case .html(let html):
            return html.utf8.withUnsafeBytes { writeOrLink(path, $0, unchanged: unchanged) }
        case .bytes(let bytes):
            return bytes.withUnsafeBytes { writeOrLink(path, $0, unchanged: unchanged) }
        case .text, .deferred:
            var text = file.text ?? ""
            return text.withUTF8 { writeOrLink(path, UnsafeRawBufferPointer($0), unchanged: unchanged) }
        case .copy(let source):
            // Never more readable than the file it copies: a private file linked into the content stays private.
            var info = stat()
            guard stat(source, &info) == 0 else { return OutputError(path: source, reason: "cannot copy this file into the site: \(String(cString: strerror(errno)))") }
            guard (info.st_mode & S_IFMT) == S_IFREG else { return OutputError(path: source, reason: "cannot copy this into the site: it is not a regular file") }
            guard let data = FileManager.default.contents(atPath: source) else {
                return OutputError(path: source, reason: "cannot copy this file into the site: it cannot be read")
            }
            return data.withUnsafeBytes { writeOrLink(path, $0, unchanged: unchanged, mode: info.st_mode & Self.publishedMode) }
        }
    }

    /// Pages are readable by everyone, and writable by their owner only.
    static let publishedMode: mode_t = 0o644

    /// Makes the file's folder when it is missing.
    private func prepare(_ path: String) -> OutputError? {
        let parent = parentFolder(of: path)
        if !parent.isEmpty && !folders.withLock({ $0.contains(parent) }) {
            do { try makeFolder(parent) } catch { return error as? OutputError }
        }
        return nil
    }

    /// A new file at `path`, for writing. Never opens a file that is already there: in the staging
    /// folder it may be a hard link into the previous site, which must not change through it (a file
    /// written over, such as a page given the PDF's link, or two files claiming one path).
    private func create(_ path: String, mode: mode_t = publishedMode) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd < 0, errno == EEXIST, unlink(path) == 0 else { return fd }
        return open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    }

    /// Creates `path` and any folder above it that is missing.
    private func makeFolder(_ path: String) throws {
        var missing: [String] = []
        var current = path
        while !current.isEmpty && current != "/" && current != "." && !folders.withLock({ $0.contains(current) }) {
            missing.append(current)
            current = parentFolder(of: current)
        }
        for folder in missing.reversed() {
            if mkdir(folder, 0o755) != 0 && errno != EEXIST {
                throw OutputError.writing(folder, errno)
            }
            _ = folders.withLock { $0.insert(folder) }
        }
    }

    private func writeOrLink(_ path: String, _ bytes: UnsafeRawBufferPointer, unchanged: String?, mode: mode_t = publishedMode) -> OutputError? {
        if let unchanged, holds(unchanged, exactly: bytes, mode: mode), link(unchanged, path) == 0 { return nil }
        let fd = create(path, mode: mode)
        guard fd >= 0 else { return OutputError.writing(path, errno) }
        defer { close(fd) }
        return writeAll(fd, bytes, path: path)
    }

    /// Whether the file at `path` is a regular file holding exactly `bytes`, with the permissions
    /// `mode` would give it (as a new file, less the umask, which only ever takes permissions away).
    private func holds(_ path: String, exactly bytes: UnsafeRawBufferPointer, mode: mode_t) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count,
              info.st_mode & 0o777 & ~mode == 0 else { return false }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < bytes.count {
            let count = read(fd, buffer.baseAddress! + offset, bytes.count - offset)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return bytes.count == 0 || memcmp(buffer.baseAddress!, bytes.baseAddress!, bytes.count) == 0
    }

    /// Plain POSIX writes: Foundation's atomic writes sync every file, which costs more than rendering it.
    private func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) -> OutputError? {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return OutputError.writing(path, errno)
            }
            offset += written
        }
        return nil
    }
}
