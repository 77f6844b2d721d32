import Foundation
import Synchronization
import RoutemapMarkdown
import Templates

/// Pages laid out by the previous build, reused while the view they were laid out from is
/// unchanged: the preview server keeps one, so that a save lays out again only the pages it changes.
///
/// Views are compared, not hashed. An unchanged chapter's HTML is the very array of the previous
/// build (RenderCache), and so is a reused page's content inside its layout, so comparing is mostly
/// comparing array pointers, where hashing would read every byte.
/// One cache serves one sequence of builds; it is safe to use from the layout threads.
public final class LayoutCache: Sendable {
    private struct Entry {
        var view: any Sendable
        var html: HTML
    }

    private struct Compared {
        var old: [TextBlock]
        var new: [TextBlock]
        var changes: [BlockChange]
        var counts: ChangeCounts
    }

    private struct State {
        var entries = BuildCacheEntries<String, Entry>()
        /// Chapters compared between editions, by the newer edition's id and the chapter's.
        var comparisons = BuildCacheEntries<String, Compared>()
        /// Texts made from the structure and their own inputs, by path.
        var texts = BuildCacheEntries<String, (inputs: any Sendable, text: String)>()
        var structure: (any Sendable)?
        var generation = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// How the last build used the cache.
    public var lastUsage: CacheUsage { state.withLock { $0.entries.usage } }

    /// The views of the pages held: what templates were given, for the tests that read every view a build makes.
    var views: [any Sendable] { state.withLock { $0.entries.kept.map(\.view) } }

    /// Changes whenever the structure given to `beginBuild` does: a page laid out from the structure
    /// and its own inputs can be reused while both are unchanged, without making its view again.
    var generation: Int { state.withLock { $0.generation } }

    func beginBuild<Structure: Equatable & Sendable>(structure: Structure) {
        state.withLock { state in
            state.entries.beginBuild()
            state.comparisons.beginBuild()
            state.texts.beginBuild()
            if let previous = state.structure as? Structure, previous == structure { return }
            state.structure = structure
            state.generation += 1
        }
    }

    /// Forgets pages the build did not lay out, so the cache holds one site at most.
    func endBuild() {
        state.withLock { state in
            state.entries.endBuild()
            state.comparisons.endBuild()
            state.texts.endBuild()
        }
    }

    /// The previous build's comparison of a chapter's blocks while both editions' blocks are
    /// unchanged, otherwise `compare()`'s. After a save every chapter but the saved one has the very
    /// block arrays of the previous build (RenderCache), so the check is mostly two pointer comparisons;
    /// comparing every chapter of two large editions again had been a quarter of each rebuild.
    func changes(for key: String, old: [TextBlock], new: [TextBlock], compare: () -> [BlockChange]) -> [BlockChange] {
        comparison(for: key, old: old, new: new, compare: compare).changes
    }

    /// `changes(for:…)`, with the counts of each kind of change, kept with it.
    func comparison(for key: String, old: [TextBlock], new: [TextBlock],
                    compare: () -> [BlockChange]) -> (changes: [BlockChange], counts: ChangeCounts) {
        let previous = state.withLock { $0.comparisons.use(key) }
        if let previous, previous.old == old, previous.new == new { return (previous.changes, previous.counts) }
        let changes = compare()
        let counts = ChangeCounts(changes)
        state.withLock { $0.comparisons.store(Compared(old: old, new: new, changes: changes, counts: counts), for: key) }
        return (changes, counts)
    }

    /// `comparison(for:…)` of many chapters at once, under one lock: the previous build's for each
    /// key whose blocks are unchanged in both editions, nil for the others (compare them with `comparison(for:…)`).
    func comparisons(_ keys: [String], old: [[TextBlock]], new: [[TextBlock]]) -> [(changes: [BlockChange], counts: ChangeCounts)?] {
        state.withLock { state in
            keys.indices.map { index in
                guard let previous = state.comparisons.use(keys[index]), previous.old == old[index], previous.new == new[index] else { return nil }
                return (previous.changes, previous.counts)
            }
        }
    }

    /// A file's text made from the site's structure and `inputs` alone (the sitemap, the feed):
    /// the previous build's while both are unchanged, otherwise `make()`'s.
    func text<Inputs: Equatable & Sendable>(for key: String, inputs: Inputs, make: () -> String) -> String {
        let previous = state.withLock { $0.texts.use(key) }
        let current = PageInputs(generation: generation, inputs: inputs)
        if let previous, let previousInputs = previous.inputs as? PageInputs<Inputs>, previousInputs == current {
            state.withLock { $0.entries.countReused() }
            return previous.text
        }
        let text = make()
        state.withLock { $0.texts.store((current, text), for: key) }
        return text
    }

    /// The HTML for `key` (a page and template) laid out from `view`: the previous build's when it
    /// was laid out from an equal view, otherwise `layOut()`'s.
    func html<View: Equatable & Sendable>(for key: String, view: View, layOut: () -> HTML) -> HTML {
        // One lock for the lookup: the views compared are mostly arrays of the previous build, compared by pointer.
        let reused = state.withLock { state -> HTML? in
            guard let previous = state.entries.use(key), let previousView = previous.view as? View, previousView == view else { return nil }
            state.entries.countReused()
            return previous.html
        }
        if let reused { return reused }
        let html = layOut()
        state.withLock { $0.entries.store(Entry(view: view, html: html), for: key) }
        return html
    }
}
