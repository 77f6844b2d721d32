import Foundation
import RoutemapMarkdown
import Testing
@testable import RoutemapKit

@Suite struct TextDiffTests {
    /// Applies the script: the kept and added elements, in order, must give `new`; the kept and removed, `old`.
    private func check<T: Equatable>(_ old: [T], _ new: [T], _ steps: [DiffStep]) {
        var rebuiltOld: [T] = [], rebuiltNew: [T] = []
        for step in steps {
            switch step {
            case .same(let i, let j):
                #expect(old[i] == new[j])
                rebuiltOld.append(old[i]); rebuiltNew.append(new[j])
            case .removed(let i): rebuiltOld.append(old[i])
            case .added(let j): rebuiltNew.append(new[j])
            }
        }
        #expect(rebuiltOld == old)
        #expect(rebuiltNew == new)
    }

    /// The length of the longest common subsequence, by dynamic programming.
    private func lcs(_ a: [Character], _ b: [Character]) -> Int {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }

    @Test(arguments: [("abcabba", "cbabac"), ("", "abc"), ("abc", ""), ("same", "same"), ("kitten", "sitting"),
                      ("the quick brown fox", "the slow brown cat"), ("aaaa", "bbbb"), ("abcdef", "fedcba")])
    func scriptIsValidAndShortest(old: String, new: String) {
        let a = Array(old), b = Array(new)
        let steps = shortestEditScript(a, b)
        check(a, b, steps)
        let kept = steps.filter { if case .same = $0 { return true } else { return false } }.count
        #expect(kept == lcs(a, b), "Myers keeps a longest common subsequence")
    }

    @Test func pastTheEditLimitTheMiddleIsReplacedWhole() {
        let a = Array("xaaaaaaaaaay"), b = Array("xbbbbbbbbbby")
        let steps = shortestEditScript(a, b, maxEdits: 3)
        check(a, b, steps)
        #expect(steps.first == .same(old: 0, new: 0))
        #expect(steps.last == .same(old: 11, new: 11))
        #expect(steps.filter { if case .removed = $0 { return true } else { return false } }.count == 10)
    }
}

@Suite struct ChapterComparisonTests {
    private func blocks(_ markdown: String) -> [TextBlock] {
        MarkdownRenderer.render(markdown, options: MarkdownOptions(paragraphNumberPrefix: "1")).blocks
    }

    private func kinds(_ old: String, _ new: String) -> [BlockChange.Kind] {
        ChapterComparison.compare(blocks(old), blocks(new)).map(\.kind)
    }

    @Test func aMovedParagraphIsMovedNotRemovedAndAdded() {
        let old = "One.\n\nTwo is moving.\n\nThree.\n\nFour.\n"
        let new = "One.\n\nThree.\n\nFour.\n\nTwo is moving.\n"
        #expect(kinds(old, new) == [.unchanged, .movedAway, .unchanged, .unchanged, .moved])
    }

