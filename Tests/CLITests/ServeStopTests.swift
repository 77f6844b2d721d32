import Foundation
import Synchronization
import Testing

/// `routemap serve` as a child process stops on SIGINT and SIGTERM whatever its clients send,
/// and even while a chapter is still rendering.
@Suite struct ServeStopTests {
    /// The serve process, its output as it comes, and its port once it listens.
    final class Serving: Sendable {
        let process: Process
        private let text = Mutex("")

        init(_ site: SiteFolder, _ arguments: [String] = []) throws {
            let pipe: Pipe
            (process, pipe) = try Command.start(["serve", "--port", "0"] + arguments, in: site.path)
            let handle = pipe.fileHandleForReading
            Thread { [self] in
                while true {
                    let data = handle.availableData
                    if data.isEmpty { break }
                    text.withLock { $0 += String(decoding: data, as: UTF8.self) }
                }
            }.start()
        }

        var output: String { text.withLock { $0 } }

        /// Waits (up to `seconds`) until the output holds `words`.
        func wait(for words: String, seconds: Double = 60) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if output.contains(words) { return true }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return false
        }

        var port: UInt16? {
            guard let range = output.range(of: "Serving http://127.0.0.1:") else { return nil }
            return UInt16(output[range.upperBound...].prefix { $0.isNumber })
        }

        /// Whether the process ended within `seconds`.
        func exits(within seconds: Double) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            return !process.isRunning
        }
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func stopsPromptlyWhileClientsHoldHugeAndSlowRequests(signalNumber: Int32) throws {
        let site = try SiteFolder()
        try site.write("content/draft/a.md", "---\ntitle: Alpha\norder: 1\n---\n\nText.\n")
        let serving = try Serving(site)
        defer { if serving.process.isRunning { serving.process.terminate() } }
        #expect(serving.wait(for: "Built in"), "\(serving.output)")
        let port = try #require(serving.port)

        // Two clients send 2 MB request lines (which once took minutes of both cores), one holds a
        // request line open, one sends its headers a byte at a time.
        var clients: [Int32] = []
        defer { clients.forEach { close($0) } }
        for _ in 0..<2 {
            let fd = try connected(port: port)
            clients.append(fd)
            Thread {
                let huge = Array(("GET /" + String(repeating: "a", count: 2 << 20)).utf8)
                _ = huge.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            }.start()
        }
        let held = try connected(port: port)
        clients.append(held)
        _ = "GET /\(String(repeating: "b", count: 4000))".withCString { send(held, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        let slow = try connected(port: port)
        clients.append(slow)
        Thread {
            for byte in "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nX-Slow: ".utf8 {
                var byte = byte
                guard send(slow, &byte, 1, Int32(MSG_NOSIGNAL)) == 1 else { return }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }.start()
        Thread.sleep(forTimeInterval: 0.5)

        kill(serving.process.processIdentifier, signalNumber)
        #expect(serving.exits(within: 10), "still running 10 s after the signal:\n\(serving.output)")
        #expect(serving.process.terminationStatus == 0)
        #expect(serving.output.contains("Stopped."), "\(serving.output)")
    }

    @Test func stopsWhileAChapterIsStillRendering() throws {
        let site = try SiteFolder()
        // Debian's cmark-gfm takes minutes on this (see BuildSafetyTests).
        try site.write("content/draft/pasted.md", "---\ntitle: Pasted\norder: 1\n---\n\n"
            + String(repeating: " -", count: 40_000) + "x" + String(repeating: "\n", count: 40_000))
        let serving = try Serving(site, ["--render-timeout", "600"])
        defer { if serving.process.isRunning { serving.process.terminate() } }
        #expect(serving.wait(for: "Still rendering content/draft/pasted.md"), "\(serving.output)")
        serving.process.terminate()
        #expect(serving.exits(within: 10), "still running 10 s after SIGTERM:\n\(serving.output)")
        #expect(serving.process.terminationStatus == 128 + SIGTERM)
        #expect(serving.output.contains("Stopped without waiting for the rebuild or requests still running."), "\(serving.output)")
    }

    private func connected(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, result == 0 else { throw CocoaError(.fileReadUnknown) }
        return fd
    }
}
