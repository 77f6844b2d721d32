/// Where every stage puts the problems it finds in the content (configuration, editions, chapters,
/// theme, rendering, checks, layout), as it finds them. A stage is handed the run's log as `log:`
/// and returns its value (nil, or as much as it could make, when a problem stops it); it neither
/// throws nor returns a `Result` for a problem an editor can fix. `throws` is kept for failures of the
/// machine: the output folder, the disk, child processes (see docs/guide/code.md).
///
/// A log is one thread's: work spread over the cores keeps a log per task and adds its items to the
/// stage's log in order, so the report reads the same on every run.
public final class DiagnosticLog {
    public private(set) var items: [Diagnostic] = []
    /// How many of `items` are errors: a step compares it before and after to tell whether it found any.
    public private(set) var errorCount = 0

    public init() {}

    public func add(_ diagnostic: Diagnostic) {
        items.append(diagnostic)
        if diagnostic.severity == .error { errorCount += 1 }
    }

    public func add(contentsOf diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { add(diagnostic) }
    }

    public var hasErrors: Bool { errorCount > 0 }

    /// Every problem so far made an error (`--strict`).
    public func makeEveryProblemAnError() {
        items = items.map(\.asError)
        errorCount = items.count
    }
}
