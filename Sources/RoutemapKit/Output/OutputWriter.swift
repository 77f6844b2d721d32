import Foundation

/// Writes the site beside the output folder and swaps it in only once every file is written,
/// so a failed or interrupted build leaves the previous site exactly as it was.
public enum OutputWriter {
    /// `beforeSwap` runs on the staging folder once every file is written (the PDFs are made there).
    public static func write(_ files: [OutputFile], to output: String, beforeSwap: (String) throws -> Void = { _ in }) throws {
        try write(to: output, produce: { _ = $0.take(files.map(SiteItem.file)) }, beforeSwap: beforeSwap)
    }

    /// Writes the files `produce` hands the writer as they are made. When `produce` throws (a build
    /// whose layout found errors), its error is thrown and nothing is swapped in.
    static func write(to output: String, produce: (StagingWriter) throws -> Void,
                      beforeSwap: (String) throws -> Void = { _ in }) throws {
        let output = output.hasSuffix("/") ? String(output.dropLast()) : output
        removeLeftovers(of: output)
        let staging = stagingPath(for: output)
        try? FileManager.default.removeItem(atPath: staging)
        do {
            let writer = try StagingWriter(folder: staging, reusing: FileManager.default.fileExists(atPath: output) ? output : nil)
            do {
                try produce(writer)
            } catch {
                try? writer.finish()
                throw error
            }
            try writer.finish()
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

    /// Writes every file under `folder`, creating it and the folders inside as needed; a file
    /// already there is replaced. See `StagingWriter`, which also explains `previous`.
    static func writeTree(_ files: [OutputFile], into folder: String, reusing previous: String? = nil) throws {
        try writeTree(items: files.map(SiteItem.file), into: folder, reusing: previous)
    }

    static func writeTree(items: [SiteItem], into folder: String, reusing previous: String? = nil) throws {
        let writer = try StagingWriter(folder: folder, reusing: previous)
        _ = writer.take(items)
        try writer.finish()
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
