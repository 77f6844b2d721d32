/// How many blocks of a chapter's comparison are of each kind, counted once in one pass (the
/// changes summary and the chapter's changes page show them), and kept with the changes by the
/// preview's `LayoutCache`.
struct ChangeCounts: Equatable, Sendable {
    var added = 0
    var removed = 0
    var changed = 0
    /// Moved, and moved and changed.
    var moved = 0
    var unchanged = 0
    /// Blocks that moved away (shown where they stood).
    var movedAway = 0

    init(_ changes: [BlockChange]) {
        for index in changes.indices {
            switch changes[index].kind {
            case .unchanged: unchanged += 1
            case .added: added += 1
            case .removed: removed += 1
            case .changed: changed += 1
            case .moved, .movedAndChanged: moved += 1
            case .movedAway: movedAway += 1
            }
        }
    }

    /// As `ChapterComparison.textChanged`: some block is not unchanged.
    var textChanged: Bool { added + removed + changed + moved + movedAway > 0 }

    /// "2 added, 1 changed"
    var text: String {
        [(added, "added"), (removed, "removed"), (changed, "changed"), (moved, "moved")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }
}
