import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// The preview's HTTP/1.1 server: listens on 127.0.0.1, reads each request's head itself (with
/// `HeadReader`'s limits and a deadline), refuses other hosts (`LoopbackHost`), and hands what
/// is left to the site's handler. Sockets, the event loop and the request and response values
/// are FlyingFox's (and FlyingSocks').
///
/// Why not FlyingFox's `HTTPServer` (0.27.1): it reads the request line and each header line
/// with `AsyncSequence.collectStrings(separatedBy:)`, whose `CollectUntil` appends one byte at
/// a time and after each byte checks `buffer.suffix(separator.count) == separator`. The array
/// compared with is an `Array`, so that `suffix` is `Sequence.suffix(_:)`, which walks the whole
/// buffer: each byte costs time in the length of the line so far, so a 2 MB line costs about
/// 2·10¹² steps, and nothing limits a line's length or the number of headers. While connections
/// are inside that loop, the cooperative threads are busy and the server does not even stop.
final class PreviewHTTP: Sendable {
    let port: UInt16
    let handler: any HTTPHandler
    let limits: HeadLimits
    /// Seconds a request's head may take to arrive, counted from its first byte (or from the
    /// previous response on a kept-alive connection). Past it the connection is closed.
    let headTimeout: Double
    /// Connections open at once; more are closed at once.
    let maxConnections: Int

    private struct State {
        var boundPort: UInt16?
        var failure: (any Error)?
        var task: Task<Void, any Error>?
        var stopRequested = false
        var openConnections = 0
    }

    private let state = Mutex(State())

    init(port: UInt16, handler: any HTTPHandler, limits: HeadLimits = HeadLimits(), headTimeout: Double = 10, maxConnections: Int = 128) {
        self.port = port
        self.handler = handler
        self.limits = limits
        self.headTimeout = headTimeout
        self.maxConnections = maxConnections
    }

    /// Listens and serves until `stop()`; throws FlyingSocks' `SocketError` when it cannot listen.
    func run() async throws {
        let pool = HTTPServer.defaultPool()
        // Listening comes first, before anything that waits: on a busy machine every wait for
        // one of Swift's cooperative threads delays the moment the port can be announced.
        let socket: Socket
        do {
            socket = try Socket(domain: AF_INET)
            do {
                try socket.setValue(true, for: .localAddressReuse)
                try socket.bind(to: sockaddr_in.inet(ip4: "127.0.0.1", port: port))
                try socket.listen()
            } catch {
                try? socket.close()
                throw error
            }
        } catch {
            state.withLock { $0.failure = error }
            throw error
        }
        defer { try? socket.close() }
        let bound: UInt16
        if case .ip4(_, let actual)? = try? socket.sockname() { bound = actual } else { bound = port }
        state.withLock { $0.boundPort = bound }
        try await pool.prepare()
        let task = Task { try await self.serve(listening: socket, pool: pool) }
        let stopFirst = state.withLock { state in
            state.task = task
            return state.stopRequested
        }
        if stopFirst { task.cancel() }
        do {
            try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
        } catch where state.withLock({ $0.stopRequested }) {
            // Cancelling is how the server stops; that is no error here.
        }
    }

    /// Stops listening and ends every connection, whatever its client is doing.
    func stop() {
        let task = state.withLock { state in
            state.stopRequested = true
            return state.task
        }
        task?.cancel()
    }

