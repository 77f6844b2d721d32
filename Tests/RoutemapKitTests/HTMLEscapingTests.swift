import Foundation
import Mustache
import Testing
@testable import RoutemapKit

@Suite struct HTMLEscapingTests {
    private func render(_ template: String, _ value: String) throws -> String {
        try MustacheTemplate(string: template).render(["x": value])
    }

    @Test(arguments: ["plain text", "A & B <i>\"quoted\" 'single'</i>", "", "&amp; already", "café <b>", "<\u{301} joined", "\"\u{308}",
                      "emoji 👩‍💻 & more", "a\r\n<b>", "<<>>&&''\"\"", "ü'\u{301}"])
    func escapesExactlyAsSwiftMustacheDoes(_ text: String) throws {
        #expect(HTMLEscaping.registered)
        #expect(try render(HTMLEscaping.pragma + "{{x}}", text) == render("{{x}}", text))
        #expect(try render(HTMLEscaping.pragma + "{{{x}}}", text) == text)
    }

    @Test func generatedStringsEscapeAlike() throws {
        #expect(HTMLEscaping.registered)
        let pieces = ["a", "<", ">", "&", "\"", "'", "é", "\u{301}", " ", "\n", "👍", "\r"]
        var generator = SplitMix64(seed: 7)
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(try render(HTMLEscaping.pragma + "{{x}}", text) == render("{{x}}", text), "\(text.debugDescription)")
        }
    }

    @Test func templateErrorsKeepTheirLine() throws {
        let folder = TemporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.themes + "/default", toPath: folder.path + "/themes/default")
        folder.write("themes/broken/templates/chapter.mustache", "<h1>{{title}}</h1>\n<p>\n{{#sections}}\n")
        let (theme, diagnostics) = Theme.load(themesDirectory: folder.path + "/themes", name: "broken")
        #expect(theme == nil)
        let expected: MustacheTemplate.ParserError
        do {
            _ = try MustacheTemplate(string: "<h1>{{title}}</h1>\n<p>\n{{#sections}}\n")
            Issue.record("the template should not parse")
            return
        } catch let error as MustacheTemplate.ParserError {
            expected = error
        }
        #expect(diagnostics.first?.line == expected.context.lineNumber)
        #expect(diagnostics.first?.column == expected.context.columnNumber)
    }
}
