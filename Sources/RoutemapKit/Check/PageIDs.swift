import Foundation
import HTMLText

/// A page's ids, kept once the page is read: a check holds every page's ids until every page is
/// read (a link may ask for any of them), which as a `Set<String>` cost more memory than anything
/// else it keeps (half a million ids for two editions of 2,000 chapters, the printable pages' long).
/// The ASCII ids share one buffer, sorted once the page is read, found by halving (an id the page
/// has twice is there twice); the others stay a set. Looking one up
/// is the same as `Set<String>.contains`, where strings are equal when their characters are
/// canonically equivalent (`"\u{212A}"`, the Kelvin sign, is `"K"`).
struct PageIDs: Sendable {
    private var bytes: [UInt8] = []
    /// Where each ASCII id starts in `bytes` and ends, in the order of their bytes.
    private var ranges: [(start: UInt32, end: UInt32)] = []
    private var others: Set<String> = []

    init() {}

    init(_ ids: Set<String>) {
        for id in ids { add(id) }
        seal()
    }

    /// Adds an id as the page has it, its character references not yet decoded: an ASCII value
    /// without any is kept as it is, never made a String.
    mutating func add(_ value: UnsafeBufferPointer<UInt8>) {
        if value.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "&") }) {
            append(value)
        } else {
            add(decodeAttribute(value))
        }
    }

    mutating func add(_ id: String) {
        var id = id
        if id.utf8.allSatisfy({ $0 < 0x80 }) {
            id.withUTF8 { append($0) }
        } else {
            others.insert(id)
        }
    }

    /// Sorts the ids, once every one is added, and lets go of the room left over.
    mutating func seal() {
        bytes = Array(bytes[...])
        ranges = Array(ranges[...])
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            ranges.sort { Self.compare(base + Int($0.start), Int($0.end - $0.start), base + Int($1.start), Int($1.end - $1.start)) < 0 }
        }
    }

    private mutating func append(_ id: UnsafeBufferPointer<UInt8>) {
        let start = UInt32(bytes.count)
        bytes += id
        ranges.append((start, UInt32(bytes.count)))
    }

    func contains(_ id: String) -> Bool {
        if !others.isEmpty, others.contains(id) { return true }
        if id.utf8.allSatisfy({ $0 < 0x80 }) { return containsASCII(Array(id.utf8)) }
        // A string of other characters equal to an ASCII one is so in its canonical composition.
        let composed = id.precomposedStringWithCanonicalMapping
        return composed.utf8.allSatisfy({ $0 < 0x80 }) && containsASCII(Array(composed.utf8))
    }

    private func containsASCII(_ id: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            id.withUnsafeBufferPointer { id in
                guard let base = buffer.baseAddress, let wanted = id.baseAddress ?? UnsafePointer(bitPattern: 1) else { return false }
                var low = 0, high = ranges.count
                while low < high {
                    let middle = (low + high) / 2
                    let range = ranges[middle]
                    let order = Self.compare(base + Int(range.start), Int(range.end - range.start), wanted, id.count)
                    if order == 0 { return true }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return false
            }
        }
    }

    /// Bytes compared as `memcmp` does, the shorter first when one begins the other.
    private static func compare(_ a: UnsafePointer<UInt8>, _ aCount: Int, _ b: UnsafePointer<UInt8>, _ bCount: Int) -> Int {
        let common = min(aCount, bCount)
        let order = common == 0 ? 0 : Int(memcmp(a, b, common))
        return order != 0 ? order : aCount - bCount
    }
}