    @Test func aRewordedSentenceMarksOnlyTheChangedWords() {
        let changes = ChapterComparison.compare(blocks("Boards should be few and proportionate to the decisions.\n"),
                                                blocks("Boards should be few and in proportion to the decisions.\n"))
        #expect(changes.map(\.kind) == [.changed])
        #expect(changes[0].words == [WordChange(kind: .same, text: "Boards should be few and "),
                                     WordChange(kind: .deleted, text: "proportionate"),
                                     WordChange(kind: .inserted, text: "in proportion"),
                                     WordChange(kind: .same, text: " to the decisions.")])
    }

    @Test func punctuationDoesNotHideASharedWord() {
        let words = ChapterComparison.wordChanges("partners agree to do so, and", "partners agree, and")
        #expect(words == [WordChange(kind: .same, text: "partners agree"), WordChange(kind: .deleted, text: " to do so"),
                          WordChange(kind: .same, text: ", and")])
    }

    @Test func unrelatedParagraphsAreRemovedAndAddedNotChanged() {
        #expect(kinds("Alpha beta gamma.\n", "Something else entirely here.\n") == [.removed, .added])
    }

    @Test func aParagraphMovedAndRewordedIsFound() {
        let old = "Budgets are pooled where partners agree.\n\nOne.\n\nTwo.\n"
        let new = "One.\n\nTwo.\n\nBudgets are pooled where all partners agree.\n"
        #expect(kinds(old, new) == [.movedAway, .unchanged, .unchanged, .movedAndChanged])
    }

    /// The shortcut for identical chapters must give exactly what the full comparison gives: here
    /// the same text with its spaces changed, which only the full comparison sees as unchanged.
    @Test func identicalChaptersTakeTheShortcutToTheSameAnswer() {
        let text = "## How\n\nOne  partner.\n\n- a\n- b\n\n| x | y |\n| - | - |\n| 1 | 2 |\n"
        let old = blocks(text)
        let spaced = blocks(text.replacingOccurrences(of: "One  partner", with: "One partner"))
        #expect(old.map(\.text) != spaced.map(\.text))
        let shortcut = ChapterComparison.compare(old, old)
        let full = ChapterComparison.compare(old, spaced)
        #expect(shortcut.map(\.kind) == full.map(\.kind))
        #expect(shortcut.map(\.kind).allSatisfy { $0 == .unchanged })
        #expect(shortcut.map(\.old) == full.map(\.old))
        #expect(shortcut.map(\.new) == full.map(\.new))
        #expect(shortcut.map(\.new) == old.indices.map { Optional($0) })
    }

    /// Blocks whose texts differ only in their spacing match as the same block: compared, found
    /// moved, and paired, the comparison gives the steps it gives for the texts spaced alike
    /// beforehand. Random chapters of a few words spaced every way, shuffled and edited.
    @Test func spacingNeverChangesWhichBlocksMatch() {
        var generator = SplitMix64(seed: 18)
        let words = ["One partner", "Two budgets", "Shared data centres", "One partner", "Plans"]
        let spacings = [" ", "  ", "\n", " \t "]
        func block(_ index: Int, spacing: Int) -> TextBlock {
            let text = words[index % words.count].replacingOccurrences(of: " ", with: spacings[spacing % spacings.count])
            return TextBlock(kind: index % 3 == 0 ? .list : .paragraph, text: text, anchor: nil, number: nil,
                             position: SourcePosition(line: 1, column: 1), destinations: index % 4 == 0 ? ["a.html"] : [])
        }
        for _ in 0..<500 {
            let old = (0..<Int.random(in: 0...8, using: &generator)).map { _ in (Int.random(in: 0..<8, using: &generator), Int.random(in: 0..<4, using: &generator)) }
            var new = old.shuffled(using: &generator).prefix(Int.random(in: 0...old.count, using: &generator)).map { ($0.0, Int.random(in: 0..<4, using: &generator)) }
            if Bool.random(using: &generator) { new.insert((Int.random(in: 0..<8, using: &generator), 0), at: Int.random(in: 0...new.count, using: &generator)) }
            let spaced = ChapterComparison.compare(old.map { block($0.0, spacing: 0) }, new.map { block($0.0, spacing: 0) })
            let any = ChapterComparison.compare(old.map { block($0.0, spacing: $0.1) }, new.map { block($0.0, spacing: $0.1) })
            #expect(any.map(\.kind) == spaced.map(\.kind), "\(old) → \(new)")
            #expect(any.map(\.old) == spaced.map(\.old))
            #expect(any.map(\.new) == spaced.map(\.new))
        }
    }

    @Test func identicalChaptersHaveNoChanges() {
        let text = "## How\n\nOne.\n\n- a\n- b\n"
        let comparison = ChapterComparison(chapterID: "x", oldTitle: "A", newTitle: "A", old: blocks(text), new: blocks(text))
        #expect(!comparison.textChanged)
        #expect(!comparison.retitled)
    }
}

/// The fixture `editions-compared`: a chapter added, one removed, one changed, one retitled and
/// changed, one the same in both.
@Suite struct EditionComparisonTests {
    static func fixture() throws -> RenderedPublication {
        let log = DiagnosticLog()
        let publication = ContentLoader.load(contentDirectory: Repository.fixtures + "/editions-compared/content", log: log)
        let loaded = try #require(publication, "\(log.items)")
        return try #require(ChapterRenderer.render(loaded, log: log), "\(log.items)")
    }

    @Test func chaptersAreMatchedByIDAcrossEditions() throws {
        let site = try Self.fixture()
        let comparison = EditionComparison(older: site.editions[0], newer: site.editions[1])
        #expect(comparison.added.map(\.id) == ["next-steps"])
        #expect(comparison.removed.map(\.id) == ["questions"])
        // Cloud was retitled and its text changed: it is changed, with its old title, and not also retitled.
        #expect(comparison.retitled.isEmpty)
        #expect(comparison.changed.map(\.chapter.id) == ["governance", "cloud"])
        #expect(comparison.changed.last?.comparison.oldTitle == "Cloud")
        #expect(comparison.unchanged.map(\.chapter.id) == ["principles"])
    }

    /// Only chapters in both editions are compared, so only they keep their blocks' text, and of
    /// those only the ones whose text changed (see ComparedText).
    @Test func onlyComparedChaptersKeepTheirBlocksText() throws {
        let site = try Self.fixture()
        for edition in site.editions {
            for rendered in edition.chapters {
                let keepsText = !["next-steps", "questions", "principles"].contains(rendered.chapter.id)
                let texts = rendered.markdown.blocks.map(\.text)
                #expect(!texts.isEmpty)
                #expect(texts.allSatisfy(\.isEmpty) != keepsText, "\(edition.edition.id)/\(rendered.chapter.id)")
            }
        }
    }

