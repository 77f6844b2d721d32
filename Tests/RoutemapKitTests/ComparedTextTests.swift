import Foundation
import Testing
@testable import RoutemapKit
@testable import RoutemapMarkdown

/// A build lets go of the blocks' text of chapters that read as their counterparts (ComparedText),
/// and compares the editions exactly as if it had kept every text.
@Suite struct ComparedTextTests {
    @Test func chaptersArePairedAsTheComparisonPairsThem() {
        let pairs = ComparedText.comparedPairs([["a", "b", "a"], ["b", "a", "c"], ["c", "a"]])
        // A repeated id pairs with its first place; editions two apart are not paired.
        #expect(pairs.map { [$0.old, $0.new] } == [[1, 3], [0, 4], [5, 6], [4, 7]])
        #expect(ComparedText.comparedPairs([["a"]]).isEmpty)
        #expect(ComparedText.comparedPairs([]).isEmpty)
    }

    /// The mini site's settings with these editions and paragraphs numbered.
    private static func numberedConfig(editions: String) -> String {
        MiniSite.config.replacingOccurrences(of: "editions: [draft]", with: "editions: [\(editions)]") + "\nparagraph_numbers: true\n"
    }

    private func rendered(_ text: String) -> RenderedMarkdown {
        MarkdownRenderer.render(text + "\n\nSee [the plan](https://example.org/plan).\n", options: MarkdownOptions(blockText: true))
    }

