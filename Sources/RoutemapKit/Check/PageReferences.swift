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
    /// The page's last bytes so far, enough to read ` href` before a `="` that starts a piece.
    private var recent: [UInt8] = []
    /// A value the last piece ended inside, and where it started.
    private var open: (isID: Bool, bytes: [UInt8], line: Int, column: Int)?

    private static let quote = UInt8(ascii: "\""), equals = UInt8(ascii: "="), newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
    private static let lookBehind = 6 // ` href=`

    /// Reads the next piece of the page, handing each value ended in it to `found`.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, _ found: (Found) -> Void) {
        var index = 0
        if var value = open {
            guard let end = nextQuote(in: bytes, from: 0) else {
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
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.newline {
                line += 1
                lineStart = offset + index + 1
            } else if byte == Self.quote, let isID = attribute(beforeQuoteAt: index, in: bytes) {
                let start = index + 1
                let column = offset + start - lineStart + 1
                let valueLine = line
                guard let end = nextQuote(in: bytes, from: start) else {
                    open = (isID, Array(UnsafeBufferPointer(rebasing: bytes[start...])), valueLine, column)
                    break
                }
                found(Found(isID: isID, raw: UnsafeBufferPointer(rebasing: bytes[start..<end]), line: valueLine, column: column))
                index = end + 1
                continue
            }
            index += 1
        }
        finishPiece(bytes)
    }

    /// Hands over a value left open by the page's end (it runs to the end).
    mutating func finish(_ found: (Found) -> Void) {
        guard let value = open else { return }
        value.bytes.withUnsafeBufferPointer { found(Found(isID: value.isID, raw: $0, line: value.line, column: value.column)) }
        open = nil
    }

    /// The offset of the next `"` from `start`, counting the lines it passes; nil (having counted
    /// every line) when the piece has none.
    private mutating func nextQuote(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if byte == Self.quote { return end }
            if byte == Self.newline {
                line += 1
                lineStart = offset + end + 1
            }
            end += 1
        }
        return nil
    }

    private mutating func finishPiece(_ bytes: UnsafeBufferPointer<UInt8>) {
        offset += bytes.count
        if bytes.count >= Self.lookBehind {
            recent = Array(UnsafeBufferPointer(rebasing: bytes[(bytes.count - Self.lookBehind)...]))
        } else {
            recent = Array((recent + bytes).suffix(Self.lookBehind))
        }
    }

    /// Whether the `"` at `quote` follows ` id=` (true), ` href=` or ` src=` (false), or neither (nil).
    private func attribute(beforeQuoteAt quote: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        // The byte `back` places before the quote, from this piece or the ones before it.
        func byte(_ back: Int) -> UInt8? {
            let position = quote - back
            if position >= 0 { return bytes[position] }
            let earlier = recent.count + position
            return earlier >= 0 ? recent[earlier] : nil
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
