import Foundation
import Testing

/// `routemap --version` answers with the version the generator tag and the PDFs carry.
@Suite struct VersionTests {
    @Test func versionIsPrintedAndMatchesVersionSwift() throws {
        let (status, output) = try Command.run(["--version"], in: NSTemporaryDirectory())
        #expect(status == 0)
        let source = try String(contentsOfFile: Command.root + "/Sources/RoutemapKit/Version.swift", encoding: .utf8)
        let version = try #require(source.firstMatch(of: #/current = "([0-9.]+)"/#)?.1)
        #expect(output == "\(version)\n")
    }
}
