import Synchronization
import RoutemapMarkdown

/// Each chapter's anchors and link check from the previous build, reused while everything they
/// were found from is unchanged. The preview server keeps one (inside its `RenderCache`): after a
/// save every other chapter has the very arrays of the previous build, so telling that a chapter's
/// links still hold is mostly comparing array pointers, where checking them all again had been the
/// largest part of a rebuild of two large editions.
///
/// A chapter's check is reused only when its links, images (with their positions), line offset and file
/// are as they were, links resolve as they did, the content's files are the same, and every
/// chapter's anchors it looked up are the same. A chapter with a problem is always checked again:
/// its hint may name other chapters, whose order may have changed.
final class LinkCheckCache: Sendable {
    /// What every chapter's check depends on.
    struct Site: Equatable {
        var resolver: LinkResolver
        var files: Set<String>
        var allowRawHTML: Bool
    }

    struct Check {
        var links: [Link]
        var images: [Image]
        var bodyLineOffset: Int
        var sourcePath: String
        /// The anchors of each chapter ("edition/chapter") the check looked up, as they were; nil for none.
        var anchorsRead: [String: Set<String>?]
        var diagnostics: [Diagnostic]

        func holds(for rendered: RenderedChapter, anchors: [String: Set<String>]) -> Bool {
            diagnostics.isEmpty && rendered.markdown.links == links && rendered.markdown.images == images
                && rendered.chapter.bodyLineOffset == bodyLineOffset
                && rendered.chapter.sourcePath == sourcePath
                && anchorsRead.allSatisfy { anchors[$0.key] == $0.value }
        }
    }

    struct Anchors {
        var headings: [Heading]
        var blocks: [TextBlock]
        var labelledItems: [LabelledItem]
        var rawHTMLIDs: [String]
        var movedAnchors: [MovedAnchor]
        var anchors: Set<String>

        func holds(for rendered: RenderedChapter) -> Bool {
            rendered.markdown.headings == headings && rendered.markdown.blocks == blocks
                && rendered.markdown.labelledItems == labelledItems && rendered.markdown.rawHTMLIDs == rawHTMLIDs
                && rendered.chapter.movedAnchors == movedAnchors
        }
    }

    /// One build's anchors and checks, in its chapters' order.
    struct Build {
        var editionIDs: [String]
        var chapterIDs: [String]
        /// "edition/chapter", in order.
        var keys: [String]
        var anchors: [Anchors]
        /// Each key's anchors (the last chapter's where two share a key): what checks look up.
        var anchorsByKey: [String: Set<String>]
        var site: Site
        var checks: [Check]

        /// Whether `site` has the same chapters in the same order (by edition and id).
        func isInPlace(for site: RenderedPublication) -> Bool {
            var index = 0
            for edition in site.editions {
                for chapter in edition.chapters {
                    guard index < chapterIDs.count, editionIDs[index] == edition.edition.id,
                          chapterIDs[index] == chapter.chapter.id else { return false }
                    index += 1
                }
            }
            return index == chapterIDs.count
        }
    }

    private struct State {
        var last: Build?
        var reused = 0
    }

    private let state = Mutex(State())

    /// How many chapters' checks the last build reused.
    var lastReused: Int { state.withLock { $0.reused } }

    /// The previous build's anchors and checks, taken out of the cache (the check stores its own
    /// in their place), so that they can be changed in place without being copied.
    func takeLastBuild() -> Build? {
        state.withLock { state in
            defer { state.last = nil }
            return state.last
        }
    }

    /// This build's anchors and checks, in place of the previous build's (so the cache holds one site at most).
    func store(_ build: Build, reused: Int) {
        state.withLock { state in
            state.last = build
            state.reused = reused
        }
    }
}
