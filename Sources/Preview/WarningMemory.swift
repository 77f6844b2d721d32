import Foundation
import Synchronization
import RoutemapKit

/// What the preview prints of a build's warnings: all of them after the first build, and after
/// each later one only those that are new or changed, with a count of the others, so that a save
/// does not scroll the same warnings past the editor again.
final class WarningMemory: Sendable {
    private let printed = Mutex<Set<String>?>(nil)

    func lines(for diagnostics: [Diagnostic]) -> [String] {
        let descriptions = diagnostics.sortedForReport().map(\.description)
        return self.printed.withLock { printedBefore in
            defer { printedBefore = Set(descriptions) }
            guard let printed = printedBefore else { return descriptions }
            let new = descriptions.filter { !printed.contains($0) }
            let same = descriptions.count - new.count
            return new + (same > 0 ? ["(\(same) warning\(same == 1 ? "" : "s") as before, not repeated)"] : [])
        }
    }
}
