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

        /// The body's length stands in for the body: hashing every chapter's whole text on every
        /// rebuild cost more than the rebuild's rendering. Equal keys still compare the bodies,
        /// which is immediate when the content cache handed back the same array.
        func hash(into hasher: inout Hasher) {
            hasher.combine(editionID)
            hasher.combine(chapterID)
            hasher.combine(body.count)
            hasher.combine(options)
        }
    }

    private struct State {
        var entries = BuildCacheEntries<Key, RenderedMarkdown>()
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

    public init() {}

    /// How the last build used the cache.
    public var lastUsage: CacheUsage { state.withLock { $0.entries.usage } }

    func beginBuild(resolver: LinkResolver) {
        state.withLock { state in
            state.entries.beginBuild()
            state.linksUnchanged = state.resolver == resolver
            state.resolver = nil
            state.building = resolver
        }
    }

    /// Forgets chapters the build did not use, so the cache holds one site at most.
    func endBuild() {
        state.withLock { state in
            state.entries.endBuild()
            state.resolver = state.building
        }
    }

    /// `isCurrent` is asked only when the chapters that links can lead to changed since the last build.
    func lookup(_ key: Key, isCurrent: (RenderedMarkdown) -> Bool) -> RenderedMarkdown? {
        let (found, linksHold) = state.withLock { ($0.entries.use(key), $0.linksUnchanged) }
        guard let found, linksHold || isCurrent(found) else { return nil }
        state.withLock { $0.entries.countReused() }
        return found
    }

    func store(_ key: Key, _ markdown: RenderedMarkdown) {
        state.withLock { $0.entries.store(markdown, for: key) }
    }

    func markHanging(_ key: Key, after seconds: Double) { state.withLock { $0.hanging[key] = seconds } }
    func hangingTime(_ key: Key) -> Double? { state.withLock { $0.hanging[key] } }
    /// Whether any body ran past the render limit: only then is each chapter looked up among them.
    var knowsHangingBodies: Bool { state.withLock { !$0.hanging.isEmpty } }
}
