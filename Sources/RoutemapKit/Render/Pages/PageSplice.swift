import Foundation
import Templates

/// Puts long parts of a page (the printable page's chapter bodies) into its templates' output
/// without passing them through the templates: a template is rendered with a short marker in each
/// part's place, its output is cut at the markers, and the parts go between the cuts. The page is
/// then written piece by piece, never joined, and never copied by the template engine.
///
/// The markers hold `<`, which any escaping changes: when a template escapes a value, or leaves it
/// out, or writes it twice, a marker is not found exactly once, in order, and `cut` returns nil so
/// that the caller renders the page the plain way.
struct PageSplice {
    /// Unique to the process, so that no text of the publication can be mistaken for a marker.
    private static let nonce = String(UInt64.random(in: 1...UInt64.max), radix: 36)
    private let prefix = "<!--routemap-splice-\(PageSplice.nonce)-"

    /// The marker standing for part `index`.
    func marker(_ index: Int) -> HTML { HTML("\(prefix)\(index)-->") }

    /// `html` cut at the markers of parts `first..<first + count`, which must each appear exactly
    /// once, in order, and no other marker at all: `count + 1` pieces.
    func cut(_ html: HTML, first: Int = 0, count: Int) -> [HTML]? {
        let prefix = Array(self.prefix.utf8)
        return html.utf8.withUnsafeBufferPointer { bytes -> [HTML]? in
            var pieces: [HTML] = []
            pieces.reserveCapacity(count + 1)
            var start = 0
            var index = 0
            while let found = Self.find(prefix, in: bytes, from: index) {
                guard pieces.count < count else { return nil }
                let ending = Array("\(first + pieces.count)-->".utf8)
                let afterPrefix = found + prefix.count
                guard afterPrefix + ending.count <= bytes.count,
                      UnsafeBufferPointer(rebasing: bytes[afterPrefix..<afterPrefix + ending.count]).elementsEqual(ending) else { return nil }
                pieces.append(HTML(utf8: Array(bytes[start..<found])))
                start = afterPrefix + ending.count
                index = start
            }
            guard pieces.count == count else { return nil }
            pieces.append(HTML(utf8: Array(bytes[start...])))
            return pieces
        }
    }

    /// Where `needle` (which starts with `<`) first occurs in `bytes` at or after `start`.
    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            guard let base = bytes.baseAddress, let hit = memchr(base + index, Int32(needle[0]), last - index + 1) else { return nil }
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + position, needle, needle.count) == 0 { return position }
            index = position + 1
        }
        return nil
    }
}
