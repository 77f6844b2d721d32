import Foundation

/// `name` inside `folder`, with one `/` between them; an empty or `.` folder adds nothing.
func join(_ folder: String, _ name: String) -> String {
    folder.isEmpty || folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
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
