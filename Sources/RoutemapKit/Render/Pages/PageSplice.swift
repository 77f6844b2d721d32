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
    func marker(_ index: Int) -> String { "\(prefix)\(index)-->" }

    /// `text` cut at the markers of parts `first..<first + count`, which must each appear exactly
    /// once, in order, and no other marker at all: `count + 1` pieces.
    func cut(_ text: String, first: Int = 0, count: Int) -> [String]? {
        let found = text.utf8.ranges(of: prefix.utf8)
        guard found.count == count else { return nil }
        var pieces: [String] = []
        pieces.reserveCapacity(count + 1)
        var start = text.startIndex
        for (offset, range) in found.enumerated() {
            let ending = "\(first + offset)-->"
            guard text.utf8[range.upperBound...].starts(with: ending.utf8) else { return nil }
            pieces.append(String(text[start..<range.lowerBound]))
            start = text.utf8.index(range.upperBound, offsetBy: ending.utf8.count)
        }
        pieces.append(String(text[start...]))
        return pieces
    }
}
