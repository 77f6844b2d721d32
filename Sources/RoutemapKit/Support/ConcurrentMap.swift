import Foundation

/// `transform` applied to every element, spread over all cores, results in order.
func concurrentMap<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
    concurrentMap(count: items.count, first: []) { transform(items[$0]) }
}

/// `make` applied to every index below `count`, spread over the cores, starting with the indices in
/// `first` so that a long job is not left running alone at the end; results in index order.
/// A single index runs on the calling thread, where it can spread its own work over the cores.
func concurrentMap<R>(count: Int, first: [Int], _ make: (Int) -> R) -> [R] {
    guard count > 1 else { return (0..<count).map(make) }
    var results = [R?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { buffer in
        let slots = buffer
        if first.isEmpty {
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots[index] = make(index)
            }
        } else {
            let isFirst = Set(first)
            let order = first + (0..<count).filter { !isFirst.contains($0) }
            DispatchQueue.concurrentPerform(iterations: count) { position in
                slots[order[position]] = make(order[position])
            }
        }
    }
    return results.map { $0! }
}
