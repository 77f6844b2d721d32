import Foundation
@testable import Preview
import RoutemapKit

enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let themes = root + "/themes"
    static let fixtureContent = root + "/Tests/RoutemapKitTests/Fixtures/two-editions/content"
}

/// A copy of the two-editions fixture site in a throwaway folder, served by a real preview server
/// on a free port of 127.0.0.1.
final class RunningPreview: Sendable {
    let folder: String
    let server: PreviewServer
    let port: UInt16
    private let task: Task<Void, Error>

    static func start() async throws -> RunningPreview {
        let folder = NSTemporaryDirectory() + "routemap-preview-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.fixtureContent, toPath: folder + "/content")
        try FileManager.default.copyItem(atPath: Repository.themes, toPath: folder + "/themes")
        let build = BuildOptions(contentDirectory: folder + "/content", outputDirectory: folder + "/output", themesDirectory: folder + "/themes")
        let server = try PreviewServer(PreviewOptions(build: build, port: 0, pollInterval: 0.05, log: { _ in }))
        let task = Task { try await server.run() }
        let port = try await server.waitUntilListening()
        return RunningPreview(folder: folder, server: server, port: port, task: task)
    }

    private init(folder: String, server: PreviewServer, port: UInt16, task: Task<Void, Error>) {
        self.folder = folder
        self.server = server
        self.port = port
        self.task = task
    }

    /// Stops the server as Ctrl-C does; `run()` must end without an error.
    func stop() async throws {
        await server.stop()
        try await task.value
        try? FileManager.default.removeItem(atPath: folder)
    }

    func write(_ relativePath: String, _ text: String) throws {
        let path = folder + "/" + relativePath
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    func get(_ path: String) async throws -> RawResponse {
        try await RawHTTP.request(port: port, path: path)
    }

    struct Status: Decodable {
        struct Error: Decodable {
            var file: String
            var line: Int
            var column: Int
            var message: String
        }

        var version: Int
        var generation: Int
        var errors: [Error]
    }

    /// The server's status once it is newer than `since` (-1: at once).
    func status(since: Int = -1) async throws -> Status {
        let response = try await get("/__routemap/status?since=\(since)")
        return try JSONDecoder().decode(Status.self, from: Data(response.body.utf8))
    }
}

struct RawResponse {
    var status: Int
    var headers: String
    var body: String
}

/// HTTP/1.1 over a plain socket, so request paths reach the server exactly as written (clients
/// such as URLSession remove `..` before sending). Blocking calls run on a thread of their own.
enum RawHTTP {
    static func request(port: UInt16, path: String) async throws -> RawResponse {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try send(port: port, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n") })
            }.start()
        }
    }

    struct Failure: Error { var reason: String }

    private static func send(port: UInt16, _ request: String) throws -> RawResponse {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(reason: "socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(reason: "connect: \(String(cString: strerror(errno)))") }
        var timeout = timeval(tv_sec: 40, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = request.withCString { Glibc.send(fd, $0, strlen($0), 0) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
            if let response = complete(data) { return response }
        }
        guard let response = complete(data, atEnd: true) else { throw Failure(reason: "no complete response") }
        return response
    }

    /// The response once its headers and `Content-Length` bytes of body have arrived.
    private static func complete(_ data: Data, atEnd: Bool = false) -> RawResponse? {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<split.lowerBound], as: UTF8.self)
        let body = data[split.upperBound...]
        let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }
        guard atEnd || (length.map { body.count >= $0 } ?? false) else { return nil }
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return RawResponse(status: status, headers: head, body: String(decoding: body, as: UTF8.self))
    }
}
