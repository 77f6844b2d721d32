import Foundation
import Markdown

/// Rendered chapters kept between builds, keyed on what rendering depends on: the chapter's
/// Markdown body, its edition and id (links are rewritten relative to its page) and the raw-HTML
/// setting. Front matter is not part of the key, so a changed title re-renders nothing.
///
/// A cached rendering is reused only while every link in it still resolves as it did, so a chapter
/// that links to one that was added, renamed or deleted is rendered again.
/// One cache serves one sequence of builds (the preview server's); it is safe to use from the
/// rendering threads.
public final class RenderCache: @unchecked Sendable {
    struct Key: Hashable {
        var editionID: String
        var chapterID: String
        var body: String
        /// Everything that decides the HTML besides the text: raw HTML, paragraph numbers (which
        /// carry the chapter's number), the actions heading, moved anchors.
        var options: MarkdownOptions
    }

    /// How the last build used the cache.
    public struct Usage: Sendable, Equatable {
        public var rendered: Int
        public var reused: Int

        public init(rendered: Int, reused: Int) {
            self.rendered = rendered
            self.reused = reused
        }
    }

    private let lock = NSLock()
    private var entries: [Key: RenderedMarkdown] = [:]
    /// Bodies that ran past the render limit: rendering them again would only start another
    /// thread that cannot be stopped, so they fail at once until the text changes.
    private var hanging: [Key: Double] = [:]
    private var used: Set<Key> = []
    private var usage = Usage(rendered: 0, reused: 0)

    public init() {}

    public var lastUsage: Usage { lock.withLock { usage } }

    func beginBuild() {
        lock.withLock {
            used = []
            usage = Usage(rendered: 0, reused: 0)
        }
    }

    /// Forgets chapters the build did not use, so the cache holds one site at most.
    func endBuild() {
        lock.withLock { entries = entries.filter { used.contains($0.key) } }
    }

    func lookup(_ key: Key, isCurrent: (RenderedMarkdown) -> Bool) -> RenderedMarkdown? {
        let found = lock.withLock { () -> RenderedMarkdown? in
            used.insert(key)
            return entries[key]
        }
        guard let found, isCurrent(found) else { return nil }
        lock.withLock { usage.reused += 1 }
        return found
    }

    func store(_ key: Key, _ markdown: RenderedMarkdown) {
        lock.withLock {
            entries[key] = markdown
            usage.rendered += 1
        }
    }

    func markHanging(_ key: Key, after seconds: Double) { lock.withLock { hanging[key] = seconds } }
    func hangingTime(_ key: Key) -> Double? { lock.withLock { hanging[key] } }
}
