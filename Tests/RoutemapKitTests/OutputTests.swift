import Foundation
import Testing
@testable import RoutemapKit

@Suite struct OutputTests {
    private let chapter = "---\ntitle: Governance\norder: 1\n---\n\nText.\n"

    @Test func aFailedBuildLeavesThePreviousOutputExactlyAsItWas() throws {
        let folder = MiniSite.make(chapters: ["governance.md": chapter])
        try built(MiniSite.options(folder))
        let before = snapshot(folder.path + "/output")
        #expect(before["draft/governance.html"] != nil)

        folder.write("content/draft/governance.md", "---\ntitle: Governance\ntheme: nonsense\n---\n")
        #expect(throws: BuildErrors.self) { try built(MiniSite.options(folder)) }
        #expect(snapshot(folder.path + "/output") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("output.") }
        #expect(leftovers.isEmpty)
    }

    @Test func aSuccessfulRebuildReplacesTheWholeSite() throws {
        let folder = MiniSite.make(chapters: ["governance.md": chapter, "old.md": "---\ntitle: Old\norder: 2\n---\n"])
        try built(MiniSite.options(folder))
        try FileManager.default.removeItem(atPath: folder.path + "/content/draft/old.md")
        try built(MiniSite.options(folder))
        #expect(folder.read("output/draft/old.html") == nil, "a deleted chapter's page must not survive a rebuild")
        #expect(folder.read("output/draft/governance.html") != nil)
    }

    @Test func aRebuildKeepsUnchangedFilesAndRewritesChangedOnes() throws {
        let other = "---\ntitle: Other\norder: 2\n---\n\nFirst text.\n"
        let folder = MiniSite.make(chapters: ["governance.md": chapter, "other.md": other])
        try built(MiniSite.options(folder))
        let governance = try inode(folder.path + "/output/draft/governance.html")
        let otherPage = try inode(folder.path + "/output/draft/other.html")

        folder.write("content/draft/other.md", other.replacingOccurrences(of: "First", with: "Second"))
        try built(MiniSite.options(folder))
        #expect(try inode(folder.path + "/output/draft/governance.html") == governance, "an unchanged page is linked, not written again")
        #expect(try inode(folder.path + "/output/draft/other.html") != otherPage)
        #expect(folder.read("output/draft/other.html")?.contains("Second text.") == true)
        #expect(folder.read("output/draft/governance.html")?.contains("<p>Text.</p>") == true)
        let fresh = try generated(MiniSite.options(folder))
        for file in fresh.files {
            guard let text = file.text else { continue }
            #expect(folder.read("output/" + file.path) == text, "\(file.path)")
        }
    }

    private func inode(_ path: String) throws -> UInt64 {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
    }

    @Test func aThemeFallsBackToTheDefaultForTemplatesItLacks() throws {
        let folder = MiniSite.make(chapters: ["governance.md": chapter])
        folder.write("themes/plain/templates/chapter.mustache", "<main id=\"main\"><h1>{{title}}</h1>{{{body}}}</main>")
        let defaultTemplates = Repository.themes + "/default"
        try FileManager.default.copyItem(atPath: defaultTemplates, toPath: folder.path + "/themes/default")
        var options = MiniSite.options(folder)
        options.themesDirectory = folder.path + "/themes"
        options.themeName = "plain"
        try built(options)
        let page = try #require(folder.read("output/draft/governance.html"))
        #expect(page.contains("<main id=\"main\"><h1>Governance</h1><p>Text.</p>\n</main>"))
        #expect(page.contains("<!DOCTYPE html>"), "the layout comes from the default theme")
    }

    @Test func anUnknownThemeIsAnError() {
        let folder = MiniSite.make(chapters: ["governance.md": chapter])
        var options = MiniSite.options(folder)
        options.themeName = "defualt"
        #expect {
            try generated(options)
        } throws: { error in
            let message = (error as? BuildErrors)?.description ?? ""
            return message.contains("the theme folder does not exist; did you mean 'default'?")
        }
    }

    @Test func aBrokenTemplateIsReportedWithItsPosition() throws {
        let folder = MiniSite.make(chapters: ["governance.md": chapter])
        try FileManager.default.copyItem(atPath: Repository.themes + "/default", toPath: folder.path + "/themes/default")
        folder.write("themes/broken/templates/chapter.mustache", "<h1>{{title}}</h1>\n{{#sections}}\n")
        var options = MiniSite.options(folder)
        options.themesDirectory = folder.path + "/themes"
        options.themeName = "broken"
        let failure = try #require(throws: BuildErrors.self) { try generated(options) }
        let diagnostic = try #require(failure.diagnostics.first)
        #expect(diagnostic.file.hasSuffix("themes/broken/templates/chapter.mustache"))
        #expect(diagnostic.message.contains("the template cannot be read"))
    }

    private func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in listFiles(folder) { files[path] = FileManager.default.contents(atPath: folder + "/" + path) }
        return files
    }
}
