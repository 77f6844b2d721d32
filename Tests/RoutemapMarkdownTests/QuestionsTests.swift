import Testing
@testable import RoutemapMarkdown

/// Questions for consultation in Markdown, and links that must be text alone.
@Suite struct QuestionsTests {
    static let options = MarkdownOptions(questionsHeading: "Questions for consultation")

    @Test func eachNumberedItemUnderTheHeadingIsAQuestionWithTheNumberWritten() {
        let source = "## Questions for consultation\n\n7. Should partners share a board?\n9. Who chairs it,\n   and for how long?\n   1. A nested item is part of its question.\n\n## Next\n\n1. Not a question.\n"
        let result = MarkdownRenderer.render(source, options: Self.options)
        #expect(result.questions.map(\.number) == [7, 9])
        #expect(result.questions.map(\.anchor) == ["Q7", "Q9"])
        #expect(result.questions.map(\.position.line) == [3, 4])
        #expect(result.questions[1].text == "Who chairs it, and for how long? A nested item is part of its question.")
        #expect(result.html.contains(##"<li><a class="question-number" id="Q9" href="#Q9"><span class="visually-hidden">Question </span>Q9</a> Who chairs it,"##))
        #expect(!result.html.contains(#"id="Q1""#))
    }

    @Test func aBulletedItemIsAQuestionWithoutANumber() {
        let result = MarkdownRenderer.render("### Questions for Consultation\n\n- Why?\n", options: Self.options)
        #expect(result.questions.map(\.number) == [nil])
        #expect(!result.html.contains("question-number"))
    }

    @Test func withoutTheOptionThereAreNoQuestions() {
        #expect(MarkdownRenderer.render("## Questions for consultation\n\n1. Why?\n").questions.isEmpty)
    }

    @Test func anUnlinkedLinkKeepsItsTextAndLosesItsAddress() {
        let result = MarkdownRenderer.render("See [the *final* text](../final/a.md) and [this](b.md).\n",
                                             rewriteLink: { $0.hasPrefix("../final/") ? MarkdownRenderer.unlinked : nil })
        #expect(result.html == "<p>See the <em>final</em> text and <a href=\"b.md\">this</a>.</p>\n")
        #expect(result.links.map(\.text) == ["the final text", "this"])
    }
}
