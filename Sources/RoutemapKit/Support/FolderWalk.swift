import Foundation

/// A file met by `walkFolder` (folders are entered, not met).
public struct FolderEntry {
    public enum Kind: Sendable, Equatable {
        case file
        /// A symbolic link that leads to a folder: never entered (a link to a folder above would never end).
        case linkedFolder
        /// A symbolic link that leads nowhere.
        case brokenLink
        /// A named pipe, a socket or a device.
        case other
    }

    /// The walked folder joined with `relativePath`.
    public var path: String
    /// Below the walked folder, such as `guides/intro.md`.
    public var relativePath: String
    /// What is there, through a symbolic link.
    public var kind: Kind
    public var isLink: Bool
    /// What `stat` says of it (through a link): nil for a regular file the folder listing named as
    /// one, unless every file's was asked for, and for a broken link.
    public var info: stat?
}

/// Walks the files below `folder` as routemap reads a publication: hidden names (starting with '.')
/// and names `skipping` picks are passed over, folders are entered (`entering` is told of each as it
/// is opened, `folder` first), and `visit` meets everything else. A symbolic link counts as what it
/// leads to. `statEveryFile` has every file's `info` read; otherwise only where the folder listing
/// does not say that it is a regular file.
///
/// readdir rather than FileManager's enumerator, which cost more than parsing the chapters' front matter.
public func walkFolder(_ folder: String, statEveryFile: Bool = false, skipping: (String) -> Bool = { _ in false },
                       entering: (String) -> Void = { _ in }, _ visit: (FolderEntry) -> Void) {
    walk(folder, prefix: "", statEveryFile: statEveryFile, skipping: skipping, entering: entering, visit: visit)
}

private func walk(_ folder: String, prefix: String, statEveryFile: Bool, skipping: (String) -> Bool,
                  entering: (String) -> Void, visit: (FolderEntry) -> Void) {
    guard let directory = opendir(folder) else { return }
    defer { closedir(directory) }
    entering(folder)
    let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    while let entry = readdir(directory) {
        // Read up to the name's end only: the record is often shorter than d_name's 256 bytes.
        let name = String(cString: UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
        if name.hasPrefix(".") || skipping(name) { continue }
        let path = join(folder, name)
        let type = Int32(entry.pointee.d_type)
        if type == Int32(DT_DIR) {
            walk(path, prefix: prefix + name + "/", statEveryFile: statEveryFile, skipping: skipping, entering: entering, visit: visit)
            continue
        }
        if type == Int32(DT_REG), !statEveryFile {
            visit(FolderEntry(path: path, relativePath: prefix + name, kind: .file, isLink: false, info: nil))
            continue
        }
        // A link, something else, or a file system that does not say: look (through a link) at what is there.
        var info = stat()
        guard lstat(path, &info) == 0 else { continue }
        let isLink = (info.st_mode & S_IFMT) == S_IFLNK
        if isLink, stat(path, &info) != 0 {
            visit(FolderEntry(path: path, relativePath: prefix + name, kind: .brokenLink, isLink: true, info: nil))
            continue
        }
        let kind: FolderEntry.Kind
        switch info.st_mode & S_IFMT {
        case S_IFDIR where !isLink:
            walk(path, prefix: prefix + name + "/", statEveryFile: statEveryFile, skipping: skipping, entering: entering, visit: visit)
            continue
        case S_IFDIR: kind = .linkedFolder
        case S_IFREG: kind = .file
        default: kind = .other
        }
        visit(FolderEntry(path: path, relativePath: prefix + name, kind: kind, isLink: isLink, info: info))
    }
}

/// Every non-hidden file below `folder`, as paths relative to it, sorted (see `walkFolder`); a
/// symbolic link that leads to a folder is left out. With `root`, what cannot be published is told
/// to `problem` (path, what is wrong) and left out: a link that leads nowhere or out of `root`, and
/// anything that is neither a file nor a folder (a named pipe, a device, a socket).
func listFiles(_ folder: String, within root: String? = nil, problem: (String, String) -> Void = { _, _ in }) -> [String] {
    var files: [String] = []
    let root = root.flatMap(realPath)
    walkFolder(folder) { entry in
        if entry.isLink {
            guard entry.kind != .brokenLink, let target = realPath(entry.path) else {
                if root != nil { problem(entry.path, "this symbolic link leads nowhere") }
                return
            }
            if let root, !isInside(target, root) {
                problem(entry.path, "this symbolic link leads out of the content folder, to \(target), which is not published")
                return
            }
        }
        switch entry.kind {
        case .file: files.append(entry.relativePath)
        case .other: if root != nil { problem(entry.path, "this is not a regular file (a named pipe, socket or device), so it cannot be published") }
        case .linkedFolder, .brokenLink: break
        }
    }
    return files.sorted()
}
