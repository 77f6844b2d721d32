import Foundation
import HTMLText
import Testing
@testable import RoutemapKit
import RoutemapMarkdown
import Templates

/// The printable page's bodies are put between the pieces of the templates' output (PageSplice);
/// any doubt about where they go must make the page be rendered the plain way instead.
@Suite struct PageSpliceTests {
    let splice = PageSplice()

    /// `text` cut as HTML, the pieces as text.
    private func cut(_ text: String, first: Int = 0, count: Int) -> [String]? {
        splice.cut(HTML(text), first: first, count: count)?.map(\.text)
    }

    @Test func textIsCutAtEachMarkerInOrder() {
        let text = "<main>" + splice.marker(0).text + "<hr>" + splice.marker(1).text + "</main>"
        #expect(cut(text, count: 2) == ["<main>", "<hr>", "</main>"])
        #expect(cut(splice.marker(7).text, first: 7, count: 1) == ["", ""])
    }

    @Test func aMarkerMissingRepeatedOutOfOrderOrEscapedIsRefused() {
        let (zero, one) = (splice.marker(0).text, splice.marker(1).text)
        #expect(cut("<main>" + zero + "</main>", count: 2) == nil)
        #expect(cut(zero + one + one, count: 2) == nil)
        #expect(cut(one + zero, count: 2) == nil)
        #expect(cut(zero + escapeAttribute(one), count: 2) == nil)
        #expect(cut(zero + "x", first: 1, count: 1) == nil)
    }

    /// A theme whose printable page escapes the chapter bodies gets them escaped, as it asked.
    @Test func aThemeThatEscapesTheBodiesIsRenderedThePlainWay() throws {
        let folder = MiniSite.make(chapters: ["governance.md": "---\ntitle: Governance\norder: 1\n---\n\nText.\n"])
        try FileManager.default.copyItem(atPath: Repository.themes + "/default", toPath: folder.path + "/themes/default")
        let print = try String(contentsOfFile: folder.path + "/themes/default/templates/print.mustache", encoding: .utf8)
        #expect(print.contains("{{{body}}}"))
        folder.write("themes/escaping/templates/print.mustache", print.replacingOccurrences(of: "{{{body}}}", with: "<pre>{{body}}</pre>"))
        var options = MiniSite.options(folder)
        options.themesDirectory = folder.path + "/themes"
        options.themeName = "escaping"
        try built(options)
        for page in ["output/draft/print/index.html", "output/print/index.html"] {
            let html = try #require(folder.read(page))
            #expect(html.contains("<pre>&lt;p&gt;Text.&lt;/p&gt;\n</pre>"), "\(page)")
            #expect(!html.contains("routemap-splice"))
        }
    }
}
