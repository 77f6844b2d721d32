import Foundation
import Testing
@testable import RoutemapKit

@Suite struct SearchIndexTests {
    @Test func theIndexHoldsEverySectionOfEveryChapterWithLinksFromTheSearchPage() throws {
        let chapter = "---\ntitle: Governance\norder: 1\n---\n\nPartners *decide* together.\n\n## How {#how}\n\nThrough a \"board\".\n"
        let folder = MiniSite.make(chapters: ["governance.md": chapter])
        let report = try generated(MiniSite.options(folder))
        let file = try #require(report.files.first { $0.path == "draft/search-index.js" })
        guard let script = file.text else { Issue.record("not text"); return }
        #expect(script == #"""
        window.routemapSearchIndex = {"chapters":[{"n":1,"s":[{"h":"","i":"","x":"Partners decide together."},{"h":"How","i":"how","x":"Through a \"board\"."}],"t":"Governance","u":"governance.html"}],"edition":"The draft"};

        """#)
        #expect(report.files.contains { $0.path == "draft/search.html" })
    }

    /// The index holds the text itself (for snippets), so it is about the size of the text.
    @Test func theIndexOfTheRoutemapIsAboutTheSizeOfItsText() throws {
        let report = try generated(BuildOptions(contentDirectory: Repository.content, outputDirectory: "unused",
                                                           themesDirectory: Repository.themes))
        for edition in ["draft", "final"] {
            let file = try #require(report.files.first { $0.path == "\(edition)/search-index.js" })
            guard let script = file.text else { continue }
            let json = try JSONSerialization.jsonObject(with: Data(script.drop { $0 != "{" }.dropLast(2).utf8)) as? [String: Any]
            let chapters = try #require(json?["chapters"] as? [[String: Any]])
            let textBytes = chapters.flatMap { $0["s"] as? [[String: String]] ?? [] }.reduce(0) { $0 + ($1["x"]?.utf8.count ?? 0) }
            let ratio = Double(script.utf8.count) / Double(textBytes)
            #expect(ratio > 1 && ratio < 1.25, "\(edition): index \(script.utf8.count) bytes for \(textBytes) bytes of text")
        }
    }
}
