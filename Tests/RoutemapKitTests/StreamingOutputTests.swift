import Foundation
import Synchronization
import Testing
@testable import RoutemapKit

/// `routemap build` writes each page into the staging folder as it is made (StagingWriter) rather
/// than holding the whole site: what it writes must be exactly what `buildInMemory` makes in memory, and
/// whatever goes wrong midway must leave output/ as it was.
@Suite struct StreamingOutputTests {
    private let chapter = "---\ntitle: Governance\norder: 1\n---\n\nText.\n"

    @Test(arguments: ["two-editions", "editions-compared", "printable", "long-edition"])
    func buildWritesExactlyWhatGenerateMakes(fixture: String) throws {
        let output = TemporaryFolder()
        let options = BuildOptions(contentDirectory: Repository.fixtures + "/\(fixture)/content", outputDirectory: output.path + "/site",
                                   themesDirectory: Repository.themes, buildDate: FixtureSiteTests.buildDate)
        let report = try built(options)
        let files = try generated(options).files
        #expect(report.fileCount == files.count)
        #expect(Set(listFiles(output.path + "/site")) == Set(files.map(\.path)))
        for file in files {
            let expected: Data? = switch file.contents {
            case .text, .html, .deferred: Data((file.text ?? "").utf8)
            case .copy(let source): FileManager.default.contents(atPath: source)
            case .bytes(let bytes): Data(bytes)
            }
            #expect(FileManager.default.contents(atPath: output.path + "/site/" + file.path) == expected, "\(file.path)")
        }
    }

    @Test func twoFilesClaimingOnePathStopTheBuildBeforeAnythingIsWritten() throws {
        let folder = MiniSite.make(chapters: ["governance.md": chapter])
        try built(MiniSite.options(folder))
        let before = snapshot(folder.path + "/output")

        // A file in the edition folder is copied beside the pages: this one claims the contents page's path.
        folder.write("content/draft/index.html", "<p>Pasted by mistake.</p>\n")
        let failure = try #require(throws: BuildErrors.self) { try built(MiniSite.options(folder)) }
        #expect(failure.diagnostics.contains { $0.message.contains("this would be written to draft/index.html") })
        #expect(snapshot(folder.path + "/output") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("output.") }.isEmpty)
    }

    /// A site routemap wrote, which a build may replace.
    private func previousSite(_ folder: TemporaryFolder) throws {
        try OutputWriter.write([OutputFile(path: "index.html", contents: .text("the previous site\n"), origin: "test")],
                               to: folder.path + "/output")
    }

    @Test func aFileThatCannotBeWrittenLeavesThePreviousOutputAsItWas() throws {
        let folder = TemporaryFolder()
        try previousSite(folder)
        let pages = [OutputFile(path: "a", contents: .text("a file\n"), origin: "test"),
                     OutputFile(path: "a/b.html", contents: .text("under a file\n"), origin: "test")]
        #expect(throws: OutputError.self) { try OutputWriter.write(pages, to: folder.path + "/output") }
        #expect(listFiles(folder.path + "/output") == ["index.html"])
        #expect(OutputFolder.isSite(folder.path + "/output"))
        #expect(folder.read("output/index.html") == "the previous site\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["output"])
    }

    @Test func aBuildThatStopsWhileMakingPagesLeavesThePreviousOutputAsItWas() throws {
        struct Stopped: Error {}
        let folder = TemporaryFolder()
        try previousSite(folder)
        #expect(throws: Stopped.self) {
            try OutputWriter.write(to: folder.path + "/output", produce: { writer in
                writer.write(.whole(OutputFile(path: "index.html", contents: .text("the new site\n"), origin: "test")))
                throw Stopped()
            })
        }
        #expect(folder.read("output/index.html") == "the previous site\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["output"])
    }

    /// Two files made piece by piece, taking turns (8 MB each; one from text, one from bytes), while
    /// other threads write whole files.
    @Test func streamedFilesArriveWholeAndInOrder() throws {
        let folder = TemporaryFolder()
        let piece = { @Sendable (file: Int, index: Int) in "\(file):\(index);" + String(repeating: "x", count: 997) }
        let count = 8_000
        let writer = try StagingWriter(folder: folder.path + "/site")
        let streamed = PlannedItem.streamed(StreamedFiles(files: [("one/big.html", "test"), ("two/big.html", "test")]) { emit in
            for index in 0..<count {
                emit(0, .text(piece(0, index)))
                emit(1, .bytes(Array(piece(1, index).utf8)))
            }
        })
        let pages = (0..<200).map { number in
            PlannedItem.file(PlannedFile("pages/\(number).html", origin: "test") { .text("page \(number)\n") })
        }
        let plan = SitePlan(items: [streamed] + pages, first: [0])
        let written = plan.make { writer.write($0) }
        try writer.finish()
        #expect(written == 202)
        #expect(plan.claims.map(\.path) == ["one/big.html", "two/big.html"] + (0..<200).map { "pages/\($0).html" })
        for file in 0...1 {
            let expected = (0..<count).map { piece(file, $0) }.joined()
            #expect(folder.read("site/\(file == 0 ? "one" : "two")/big.html") == expected)
        }
        #expect((0..<200).allSatisfy { folder.read("site/pages/\($0).html") == "page \($0)\n" })
    }

    /// Files another program makes (the social cards) are started before any file is made, so that
    /// they are made beside the pages; only the files being made are started.
    @Test func filesMadeByAnotherProgramAreStartedBeforeAnyFileIsMade() throws {
        let events = Events()
        var items: [PlannedItem] = []
        for number in 0..<6 {
            var file = PlannedFile("files/\(number).html", origin: "test") {
                events.note("make \(number)")
                return .text("\(number)")
            }
            if number % 2 == 0 { file.prepare = { events.note("start \(number)") } }
            items.append(.file(file))
        }
        let plan = SitePlan(items: items, first: [5])
        plan.make(including: { $0 != 4 }) { _ in }
        let seen = events.seen
        #expect(Array(seen.prefix(2)) == ["start 0", "start 2"], "\(seen)")
        #expect(Set(seen.dropFirst(2)) == ["make 0", "make 1", "make 2", "make 3", "make 5"], "\(seen)")
    }

    /// The staging folder's unchanged files are hard links into the previous site; writing over one
    /// must not change the previous site through the link.
    @Test func writingOverAHardLinkedFileLeavesTheLinkedFileAlone() throws {
        let folder = TemporaryFolder()
        folder.write("previous/index.html", "unchanged\n")
        let page = OutputFile(path: "index.html", contents: .text("unchanged\n"), origin: "test")
        try OutputWriter.writeTree([page], into: folder.path + "/staging", reusing: folder.path + "/previous")
        let linkCount = try FileManager.default.attributesOfItem(atPath: folder.path + "/previous/index.html")[.referenceCount] as? Int
        #expect(linkCount == 2, "the unchanged file was linked, not written again")

        try OutputWriter.writeTree([OutputFile(path: "index.html", contents: .text("with the PDF link\n"), origin: "test")],
                                   into: folder.path + "/staging")
        #expect(folder.read("staging/index.html") == "with the PDF link\n")
        #expect(folder.read("previous/index.html") == "unchanged\n")
    }

    private func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in listFiles(folder) { files[path] = FileManager.default.contents(atPath: folder + "/" + path) }
        return files
    }
}

/// What happened, in order, from any thread.
private final class Events: Sendable {
    private let list = Mutex<[String]>([])
    func note(_ event: String) { list.withLock { $0.append(event) } }
    var seen: [String] { list.withLock { $0 } }
}
