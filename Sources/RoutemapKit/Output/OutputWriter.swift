import Foundation

/// Writes the site beside the output folder and swaps it in only once every file is written,
/// so a failed or interrupted build leaves the previous site exactly as it was.
public enum OutputWriter {
    /// `beforeSwap` runs on the staging folder once every file is written (the PDFs are made there).
    public static func write(_ files: [OutputFile], to output: String, beforeSwap: (String) throws -> Void = { _ in }) throws {
        let output = output.hasSuffix("/") ? String(output.dropLast()) : output
        removeLeftovers(of: output)
        let staging = stagingPath(for: output)
        try? FileManager.default.removeItem(atPath: staging)
        do {
            try writeTree(files, into: staging, reusing: FileManager.default.fileExists(atPath: output) ? output : nil)
            try beforeSwap(staging)
            try InterruptCleanup.swapLock.withLock {
                try swapIn(staging, as: output)
                InterruptCleanup.swapped = true
            }
            // After an exchange the staging folder holds the previous site.
            try? FileManager.default.removeItem(atPath: staging)
        } catch {
            InterruptCleanup.waitIfStopping()
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    /// Where this process writes the new site before swapping it in.
    static func stagingPath(for output: String) -> String { "\(output).tmp-\(getpid())" }

    /// Writes every file under `folder`, creating folders first, using both cores. A file that
    /// `previous` (the site being replaced) already holds byte for byte is hard-linked from it
    /// instead: the output is deterministic, so after a small change almost every file is, and a
    /// link costs the file system far less than a new file.
    static func writeTree(_ files: [OutputFile], into folder: String, reusing previous: String? = nil) throws {
        var folders = Set<String>([folder])
        for file in files {
            var parent = (file.path as NSString).deletingLastPathComponent
            while !parent.isEmpty, folders.insert(join(folder, parent)).inserted {
                parent = (parent as NSString).deletingLastPathComponent
            }
        }
        for path in folders.sorted(by: { $0.count < $1.count }) where mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw OutputError(path: path, reason: String(cString: strerror(errno)))
        }
        let failures = concurrentMap(files) { file -> OutputError? in
            let path = join(folder, file.path)
            let unchanged = previous.map { join($0, file.path) }
            switch file.contents {
            case .text(var text):
                return text.withUTF8 { writeOrLink(path, bytes: UnsafeRawBufferPointer($0), unchanged: unchanged) }
            case .copy(let source):
                guard let data = FileManager.default.contents(atPath: source) else { return OutputError(path: source, reason: "cannot be read") }
                return data.withUnsafeBytes { writeOrLink(path, bytes: $0, unchanged: unchanged) }
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
    }

    private static func writeOrLink(_ path: String, bytes: UnsafeRawBufferPointer, unchanged: String?) -> OutputError? {
        if let unchanged, holds(unchanged, exactly: bytes), link(unchanged, path) == 0 { return nil }
        return writeFile(path, bytes: bytes)
    }

    /// Whether the file at `path` is a regular file holding exactly `bytes`.
    private static func holds(_ path: String, exactly bytes: UnsafeRawBufferPointer) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
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

    private static func writeFile(_ path: String, bytes: UnsafeRawBufferPointer) -> OutputError? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return OutputError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return OutputError(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        return nil
    }

    /// Exchanges the two folders in one step where the kernel allows it (renameat2), so there is
    /// no moment without an output folder; otherwise moves the old one aside first.
    private static func swapIn(_ staging: String, as output: String) throws {
        guard FileManager.default.fileExists(atPath: output) else {
            guard rename(staging, output) == 0 else { throw OutputError(path: output, reason: String(cString: strerror(errno))) }
            return
        }
        if let exchange = renameExchange, exchange(AT_FDCWD, staging, AT_FDCWD, output, 2 /* RENAME_EXCHANGE */) == 0 {
            return
        }
        let old = "\(output).old-\(getpid())"
        guard rename(output, old) == 0 else { throw OutputError(path: output, reason: String(cString: strerror(errno))) }
        guard rename(staging, output) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(old, output)
            throw OutputError(path: output, reason: reason)
        }
        try? FileManager.default.removeItem(atPath: old)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's renameat2, which Swift's Glibc module does not import.
    private static let renameExchange: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// Removes staging folders left by builds that were killed before they could clean up.
    private static func removeLeftovers(of output: String) {
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent)) ?? []
        for entry in entries where entry.hasPrefix(name + ".tmp-") || entry.hasPrefix(name + ".old-") {
            guard let pid = Int32(entry.split(separator: "-").last ?? ""), kill(pid, 0) != 0 else { continue }
            try? FileManager.default.removeItem(atPath: join(parent, entry))
        }
    }
}

public struct OutputError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): error: cannot write the site: \(reason)" }
}
