import Foundation
import HTMLText
import RoutemapMarkdown

/// A page's ids, kept once the page is read: a check holds every page's ids until every page is
/// read (a link may ask for any of them), which as a `Set<String>` cost more memory than anything
/// else it keeps (470,000 ids for two editions of 2,000 chapters, the printable pages' long).
/// The ASCII ids are gathered in one buffer; once the page is read they are sorted and kept
/// front-coded (each id as the length it shares with the one before and the rest of its bytes,
/// every 16th whole, where a look-up starts): 13 MB of ids and their places became 4 MB.
/// An id the page has twice is there twice; the others stay a set. Looking one up
/// is the same as `Set<String>.contains`, where strings are equal when their characters are
/// canonically equivalent (`"\u{212A}"`, the Kelvin sign, is `"K"`).
struct PageIDs: Sendable {
    /// The ASCII ids as they are added, and where each starts and ends in `bytes`.
    private var bytes: [UInt8] = []
    private var ranges: [(start: UInt32, end: UInt32)] = []
    /// Once sealed: the ids in the order of their bytes, each as one byte for the length it shares
    /// with the one before (at most 255; none every `run` ids), the length of the rest (LEB128) and the rest.
    private var packed: [UInt8] = []
    /// Where every `run`th id starts in `packed`.
    private var restarts: [UInt32] = []
    private var others: Set<String> = []
    private static let run = 16

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

    /// Sorts and packs the ids, once every one is added, and lets go of the rest.
    mutating func seal() {
        var packed: [UInt8] = [], restarts: [UInt32] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            ranges.sort { Self.compare(base + Int($0.start), Int($0.end - $0.start), base + Int($1.start), Int($1.end - $1.start)) < 0 }
            packed.reserveCapacity(bytes.count / 2 + 2 * ranges.count)
            restarts.reserveCapacity(ranges.count / Self.run + 1)
            var previous = (start: 0, count: 0)
            for (index, range) in ranges.enumerated() {
                let start = Int(range.start), count = Int(range.end - range.start)
                var shared = 0
                if index % Self.run == 0 {
                    restarts.append(UInt32(packed.count))
                } else {
                    let limit = min(count, previous.count, 255)
                    while shared < limit, base[start + shared] == base[previous.start + shared] { shared += 1 }
                }
                packed.append(UInt8(shared))
                var rest = count - shared
                while rest >= 0x80 {
                    packed.append(UInt8(rest & 0x7F) | 0x80)
                    rest >>= 7
                }
                packed.append(UInt8(rest))
                packed += UnsafeBufferPointer(start: base + start + shared, count: count - shared)
                previous = (start, count)
            }
        }
        self.packed = Array(packed)
        self.restarts = Array(restarts)
        bytes = []
        ranges = []
    }

    private mutating func append(_ id: UnsafeBufferPointer<UInt8>) {
        let start = UInt32(bytes.count)
        bytes += id
        ranges.append((start, UInt32(bytes.count)))
    }

    func contains(_ id: String) -> Bool {
        if !others.isEmpty, others.contains(id) { return true }
        if PageLinkChecker.isASCII(id) { return Array(id.utf8).withUnsafeBufferPointer(containsASCII) }
        // A string of other characters equal to an ASCII one is so in its canonical composition.
        let composed = id.precomposedStringWithCanonicalMapping
        return composed.utf8.allSatisfy({ $0 < 0x80 }) && Array(composed.utf8).withUnsafeBufferPointer(containsASCII)
    }

    /// `contains`, for an id given as its UTF-8 bytes (`OwnFragments`).
    func contains(utf8 id: UnsafeBufferPointer<UInt8>) -> Bool {
        // An ASCII id may still equal one of `others` as Unicode: the Kelvin sign is "K".
        guard others.isEmpty, isASCII(id) else { return contains(String(decoding: id, as: UTF8.self)) }
        return containsASCII(id)
    }

    /// Finds the last run whose first id is not after `id` by halving, then reads that run's ids in order.
    private func containsASCII(_ id: UnsafeBufferPointer<UInt8>) -> Bool {
        packed.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let wanted = id.baseAddress ?? UnsafePointer(bitPattern: 1) else { return false }
            /// The id at `offset` (where it shares nothing with the one before): where its bytes are, how many, and where the next starts.
            func whole(at offset: Int) -> (start: Int, count: Int, next: Int) {
                let (count, start) = Self.length(in: base, at: offset + 1)
                return (start, count, start + count)
            }
            var low = 0, high = restarts.count
            while low < high {
                let middle = (low + high) / 2
                let first = whole(at: Int(restarts[middle]))
                let order = Self.compare(base + first.start, first.count, wanted, id.count)
                if order == 0 { return true }
                if order < 0 { low = middle + 1 } else { high = middle }
            }
            // Every run from `low` on starts after `id`: it can only be in the run before.
            guard low > 0 else { return false }
            let runStart = Int(restarts[low - 1]), runEnd = low < restarts.count ? Int(restarts[low]) : buffer.count
            let first = whole(at: runStart)
            var current = Array(UnsafeBufferPointer(start: base + first.start, count: first.count))
            var offset = first.next
            while offset < runEnd {
                let shared = Int(base[offset])
                let (count, start) = Self.length(in: base, at: offset + 1)
                current.removeSubrange(shared...)
                current += UnsafeBufferPointer(start: base + start, count: count)
                offset = start + count
                let order = current.withUnsafeBufferPointer { Self.compare($0.baseAddress ?? wanted, $0.count, wanted, id.count) }
                if order == 0 { return true }
                if order > 0 { return false }
            }
            return false
        }
    }

    /// A LEB128 length at `offset`, and where the bytes after it start.
    private static func length(in base: UnsafePointer<UInt8>, at offset: Int) -> (count: Int, after: Int) {
        var count = 0, shift = 0, offset = offset
        while true {
            let byte = base[offset]
            count |= Int(byte & 0x7F) << shift
            offset += 1
            guard byte & 0x80 != 0 else { return (count, offset) }
            shift += 7
        }
    }

    /// Bytes compared as `memcmp` does, the shorter first when one begins the other.
    private static func compare(_ a: UnsafePointer<UInt8>, _ aCount: Int, _ b: UnsafePointer<UInt8>, _ bCount: Int) -> Int {
        let common = min(aCount, bCount)
        let order = common == 0 ? 0 : Int(memcmp(a, b, common))
        return order != 0 ? order : aCount - bCount
    }
}

/// The ids a page's links ask of the page itself, in order, until the page's own ids are all known
/// (`PageLinkChecker.Page.finish`). A printable page asks for tens of thousands, most of them once:
/// kept in one buffer of bytes rather than hashed, or a String each, which raised `check`'s peak on
/// the shaped publication by about 2 MiB (docs/guide/performance.md, "Memory, sixth round").
struct OwnFragments {
    private var bytes: [UInt8] = []
    /// Where each fragment ends in `bytes`; the next starts there.
    private var ends: [UInt32] = []

    mutating func append(_ fragment: String) {
        bytes += fragment.utf8
        ends.append(UInt32(bytes.count))
    }

    /// Whether `ids` has every fragment.
    func allFound(in ids: PageIDs) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for end in ends.lazy.map(Int.init) {
                defer { start = end }
                guard ids.contains(utf8: UnsafeBufferPointer(rebasing: bytes[start..<end])) else { return false }
            }
            return true
        }
    }
}
