import FlyingFox
import Foundation
import Testing
@testable import Preview

/// `serve` cannot be hung or read by other sites: request heads are read with limits and in time
/// linear in their length, only the preview's own host names are answered, and it stops when told
/// whatever its clients are doing.
@Suite struct RequestHeadTests {
    @Test func aWholeHeadIsReadWithTheBytesAfterIt() throws {
        var reader = HeadReader()
        let early = try reader.append(Array("\r\nGET /final/index.html?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8000\r\n".utf8))
        #expect(early == nil)
        let (head, rest) = try #require(try reader.append(Array("Accept:  text/html \r\n\r\nGET /next".utf8)))
        #expect(head == RequestHead(method: "GET", target: "/final/index.html?x=1", version: "HTTP/1.1",
                                    fields: [.init(name: "Host", value: "127.0.0.1:8000"), .init(name: "Accept", value: "text/html")]))
        #expect(head.field("host") == "127.0.0.1:8000")
        #expect(rest == Array("GET /next".utf8))
    }

    @Test func aLongRequestLineIsRefusedAsSoonAsItPassesTheLimit() {
        var reader = HeadReader()
        var fed = 0
        let chunk = Array(("GET /" + String(repeating: "a", count: 4091)).utf8)
        #expect(throws: HeadRefusal.requestLineTooLong(HeadLimits())) {
            // 2 MB in 4 KB pieces, as a client sends it; refused on the third.
            for _ in 0..<512 {
                fed += chunk.count
                _ = try reader.append(chunk)
            }
        }
        #expect(fed == 3 * 4096)
    }

    @Test func largeOrManyHeaderFieldsAreRefused() {
        var big = HeadReader()
        #expect(throws: HeadRefusal.headTooLarge(HeadLimits())) {
            _ = try big.append(Array(("GET / HTTP/1.1\r\nCookie: " + String(repeating: "c", count: 20_000) + "\r\n\r\n").utf8))
        }
        var many = HeadReader()
        #expect(throws: HeadRefusal.headTooLarge(HeadLimits())) {
            _ = try many.append(Array(("GET / HTTP/1.1\r\n" + String(repeating: "X-A: b\r\n", count: 101) + "\r\n").utf8))
        }
        var enough = HeadReader()
        #expect((try? enough.append(Array(("GET / HTTP/1.1\r\n" + String(repeating: "X-A: b\r\n", count: 100) + "\r\n").utf8))) != nil)
    }

    @Test func malformedHeadsAreRefused() {
        for text in ["GET /\r\n\r\n", "GET / HTTP/2.0\r\n\r\n", "GET http://evil.example/ HTTP/1.1\r\n\r\n",
                     "get / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nNo colon here\r\n\r\n", "GET / HTTP/1.1\r\nBad name: x\r\n\r\n"] {
            var reader = HeadReader()
            #expect(throws: HeadRefusal.self, "\(text)") { _ = try reader.append(Array(text.utf8)) }
        }
    }
}

@Suite struct LoopbackHostTests {
    @Test func onlyTheLoopbackNamesWithTheServersPortAreAnswered() {
        for host in ["127.0.0.1:8123", "localhost:8123", "LOCALHOST:8123", "[::1]:8123"] {
            #expect(LoopbackHost.allows(host, port: 8123), "\(host)")
        }
        for host in ["evil.example:8123", "evil.example", "127.0.0.1", "localhost", "127.0.0.1:8000", "localhost.:8123",
                     "127.0.0.2:8123", "[::1]", "[::2]:8123", "localhost:8123:1", "localhost:", "localhost:+8123", "", nil] as [String?] {
            #expect(!LoopbackHost.allows(host, port: 8123), "\(host ?? "no Host")")
        }
        #expect(LoopbackHost.allows("localhost", port: 80), "without a port, the host means port 80")
    }
}

@Suite struct ServeHardeningTests {
    @Test func aTwoMegabyteRequestLineIsAnswered414AtOnceAndTheServerStillServes() async throws {
        let preview = try await RunningPreview.start()
        let huge = "GET /" + String(repeating: "a", count: 2 << 20) + " HTTP/1.1\r\nHost: 127.0.0.1:\(preview.port)\r\n\r\n"
        let (refused, other) = try await (RawHTTP.exchange(port: preview.port, huge), RawHTTP.exchange(port: preview.port, huge))
        #expect(refused.status == 414 && other.status == 414, "\(refused.headers)")
        #expect(refused.body.contains("longer than 8192 bytes"))
        #expect(refused.headers.contains("Connection: close"))
        #expect(try await preview.get("/").status == 200)
        try await preview.stop()
    }

    @Test func largeHeadersAreAnswered431() async throws {
        let preview = try await RunningPreview.start()
        let request = "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(preview.port)\r\n" + String(repeating: "X-Padding: \(String(repeating: "p", count: 100))\r\n", count: 200) + "\r\n"
        let response = try await RawHTTP.exchange(port: preview.port, request)
        #expect(response.status == 431)
        #expect(response.body.contains("header fields are larger than"))
        try await preview.stop()
    }

