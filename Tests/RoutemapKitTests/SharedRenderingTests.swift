import Foundation
import Testing
import RoutemapMarkdown
@testable import RoutemapKit

/// A chapter with the same text in two editions (most of a final edition's, after its consultation
/// draft) is rendered once, unless a link in it resolves differently from the other edition's page.
@Suite struct SharedRenderingTests {
    private func chapter(_ title: String, order: Int, body: String) -> String {
        "---\ntitle: \(title)\norder: \(order)\n---\n\n\(body)\n"
    }

    /// Alpha and Beta are the same in both editions; Gamma's text is too, but its link to the
    /// draft's Beta is `b.html` from the draft and `../draft/b.html` from the final edition; Delta
    /// differs.
    private func site() -> TemporaryFolder {
        let config = MiniSite.config.replacingOccurrences(of: "editions: [draft]", with: "editions: [draft, final]")
        let folder = MiniSite.make(chapters: [:], config: config)
        folder.write("content/final/edition.yml", "title: Final\nkind: final\npublished: 2011-05-11\n")
        for edition in ["draft", "final"] {
            folder.write("content/\(edition)/a.md", chapter("Alpha", order: 1, body: "See [Beta](b.md#how).[^1]\n\n[^1]: A note."))
            folder.write("content/\(edition)/b.md", chapter("Beta", order: 2, body: "## How\n\nText."))
            folder.write("content/\(edition)/c.md", chapter("Gamma", order: 3, body: "As [the draft put it](../draft/b.md#how)."))
            folder.write("content/\(edition)/d.md", chapter("Delta", order: 4, body: "The \(edition)'s own text."))
        }
        return folder
    }

    private func page(_ path: String, in report: BuildReport) -> String {
        report.files.first { $0.path == path }?.text ?? ""
    }

    @Test func sameTextIsRenderedOnceAndEachLinkStillResolvesFromItsOwnPage() throws {
        let folder = site()
        var options = MiniSite.options(folder)
        let cache = RenderCache()
        options.renderCache = cache
        let report = try generated(options)
        // Alpha and Beta once each, Gamma and Delta twice; the final's Alpha and Beta are the draft's.
        #expect(cache.lastUsage == CacheUsage(made: 6, reused: 2))
        #expect(page("draft/c.html", in: report).contains(#"href="b.html#how""#))
        #expect(page("final/c.html", in: report).contains(#"href="../draft/b.html#how""#))
        #expect(page("final/a.html", in: report).contains(#"href="b.html#how""#))

        // Every file is what rendering each chapter on its own makes.
        var unshared = options
        unshared.renderCache = nil
        let expected = try generated(unshared)
        #expect(report.files.map(\.path) == expected.files.map(\.path))
        for (file, fresh) in zip(report.files, expected.files) where file.text != fresh.text {
            Issue.record("\(file.path) differs from a build of each chapter on its own")
        }

        // The next build reuses them all, shared or not.
        _ = try generated(options)
        #expect(cache.lastUsage == CacheUsage(made: 0, reused: 8))
    }

    @Test func aChangeToOneEditionsCopyRendersThatCopyAlone() throws {
        let folder = site()
        var options = MiniSite.options(folder)
        let cache = RenderCache()
        options.renderCache = cache
        _ = try generated(options)
        folder.write("content/final/a.md", chapter("Alpha", order: 1, body: "See [Beta](b.md#how), as amended."))
        let report = try generated(options)
        #expect(cache.lastUsage == CacheUsage(made: 1, reused: 7))
        #expect(page("final/a.html", in: report).contains("as amended"))
        #expect(!page("draft/a.html", in: report).contains("as amended"))
    }

    /// Where a chapter's text differs between editions, the later edition's rendering holds the
    /// earlier's strings for the blocks and search sections that read the same, byte for byte; a
    /// paragraph equal only as Unicode (é composed in the draft, e and an accent in the final) keeps its own bytes.
    @Test func aChangedChapterHoldsTheEarlierEditionsTextWhereItReadsTheSameByteForByte() throws {
        let config = MiniSite.config.replacingOccurrences(of: "editions: [draft]", with: "editions: [draft, final]")
        let folder = MiniSite.make(chapters: [:], config: config)
        folder.write("content/final/edition.yml", "title: Final\nkind: final\npublished: 2011-05-11\n")
        let kept = "Councils will publish their budgets every quarter, in one format."
        let keptToo = "Each council reports once a year to its residents."
        func body(_ changed: String, _ cafe: String) -> String {
            "## Budgets and spending\n\n\(kept)\n\n\(changed)\n\n## Reporting\n\n\(keptToo)\n\n"
                + "## The \(cafe) test\n\nA longer paragraph about the \(cafe) nearby."
        }
        folder.write("content/draft/a.md", chapter("Alpha", order: 1, body: body("The draft proposes a review in 2012.", "caf\u{E9}")))
        folder.write("content/final/a.md", chapter("Alpha", order: 1, body: body("The final edition commits to a review in 2012.", "cafe\u{301}")))
        let log = DiagnosticLog()
        let publication = try #require(ContentLoader.load(contentDirectory: folder.path + "/content", log: log))
        let rendered = try #require(ChapterRenderer.render(publication, log: log))
        let draft = rendered.editions[0].chapters[0], final = rendered.editions[1].chapters[0]

        func storage(_ text: String) -> UnsafeRawPointer? {
            var text = text
            return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
        }
        func shared(_ new: String, among old: [String]) -> Bool { old.contains { storage($0) == storage(new) } }
        let draftBlocks = draft.markdown.blocks.map(\.text), finalBlocks = final.markdown.blocks.map(\.text)
        #expect(finalBlocks[1] == kept && shared(finalBlocks[1], among: draftBlocks))
        #expect(finalBlocks[4] == keptToo && shared(finalBlocks[4], among: draftBlocks))
        #expect(!shared(finalBlocks[2], among: draftBlocks))
        #expect(!shared(finalBlocks[6], among: draftBlocks))
        let draftSections = draft.search.current.map(\.text), finalSections = final.search.current.map(\.text)
        #expect(finalSections[1] == keptToo && shared(finalSections[1], among: draftSections))
        #expect(!shared(finalSections[0], among: draftSections))
        #expect(!shared(finalSections[2], among: draftSections))

        // Every text is, byte for byte, what rendering the final's chapter on its own makes.
        let alone = MarkdownRenderer.render(utf8: Array(final.chapter.body), options: MarkdownOptions(blockText: true),
                                            rewriteLink: { _ in nil })
        #expect(finalBlocks.map { Array($0.utf8) } == alone.blocks.map { Array($0.text.utf8) })
        #expect(finalSections.map { Array($0.utf8) } == alone.sections.map { Array($0.text.utf8) })
        #expect(finalBlocks.last.map { Array($0.utf8) } != draftBlocks.last.map { Array($0.utf8) })
    }
}