    /// The changes page lists each chapter once: retitled and changed under "changed", with its old
    /// title; retitled alone (the fixture with Cloud's text put back as it was) under "retitled".
    @Test(arguments: [true, false])
    func aRetitledChapterIsListedOnceOnTheChangesPage(textChanged: Bool) throws {
        let folder = TemporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.fixtures + "/editions-compared/content", toPath: folder.path + "/content")
        if !textChanged {
            let draft = try String(contentsOfFile: folder.path + "/content/draft/cloud.md", encoding: .utf8)
            folder.write("content/final/cloud.md", draft.replacingOccurrences(of: "title: Cloud\n", with: "title: Cloud and networks\n"))
        }
        let report = try generated(MiniSite.options(folder))
        guard let page = report.files.first(where: { $0.path == "final/changes/index.html" })?.text else {
            Issue.record("final/changes/index.html was not made")
            return
        }
        let sections = page.components(separatedBy: "<section ").dropFirst()
        let listing = sections.filter { $0.contains("href=\"../cloud.html\"") }
        #expect(listing.count == 1, "Cloud is listed in \(listing.count) groups")
        let section = try #require(listing.first)
        #expect(section.hasPrefix(textChanged ? "aria-labelledby=\"changed\"" : "aria-labelledby=\"retitled\""))
        #expect(section.contains("<p class=\"meta\">Retitled: it was called “Cloud”</p>"))
        // A count of 0 is left out of the summary.
        #expect(textChanged ? !page.contains("Chapters retitled, text unchanged") : page.contains("Chapters retitled, text unchanged</a>: <strong>1</strong>"))
        #expect(!page.contains("<strong>0</strong>"))
    }
}

/// A chapter whose text did not change keeps its changes page, which says so and links to the
/// chapter: its text, planted with a phrase, is on the chapter's pages and nowhere on that page.
@Suite struct UnchangedChapterChangesTests {
    @Test(arguments: [false, true])
    func theChangesPageDoesNotRepeatTheText(retitled: Bool) throws {
        let folder = TemporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.fixtures + "/editions-compared/content", toPath: folder.path + "/content")
        let phrase = "Planted unchanged phrase"
        let draft = try String(contentsOfFile: folder.path + "/content/draft/cloud.md", encoding: .utf8) + "\n\(phrase).\n"
        folder.write("content/draft/cloud.md", draft)
        folder.write("content/final/cloud.md", retitled ? draft.replacingOccurrences(of: "title: Cloud\n", with: "title: Cloud and networks\n") : draft)
        let report = try generated(MiniSite.options(folder))
        let pages = Dictionary(report.files.map { ($0.path, $0.text ?? "") }, uniquingKeysWith: { first, _ in first })
        let changes = try #require(pages["final/changes/cloud.html"])
        #expect(changes.contains("<p>The text of this chapter has not changed.</p>"))
        #expect(changes.contains("href=\"../cloud.html\">the chapter as it is now</a>"))
        #expect(changes.contains("href=\"../../draft/cloud.html\">as it was in the Consultation draft</a>"))
        #expect(!changes.contains(phrase))
        #expect(!changes.contains("Shared data centres"))
        #expect(!changes.contains("change-list"))
        #expect(changes.contains("Retitled: this chapter was called") == retitled)
        #expect(pages["final/cloud.html"]?.contains(phrase) == true)
        #expect(pages["draft/cloud.html"]?.contains(phrase) == true)
        // A chapter whose text changed still shows every block, marked.
        #expect(pages["final/changes/governance.html"]?.contains("<ol class=\"change-list\">") == true)
        // The summary offers to show what changed only where something did.
        let summary = try #require(pages["final/changes/index.html"])
        #expect(summary.contains("<a href=\"governance.html\">See what changed"))
        #expect(!summary.contains("<a href=\"cloud.html\">See what changed"))
        #expect(summary.contains("<a href=\"../cloud.html\"><span class=\"chapter-number\">2.</span>"))
    }
}

/// The preview server's cache of comparisons: a chapter whose blocks are unchanged in both editions
/// is not compared again, and any change to either side is.
@Suite struct ComparisonCacheTests {
    private func blocks(_ markdown: String) -> [TextBlock] {
        MarkdownRenderer.render(markdown, options: MarkdownOptions(paragraphNumberPrefix: "1", blockText: true)).blocks
    }

    @Test func unchangedBlocksAreNotComparedAgain() {
        let cache = LayoutCache()
        let old = blocks("One.\n\nTwo.\n"), new = blocks("One.\n\nTwo, reworded.\n"), edited = blocks("One, edited.\n\nTwo.\n")
        var comparisons = 0
        func changes(_ old: [TextBlock], _ new: [TextBlock]) -> [BlockChange.Kind] {
            cache.beginBuild(structure: 1)
            defer { cache.endBuild() }
            return cache.changes(for: "final/a", old: old, new: new) {
                comparisons += 1
                return ChapterComparison.compare(old, new)
            }.map(\.kind)
        }
        #expect(changes(old, new) == [.unchanged, .changed])
        #expect(changes(old, new) == [.unchanged, .changed])
        #expect(comparisons == 1, "the second build reused the first's comparison")
        #expect(changes(old, edited) == [.changed, .unchanged])
        #expect(changes(edited, new) == ChapterComparison.compare(edited, new).map(\.kind))
        #expect(comparisons == 3, "a change to either side is compared again")
    }
}
