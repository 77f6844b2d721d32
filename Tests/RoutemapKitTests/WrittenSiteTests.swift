import Foundation
import Testing
@testable import RoutemapKit

/// What `build` writes is what `buildInMemory` makes, file for file. A build lets go of each
/// chapter's Markdown once it is rendered (`ChapterSources`) and of its words once its edition's
/// search index is written (`SearchSections`), and makes the search indexes before the printable
/// pages; none of it may change a byte, or leave a file out.
@Suite struct WrittenSiteTests {
    @Test(arguments: ["editions-compared", "long-edition", "real-world"])
    func buildWritesWhatIsMadeInMemory(fixture: String) throws {
        let folder = TemporaryFolder()
        let options = BuildOptions(contentDirectory: Repository.fixtures + "/" + fixture + "/content",
                                   outputDirectory: folder.path + "/output", themesDirectory: Repository.themes,
                                   buildDate: FixtureSiteTests.buildDate)
        let made = SiteBuilder.buildInMemory(options)
        #expect(!made.hasErrors, "\(made.diagnostics)")
        try built(options)
        let written = Set(listFiles(folder.path + "/output"))
        #expect(written == Set(made.files.map(\.path)))
        #expect(made.files.contains { $0.path.hasSuffix("search-index.js") })
        for file in made.files {
            let expected: Data? = switch file.contents {
            case .text, .html, .deferred: Data((file.text ?? "").utf8)
            case .copy(let source): FileManager.default.contents(atPath: source)
            case .bytes(let bytes): Data(bytes)
            }
            #expect(FileManager.default.contents(atPath: folder.path + "/output/" + file.path) == expected, "\(file.path) differs")
        }
    }
}
