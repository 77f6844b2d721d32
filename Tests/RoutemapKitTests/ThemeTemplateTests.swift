import Foundation
import Testing
@testable import RoutemapKit

/// A theme's broken template is reported where it breaks, with a way to fix it.
@Suite struct ThemeTemplateTests {
    private func load(chapterTemplate: String) throws -> [Diagnostic] {
        let folder = TemporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.themes + "/default", toPath: folder.path + "/themes/default")
        folder.write("themes/broken/templates/chapter.mustache", chapterTemplate)
        let log = DiagnosticLog()
        let theme = Theme.load(themesDirectory: folder.path + "/themes", name: "broken", log: log)
        #expect(theme == nil)
        return log.items
    }

    @Test func anUnclosedSectionIsReportedWhereItOpens() throws {
        let diagnostics = try load(chapterTemplate: "<h1>{{title}}</h1>\n<p>\n  {{#sections}}\n")
        let error = try #require(diagnostics.first)
        #expect(error.file.hasSuffix("themes/broken/templates/chapter.mustache"))
        #expect(error.line == 3 && error.column == 3)
        #expect(error.message.contains("{{#sections}} is never closed"))
        #expect(error.hint == "close it with {{/sections}}")
    }

    @Test func aSectionClosedOutOfOrderNamesBoth() throws {
        let diagnostics = try load(chapterTemplate: "{{#themes}}\n{{#url}}\n{{/themes}}\n{{/url}}\n")
        let error = try #require(diagnostics.first)
        #expect(error.line == 3 && error.column == 1)
        #expect(error.message == "the template cannot be read: {{/themes}} does not close {{#url}}, opened on line 2")
    }

    @Test func anUnknownFunctionListsTheKnownOnes() throws {
        let diagnostics = try load(chapterTemplate: "<p>\n x {{#nonempty(themes)}}{{/nonempty(themes)}}\n")
        let error = try #require(diagnostics.first)
        #expect(error.line == 2 && error.column == 4)
        #expect(error.message.contains("there is no function 'nonempty'"))
        #expect(error.hint?.contains("empty, count") == true)
    }

    /// The preview loads the theme again on every save: a template edited all afternoon does not
    /// leave every version of itself parsed in memory.
    @Test func aTemplateEditedManyTimesIsNotKeptInEveryVersion() throws {
        let folder = TemporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.themes + "/default", toPath: folder.path + "/themes/default")
        for version in 0..<(2 * Theme.parsedTemplatesKept) {
            folder.write("themes/edited/templates/chapter.mustache", "<h1>{{title}}</h1>\n<!-- version \(version) -->\n")
            let log = DiagnosticLog()
            #expect(Theme.load(themesDirectory: folder.path + "/themes", name: "edited", log: log) != nil, "\(log.items)")
        }
        // Other tests load themes at the same time, each adding a few templates.
        #expect(Theme.parsedTemplateCount < Theme.parsedTemplatesKept + 100)
    }

    @Test func anUnclosedTagIsReported() throws {
        let diagnostics = try load(chapterTemplate: "<h1>{{title</h1>\n")
        let error = try #require(diagnostics.first)
        #expect(error.line == 1 && error.column == 5)
        #expect(error.message.contains("not closed with }}"))
    }
}
