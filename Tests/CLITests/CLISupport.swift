import Foundation

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

    static func start(_ arguments: [String], in folder: String) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        return (process, pipe)
    }

    /// Runs to the end; the output is stdout and stderr together.
    static func run(_ arguments: [String], in folder: String) throws -> (status: Int32, output: String) {
        let (process, pipe) = try start(arguments, in: folder)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
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

    func entries() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] }
}
