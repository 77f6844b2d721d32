import HTMLText
import Testing
@testable import RoutemapKit

/// The rewriting of one chapter's fragment for the printable page, case by case.
@Suite struct FragmentRewriterTests {
    private let chapterPages: [String: (editionID: String, chapterID: String)] = [
        "two/start.html": ("two", "start"), "two/plan.html": ("two", "plan"), "one/start.html": ("one", "start"),
    ]

    private func rewriter(page: String = "two/print/index.html",
                          outsideLinks: FragmentRewriter.OutsideLinks = .relative) -> FragmentRewriter {
        FragmentRewriter(editionID: "two", page: page, chapterPages: chapterPages, outsideLinks: outsideLinks)
    }

    @Test func idsAndSamePageLinksGetTheChaptersPrefix() {
        let html = ##"<h2 id="how">How</h2><p><a href="#how">here</a><sup><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup></p><a href="#">top</a>"##
        #expect(rewriter().rewrite(html, chapterID: "plan") ==
                ##"<h2 id="chapter-plan.how">How</h2><p><a href="#chapter-plan.how">here</a><sup><a href="#chapter-plan.fn-1" id="chapter-plan.fnref-1" data-footnote-ref>1</a></sup></p><a href="#chapter-plan">top</a>"##)
    }

    @Test func linksToChaptersOfTheEditionBecomeAnchorsOnThePage() {
        let html = ##"<a href="start.html">a</a> <a href="start.html#what-changes">b</a> <a href="../two/plan.html#x">c</a>"##
        #expect(rewriter().rewrite(html, chapterID: "plan") ==
                ##"<a href="#chapter-start">a</a> <a href="#chapter-start.what-changes">b</a> <a href="#chapter-plan.x">c</a>"##)
    }

    @Test func linksToAnotherEditionGoToItsPrintablePage() {
        let html = ##"<a href="../one/start.html#how">draft</a>"##
        #expect(rewriter().rewrite(html, chapterID: "plan") == ##"<a href="../../one/print/index.html#chapter-start.how">draft</a>"##)
        #expect(rewriter(page: "print/index.html").rewrite(html, chapterID: "plan") == ##"<a href="../one/print/index.html#chapter-start.how">draft</a>"##)
        #expect(rewriter(outsideLinks: .published(baseURL: "https://print.example/")).rewrite(html, chapterID: "plan") ==
                ##"<a href="https://print.example/one/print/#chapter-start.how">draft</a>"##)
        #expect(rewriter(outsideLinks: .published(baseURL: nil)).rewrite(html, chapterID: "plan") == ##"<a>draft</a>"##)
    }

    @Test func filesAndImagesAreReachedFromThePrintablePage() {
        let html = ##"<img src="images/a%20b.svg" alt="x" /><a href="files/data.csv?v=1&amp;w=2#row">data</a>"##
        #expect(rewriter().rewrite(html, chapterID: "plan") == ##"<img src="../images/a%20b.svg" alt="x" /><a href="../files/data.csv?v=1&amp;w=2#row">data</a>"##)
        #expect(rewriter(page: "print/index.html").rewrite(html, chapterID: "plan") ==
                ##"<img src="../two/images/a%20b.svg" alt="x" /><a href="../two/files/data.csv?v=1&amp;w=2#row">data</a>"##)
    }

    @Test func otherSitesAndAddressesAreLeftAsWritten() {
        let html = ##"<a href="https://www.gov.uk/a?b=1&amp;c=2" title="x">g</a><a href="mailto:a@b.example">m</a><a href="/root">r</a>"##
        #expect(rewriter().rewrite(html, chapterID: "plan") == html)
    }

    @Test func textCommentsAndOtherAttributesAreUntouched() {
        let html = "<p class=\"x\">id=&quot;a&quot; &lt;a href=&quot;#b&quot;&gt; <!-- <a href=\"#c\" id=\"d\"> --></p><br/><hr />"
        #expect(rewriter().rewrite(html, chapterID: "plan") == html)
    }

    @Test func rawHTMLAttributesInAnyQuotingAreRewritten() {
        let html = "<div ID='box' data-x=\"a>b\"><a href=#box>in</a><input disabled id = \"y\"></div>"
        #expect(rewriter().rewrite(html, chapterID: "plan") ==
                "<div ID=\"chapter-plan.box\" data-x=\"a>b\"><a href=\"#chapter-plan.box\">in</a><input disabled id=\"chapter-plan.y\"></div>")
    }

    @Test func characterReferencesInLinksAreReadAndWrittenBack() {
        #expect(decodeAttribute(ArraySlice("a&amp;b&#x27;c&#39;&unknown;&".utf8)) == "a&b'c'&unknown;&")
        let html = ##"<a href="it&#x27;s.html">q</a>"##
        #expect(rewriter().rewrite(html, chapterID: "plan") == ##"<a href="../it's.html">q</a>"##)
    }
}
