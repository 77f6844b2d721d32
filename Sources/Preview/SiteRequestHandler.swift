import FlyingFox
import Foundation
import HTMLText
import RoutemapKit

/// Answers requests from the site in memory, plus the live-reload script and its status.
struct SiteRequestHandler: HTTPHandler {
    let state: LiveState
    /// Files copied into the site (images, theme assets) must really lie in one of these.
    let roots: [String]

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return text(.methodNotAllowed, "Only GET and HEAD are served.\n")
        }
        let rawPath = request.target.path(percentEncoded: true)
        switch rawPath {
        case LiveReload.scriptPath:
            return respond(Data(LiveReload.script.utf8), type: "text/javascript; charset=utf-8")
        case LiveReload.statusPath:
            let since = request.query.first { $0.name == "since" }.flatMap { Int($0.value) } ?? -1
            let status = await state.next(after: since, timeout: 25)
            return respond(try JSONEncoder().encode(status), type: "application/json")
        default:
            break
        }
        if await state.status.version == 0 { _ = await state.next(after: 0, timeout: 60) }
        let files = await state.files
        let generation = await state.status.generation
        switch RequestedPath.resolve(rawPath: rawPath, exists: { files[$0] != nil }) {
        case .refused(let reason):
            return text(.forbidden, "Refused: \(reason). Only files of the site are served.\n")
        case .redirect(let location):
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location, .cacheControl: "no-store"]), body: Data())
        case .file(let path):
            guard let file = files[path] else { return notFound(rawPath, generation: generation) }
            switch file.contents {
            case .text, .html, .deferred:
                let text = file.text ?? ""
                let body = path.hasSuffix(".html") ? LiveReload.inject(into: text, generation: generation) : text
                return respond(Data(body.utf8), type: RequestedPath.contentType(of: path))
            case .bytes(let bytes):
                return respond(Data(bytes), type: RequestedPath.contentType(of: path))
            case .copy(let source):
                guard RequestedPath.isInside(source, roots: roots) else {
                    return text(.forbidden, "Refused: \(path) is a symbolic link to a file outside the content and themes folders.\n")
                }
                guard let data = FileManager.default.contents(atPath: source) else { return notFound(rawPath, generation: generation) }
                return respond(data, type: RequestedPath.contentType(of: path))
            }
        }
    }

    private func respond(_ data: Data, type: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: data)
    }

    private func text(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"], body: Data(message.utf8))
    }

    /// A page that says what is missing and, with the live script, turns into the page when a
    /// rebuild adds it.
    private func notFound(_ path: String, generation: Int) -> HTTPResponse {
        let escaped = escapeAttribute(path)
        let html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Not in the site</title></head>
        <body><main><h1>Not in the site</h1><p>The site has no page at <code>\(escaped)</code>.
        This page reloads when a rebuild adds one. <a href="/">Go to the front page</a>.</p></main></body></html>
        """
        return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                            body: Data(LiveReload.inject(into: html, generation: generation).utf8))
    }
}
