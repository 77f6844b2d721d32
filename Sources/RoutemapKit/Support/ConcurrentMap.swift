import Foundation
import Synchronization

/// `transform` applied to every element, spread over all cores, results in order.
func concurrentMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    concurrentMap(count: items.count, first: []) { transform(items[$0]) }
}

/// `make` applied to every index below `count`, spread over the cores, starting with the indices in
/// `first` so that a long job is not left running alone at the end; results in index order.
/// A single index runs on the calling thread, where it can spread its own work over the cores.
/// Each core's worker takes the next index from a shared counter and keeps what it makes until
/// none is left, then hands it all over at once: no lock is taken per index.
func concurrentMap<R: Sendable>(count: Int, first: [Int], _ make: @Sendable (Int) -> R) -> [R] {
    guard count > 1 else { return (0..<count).map(make) }
    let order: [Int]
    if first.isEmpty {
        order = Array(0..<count)
    } else {
        let isFirst = Set(first)
        order = first + (0..<count).filter { !isFirst.contains($0) }
    }
    let next = Atomic(0)
    let made = Mutex<[(index: Int, value: R)]>([])
    DispatchQueue.concurrentPerform(iterations: min(count, ProcessInfo.processInfo.activeProcessorCount)) { _ in
        var mine: [(index: Int, value: R)] = []
        while case let position = next.wrappingAdd(1, ordering: .relaxed).oldValue, position < count {
            mine.append((order[position], make(order[position])))
        }
        made.withLock { $0 += mine }
    }
    var results = [R?](repeating: nil, count: count)
    for (index, value) in made.withLock({ $0 }) { results[index] = value }
    return results.map { $0! }
}
