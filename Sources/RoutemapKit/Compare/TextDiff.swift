/// One step of an edit script turning `old` into `new`, by index into each.
enum DiffStep: Equatable {
    case same(old: Int, new: Int)
    case removed(old: Int)
    case added(new: Int)
}

/// Myers' O((N+M)·D) difference algorithm: the shortest edit script between two sequences.
///
/// The common prefix and suffix are matched first, so a long chapter with a few edits costs
/// little more than reading it. The search keeps one row of furthest reaches per edit, which
/// is O(D²) memory; past `maxEdits` edits the unmatched middle is reported as removed then
/// added instead, so two unrelated texts cannot take quadratic time or memory.
func shortestEditScript<T: Equatable>(_ old: [T], _ new: [T], maxEdits: Int = 2000) -> [DiffStep] {
    var prefix = 0
    while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < old.count - prefix, suffix < new.count - prefix,
          old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }

    var steps: [DiffStep] = (0..<prefix).map { .same(old: $0, new: $0) }
    let oldEnd = old.count - suffix, newEnd = new.count - suffix
    steps += middle(old, prefix..<oldEnd, new, prefix..<newEnd, maxEdits: maxEdits)
    steps += (0..<suffix).map { .same(old: oldEnd + $0, new: newEnd + $0) }
    return steps
}

private func middle<T: Equatable>(_ old: [T], _ a: Range<Int>, _ new: [T], _ b: Range<Int>, maxEdits: Int) -> [DiffStep] {
    let n = a.count, m = b.count
    if n == 0 { return b.map { .added(new: $0) } }
    if m == 0 { return a.map { .removed(old: $0) } }
    let limit = min(n + m, maxEdits)
    // trace[d][k + d] = furthest x reached on diagonal k after d edits.
    var trace: [[Int]] = []
    var previous: [Int] = [0]  // d = 0 handled as a virtual row with V[1] = 0
    var found: Int?
    for d in 0...limit {
        var row = [Int](repeating: 0, count: 2 * d + 1)
        for k in stride(from: -d, through: d, by: 2) {
            var x: Int
            if d == 0 {
                x = 0
            } else if k == -d || (k != d && previous[k - 1 + (d - 1)] < previous[k + 1 + (d - 1)]) {
                x = previous[k + 1 + (d - 1)]  // down: an insertion
            } else {
                x = previous[k - 1 + (d - 1)] + 1  // right: a deletion
            }
            var y = x - k
            while x < n, y < m, old[a.lowerBound + x] == new[b.lowerBound + y] { x += 1; y += 1 }
            row[k + d] = x
            if x >= n, y >= m { found = d; break }
        }
        trace.append(row)
        previous = row
        if found != nil { break }
    }
    guard let edits = found else {
        return a.map { .removed(old: $0) } + b.map { .added(new: $0) }
    }

    var steps: [DiffStep] = []
    var x = n, y = m
    for d in stride(from: edits, to: 0, by: -1) {
        let k = x - y
        let above = trace[d - 1]
        let down = k == -d || (k != d && above[k - 1 + (d - 1)] < above[k + 1 + (d - 1)])
        let previousK = down ? k + 1 : k - 1
        let previousX = above[previousK + (d - 1)]
        let previousY = previousX - previousK
        while x > previousX, y > previousY {
            x -= 1; y -= 1
            steps.append(.same(old: a.lowerBound + x, new: b.lowerBound + y))
        }
        if down { y -= 1; steps.append(.added(new: b.lowerBound + y)) } else { x -= 1; steps.append(.removed(old: a.lowerBound + x)) }
    }
    while x > 0, y > 0 {
        x -= 1; y -= 1
        steps.append(.same(old: a.lowerBound + x, new: b.lowerBound + y))
    }
    return steps.reversed()
}
