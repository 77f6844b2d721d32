/// `text`'s words one space apart, as `text.split(whereSeparator: \.isWhitespace).joined(separator: " ")`
/// gives them (from `text.lowercased()` with `lowercased`). ASCII text, as most is, is done on its
/// bytes, a tenth of the cost, and given back as it is when it is spaced so already; other text
/// goes the general way.
public func singleSpaced(_ text: String, lowercased: Bool = false) -> String {
    var copy = text
    let ascii = copy.withUTF8 { bytes -> String? in
        // Character.isWhitespace in ASCII: tab, line feed, vertical tab, form feed, carriage return, space.
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        func isUpper(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
        var previous: UInt8 = 0x20, unchanged = true
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if (isSpace(byte) && (byte != 0x20 || previous == 0x20)) || (lowercased && isUpper(byte)) { unchanged = false }
            previous = byte
        }
        if unchanged && previous != 0x20 { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if isSpace(byte) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            out.append(lowercased && isUpper(byte) ? byte + 0x20 : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
    return ascii ?? (lowercased ? text.lowercased() : text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
}
