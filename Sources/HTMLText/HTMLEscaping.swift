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
    // The text between two replaced characters is copied as one run.
    let copied: Void? = text.withContiguousStorageIfAvailable { bytes in
        var start = 0
        for index in bytes.indices {
            guard let escaped = replacement(bytes[index]) else { continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            append(escaped)
            start = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
    guard copied == nil else { return }
    for byte in text {
        if let escaped = replacement(byte) { append(escaped) } else { output.append(byte) }
    }
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