    /// One chapter through three editions: which renderings keep their text.
    @Test(arguments: [
        (["One.", "One.", "One."], [false, false, false]),
        (["One.", "One.", "Two."], [true, true, true]),
        (["One.", "Two.", "Two."], [true, true, true]),
        (["One.", "Two.", "Three."], [true, true, true]),
    ])
    func textIsKeptWhereAComparisonNeedsIt(texts: [String], kept: [Bool]) {
        var markdown = texts.map(rendered)
        let before = markdown
        ComparedText.releaseUnneeded(&markdown, chapterIDs: [["a"], ["a"], ["a"]])
        #expect(markdown.map { $0.blocks.contains { !$0.text.isEmpty || !$0.destinations.isEmpty } } == kept)
        // Either way, each pair of editions compares as before.
        for (old, new) in [(0, 1), (1, 2)] {
            #expect(ChapterComparison.compare(markdown[old].blocks, markdown[new].blocks)
                        == ChapterComparison.compare(before[old].blocks, before[new].blocks))
        }
        // Nothing else of a rendering changes.
        #expect(zip(markdown, before).allSatisfy { $0.htmlUTF8 == $1.htmlUTF8 && $0.blocks.map(\.anchor) == $1.blocks.map(\.anchor) })
    }

    /// Three editions of chapters kept, reworded, left out of one edition and put back, built from
    /// files: the renderings without a cache let go of texts; with the preview's cache, which keeps
    /// them all, every comparison comes out the same.
    @Test func everyComparisonIsAsIfEveryTextWereKept() throws {
        let folder = TemporaryFolder()
        // Paragraphs numbered: a chapter that reads the same in two editions can still have other
        // numbers and anchors there (added-last comes first in the third, so kept is chapter 2 there).
        folder.write("content/routemap.yml", Self.numberedConfig(editions: "first, second, third"))
        let chapters: [String: [String?]] = [
            "kept": ["Kept as it is.", "Kept as it is.", "Kept as it is."],
            "reworded-last": ["Said one way.", "Said one way.", "Said another way."],
            "reworded-first": ["Said one way.", "Said another way.", "Said another way."],
            "out-and-back": ["Away for a while.", nil, "Away for a while."],
            "new-in-second": [nil, "Arrived.", "Arrived."],
            "added-last": [nil, nil, "First of all."],
        ]
        for (number, edition) in ["first", "second", "third"].enumerated() {
            folder.write("content/\(edition)/edition.yml", "title: The \(edition)\nkind: final\npublished: 2011-0\(number + 3)-08\n")
            for (id, texts) in chapters.sorted(by: { $0.key < $1.key }) {
                guard let text = texts[number] else { continue }
                folder.write("content/\(edition)/\(id).md", "---\ntitle: \(id)\n---\n\n## About\n\n\(text) See [the plan](https://example.org/plan).\n\n- one\n- two\n")
            }
        }
        let log = DiagnosticLog()
        let publication = try #require(ContentLoader.load(contentDirectory: folder.path + "/content", log: log), "\(log.items)")
        let released = try #require(ChapterRenderer.render(publication, log: log), "\(log.items)")
        let kept = try #require(ChapterRenderer.render(publication, cache: RenderCache(), log: log), "\(log.items)")

        let textless = { (site: RenderedPublication) in
            site.editions.flatMap { edition in
                edition.chapters.filter { $0.markdown.blocks.allSatisfy(\.text.isEmpty) }.map { "\(edition.edition.id)/\($0.chapter.id)" }
            }.sorted()
        }
        // Out and back is in no two editions side by side: compared with nothing, it is rendered without text.
        #expect(textless(kept) == ["first/out-and-back", "third/added-last", "third/out-and-back"])
        #expect(textless(released) == ["first/kept", "first/out-and-back", "second/kept", "second/new-in-second",
                                       "third/added-last", "third/kept", "third/new-in-second", "third/out-and-back"])

        // Every block keeps its own kind, number, anchor and place: only the text is let go of.
        for (one, other) in zip(released.editions.flatMap(\.chapters), kept.editions.flatMap(\.chapters)) {
            let shape = { (blocks: [TextBlock]) in blocks.map { "\($0.kind) \($0.number ?? "-") \($0.anchor ?? "-") \($0.position.line)" } }
            #expect(shape(one.markdown.blocks) == shape(other.markdown.blocks), "\(one.chapter.id)")
        }
        #expect(released.editions[2].chapters.first { $0.chapter.id == "kept" }?.markdown.blocks.compactMap(\.number).first == "2.1")

        for (older, newer) in [(0, 1), (1, 2)] {
            let withRelease = EditionComparison(older: released.editions[older], newer: released.editions[newer])
            let withAll = EditionComparison(older: kept.editions[older], newer: kept.editions[newer])
            #expect(withRelease.added.map(\.id) == withAll.added.map(\.id))
            #expect(withRelease.removed.map(\.id) == withAll.removed.map(\.id))
            #expect(withRelease.common.map(\.chapter.id) == withAll.common.map(\.chapter.id))
            for (one, other) in zip(withRelease.common, withAll.common) {
                #expect(one.comparison.changes == other.comparison.changes, "\(one.chapter.id)")
                #expect(one.comparison.counts == other.comparison.counts, "\(one.chapter.id)")
            }
            #expect(withRelease.unchanged.map(\.chapter.id).sorted() == (older == 0 ? ["kept", "reworded-last"] : ["kept", "new-in-second", "reworded-first"]))
        }
    }

    /// End to end: a chapter that reads the same in both editions but is chapter 2 in the final has
    /// the final's paragraph anchors, which links reach and `check` finds, and the draft's are not
    /// taken for them.
    @Test func aChapterThatReadsTheSameKeepsItsOwnAnchors() throws {
        let folder = TemporaryFolder()
        folder.write("content/routemap.yml", Self.numberedConfig(editions: "draft, final"))
        folder.write("content/draft/edition.yml", "title: The draft\nkind: final\nstatus: draft\npublished: 2011-03-08\n")
        folder.write("content/final/edition.yml", "title: The final\nkind: final\npublished: 2011-05-11\n")
        let kept = "---\ntitle: Kept\norder: 5\n---\n\nKept as it is.\n\nAnd its second paragraph.\n"
        folder.write("content/draft/kept.md", kept)
        folder.write("content/final/kept.md", kept)
        folder.write("content/final/first.md", "---\ntitle: First\norder: 1\n---\n\nSee [the second paragraph](kept.md#p2.2).\n")
        let report = SiteBuilder.buildInMemory(MiniSite.options(folder))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let page = try #require(report.files.first { $0.path == "final/kept.html" }?.text)
        #expect(page.contains("id=\"p2.2\""))

        // A link to the anchor the draft has there is reported.
        folder.write("content/final/first.md", "---\ntitle: First\norder: 1\n---\n\nSee [the second paragraph](kept.md#p1.2).\n")
        let wrong = SiteBuilder.buildInMemory(MiniSite.options(folder)).diagnostics.filter { $0.severity == .error }
        #expect(wrong.count == 1 && wrong.first?.message.contains("p1.2") == true, "\(wrong)")
    }
}
