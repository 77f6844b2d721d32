import Foundation
import Testing
@testable import RoutemapKit

/// The preview's rebuild of two editions reuses, while their inputs are unchanged, each chapter
/// pair's comparison and anchor-stability findings, the changes summary, the sitemap and the feed:
/// after every kind of edit, what it makes and reports must be exactly what a build from nothing does.
@Suite struct TwoEditionRebuildTests {
    private struct Built: Equatable {
        var files: [String: String]
        var diagnostics: [Diagnostic]
    }

    private func built(_ options: BuildOptions) -> Built {
        let report = SiteBuilder.buildInMemory(options)
        return Built(files: report.contentsByPath, diagnostics: report.diagnostics)
    }

    /// Differences named by path, so that a failure says which page differs.
    private func differences(_ cached: Built, _ fresh: Built) -> [String] {
        let paths = Set(cached.files.keys).union(fresh.files.keys).sorted()
        return paths.filter { cached.files[$0] != fresh.files[$0] }
            + (cached.diagnostics == fresh.diagnostics ? [] : ["diagnostics"])
    }

    @Test func aCachedRebuildOfTwoEditionsIsABuildFromNothingAfterEachKindOfEdit() throws {
        let folder = TemporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.content, toPath: folder.path + "/content")
        // While the draft is open for consultation, with the final edition shown as embargoed (as `serve` does):
        // every draft page's banner counts the questions.
        var fresh = MiniSite.options(folder)
        fresh.buildDate = CalendarDate(iso: "2011-03-20")!
        fresh.preview = true
        var cached = fresh
        let renderCache = RenderCache(), layoutCache = LayoutCache()
        cached.renderCache = renderCache
        cached.layoutCache = layoutCache
        cached.contentCache = ContentCache()
        cached.deferWholeEditionFiles = true

        let first = built(cached)
        #expect(first.files.count > 50 && first.files["final/changes/index.html"] != nil && first.files["sitemap.xml"] != nil)
        #expect(differences(first, built(fresh)).isEmpty)
        // (The usage is read before the printable pages and search indexes, made when first read, are.)
        let unchanged = SiteBuilder.buildInMemory(cached)
        #expect(layoutCache.lastUsage.made == 0, "nothing changed, so nothing is laid out: \(layoutCache.lastUsage)")
        #expect(renderCache.anchorStability.lastReused > 0, "nothing changed, so every chapter pair's findings are reused")
        #expect(unchanged.diagnostics == first.diagnostics)

        let read = { (path: String) in folder.read("content/" + path)! }
        let draftPrinciples = read("draft/principles.md"), finalPrinciples = read("final/principles.md")
        let draftInfrastructure = read("draft/infrastructure.md"), finalInfrastructure = read("final/infrastructure.md")
        let capabilities = read("draft/capabilities.md"), leadership = read("final/leadership.md"), governance = read("final/governance.md")
        let vanished = { (message: String) in { (built: Built, _: Built) in !built.diagnostics.contains { $0.message.contains(message) } } }
        let reported = { (message: String, line: Int) in
            { (built: Built, _: Built) in built.diagnostics.contains { $0.message.contains(message) && $0.line == line } }
        }
        let changed = { (path: String) in { (built: Built, before: Built) in built.files[path] != before.files[path] } }
        let renamedHeading = "'#testing-them' has no counterpart"
        // (what the edit is, file, its new text (nil: deleted), what the fresh build shows that the one
        // before did not, so that each edit is seen to matter)
        let edits: [(String, String, String?, (Built, Built) -> Bool)] = [
            ("a paragraph added to a chapter in both editions", "final/infrastructure.md",
             finalInfrastructure + "\nA paragraph added by an editor.\n", changed("final/changes/index.html")),
            ("a paragraph of the older edition's chapter changed", "draft/infrastructure.md",
             draftInfrastructure.replacingOccurrences(of: "## Why this matters\n\n", with: "## Why this matters\n\nA new opening. "),
             changed("final/changes/infrastructure.html")),
            ("a heading of the older edition renamed", "draft/principles.md",
             draftPrinciples.replacingOccurrences(of: "## Testing the principles", with: "## Testing them"), reported(renamedHeading, 52)),
            ("lines added to the older chapter's front matter", "draft/principles.md",
             draftPrinciples.replacingOccurrences(of: "## Testing the principles", with: "## Testing them")
                .replacingOccurrences(of: "\ntitle: ", with: "\n# A note for editors.\n# Another.\ntitle: "),
             reported(renamedHeading, 54)),
            ("the newer chapter's moved anchors sent from the renamed heading", "final/principles.md",
             finalPrinciples.replacingOccurrences(of: "moved_anchors: {", with: "moved_anchors: {testing-them: testing-the-principles, "),
             vanished(renamedHeading)),
            ("a question for consultation removed", "draft/capabilities.md",
             capabilities.replacingOccurrences(of: "5. Which professional skills will local public services most need in five years, and how should they be developed?\n", with: ""),
             changed("draft/principles.html")),
            ("a construct that does not reach readers", "final/governance.md", governance + "\n{{ a template tag }}\n",
             { built, _ in built.diagnostics.contains { $0.message.contains("is a template tag") } }),
            ("lines added to its front matter", "final/governance.md",
             governance.replacingOccurrences(of: "\ntitle: ", with: "\n# A note.\ntitle: ") + "\n{{ a template tag }}\n",
             { built, before in built.diagnostics.filter { $0.message.contains("is a template tag") }.map(\.line)
                 != before.diagnostics.filter { $0.message.contains("is a template tag") }.map(\.line) }),
            ("an action for an audience that is not declared", "final/governance.md",
             governance.replacingOccurrences(of: "- **Chief executives:** Review", with: "- **Nobody:** Review"),
             { built, _ in built.diagnostics.contains { $0.message.contains("'Nobody' is not an audience") } }),
            ("the action's audience back", "final/governance.md", governance, { built, _ in built.diagnostics.isEmpty }),
            ("a chapter in both editions retitled", "final/infrastructure.md",
             finalInfrastructure.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Retitled "), changed("final/changes/index.html")),
            ("a chapter moved to the end", "final/leadership.md", leadership.replacingOccurrences(of: "\norder: 4\n", with: "\norder: 99\n"),
             changed("final/governance.html")),
            ("a chapter of the newer edition removed", "final/leadership.md", nil, changed("final/leadership.html")),
            ("the chapter back", "final/leadership.md", leadership, changed("final/leadership.html")),
            ("the originals back", "draft/principles.md", draftPrinciples, vanished(renamedHeading)),
            ("", "final/principles.md", finalPrinciples, { _, _ in true }),
            ("", "draft/infrastructure.md", draftInfrastructure, { _, _ in true }),
            ("", "draft/capabilities.md", capabilities, { _, _ in true }),
            ("", "final/infrastructure.md", finalInfrastructure, { _, _ in true }),
        ]
        var before = first
        for (edit, path, text, shows) in edits {
            if let text {
                folder.write("content/" + path, text)
            } else {
                try FileManager.default.removeItem(atPath: folder.path + "/content/" + path)
            }
            if edit.isEmpty { continue }
            let freshly = built(fresh)
            #expect(shows(freshly, before), "the fresh build shows \(edit)")
            #expect(differences(built(cached), freshly).isEmpty, "after \(edit)")
            before = freshly
        }
        let restored = built(cached)
        #expect(differences(restored, built(fresh)).isEmpty)
        #expect(restored == first)
    }
}