    @Test func otherHostsAreRefusedAgainstDNSRebinding() async throws {
        let preview = try await RunningPreview.start()
        let port = preview.port
        for host in ["evil.example:\(port)", "127.0.0.1:\(port == 9 ? 10 : 9)", "127.0.0.1"] {
            let response = try await RawHTTP.exchange(port: port, "GET /final/index.html HTTP/1.1\r\nHost: \(host)\r\n\r\n")
            #expect(response.status == 421, "\(host)")
            #expect(response.body.contains("answers only requests for 127.0.0.1, localhost or [::1] on its port (the Host header said '\(host)')"))
        }
        let noHost = try await RawHTTP.exchange(port: port, "GET /final/index.html HTTP/1.0\r\n\r\n")
        #expect(noHost.status == 421 && noHost.body.contains("the Host header said nothing"))
        #expect(noHost.body.contains("Open http://127.0.0.1:\(port)/ instead."))
        for host in ["localhost:\(port)", "[::1]:\(port)", "127.0.0.1:\(port)"] {
            let response = try await RawHTTP.exchange(port: port, "GET /final/index.html HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
            #expect(response.status == 200 && response.body.contains("<html"), "\(host)")
        }
        try await preview.stop()
    }

    @Test func aKeptAliveConnectionAnswersRequestsInTurn() async throws {
        let preview = try await RunningPreview.start()
        let one = "GET /final/index.html HTTP/1.1\r\nHost: localhost:\(preview.port)\r\n\r\n"
        let text = try await RawHTTP.exchangeAll(port: preview.port, one + one + "HEAD /final/index.html HTTP/1.1\r\nHost: localhost:\(preview.port)\r\nConnection: close\r\n\r\n")
        #expect(text.components(separatedBy: "HTTP/1.1 200 OK").count == 4, "\(text.prefix(300))")
        try await preview.stop()
    }

    @Test func stoppingEndsConnectionsThatAreStillSending() async throws {
        let preview = try await RunningPreview.start()
        // One client holds a request line open; another sends a head that never ends.
        let held = try RawHTTP.Held(port: preview.port, "GET /" + String(repeating: "a", count: 4000))
        let slow = try RawHTTP.Held(port: preview.port, "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(preview.port)\r\nX-Slow: ")
        defer { held.close(); slow.close() }
        try await Task.sleep(nanoseconds: 200_000_000)
        let started = Date()
        try await preview.stop()
        #expect(Date().timeIntervalSince(started) < 20, "stopping waited for the clients")
        #expect(await onThread { held.isClosedByServer() && slow.isClosedByServer() })
    }
}

/// PreviewHTTP on its own, with a handler that answers every request alike.
@Suite struct PreviewHTTPTests {
    struct Hello: HTTPHandler {
        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain"], body: Data("hello \(request.path)".utf8))
        }
    }

    @Test func aHeadThatDoesNotArriveInTimeIsAnswered408() async throws {
        let http = PreviewHTTP(port: 0, handler: Hello(), headTimeout: 0.5)
        let running = Task { try await http.run() }
        let port = try await http.waitUntilListening()
        let slow = try RawHTTP.Held(port: port, "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n")
        defer { slow.close() }
        let answer = await onThread { slow.readToEnd() }
        #expect(answer.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"), "\(answer)")
        #expect(answer.contains("did not arrive within"))
        let fine = try await RawHTTP.exchange(port: port, "GET /x HTTP/1.1\r\nHost: localhost:\(port)\r\nConnection: close\r\n\r\n")
        #expect(fine.status == 200 && fine.body == "hello /x")
        http.stop()
        try await running.value
    }
}

/// Runs blocking socket calls on a thread of their own: on Swift's few cooperative threads they
/// would keep the server under test from running.
func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: work()) }.start()
    }
}

extension RawHTTP {
    /// Sends `request` whole (however much the server reads of it) and reads the answer to the end.
    static func exchange(port: UInt16, _ request: String) async throws -> RawResponse {
        let text = try await exchangeAll(port: port, request)
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure(reason: "no answer: \(text.prefix(200))") }
        let head = String(text[..<split.lowerBound])
        return RawResponse(status: Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0, headers: head,
                           body: String(text[split.upperBound...]))
    }

    /// Everything the server sends back until it closes the connection.
    static func exchangeAll(port: UInt16, _ request: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result {
                    let fd = try connected(port: port)
                    defer { Glibc.close(fd) }
                    let bytes = Array(request.utf8)
                    let writer = Thread {
                        var sent = 0
                        while sent < bytes.count {
                            let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                            if count <= 0 { break }
                            sent += count
                        }
                    }
                    writer.start()
                    var data = Data()
                    var buffer = [UInt8](repeating: 0, count: 65536)
                    while true {
                        let count = recv(fd, &buffer, buffer.count, 0)
                        if count <= 0 { break }
                        data.append(contentsOf: buffer[0..<count])
                    }
                    return String(decoding: data, as: UTF8.self)
                })
            }.start()
        }
    }

    static func connected(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(reason: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            Glibc.close(fd)
            throw Failure(reason: "connect: \(String(cString: strerror(errno)))")
        }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    /// A connection that has sent the start of a request and sends nothing more.
    final class Held: Sendable {
        let fd: Int32

        init(port: UInt16, _ start: String) throws {
            fd = try RawHTTP.connected(port: port)
            _ = start.withCString { Glibc.send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        }

        /// Whether the server closed the connection (reading ends, within 30 s).
        func isClosedByServer() -> Bool {
            var timeout = timeval(tv_sec: 30, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count == 0 || (count < 0 && errno == ECONNRESET) { return true }
                if count < 0 { return false }
            }
        }

        /// What the server sends until it closes the connection (or 30 s pass).
        func readToEnd() -> String {
            var timeout = timeval(tv_sec: 30, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count <= 0 { break }
                data.append(contentsOf: buffer[0..<count])
            }
            return String(decoding: data, as: UTF8.self)
        }

        func close() { Glibc.close(fd) }
    }
}
