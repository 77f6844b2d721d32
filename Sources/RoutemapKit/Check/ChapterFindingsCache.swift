import Synchronization
import RoutemapMarkdown

/// A check's findings on each chapter from the previous build, reused in place: a chapter keeps its
/// findings while it stands where it stood, with inputs to the check equal to those it had there,
/// and the site's inputs to the check are unchanged. After a save every other chapter has the very
/// arrays of the previous build, so comparing is mostly comparing array pointers. The preview server
/// keeps one per check (inside its `RenderCache`) for the checks whose findings depend on the
/// chapter alone (`ActionChecker`, `LostConstructChecker`).
final class ChapterFindingsCache<Inputs: Equatable & Sendable, SiteInputs: Equatable & Sendable>: Sendable {
    private struct Last {
        var site: SiteInputs
        var inputs: [Inputs]
        var findings: [[Diagnostic]]
    }

    private struct State {
        var last: Last?
        var reused = 0
    }

    private let state = Mutex(State())

    /// How many chapters' findings the last build reused.
    var lastReused: Int { state.withLock { $0.reused } }

    /// Each chapter's findings, in order: the previous build's where the chapter at that place had
    /// equal inputs, otherwise `find`'s.
    func findings(site: SiteInputs, inputs: [Inputs], find: (Int) -> [Diagnostic]) -> [[Diagnostic]] {
        let last = state.withLock { $0.last }
        let inPlace = last.flatMap { $0.site == site && $0.inputs.count == inputs.count ? $0 : nil }
        var reused = 0
        let findings = inputs.indices.map { index -> [Diagnostic] in
            if let inPlace, inPlace.inputs[index] == inputs[index] {
                reused += 1
                return inPlace.findings[index]
            }
            return find(index)
        }
        state.withLock { $0 = State(last: Last(site: site, inputs: inputs, findings: findings), reused: reused) }
        return findings
    }
}

extension ChapterFindingsCache {
    /// A check of each chapter alone, run over every chapter of `site` (edition by edition) and added
    /// to `log`: with `cache` (the preview's), a chapter whose `inputs` are as they were keeps its
    /// findings. Chapters are named by their place (a copy of one is a single retain: `RenderedChapter`).
    static func check(_ site: RenderedPublication, cache: ChapterFindingsCache?, siteInputs: @autoclosure () -> SiteInputs,
                      inputs: (RenderedChapter) -> Inputs, find: (RenderedChapter) -> [Diagnostic], log: DiagnosticLog) {
        let places = site.editions.indices.flatMap { edition in site.editions[edition].chapters.indices.map { (edition, $0) } }
        let chapter = { (index: Int) in site.editions[places[index].0].chapters[places[index].1] }
        let findings = cache.map { $0.findings(site: siteInputs(), inputs: places.indices.map { inputs(chapter($0)) }, find: { find(chapter($0)) }) }
            ?? places.indices.map { find(chapter($0)) }
        for found in findings where !found.isEmpty { log.add(contentsOf: found) }
    }
}

/// What an action's check reads from its chapter.
struct ActionCheckInputs: Equatable, Sendable {
    var items: [LabelledItem]
    var sourcePath: String
    var bodyLineOffset: Int
}

/// What the lost-construct check reads from its chapter.
struct LostConstructInputs: Equatable, Sendable {
    var notices: [Notice]
    var sourcePath: String
    var bodyLineOffset: Int
}
