import Foundation
import Synchronization
import RoutemapMarkdown

/// How long rendering one chapter may take. cmark-gfm 0.29 needs minutes for some small crafted
/// inputs, and a C call cannot be interrupted, so the build watches the chapters being rendered:
/// it says which file it is on after `noticeAfter` seconds, and gives up after `limit`.
public struct RenderLimits: Sendable {
    /// Seconds one chapter may take before the build stops with an error naming it; nil waits for ever.
    public var limit: Double?
    /// Called with a line to show the editor, from the thread that waits on the rendering.
    public var progress: (@Sendable (String) -> Void)?

    public static let defaultLimit: Double = 30

    public init(limit: Double? = RenderLimits.defaultLimit, progress: (@Sendable (String) -> Void)? = nil) {
        self.limit = limit
        self.progress = progress
    }

    /// "a few seconds", or half the limit when that is shorter.
    var noticeAfter: Double { min(3, (limit ?? 6) / 2) }
}

/// A chapter that took longer than the limit. Its rendering thread is abandoned, still running:
/// the command line exits (which ends it); the preview server keeps serving the last good site.
struct RenderTimeout: Error {
    var sourcePath: String
    var seconds: Double
    /// The step the rendering was in when time ran out; nil when not known (a chapter known to hang).
    var stage: MarkdownStage? = nil

    var diagnostic: Diagnostic {
        let step = stage.map { " (it was still in \($0.rawValue))" } ?? ""
        let cause: String
        switch stage {
        case .collecting?:
            cause = "this step should take well under a second; please report the chapter to routemap's maintainers. "
        case .parsing?, .writingHTML?:
            cause = "cmark-gfm takes minutes on some unusual text, such as a long run of ' -' or of nested brackets; "
        case nil:
            cause = "some unusual text, such as a long run of ' -' or of nested brackets, takes minutes to render; "
        }
        return .error(sourcePath, "rendering this chapter's Markdown took longer than \(format(seconds)) s\(step), so the build stopped",
                      hint: cause + "look for long repeated runs of characters (often pasted by accident) and remove them; "
                          + "or allow longer with --render-timeout SECONDS")
    }
}

/// The chapters being rendered now and when each started, read by the thread that waits.
final class RenderWatch: Sendable {
    private struct State {
        var started: [Int: (path: String, at: Date)] = [:]
        var stages: [Int: MarkdownStage] = [:]
        var announced: Set<Int> = []
    }

    private let state = Mutex(State())

    func begin(_ index: Int, path: String) { state.withLock { $0.started[index] = (path, Date()) } }
    func enter(_ stage: MarkdownStage, _ index: Int) { state.withLock { $0.stages[index] = stage } }
    func end(_ index: Int) { state.withLock { _ = $0.started.removeValue(forKey: index); _ = $0.stages.removeValue(forKey: index) } }

    /// The chapter rendering longest, if it has taken at least `seconds`.
    func slowest(atLeast seconds: Double) -> (index: Int, path: String, elapsed: Double, stage: MarkdownStage?)? {
        state.withLock { state in
            let now = Date()
            return state.started.map { (index: $0.key, path: $0.value.path, elapsed: now.timeIntervalSince($0.value.at), stage: state.stages[$0.key]) }
                .filter { $0.elapsed >= seconds }
                .max { ($0.elapsed, $1.index) < ($1.elapsed, $0.index) }
        }
    }

    /// True the first time it is asked about `index`.
    func shouldAnnounce(_ index: Int) -> Bool { state.withLock { $0.announced.insert(index).inserted } }
}

/// Runs `work` on a thread of its own and waits for it, polling `watch` to report slow chapters
/// and to give up on one past the limit (leaving the thread behind).
func runWatched<R: Sendable>(_ limits: RenderLimits, watch: RenderWatch, _ work: @escaping @Sendable () -> R) -> Result<R, RenderTimeout> {
    let box = ResultBox<R>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.set(work())
        done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
    while done.wait(timeout: .now() + 0.1) == .timedOut {
        guard let slow = watch.slowest(atLeast: limits.noticeAfter) else { continue }
        if let limit = limits.limit, slow.elapsed >= limit {
            return .failure(RenderTimeout(sourcePath: slow.path, seconds: limit, stage: slow.stage))
        }
        if watch.shouldAnnounce(slow.index) {
            let limitText = limits.limit.map { "; the limit is \(format($0)) s" } ?? ""
            limits.progress?("Still rendering \(slow.path) after \(Int(slow.elapsed.rounded())) s\(limitText)…")
        }
    }
    return .success(box.take()!)
}

/// Carries the result out of the rendering thread; read after the semaphore is signalled (the
/// lock is taken once each way, per build).
private final class ResultBox<R: Sendable>: Sendable {
    private let value = Mutex<R?>(nil)

    func set(_ result: R) { value.withLock { $0 = result } }
    func take() -> R? { value.withLock { $0.take() } }
}

func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
}
