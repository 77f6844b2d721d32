import Foundation
import Markdown
import Templates

/// Pages laid out by the previous build, reused while the view they were laid out from is
/// unchanged: the preview server keeps one, so that a save lays out again only the pages it changes.
///
/// Views are compared, not hashed. An unchanged chapter's HTML is the very array of the previous
/// build (RenderCache), and so is a reused page's content inside its layout, so comparing is mostly
/// comparing array pointers, where hashing would read every byte.
/// One cache serves one sequence of builds; it is safe to use from the layout threads.
public final class LayoutCache: @unchecked Sendable {
    /// How the last build used the cache.
    public struct Usage: Sendable, Equatable {
        public var laidOut: Int
        public var reused: Int

        public init(laidOut: Int, reused: Int) {
            self.laidOut = laidOut
            self.reused = reused
        }
    }

    private struct Entry {
        var view: Any
        var html: HTML
    }

    private struct Compared {
        var old: [TextBlock]
        var new: [TextBlock]
        var changes: [BlockChange]
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Chapters compared between editions, by the newer edition's id and the chapter's.
    private var comparisons: [String: Compared] = [:]
    private var comparisonsUsed: Set<String> = []
    private var used: Set<String> = []
    private var usage = Usage(laidOut: 0, reused: 0)
    private var structure: Any?
    private var currentGeneration = 0

    public init() {}

    public var lastUsage: Usage { lock.withLock { usage } }

    /// The views of the pages held: what templates were given, for the tests that read every view a build makes.
    var views: [Any] { lock.withLock { entries.values.map(\.view) } }

    /// Changes whenever the structure given to `beginBuild` does: a page laid out from the structure
    /// and its own inputs can be reused while both are unchanged, without making its view again.
    var generation: Int { lock.withLock { currentGeneration } }

    func beginBuild<Structure: Equatable>(structure: Structure) {
        lock.withLock {
            used = []
            comparisonsUsed = []
            usage = Usage(laidOut: 0, reused: 0)
            if let previous = self.structure as? Structure, previous == structure { return }
            self.structure = structure
            currentGeneration += 1
        }
    }

    /// Forgets pages the build did not lay out, so the cache holds one site at most.
    func endBuild() {
        lock.withLock {
            entries = entries.filter { used.contains($0.key) }
            comparisons = comparisons.filter { comparisonsUsed.contains($0.key) }
        }
    }

    /// The previous build's comparison of a chapter's blocks while both editions' blocks are
    /// unchanged, otherwise `compare()`'s. After a save every chapter but the saved one has the very
    /// block arrays of the previous build (RenderCache), so the check is mostly two pointer comparisons;
    /// comparing every chapter of two large editions again had been a quarter of each rebuild.
    func changes(for key: String, old: [TextBlock], new: [TextBlock], compare: () -> [BlockChange]) -> [BlockChange] {
        let previous = lock.withLock { () -> Compared? in
            comparisonsUsed.insert(key)
            return comparisons[key]
        }
        if let previous, previous.old == old, previous.new == new { return previous.changes }
        let changes = compare()
        lock.withLock { comparisons[key] = Compared(old: old, new: new, changes: changes) }
        return changes
    }

    /// The HTML for `key` (a page and template) laid out from `view`: the previous build's when it
    /// was laid out from an equal view, otherwise `layOut()`'s.
    func html<View: Equatable>(for key: String, view: View, layOut: () -> HTML) -> HTML {
        let previous = lock.withLock { () -> Entry? in
            used.insert(key)
            return entries[key]
        }
        if let previous, let previousView = previous.view as? View, previousView == view {
            lock.withLock { usage.reused += 1 }
            return previous.html
        }
        let html = layOut()
        lock.withLock {
            entries[key] = Entry(view: view, html: html)
            usage.laidOut += 1
        }
        return html
    }
}
