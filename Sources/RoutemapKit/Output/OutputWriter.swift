import Foundation

/// Writes the site beside the output folder and swaps it in only once every file is written,
/// so a failed or interrupted build leaves the previous site exactly as it was.
public enum OutputWriter {
    public static func write(_ files: [OutputFile], to output: String) throws {
        try write(to: output, produce: { writer in files.forEach { writer.write(.whole($0)) } })
    }

    /// Writes the files `produce` hands the writer as they are made. When `produce` throws (a build
    /// whose layout found errors), its error is thrown and nothing is swapped in. What did not stop
    /// the build (a previous site that could not be deleted) goes to `log`.
    static func write(to output: String, produce: (StagingWriter) throws -> Void, log: DiagnosticLog = DiagnosticLog()) throws {
        try write(to: OutputFolder.resolve(output), produce: produce, log: log)
    }

    static func write(to output: OutputFolder, produce: (StagingWriter) throws -> Void, log: DiagnosticLog = DiagnosticLog()) throws {
        let leftovers = Leftovers(of: output)
        leftovers.removeStale()
        let staging = leftovers.staging
        var previous: String?
        var info = stat()
        guard lstat(staging, &info) != 0 else {
            throw OutputError(path: staging, reason: "cannot write the site: a folder routemap did not make is in the way of the new site",
                              hint: "delete or rename \(staging)")
        }
        do {
            let writer = try StagingWriter(folder: staging, reusing: OutputFolder.isSite(output.path) ? output.path : nil)
            InterruptCleanup.building(staging)
            // First of all, so that a build killed midway leaves a folder the next one can prove its own.
            try leftovers.claim(staging)
            writer.write(.whole(OutputFile(path: OutputFolder.markerName, contents: .text(OutputFolder.markerText), origin: "routemap")))
            do {
                try produce(writer)
            } catch {
                try? writer.finish()
                throw error
            }
            try writer.finish()
            previous = try InterruptCleanup.swapping {
                try leftovers.unclaim(staging)
                return try swapIn(staging, as: output.path, leftovers: leftovers)
            }
        } catch {
            InterruptCleanup.waitIfStopping()
            _ = leftovers.remove(staging)
            throw error
        }
        if let left = previous.flatMap({ leftovers.remove($0) }) { log.add(left.diagnostic(output)) }
    }

    /// Writes every file under `folder`, creating it and the folders inside as needed; a file
    /// already there is replaced. See `StagingWriter`, which also explains `previous`.
    static func writeTree(_ files: [OutputFile], into folder: String, reusing previous: String? = nil) throws {
        let writer = try StagingWriter(folder: folder, reusing: previous)
        files.forEach { writer.write(.whole($0)) }
        try writer.finish()
    }

    /// Exchanges the two folders in one step where the kernel allows it (renameat2), so there is
    /// no moment without an output folder; otherwise moves the old one aside first. Returns where
    /// the previous site now is, to be deleted.
    private static func swapIn(_ staging: String, as output: String, leftovers: Leftovers) throws -> String? {
        guard FileManager.default.fileExists(atPath: output) else {
            guard rename(staging, output) == 0 else { throw OutputError.writing(output, errno) }
            return nil
        }
        if let exchange = renameExchange, exchange(AT_FDCWD, staging, AT_FDCWD, output, 2 /* RENAME_EXCHANGE */) == 0 {
            return staging
        }
        let old = leftovers.aside
        try leftovers.claim(output)
        guard rename(output, old) == 0 else { throw OutputError.writing(output, errno) }
        guard rename(staging, output) == 0 else {
            let code = errno
            _ = rename(old, output)
            try? leftovers.unclaim(output)
            throw OutputError.writing(output, code)
        }
        return old
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's renameat2, which Swift's Glibc module does not import.
    private static let renameExchange: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
}
