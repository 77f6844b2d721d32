import Foundation

/// `name` inside `folder`, with one `/` between them; an empty or `.` folder adds nothing.
func join(_ folder: String, _ name: String) -> String {
    folder.isEmpty || folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
}

/// The folder `path` is in (`a/b/c` → `a/b`, `/a` → `/`, `a` → empty), as
/// `NSString.deletingLastPathComponent` gives it for the paths the writer makes, found on the path's
/// bytes: through NSString, it was most of what the writer spends, outside the kernel, on each of a
/// build's thousands of files (perf).
func parentFolder(of path: String) -> String {
    let slash = UInt8(ascii: "/")
    var bytes = path.utf8[...]
    while bytes.count > 1, bytes.last == slash { bytes = bytes.dropLast() }
    guard var end = bytes.lastIndex(of: slash) else { return "" }
    while end > bytes.startIndex, bytes[bytes.index(before: end)] == slash { end = bytes.index(before: end) }
    return end == bytes.startIndex ? "/" : String(Substring(path.utf8[..<end]))
}

/// Where `path` leads with every symbolic link followed, when it exists.
public func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}

/// Whether `inner` lies below `outer` (both absolute and normalised, as `realPath` gives them).
public func isInside(_ inner: String, _ outer: String) -> Bool {
    outer == "/" ? inner != "/" : inner.hasPrefix(outer + "/")
}
