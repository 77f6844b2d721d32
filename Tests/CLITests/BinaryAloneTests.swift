import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The tool on its own: the built binary copied alone into an empty folder (no themes/, no
/// repository beside it) starts a publication with `init`, then builds, checks and serves it.
@Suite struct BinaryAloneTests {
    @Test func initBuildCheckAndServeInAnEmptyFolder() async throws {
        let folder = NSTemporaryDirectory() + "routemap-alone-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let binary = folder + "/routemap"
        try FileManager.default.copyItem(atPath: Command.executable, toPath: binary)

        let started = try run(binary, ["init", "my-publication"], in: folder)
        #expect(started.status == 0, "\(started.output)")
        let publication = folder + "/my-publication"
        let built = try run(binary, ["build"], in: publication)
        #expect(built.status == 0 && !built.output.contains("warning"), "\(built.output)")
        #expect(FileManager.default.fileExists(atPath: publication + "/output/first/guides/writing.html"))
        #expect(FileManager.default.fileExists(atPath: publication + "/output/assets/style.css"), "the built-in theme's assets")
        let checked = try run(binary, ["check"], in: publication)
        #expect(checked.status == 0 && checked.output.hasSuffix("0 errors, 0 warnings.\n"), "\(checked.output)")
        let again = try run(binary, ["init", "my-publication"], in: folder)
        #expect(again.status != 0 && again.output.contains("there is already a content folder here"))

        let port = 20_000 + Int.random(in: 0..<20_000)
        let (server, pipe) = try start(binary, ["serve", "--port", String(port)], in: publication)
        defer { if server.isRunning { server.terminate() } }
        var log = ""
        let deadline = Date().addingTimeInterval(30)
        while !log.contains("Built in"), Date() < deadline {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            log += String(decoding: chunk, as: UTF8.self)
        }
        #expect(log.contains("Built in"), "\(log)")
        let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/first/guides/writing.html")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("Writing a chapter"))
        server.terminate()
        server.waitUntilExit()
    }

    private func start(_ binary: String, _ arguments: [String], in folder: String) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        return (process, pipe)
    }

    private func run(_ binary: String, _ arguments: [String], in folder: String) throws -> (status: Int32, output: String) {
        let (process, pipe) = try start(binary, arguments, in: folder)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
