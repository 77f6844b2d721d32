/// Decodes the character references that cmark-gfm, the templates and editors put in attribute
/// values: `&amp;`, `&quot;`, `&lt;`, `&gt;`, `&apos;` and numeric ones (`&#39;`, `&#x27;`).
/// Others are kept as written. Most values hold no `&` and are only made a String.
@inlinable
public func decodeAttribute(_ value: some Collection<UInt8>) -> String {
    let text = String(decoding: value, as: UTF8.self)
    guard value.contains(UInt8(ascii: "&")) else { return text }
    return decodingReferences(text)
}

/// `text` with its character references decoded (see `decodeAttribute`).
public func decodingReferences(_ text: String) -> String {
    var result = ""
    var rest = Substring(text)
    while let ampersand = rest.firstIndex(of: "&") {
        result += rest[..<ampersand]
        let afterAmpersand = rest.index(after: ampersand)
        guard let semicolon = rest[afterAmpersand...].prefix(12).firstIndex(of: ";") else {
            result += "&"
            rest = rest[afterAmpersand...]
            continue
        }
        let name = rest[afterAmpersand..<semicolon]
        var decoded = namedReferences[name]
        if decoded == nil, name.first == "#" {
            let digits = name.dropFirst()
            let number = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            decoded = number.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        if let decoded {
            result += decoded
            rest = rest[rest.index(after: semicolon)...]
        } else {
            result += "&"
            rest = rest[afterAmpersand...]
        }
    }
    return result + rest
}

private let namedReferences: [Substring: String] = ["amp": "&", "quot": "\"", "lt": "<", "gt": ">", "apos": "'"]
