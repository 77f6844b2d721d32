import Foundation
import Testing
@testable import RoutemapKit

/// Questions for consultation and the `outcome:` of a consultation, written wrongly: each is an
/// error at its file, line and column. And written rightly: the numbers the editor wrote are the
/// questions' numbers and anchors.
@Suite struct ConsultationTests {
    static let config = MiniSite.config + "\nquestions_heading: Questions for consultation\n"
    static let consultation = """
    title: The draft
    kind: consultation
    status: draft
    published: 2011-03-08
    consultation:
      opens: 2011-03-08
      closes: 2011-04-04
      respond:
        email: respond@test.example

    """

    static func chapter(_ title: String, order: Int, _ body: String) -> String {
        "---\ntitle: \(title)\norder: \(order)\ntheme: governance\n---\n\nText.\n\n\(body)"
    }

    func build(_ chapters: [String: String], edition: String = ConsultationTests.consultation, day: String = "2011-03-20") -> (BuildReport?, [Diagnostic]) {
        let folder = MiniSite.make(chapters: chapters, config: Self.config, edition: edition)
        var options = MiniSite.options(folder)
        options.buildDate = CalendarDate(iso: day)!
        do {
            let report = try generated(options)
            return (report, report.diagnostics)
        } catch {
            return (nil, error.diagnostics)
        }
    }

    func place(_ diagnostic: Diagnostic?) -> String? {
        diagnostic.map { "\(($0.file as NSString).lastPathComponent):\($0.line):\($0.column): \($0.severity)" }
    }

    @Test func theNumbersWrittenAreTheQuestionsNumbersEverywhere() throws {
        let (report, diagnostics) = build([
            "a.md": Self.chapter("A", order: 1, "## Questions for consultation\n\n4. First?\n6. Second?\n"),
            "b.md": Self.chapter("B", order: 2, "## Questions for consultation\n\n1. Third?\n"),
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let files = try #require(report).files
        let a = try #require(files.first { $0.path == "draft/a.html" }?.text)
        #expect(a.contains(##"<a class="question-number" id="Q4" href="#Q4"><span class="visually-hidden">Question </span>Q4</a> First?"##))
        #expect(a.contains(#"id="Q6""#) && !a.contains(#"id="Q5""#))
        let print = try #require(files.first { $0.path == "draft/print/index.html" }?.text)
        #expect(print.contains(#"id="Q4""#) && print.contains(#"id="Q6""#) && print.contains(#"id="Q1""#), "the same anchors on the printable page")
        let respond = try #require(files.first { $0.path == "draft/respond.html" }?.text)
        // In reading order, each linked to where it is asked, with a field to answer it while the consultation is open.
        let order = ["Q4", "Q6", "Q1"].map { respond.range(of: "<span class=\"question-label\">\($0)</span>")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted())
        #expect(respond.contains(#"<a href="a.html#Q6">1. A</a>"#))
        #expect(respond.contains(#"<textarea id="answer-Q6" name="Q6" rows="5"></textarea>"#))
        #expect(respond.contains(#"href="mailto:respond@test.example?subject=Response%20to%20the%20consultation%3A%20The%20draft""#))
    }

    @Test func afterTheCloseTheRespondPageStatesItInsteadOfAskingForAnswers() throws {
        let (report, _) = build(["a.md": Self.chapter("A", order: 1, "## Questions for consultation\n\n1. First?\n")], day: "2011-04-05")
        let respond = try #require(report?.files.first { $0.path == "draft/respond.html" }?.text)
        #expect(respond.contains("The consultation on this draft closed on Monday 4 April 2011.</strong> The responses are being considered."))
        #expect(!respond.contains("<textarea") && !respond.contains("mailto:"))
        #expect(respond.contains(#"<li id="Q1"><span class="question-label">Q1</span> First?"#))
    }

    @Test func aNumberUsedTwiceInTheEditionIsAnErrorAtTheSecond() {
        let (_, diagnostics) = build([
            "a.md": Self.chapter("A", order: 1, "## Questions for consultation\n\n1. First?\n2. Second?\n"),
            "b.md": Self.chapter("B", order: 2, "## Questions for consultation\n\n3. Third?\n2. Again?\n"),
        ])
        let errors = diagnostics.errors
        #expect(errors.count == 1)
        #expect(place(errors.first) == "b.md:12:1: error")
        #expect(errors.first?.message == "question Q2 is numbered like the question at a.md:12")
    }

    @Test func aBulletedQuestionIsAnErrorAtItsLine() {
        let (_, diagnostics) = build(["a.md": Self.chapter("A", order: 1, "## Questions for consultation\n\n- First?\n")])
        #expect(diagnostics.errors.map(place) == ["a.md:11:1: error"])
        #expect(diagnostics.errors.first?.hint?.contains("numbered list") == true)
    }

    @Test func aQuestionOutsideAConsultationEditionIsAnError() {
        let (_, diagnostics) = build(["a.md": Self.chapter("A", order: 1, "## Questions for consultation\n\n1. First?\n")], edition: MiniSite.edition)
        #expect(diagnostics.errors.map(place) == ["a.md:11:1: error"])
        #expect(diagnostics.errors.first?.message.contains("not a consultation") == true)
    }

    @Test func anOutcomeThatLeadsNowhereIsAnErrorAtItsLine() {
        let edition = Self.consultation + "outcome:\n  summary: responses.md\n  edition: final\n"
        let (_, diagnostics) = build(["a.md": Self.chapter("A", order: 1, "")], edition: edition)
        #expect(diagnostics.errors.compactMap(place).sorted() == ["edition.yml:11:12: error", "edition.yml:12:12: error"])
        #expect(diagnostics.errors.contains { $0.message == "'summary: responses.md' in 'outcome' is not a chapter" })
        #expect(diagnostics.errors.contains { $0.message.hasPrefix("'edition: final' in 'outcome' is not an edition listed after 'draft'") })
    }

    @Test func anOutcomeConcludesTheConsultationAfterItCloses() throws {
        let edition = Self.consultation + "outcome:\n  summary: https://test.example/responses\n"
        let (open, _) = build(["a.md": Self.chapter("A", order: 1, "")], edition: edition)
        #expect(try #require(open?.files.first { $0.path == "draft/a.html" }?.text).contains("consultation-banner--open"))
        let (closed, diagnostics) = build(["a.md": Self.chapter("A", order: 1, "")], edition: edition, day: "2011-04-05")
        #expect(diagnostics.isEmpty)
        let page = try #require(closed?.files.first { $0.path == "draft/a.html" }?.text)
        #expect(page.contains(#"has concluded.</strong> <a href="https://test.example/responses">Read the summary of responses</a>."#))
    }
}
