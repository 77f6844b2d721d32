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
        // One pass: the bytes before the first one that changes are kept as they are.
        var kept = 0, previous: UInt8 = 0x20
        while kept < bytes.count {
            let byte = bytes[kept]
            if byte >= 0x80 { return nil }
            if (isSpace(byte) && (byte != 0x20 || previous == 0x20)) || (lowercased && isUpper(byte)) { break }
            previous = byte
            kept += 1
        }
        if kept == bytes.count && previous != 0x20 { return text }
        return try? String(unsafeUninitializedCapacity: bytes.count) { out in
            // A space the kept bytes end with stands between words only if another word follows.
            var count = kept, pendingSpace = false
            if count > 0 && bytes[count - 1] == 0x20 {
                count -= 1
                pendingSpace = true
            }
            if count > 0 { out.baseAddress!.initialize(from: bytes.baseAddress!, count: count) }
            for byte in bytes[kept...] {
                if byte >= 0x80 { throw NotASCII() }
                if isSpace(byte) {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    out[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                out[count] = lowercased && isUpper(byte) ? byte + 0x20 : byte
                count += 1
            }
            return count
        }
    }
    return ascii ?? (lowercased ? text.lowercased() : text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// Text found not to be ASCII part way through: it goes the general way.
private struct NotASCII: Error {}
