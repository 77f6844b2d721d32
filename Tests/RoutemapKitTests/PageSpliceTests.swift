import Foundation
import Testing
@testable import RoutemapKit
import Markdown

/// The printable page's bodies are put between the pieces of the templates' output (PageSplice);
/// any doubt about where they go must make the page be rendered the plain way instead.
@Suite struct PageSpliceTests {
    let splice = PageSplice()

    @Test func textIsCutAtEachMarkerInOrder() {
        let text = "<main>" + splice.marker(0) + "<hr>" + splice.marker(1) + "</main>"
        #expect(splice.cut(text, count: 2) == ["<main>", "<hr>", "</main>"])
        #expect(splice.cut(splice.marker(7), first: 7, count: 1) == ["", ""])
    }

    @Test func aMarkerMissingRepeatedOutOfOrderOrEscapedIsRefused() {
        let (zero, one) = (splice.marker(0), splice.marker(1))
        #expect(splice.cut("<main>" + zero + "</main>", count: 2) == nil)
        #expect(splice.cut(zero + one + one, count: 2) == nil)
        #expect(splice.cut(one + zero, count: 2) == nil)
        #expect(splice.cut(zero + escapeAttribute(one), count: 2) == nil)
        #expect(splice.cut(zero + "x", first: 1, count: 1) == nil)
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
        try SiteBuilder.build(options)
        for page in ["output/draft/print/index.html", "output/print/index.html"] {
            let html = try #require(folder.read(page))
            #expect(html.contains("<pre>&lt;p&gt;Text.&lt;/p&gt;\n</pre>"), "\(page)")
            #expect(!html.contains("routemap-splice"))
        }
    }
}
