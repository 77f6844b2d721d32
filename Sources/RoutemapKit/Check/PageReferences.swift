import Foundation
import HTMLText

/// Reads the `id`, `href` and `src` attributes of a generated page, with where each value starts,
/// from its bytes as they are made: a printable page is handed over in pieces and never joined.
/// Generated pages are the build's own well-formed HTML, so a scan for ` name="` is enough: at each
/// `="`, the name before it decides whether the value is an id, a reference, or neither, and the
/// value runs to the next `"` (or to the end of the page). A piece may end anywhere, even inside
/// a name or a value; what is found does not depend on where.
struct PageScanner {
    /// One attribute value; `line` and `column` (in bytes) are where the value starts.
    struct Found {
        var isID: Bool
        /// The value as the page has it, valid while it is handed over.
        var raw: UnsafeBufferPointer<UInt8>
        var line: Int
        var column: Int

        /// The value with its character references decoded.
        var value: String { decodeAttribute(raw) }
    }

    private var line = 1
    /// Offset in the page of the first byte of `line`.
    private var lineStart = 0
    /// Offset in the page of the next piece's first byte.
    private var offset = 0
    /// How many of the piece's first bytes have their line breaks counted in `line` already.
    private var counted = 0
    /// The page's last bytes so far (the last in the lowest byte), enough to read ` href` before a
    /// `="` that starts a piece, and how many there are.
    private var recent: UInt64 = 0
    private var recentCount = 0
    /// A value the last piece ended inside, and where it started.
    private var open: (isID: Bool, bytes: [UInt8], line: Int, column: Int)?

    private static let quote = UInt8(ascii: "\""), equals = UInt8(ascii: "="), newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")

    /// Reads the next piece of the page, handing each value ended in it to `found`.
    ///
    /// Only a `"` can start or end a value, and there is one every 46 bytes of a generated page
    /// (a line break every 105): the piece is searched for them and for line breaks with `memchr`,
    /// and a value's line is counted only when one is found, instead of looking at every byte.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, _ found: (Found) -> Void) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        counted = 0
        var index = 0
        if var value = open {
            guard let end = Self.find(Self.quote, in: base, from: 0, to: bytes.count) else {
                value.bytes += bytes
                open = value
                finishPiece(bytes)
                return
            }
            value.bytes += UnsafeBufferPointer(rebasing: bytes[..<end])
            value.bytes.withUnsafeBufferPointer { found(Found(isID: value.isID, raw: $0, line: value.line, column: value.column)) }
            open = nil
            index = end + 1
        }
        while let quote = Self.find(Self.quote, in: base, from: index, to: bytes.count) {
            guard let isID = attribute(beforeQuoteAt: quote, in: bytes) else {
                index = quote + 1
                continue
            }
            let start = quote + 1
            countLines(base, upTo: start)
            let column = offset + start - lineStart + 1
            guard let end = Self.find(Self.quote, in: base, from: start, to: bytes.count) else {
                open = (isID, Array(UnsafeBufferPointer(rebasing: bytes[start...])), line, column)
                break
            }
            found(Found(isID: isID, raw: UnsafeBufferPointer(rebasing: bytes[start..<end]), line: line, column: column))
            index = end + 1
        }
        finishPiece(bytes)
    }

    /// Hands over a value left open by the page's end (it runs to the end).
    mutating func finish(_ found: (Found) -> Void) {
        guard let value = open else { return }
        value.bytes.withUnsafeBufferPointer { found(Found(isID: value.isID, raw: $0, line: value.line, column: value.column)) }
        open = nil
    }

    /// The offset of the first `byte` in `start..<end`, or nil.
    private static func find(_ byte: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let at = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: at.assumingMemoryBound(to: UInt8.self))
    }

    /// Counts the line breaks of the piece up to `end` (from where the last count stopped).
    private mutating func countLines(_ base: UnsafePointer<UInt8>, upTo end: Int) {
        var index = counted
        while let lineBreak = Self.find(Self.newline, in: base, from: index, to: end) {
            line += 1
            lineStart = offset + lineBreak + 1
            index = lineBreak + 1
        }
        counted = end
    }

    private mutating func finishPiece(_ bytes: UnsafeBufferPointer<UInt8>) {
        countLines(bytes.baseAddress!, upTo: bytes.count)
        offset += bytes.count
        for byte in bytes.suffix(8) { recent = recent << 8 | UInt64(byte) }
        recentCount = min(recentCount + bytes.count, 8)
    }

    /// Whether the `"` at `quote` follows ` id=` (true), ` href=` or ` src=` (false), or neither (nil).
    private func attribute(beforeQuoteAt quote: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        // The byte `back` places before the quote, from this piece or the ones before it.
        func byte(_ back: Int) -> UInt8? {
            let position = quote - back
            if position >= 0 { return bytes[position] }
            let fromEnd = -position // 1: the last byte of the pieces before
            return fromEnd <= recentCount ? UInt8(truncatingIfNeeded: recent >> (8 * (fromEnd - 1))) : nil
        }
        guard byte(1) == Self.equals else { return nil }
        func named(_ name: StaticString) -> Bool {
            let count = name.utf8CodeUnitCount
            guard byte(count + 2) == Self.space else { return false }
            return (0..<count).allSatisfy { byte(count + 1 - $0) == name.utf8Start[$0] }
        }
        if named("id") { return true }
        if named("href") || named("src") { return false }
        return nil
    }
}

/// Every `id`, `href` and `src` of a page held whole.
struct PageReferences {
    struct Reference {
        var value: String
        var line: Int
        var column: Int
    }

    var ids: Set<String> = []
    var references: [Reference] = []

    init(html: String) {
        var html = html
        var scanner = PageScanner()
        html.withUTF8 { bytes in scanner.feed(bytes) { add($0) } }
        scanner.finish { add($0) }
    }

    private mutating func add(_ found: PageScanner.Found) {
        if found.isID {
            ids.insert(found.value)
        } else {
            references.append(Reference(value: found.value, line: found.line, column: found.column))
        }
    }
}
