import Foundation

/// The folder a build publishes to, checked before anything is written.
///
/// A build replaces its output folder whole (see `OutputWriter`), so it must only ever replace a
/// folder it made: one that is missing, empty, or carries the marker file a build writes into every
/// site. Whatever else the path names (the content, the themes, the working folder or one above it,
/// the home folder, `/`, a file, a symbolic link, a folder of someone's files) is refused with a
/// message that says what is there and how to go on.
public struct OutputFolder: Sendable, Equatable {
    /// As the user wrote it, for messages.
    public let spelling: String
    /// Absolute, without `.`, `..` or repeated `/`, and with every folder above it followed through
    /// symbolic links: the staging folder is made beside this path, in the same file system.
    public let path: String

    /// The file every site routemap writes carries at its top; `replaceable` looks for it.
    public static let markerName = ".routemap-site"
    static let markerText = "This folder is a site written by routemap. A build replaces it whole: keep nothing else here.\n"

    var parent: String { (path as NSString).deletingLastPathComponent }
    var name: String { (path as NSString).lastPathComponent }

    /// Normalises `spelling` and refuses what may not be replaced; `protected` are the folders the
    /// build reads (content, themes), which the output may neither be, hold nor lie inside.
    public static func resolve(_ spelling: String, protecting protected: [(role: String, path: String)] = [],
                               workingDirectory: String = FileManager.default.currentDirectoryPath,
                               home: String? = ProcessInfo.processInfo.environment["HOME"]) throws(OutputError) -> OutputFolder {
        guard !spelling.isEmpty else {
            throw OutputError(path: "--output", reason: "the output folder is empty", hint: "give a folder name, such as --output output")
        }
        let lexical = normalised(spelling, from: workingDirectory)
        let folder = OutputFolder(spelling: spelling, path: followingParents(lexical))
        try folder.refuseLinksAndFiles(lexical)
        try folder.refuseProtected(protected, workingDirectory: workingDirectory, home: home)
        try folder.refuseForeignContents()
        return folder
    }

    /// `spelling` made absolute, with `.`, `..` and empty components removed, by its letters alone.
    static func normalised(_ spelling: String, from workingDirectory: String) -> String {
        let absolute = spelling.hasPrefix("/") ? spelling : workingDirectory + "/" + spelling
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The path with the folders above it resolved through symbolic links (as far as they exist).
    private static func followingParents(_ path: String) -> String {
        guard path != "/" else { return path }
        let parent = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return join(realPath(parent) ?? followingParents(parent), name)
    }

    private func refuseLinksAndFiles(_ lexical: String) throws(OutputError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            return
        case S_IFLNK:
            let target = realPath(path).map { " (it leads to \($0))" } ?? " that leads nowhere"
            throw OutputError(path: spelling, reason: "the output is a symbolic link\(target); a build replaces its output folder whole, so it does not write through a link",
                              hint: "give the folder itself as --output, or another folder name")
        default:
            throw OutputError(path: spelling, reason: "the output is a file, not a folder; a build would replace it with the site",
                              hint: "choose another --output, such as --output output")
        }
    }

    private func refuseProtected(_ protected: [(role: String, path: String)], workingDirectory: String, home: String?) throws(OutputError) {
        let working = realPath(workingDirectory) ?? Self.normalised(workingDirectory, from: "/")
        if path == "/" {
            throw refusal("it is the root of the file system")
        }
        if let home, !home.isEmpty, path == (realPath(home) ?? home) {
            throw refusal("it is the home folder")
        }
        if path == working || isInside(working, path) {
            throw refusal(path == working ? "it is the folder routemap runs in" : "it holds the folder routemap runs in (\(working))")
        }
        for (role, folder) in protected {
            let real = realPath(folder) ?? Self.normalised(folder, from: workingDirectory)
            if path == real { throw refusal("it is the \(role) folder") }
            if isInside(path, real) { throw refusal("it lies inside the \(role) folder (\(folder)), which the build reads") }
            if isInside(real, path) { throw refusal("it holds the \(role) folder (\(folder))") }
        }
    }

    private func refusal(_ why: String) -> OutputError {
        OutputError(path: spelling, reason: "routemap will not write the site here: \(why), and a build replaces its output folder whole",
                    hint: "choose a folder of its own, such as --output output")
    }

    /// An existing folder may be replaced only when it is empty or a site routemap wrote.
    private func refuseForeignContents() throws(OutputError) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path), !entries.isEmpty else { return }
        guard !Self.isSite(path) else { return }
        let shown = entries.sorted().prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
        throw OutputError(path: spelling,
                          reason: "the folder holds files routemap did not write (\(shown)); a build replaces its output folder whole, so it only replaces a site it wrote",
                          hint: "choose another --output, or empty the folder if nothing in it is needed (a site built by a routemap older than 0.5 has no \(Self.markerName) file: delete it once)")
    }

    /// Whether `folder` carries the marker of a site routemap wrote.
    static func isSite(_ folder: String) -> Bool {
        var info = stat()
        let marker = join(folder, markerName)
        guard lstat(marker, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == markerText.utf8.count else { return false }
        return (try? String(contentsOfFile: marker, encoding: .utf8)) == markerText
    }
}

/// A folder or file routemap writes (the output folder, `init`'s publication, `new chapter`'s file)
/// could not be used or written: a failure of the machine, not a problem in the content.
public struct OutputError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var reason: String
    public var hint: String?

    public init(path: String, reason: String, hint: String? = nil) {
        self.path = path
        self.reason = reason
        self.hint = hint
    }

    /// A system call on `path` failed with `code` (errno).
    static func writing(_ path: String, _ code: Int32) -> OutputError {
        OutputError(path: path, reason: "cannot write the site: \(String(cString: strerror(code)))")
    }

    public var description: String {
        var text = "\(PrintableText.escaping(path)): error: \(PrintableText.escaping(reason))"
        if let hint { text += "\n    hint: \(PrintableText.escaping(hint))" }
        return text
    }
}
