import Foundation
import Testing

/// The `routemap` command built beside the tests, run as a child process.
enum Command {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The test bundle sits in the build folder, beside the executables SwiftPM built for it.
    static let executable: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for folder in [beside, beside.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("routemap").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return root + "/.build/debug/routemap"
    }()

    static func start(_ arguments: [String], in folder: String, environment: [String: String] = [:]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        return (process, pipe)
    }

    /// Runs to the end; the output is stdout and stderr together.
    static func run(_ arguments: [String], in folder: String, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let (process, pipe) = try start(arguments, in: folder, environment: environment)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A file's permission bits.
    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
    }
}

/// A throwaway folder holding a site's content/ and the repository's themes/.
final class SiteFolder {
    let path = NSTemporaryDirectory() + "routemap-cli-" + UUID().uuidString

    init() throws {
        try FileManager.default.createDirectory(atPath: path + "/content/draft", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Command.root + "/themes", toPath: path + "/themes")
        try write("content/routemap.yml", """
        title: Test publication
        publisher: Test publisher
        themes: [{id: governance, label: Governance, description: Deciding together.}]
        audiences: [{id: cios, label: CIOs, description: Heads of ICT.}]
        statuses: [{id: draft, label: Draft, description: Not yet final.}]
        editions: [draft]
        """)
        try write("content/draft/edition.yml", "title: The draft\nkind: final\nstatus: draft\n")
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relativePath: String, _ text: String) throws {
        let full = path + "/" + relativePath
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: false, encoding: .utf8)
    }

    /// Every file under output/ with its bytes.
    func output() -> [String: Data] {
        var files: [String: Data] = [:]
        let root = path + "/output"
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [:] }
        while let file = enumerator.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: root + "/" + file) { files[file] = data }
        }
        return files
    }

    func read(_ relativePath: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + relativePath).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every entry under the folder, links not followed: a file's bytes, a link's target, a folder's mode.
    func everything() -> [String: String] {
        var entries: [String: String] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [:] }
        while let entry = enumerator.nextObject() as? String {
            let full = path + "/" + entry
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFLNK: entries[entry] = "link to " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "?")
            case S_IFREG: entries[entry] = "file " + String(info.st_mode & 0o7777, radix: 8) + " " + (read(entry) ?? "")
            default: entries[entry] = "mode " + String(info.st_mode, radix: 8)
            }
        }
        return entries
    }

    func entries() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] }
}

extension Tag {
    /// Tests that drive Debian's headless Chromium (see RoutemapKitTests' TestSupport).
    @Tag static var browser: Self
}
