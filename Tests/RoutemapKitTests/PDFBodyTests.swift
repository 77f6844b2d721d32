import Testing
@testable import RoutemapKit
import RoutemapMarkdown

/// A chapter's HTML made ready for the PDF: notes where they are cited, addresses printed,
/// other chapters named by number, numbered tables kept whole.
@Suite struct PDFBodyTests {
    /// The chapter as the PDF's source page holds it: cmark-gfm's HTML, rewritten for the page, then prepared.
    private func prepared(_ markdown: String, chapterID: String = "plan") -> String {
        let html = MarkdownRenderer.render(utf8: Array(markdown.utf8), options: MarkdownOptions()).html
        let rewriter = FragmentRewriter(editionID: "two", page: "two/print/index.html",
                                        chapterPages: ["two/start.html": ("two", "start"), "two/plan.html": ("two", "plan")],
                                        outsideLinks: .published(baseURL: "https://print.example/"))
        return PDFBody.prepare(rewriter.rewrite(html, chapterID: chapterID), chapterID: chapterID, chapterNumbers: ["start": 1, "plan": 2])
    }

    @Test func notesStandWhereTheyAreCitedAndTheNotesSectionGoes() {
        let html = prepared("""
            The plan.[^a] More, citing [the start](start.html#what).[^b] Again.[^a] See [the start](start.html) again.

            [^a]: The first note, *with emphasis*.

                And a second paragraph.
            [^b]: The second note.
            """)
        #expect(html.contains(##"The plan.<span class="footnote" id="chapter-plan.fn-a">The first note, <em>with emphasis</em>. "## + "\n" + ##"And a second paragraph.</span> More"##), "\(html)")
        #expect(html.contains(##"citing <a data-chapter="1" href="#chapter-start.what">the start</a>.<span class="footnote" id="chapter-plan.fn-b">The second note.</span>"##), "\(html)")
        #expect(html.contains(##"Again.<sup class="footnote-ref">1</sup>"##), "a note cited twice is printed once: \(html)")
        #expect(html.contains(##"See <a data-chapter="1" data-space href="#chapter-start">the start</a>again."##),
                "the space after a link to another chapter ends its printed reference: \(html)")
        #expect(!html.contains("footnotes") && !html.contains("footnote-backref") && !html.contains("fnref"), "\(html)")
    }

    @Test func notesHoldingAListStayAtTheChaptersEnd() {
        let html = prepared("""
            The plan.[^a]

            [^a]: A note with a list:

                - one
                - two
            """)
        #expect(html.contains(##"<section class="footnotes" data-footnotes>"##) && !html.contains(##"class="footnote""##), "\(html)")
    }

    @Test func addressesOfOtherSitesArePrintedOnceAndOnlyLinksToOtherChaptersCarryTheirNumber() {
        let html = prepared("""
            See [GOV.UK](https://www.gov.uk/), <https://example.org/a>, [the top](#how), [the café](#café) and [the start](start.html).[^a]

            [^a]: Inside a note, [the archive](https://archive.example/x?a=1&b=2).
            """)
        #expect(html.contains(##"<a href="https://www.gov.uk/">GOV.UK</a><span class="footnote footnote--address">https://www.gov.uk/</span>"##), "\(html)")
        #expect(html.contains(##"<a href="https://example.org/a">https://example.org/a</a>, "##), "an address already printed is not repeated: \(html)")
        #expect(html.contains(##"<a href="#chapter-plan.how">the top</a>, <a href="#chapter-plan.café">the café</a> and"##),
                "a link within the chapter names no chapter; its fragment is the id as written: \(html)")
        #expect(html.contains(##"<a data-chapter="1" href="#chapter-start">the start</a>."##), "\(html)")
        #expect(html.contains(##"<a href="https://archive.example/x?a=1&amp;b=2">the archive</a> <span class="address">(https://archive.example/x?a=1&amp;b=2)</span>"##), "\(html)")
    }

    @Test func aNumberedTableIsMarkedToBeKeptWithItsNumber() {
        let html = PDFBody.withNumberedTablesKept(
            ##"<div class="numbered" id="p1"><a class="paragraph-number" href="#p1">1</a>"## + "\n<table><tr><td>x</td></tr></table></div>"
            + ##"<div class="numbered" id="p2"><a class="paragraph-number" href="#p2">2</a>"## + "\n<p>y</p></div>")
        #expect(html.contains(##"<div class="numbered numbered--table" id="p1">"##) && html.contains(##"<div class="numbered" id="p2">"##), "\(html)")
    }
}