    /// The port listened on, once it is; throws if listening failed or took over `timeout` seconds.
    func waitUntilListening(timeout: Double = 60) async throws -> UInt16 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let (port, failure) = state.withLock { ($0.boundPort, $0.failure) }
            if let port { return port }
            if let failure { throw failure }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        throw SocketError.disconnected
    }

    private func serve(listening socket: Socket, pool: some AsyncSocketPool) async throws {
        let listener = try AsyncSocket(socket: socket, pool: pool)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await pool.run() }
            group.addTask {
                try await withThrowingDiscardingTaskGroup { connections in
                    for try await client in listener.sockets {
                        guard self.admit() else {
                            try? client.close()
                            continue
                        }
                        connections.addTask {
                            await self.serve(connection: client)
                            self.release()
                        }
                    }
                }
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    private func admit() -> Bool {
        state.withLock { state in
            guard state.openConnections < maxConnections else { return false }
            state.openConnections += 1
            return true
        }
    }

    private func release() { state.withLock { $0.openConnections -= 1 } }

    /// One connection: requests one after another while the client keeps it open.
    private func serve(connection socket: AsyncSocket) async {
        defer { try? socket.close() }
        var leftover: [UInt8] = []
        while !Task.isCancelled {
            let head: RequestHead
            do {
                (head, leftover) = try await readHead(from: socket, leftover: leftover)
            } catch let refusal as HeadRefusal {
                await refuse(socket, encode(status: refusal.status, reason: refusal.reason, message: refusal.message))
                return
            } catch {
                return  // the client went away, was too slow, or the server is stopping
            }
            let ownPort = state.withLock { $0.boundPort ?? port }
            guard LoopbackHost.allows(head.field("Host"), port: ownPort) else {
                let host = head.field("Host").map { "'\(String($0.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }))'" } ?? "nothing"
                let message = "Refused: this preview answers only requests for 127.0.0.1, localhost or [::1] on its port "
                    + "(the Host header said \(host)), so that other web sites cannot read it (DNS rebinding). "
                    + "Open http://127.0.0.1:\(ownPort)/ instead.\n"
                await refuse(socket, encode(status: 421, reason: "Misdirected Request", message: message))
                return
            }
            // Only GET and HEAD are served: a request with a body is answered, then the connection
            // is closed rather than its body read.
            let hasBody = head.field("Transfer-Encoding") != nil || (head.field("Content-Length").map { $0 != "0" } ?? false)
            let connection = head.field("Connection")?.lowercased() ?? ""
            let keepAlive = !hasBody && (head.version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive"))
            let response = await respond(to: head)
            do {
                try await socket.write(encode(response, to: head, keepAlive: keepAlive))
            } catch {
                return
            }
            if !keepAlive { return }
        }
    }

    /// Sends `answer`, then reads and drops what the client is still sending (for a second, up
    /// to 4 MB) before the connection is closed: closing with unread bytes makes the system
    /// reset the connection, and the client would lose the answer.
    private func refuse(_ socket: AsyncSocket, _ answer: Data) async {
        guard (try? await socket.write(answer)) != nil else { return }
        _ = shutdown(socket.socket.file.rawValue, Int32(SHUT_WR))
        let deadline = Date().addingTimeInterval(1)
        var drained = 0
        while drained < 4 << 20 {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0, let chunk = try? await within(remaining, { try await socket.read(atMost: 4096) }),
                  !chunk.isEmpty else { return }
            drained += chunk.count
        }
    }

    private func readHead(from socket: AsyncSocket, leftover: [UInt8]) async throws -> (RequestHead, [UInt8]) {
        var reader = HeadReader(limits: limits)
        let deadline = Date().addingTimeInterval(headTimeout)
        var chunk = leftover
        while true {
            if let (head, rest) = try reader.append(chunk) { return (head, rest) }
            do {
                let remaining = deadline.timeIntervalSinceNow
                guard remaining > 0 else { throw TimedOut() }
                chunk = try await within(remaining) { try await socket.read(atMost: 4096) }
            } catch is TimedOut {
                // An idle kept-alive connection is closed without a word; a head begun is answered.
                if reader.isEmpty { throw CancellationError() }
                throw HeadRefusal(status: 408, reason: "Request Timeout",
                                  message: "Refused: the request's head did not arrive within \(format(headTimeout)) s.\n")
            }
        }
    }

    private func respond(to head: RequestHead) async -> HTTPResponse {
        let parts = head.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var headers = HTTPHeaders()
        for field in head.fields { headers.addValue(field.value, for: HTTPHeader(field.name)) }
        let request = HTTPRequest(method: HTTPMethod(rawValue: head.method), version: HTTPVersion(rawValue: head.version),
                                  target: HTTPRequest.Target(path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : ""),
                                  headers: headers, body: HTTPBodySequence(data: Data()))
        do {
            return try await handler.handleRequest(request)
        } catch {
            return HTTPResponse(statusCode: .internalServerError, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: Data("The preview could not answer: \(error)\n".utf8))
        }
    }

    private func encode(_ response: HTTPResponse, to head: RequestHead, keepAlive: Bool) async throws -> Data {
        let body = try await response.bodyData
        var text = "HTTP/1.1 \(response.statusCode.code) \(response.statusCode.phrase)\r\n"
        for (name, value) in response.headers {
            let lower = name.rawValue.lowercased()
            if lower == "content-length" || lower == "connection" || lower == "transfer-encoding" { continue }
            text += "\(name.rawValue): \(value)\r\n"
        }
        text += "Content-Length: \(body.count)\r\n"
        text += keepAlive ? "\r\n" : "Connection: close\r\n\r\n"
        var data = Data(text.utf8)
        if head.method != "HEAD" { data.append(body) }
        return data
    }

    /// A short plain-text answer after which the connection is closed.
    private func encode(status: Int, reason: String, message: String) -> Data {
        Data(("HTTP/1.1 \(status) \(reason)\r\nContent-Type: text/plain; charset=utf-8\r\nCache-Control: no-store\r\n"
            + "X-Content-Type-Options: nosniff\r\nContent-Length: \(message.utf8.count)\r\nConnection: close\r\n\r\n" + message).utf8)
    }
}

private struct TimedOut: Error {}

private func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
}

/// What `work` returns, or `TimedOut` after `seconds` (the work is cancelled then).
private func within<T: Sendable>(_ seconds: Double, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await work() }
        group.addTask {
            try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw TimedOut() }
        return value
    }
}
