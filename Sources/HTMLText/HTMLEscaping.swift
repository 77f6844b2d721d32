/// Text made safe to put in HTML: the characters HTML gives meaning to replaced by references.
///
/// One byte walk serves the templates (`{{field}}`, which also escape `'`, as Mustache does) and
/// attribute values written by the code (`escapeAttribute`, which leaves `'` as it is, inside `"…"`).
/// On bytes: walking characters cost more than the rest of writing the text.

/// Appends `text` to `output` with `&`, `<`, `>` and `"` replaced, and `'` too when `apostrophes`;
/// most text has none of them and is copied whole.
@inlinable
public func appendEscapedHTML(_ text: some Collection<UInt8>, to output: inout [UInt8], apostrophes: Bool) {
    func special(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || (apostrophes && byte == UInt8(ascii: "'"))
    }
    guard text.withContiguousStorageIfAvailable({ $0.contains(where: special) }) ?? text.contains(where: special) else {
        output += text
        return
    }
    for byte in text {
        switch byte {
        case UInt8(ascii: "&"): output += "&amp;".utf8
        case UInt8(ascii: "<"): output += "&lt;".utf8
        case UInt8(ascii: ">"): output += "&gt;".utf8
        case UInt8(ascii: "\""): output += "&quot;".utf8
        case UInt8(ascii: "'") where apostrophes: output += "&#39;".utf8
        default: output.append(byte)
        }
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
