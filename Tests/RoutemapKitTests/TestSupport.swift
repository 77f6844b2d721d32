import Foundation
import Testing
@testable import RoutemapKit

/// The repository's own folders, found from this file's location.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let content = root + "/content"
    static let themes = root + "/themes"
    static let fixtures = root + "/Tests/RoutemapKitTests/Fixtures"
}

/// A throwaway folder for one test, removed when the test ends.
final class TemporaryFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "routemap-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` at `relativePath`, creating folders as needed.
    func write(_ relativePath: String, _ text: String) {
        write(relativePath, data: Data(text.utf8))
    }

    func write(_ relativePath: String, data: Data) {
        let url = URL(fileURLWithPath: path + "/" + relativePath)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: url)
    }

    func read(_ relativePath: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + relativePath).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// A small valid publication to start each bad-input test from: one `draft` edition.
enum MiniSite {
    static let config = """
    title: Test publication
    publisher: Test publisher
    accessibility:
      contact_email: access@test.example
      compliance: full
      last_reviewed: 2011-03-01
    themes:
      - id: governance
        label: Governance
        description: Deciding together.
      - id: information
        label: Information
        description: Data and its care.
    audiences:
      - id: cios
        label: CIOs
        description: Heads of ICT.
      - id: chief-executives
        label: Chief executives
        description: Leaders.
    statuses:
      - id: draft
        label: Draft
        description: Not yet final.
      - id: final
        label: Final
        description: Published.
    editions: [draft]
    """

    static let edition = """
    title: The draft
    kind: final
    status: draft
    published: 2011-03-08
    """

    /// A folder holding `content/` with the configuration, the edition and the given chapters.
    static func make(chapters: [String: String], config: String = MiniSite.config, edition: String = MiniSite.edition) -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("content/routemap.yml", config)
        folder.write("content/draft/edition.yml", edition)
        for (name, text) in chapters { folder.write("content/draft/\(name)", text) }
        return folder
    }

    static func options(_ folder: TemporaryFolder) -> BuildOptions {
        BuildOptions(contentDirectory: folder.path + "/content", outputDirectory: folder.path + "/output",
                     themesDirectory: Repository.themes, buildDate: CalendarDate(iso: "2011-06-01")!)
    }

    /// Every diagnostic of a build of `folder` (empty when it succeeds without warnings).
    static func diagnostics(_ folder: TemporaryFolder) -> [Diagnostic] {
        SiteBuilder.buildInMemory(options(folder)).diagnostics
    }
}

/// Runs one of the Python scripts in Tests/Browser from the repository's root; returns its exit
/// status and everything it printed. The script (a browser, for minutes) is waited for on a thread
/// of its own: Swift Testing runs tests on its few cooperative threads, one per core, and a test
/// blocking one of them for minutes left the tests that fetch over HTTP in this process (`check
/// --external`) waiting past their time limits.
func runBrowserScript(_ arguments: [String]) async throws -> (status: Int32, output: String) {
    let result = try await offTheTestThreads { () throws -> (status: Int32, output: String) in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
    if result.output.contains("ModuleNotFoundError") {
        Issue.record("the browser tests need Python packages: run `make test`, which installs them")
    }
    return result
}

/// `work` on a thread of its own, awaited without holding one of the test threads.
func offTheTestThreads<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

extension Tag {
    /// Tests that drive Debian's headless Chromium. Their suites' names start with `Browser`, so
    /// `make test-browser` runs them alone and `make test-quick` leaves them out.
    @Tag static var browser: Self
}

/// A build's errors, thrown by `generated` and `built` so that a test whose build must succeed
/// fails where it builds (`SiteBuilder` reports them in its `BuildReport` instead).
struct BuildErrors: Error, CustomStringConvertible {
    var diagnostics: [Diagnostic]
    var description: String { diagnostics.reportText }
}

/// `SiteBuilder.buildInMemory`, throwing the report's errors.
func generated(_ options: BuildOptions) throws(BuildErrors) -> BuildReport {
    let report = SiteBuilder.buildInMemory(options)
    guard !report.hasErrors else { throw BuildErrors(diagnostics: report.diagnostics) }
    return report
}

/// `SiteBuilder.build`, throwing the report's errors as well as what it throws itself.
@discardableResult
func built(_ options: BuildOptions) throws -> BuildReport {
    let report = try SiteBuilder.build(options)
    guard !report.hasErrors else { throw BuildErrors(diagnostics: report.diagnostics) }
    return report
}

extension BuildReport {
    /// Each file's contents by path, as text to compare: a copied file by its source, bytes in hex.
    var contentsByPath: [String: String] {
        var files: [String: String] = [:]
        for file in self.files {
            switch file.contents {
            case .text, .html, .deferred: files[file.path] = file.text
            case .copy(let source): files[file.path] = "copy of " + source
            case .bytes(let bytes): files[file.path] = bytes.map { String($0, radix: 16) }.joined()
            }
        }
        return files
    }
}
