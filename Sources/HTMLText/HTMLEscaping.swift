/// Text made safe to put in HTML: the characters HTML gives meaning to replaced by references.
///
/// One byte walk serves the templates (`{{field}}`, which also escape `'`, as Mustache does) and
/// attribute values written by the code (`escapeAttribute`, which leaves `'` as it is, inside `"…"`).
/// On bytes: walking characters cost more than the rest of writing the text.

/// Appends `text` to `output` with `&`, `<`, `>` and `"` replaced, and `'` too when `apostrophes`;
/// most text has none of them and is copied whole.
@inlinable
public func appendEscapedHTML(_ text: some Collection<UInt8>, to output: inout [UInt8], apostrophes: Bool) {
    func replacement(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'") where apostrophes: "&#39;"
        default: nil
        }
    }
    func append(_ escaped: StaticString) {
        output.append(contentsOf: UnsafeBufferPointer(start: escaped.utf8Start, count: escaped.utf8CodeUnitCount))
    }
    // The text between two replaced characters is copied as one run. It is looked at eight bytes at
    // a time, and each eight byte by byte only when it may hold one of them: byte by byte, this loop
    // was 2.6% of a long publication's build in perf (docs/guide/performance.md). With 0x05 set,
    // '"', '&' and '\'' all read 0x27 (so does '#', which the bytes' own test passes over); with
    // 0x02 set, '<' and '>' both read 0x3E.
    let copied: Void? = text.withContiguousStorageIfAvailable { bytes in
        var start = 0, index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if !wordHolds(word | 0x0505_0505_0505_0505, 0x27) && !wordHolds(word | 0x0202_0202_0202_0202, 0x3E) {
                    index += 8
                    continue
                }
            }
            let end = min(index + 8, bytes.count)
            while index < end {
                if let escaped = replacement(bytes[index]) {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    append(escaped)
                    start = index + 1
                }
                index += 1
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
    guard copied == nil else { return }
    for byte in text {
        if let escaped = replacement(byte) { append(escaped) } else { output.append(byte) }
    }
}

/// Whether any of the eight bytes of `word` is `byte`: after the exclusive or, the usual test for
/// a zero byte, `(x - 0x01…01) & ~x & 0x80…80`, which is non-zero exactly when some byte of x is zero.
@inlinable
public func wordHolds(_ word: UInt64, _ byte: UInt8) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let difference = word ^ (ones &* UInt64(byte))
    return (difference &- ones) & ~difference & 0x8080_8080_8080_8080 != 0
}

/// `text` for use inside a double-quoted HTML attribute (or as XML text): `&`, `<`, `>` and `"`
/// replaced. A combining mark after '"' is escaped too, as it should be.
public func escapeAttribute(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") })
    else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 16)
    appendEscapedHTML(text.utf8, to: &out, apostrophes: false)
    return String(decoding: out, as: UTF8.self)
}
