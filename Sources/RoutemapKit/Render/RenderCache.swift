import Foundation
import Synchronization
import RoutemapMarkdown

/// Rendered chapters kept between builds, keyed on what rendering depends on: the chapter's
/// Markdown body, its edition and id (links are rewritten relative to its page) and the raw-HTML
/// setting. Front matter is not part of the key, so a changed title re-renders nothing.
///
/// A cached rendering is reused only while every link in it still resolves as it did, so a chapter
/// that links to one that was added, renamed or deleted is rendered again.
/// One cache serves one sequence of builds (the preview server's); it is safe to use from the
/// rendering threads.
public final class RenderCache: Sendable {
    struct Key: Hashable {
        var editionID: String
        var chapterID: String
        var body: [UInt8]
        /// Everything that decides the HTML besides the text: raw HTML, paragraph numbers (which
        /// carry the chapter's number), the actions heading, moved anchors.
        var options: MarkdownOptions

        /// The body's length stands in for the body, and the options are left to the comparison:
        /// hashing every chapter's whole text on every rebuild cost more than the rebuild's
        /// rendering. Equal keys still compare the bodies, which is immediate when the content
        /// cache handed back the same array.
        func hash(into hasher: inout Hasher) {
            hasher.combine(editionID)
            hasher.combine(chapterID)
            hasher.combine(body.count)
        }
    }

    private struct State {
        /// The last completed build's keys and renderings, in its order.
        var last: (keys: [Key], markdown: [RenderedMarkdown])?
        /// The same by key, made from `last` when a build first looks a chapter up by key.
        var lastByKey: [Key: RenderedMarkdown]?
        var made = 0
        var reused = 0
        /// Bodies that ran past the render limit: rendering them again would only start another
        /// thread that cannot be stopped, so they fail at once until the text changes.
        var hanging: [Key: Double] = [:]
        /// How links resolved in the last build that completed; while it is unchanged, every cached
        /// link still holds. Unset during a build, so one that stops part way leaves every link to be checked.
        var resolver: LinkResolver?
        var building: LinkResolver?
        var linksUnchanged = false
    }

    private let state = Mutex(State())

    /// Each chapter's anchors and link check, kept alongside the renderings they were found in.
    let linkChecks = LinkCheckCache()
    /// Each chapter pair's anchor-stability findings, kept alongside the renderings they were found in.
    let anchorStability = AnchorStabilityCache()
    /// Each chapter's findings of the checks that read the chapter alone.
    let actionChecks = ChapterFindingsCache<ActionCheckInputs, ActionChecker.SiteInputs>()
    let lostConstructs = ChapterFindingsCache<LostConstructInputs, Bool>()

    public init() {}

    /// How the last build used the cache.
    public var lastUsage: CacheUsage { state.withLock { CacheUsage(made: $0.made, reused: $0.reused) } }

    func beginBuild(resolver: LinkResolver) {
        state.withLock { state in
            state.made = 0
            state.reused = 0
            state.lastByKey = nil
            state.linksUnchanged = state.resolver == resolver
            state.resolver = nil
            state.building = resolver
        }
    }

    /// Keeps the build's keys and renderings, in order, in place of the last build's, so the
    /// cache holds one site at most.
    func endBuild(keys: [Key], markdown: [RenderedMarkdown]) {
        state.withLock { state in
            state.last = (keys, markdown)
            state.lastByKey = nil
            state.resolver = state.building
        }
    }

    /// The renderings of the last build that the build begun can take as they are, by position:
    /// where the chapter at a position has the key the last build's had there, and every link
    /// resolves as it did. After a save, that is every chapter but the saved one, told by comparing
    /// keys in order (the bodies are the very arrays of the last build), without a lookup or a lock
    /// per chapter. Nil when the build's chapters are not the last build's, in its order.
    ///
    /// The last build's renderings are taken out of the cache, so that the build can put its own
    /// in place of the `missing` ones without copying the others; `endBuild` (or `putBack`) stores them.
    /// `changedInPlace` marks the missing chapters that were at the same place in the last build
    /// with another key: only they could have been kept under it, so they need no lookup by key.
    func takeInPlace(_ keys: [Key]) -> (markdown: [RenderedMarkdown], missing: [Int], changedInPlace: [Bool])? {
        state.withLock { state in
            guard state.linksUnchanged, let last = state.last, last.keys.count == keys.count else { return nil }
            var missing: [Int] = []
            var changedInPlace = [Bool](repeating: false, count: keys.count)
            for index in keys.indices where keys[index] != last.keys[index] {
                missing.append(index)
                changedInPlace[index] = keys[index].editionID == last.keys[index].editionID
                    && keys[index].chapterID == last.keys[index].chapterID
            }
            state.reused += keys.count - missing.count
            if missing.contains(where: { !changedInPlace[$0] }) {
                state.lastByKey = Dictionary(zip(last.keys, last.markdown), uniquingKeysWith: { first, _ in first })
            }
            state.last = nil
            return (last.markdown, missing, changedInPlace)
        }
    }

    /// The keys of the last completed build, in its order.
    func lastKeys() -> [Key]? { state.withLock { $0.last?.keys } }

    /// Gives back what `takeInPlace` took, unchanged, when the build stopped part way.
    func putBack(keys: [Key], markdown: [RenderedMarkdown]) {
        state.withLock { state in
            if state.last == nil { state.last = (keys, markdown) }
        }
    }

    /// A chapter not found in place, looked up by key. `isCurrent` is asked only when the chapters
    /// that links can lead to changed since the last build.
    func lookup(_ key: Key, isCurrent: (RenderedMarkdown) -> Bool) -> RenderedMarkdown? {
        let (found, linksHold) = state.withLock { state in
            if state.lastByKey == nil, let last = state.last {
                state.lastByKey = Dictionary(zip(last.keys, last.markdown), uniquingKeysWith: { first, _ in first })
            }
            return (state.lastByKey?[key], state.linksUnchanged)
        }
        guard let found, linksHold || isCurrent(found) else { return nil }
        state.withLock { $0.reused += 1 }
        return found
    }

    /// A chapter the build rendered (kept with the build's others at `endBuild`).
    func countMade() {
        state.withLock { $0.made += 1 }
    }

    /// A chapter given the rendering of the same text in another edition, not rendered again.
    func countShared() {
        state.withLock { $0.reused += 1 }
    }

    func markHanging(_ key: Key, after seconds: Double) { state.withLock { $0.hanging[key] = seconds } }
    func hangingTime(_ key: Key) -> Double? { state.withLock { $0.hanging[key] } }
    /// Whether any body ran past the render limit: only then is each chapter looked up among them.
    var knowsHangingBodies: Bool { state.withLock { !$0.hanging.isEmpty } }
}
