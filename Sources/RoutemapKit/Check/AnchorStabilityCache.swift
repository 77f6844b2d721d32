import Synchronization
import RoutemapMarkdown

/// Each chapter pair's anchor-stability findings from the previous build, reused while everything
/// they were found from is unchanged. The preview server keeps one (inside its `RenderCache`): after
/// a save every other chapter has the very arrays of the previous build, so telling that a pair's
/// findings still hold is mostly comparing array pointers, where gathering every newer chapter's
/// anchors again cost a tenth of a rebuild of two large editions.
final class AnchorStabilityCache: Sendable {
    /// What the findings on a chapter and its counterpart in the edition before depend on.
    struct Inputs: Equatable {
        var olderShortTitle: String
        var newerShortTitle: String
        var sourcePath: String
        var movedAnchors: [MovedAnchor]
        var headings: [Heading]
        var blocks: [TextBlock]
        var labelledItems: [LabelledItem]
        var olderSourcePath: String
        var olderBodyLineOffset: Int
        var olderHeadings: [Heading]
    }

    struct Findings {
        var inputs: Inputs
        var diagnostics: [Diagnostic]
    }


    /// One pair of editions' findings, in the newer edition's chapter order (nil for a chapter not
    /// checked against a counterpart).
    struct PairFindings {
        var chapterIDs: [String]
        var findings: [Findings?]
    }

    private struct State {
        /// By "older edition/newer edition".
        var pairs: [String: PairFindings] = [:]
        var reused = 0
    }

    private let state = Mutex(State())

    /// How many chapter pairs' findings the last build reused.
    var lastReused: Int { state.withLock { $0.reused } }

    func previousFindings() -> [String: PairFindings] { state.withLock { $0.pairs } }

    /// This build's findings, in place of the previous build's (so the cache holds one site at most).
    func store(_ pairs: [String: PairFindings], reused: Int) {
        state.withLock { state in
            state.pairs = pairs
            state.reused = reused
        }
    }
}
