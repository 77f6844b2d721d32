import Foundation

/// The folders a build makes beside the output folder — the new site while it is written
/// (`<output>.tmp-<pid>`), and the previous site while it is deleted — and the proof that they are
/// its own. A build killed midway leaves one behind; the next build deletes it only when the folder
/// still holds the claim file naming the process that made it, and that process is gone. A folder
/// that merely looks like a leftover (`out.old-2019/`, a copy of a site) is never touched.
struct Leftovers {
    static let claimName = ".routemap-building"

    let output: OutputFolder
    let process = getpid()

    init(of output: OutputFolder) {
        self.output = output
    }

    /// Where this process writes the new site.
    var staging: String { join(output.parent, "\(output.name).tmp-\(process)") }
    /// Where this process moves the previous site when the two cannot be exchanged in one step.
    var aside: String { join(output.parent, "\(output.name).old-\(process)") }

    private func claimText(_ process: Int32) -> String { "routemap build, process \(process)\n" }

    /// Writes the claim file into `folder`.
    func claim(_ folder: String) throws(OutputError) {
        let path = join(folder, Self.claimName)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError.writing(path, errno) }
        defer { close(fd) }
        let text = claimText(process)
        guard write(fd, text, text.utf8.count) == text.utf8.count else { throw OutputError.writing(path, errno) }
    }

    func unclaim(_ folder: String) throws(OutputError) {
        let path = join(folder, Self.claimName)
        guard unlink(path) == 0 || errno == ENOENT else { throw OutputError.writing(path, errno) }
    }

    /// Whether `folder` holds the claim of `process`.
    private func isClaimed(_ folder: String, by process: Int32) -> Bool {
        let path = join(folder, Self.claimName)
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return (try? String(contentsOfFile: path, encoding: .utf8)) == claimText(process)
    }

    /// Deletes the folders earlier builds of this output left behind, when they can be proved theirs.
    func removeStale() {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output.parent)) ?? []
        for entry in entries {
            guard let process = leftoverProcess(entry), process == self.process || kill(process, 0) != 0 else { continue }
            let folder = join(output.parent, entry)
            guard isClaimed(folder, by: process) else { continue }
            _ = remove(folder)
        }
    }

    /// The process a name such as `out.tmp-123`, `out.tmp-stopped-123` or `out.old-123` names.
    private func leftoverProcess(_ entry: String) -> Int32? {
        for kind in [".tmp-", ".tmp-stopped-", ".old-"] where entry.hasPrefix(output.name + kind) {
            let digits = entry.dropFirst(output.name.count + kind.count)
            if !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let process = Int32(digits) { return process }
        }
        return nil
    }

    /// Deletes a folder of this build's, claiming it first and removing the claim last, so that a
    /// deletion cut short leaves a folder the next build can still prove its own. Returns what went
    /// wrong, if anything.
    func remove(_ folder: String) -> Leftover? {
        var info = stat()
        guard lstat(folder, &info) == 0 else { return nil }
        do {
            try claim(folder)
            for entry in try FileManager.default.contentsOfDirectory(atPath: folder) where entry != Self.claimName {
                try FileManager.default.removeItem(atPath: join(folder, entry))
            }
            try unclaim(folder)
            guard rmdir(folder) == 0 else { throw OutputError.writing(folder, errno) }
            return nil
        } catch let error as OutputError {
            return Leftover(path: folder, reason: error.reason)
        } catch {
            return Leftover(path: folder, reason: (error as NSError).localizedDescription)
        }
    }
}

/// A previous site that could not be deleted after the new one was swapped in.
struct Leftover {
    var path: String
    var reason: String

    func diagnostic(_ output: OutputFolder) -> Diagnostic {
        .warning(path, "the previous site, moved aside when the new one was put in \(output.spelling), could not be deleted: \(reason)",
                 hint: "delete \(path) by hand; the next build deletes it too once it can")
    }
}
