import Foundation
import RoutemapKit

/// Turns a request's path into the path of a file of the site, refusing anything that could reach
/// outside it. The check is made on the path exactly as sent, percent-decoded, before anything
/// else reads it: `..`, `%2e%2e` and `..%2f` are refused however they are spelled.
enum RequestedPath {
    enum Resolution: Equatable {
        case file(String)
        /// `/final` → `/final/`, so that the page's relative links work.
        case redirect(String)
        case refused(String)
    }

    static func resolve(rawPath: String, exists: (String) -> Bool) -> Resolution {
        guard let decoded = rawPath.removingPercentEncoding else { return .refused("the path is not valid percent-encoding") }
        if decoded.contains("\\") || decoded.contains("\0") { return .refused("the path holds a backslash or a null character") }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .refused("the path climbs with '..' or '.'") }
        let parts = segments.filter { !$0.isEmpty }.map(String.init)
        let path = parts.joined(separator: "/")
        if path.isEmpty || decoded.hasSuffix("/") { return .file(path.isEmpty ? "index.html" : path + "/index.html") }
        if !exists(path), exists(path + "/index.html") { return .redirect("/" + path + "/") }
        return .file(path)
    }

    /// Whether `file` really lies in one of `roots` once every symbolic link is followed.
    static func isInside(_ file: String, roots: [String]) -> Bool {
        guard let real = realPath(file) else { return false }
        return roots.compactMap(realPath).contains { RoutemapKit.isInside(real, $0) }
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "woff2": return "font/woff2"
        case "xml": return "application/xml"
        default: return "application/octet-stream"
        }
    }
}
