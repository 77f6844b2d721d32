/// The `id`, `href` and `src` attributes of a generated page, with where each value starts.
/// Generated pages are the build's own well-formed HTML, so a scan for ` name="` is enough.
struct PageReferences {
    struct Reference {
        var value: String
        var line: Int
        var column: Int
    }

    var ids: Set<String> = []
    var references: [Reference] = []

    init(html: String) {
        var line = 1
        var column = 1
        var bytes = Array(html.utf8)[...]
        // Moves through `bytes`, keeping line and column (in bytes) of the current position.
        func advance(_ count: Int) {
            for byte in bytes.prefix(count) {
                if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            }
            bytes = bytes.dropFirst(count)
        }
        let patterns: [(name: [UInt8], isID: Bool)] = [(Array(" id=\"".utf8), true), (Array(" href=\"".utf8), false), (Array(" src=\"".utf8), false)]
        while !bytes.isEmpty {
            guard let match = patterns.first(where: { bytes.starts(with: $0.name) }) else {
                advance(1)
                continue
            }
            advance(match.name.count)
            let valueLine = line, valueColumn = column
            let end = bytes.firstIndex(of: UInt8(ascii: "\"")) ?? bytes.endIndex
            let value = decodeEntities(String(decoding: bytes[..<end], as: UTF8.self))
            if match.isID { ids.insert(value) } else { references.append(Reference(value: value, line: valueLine, column: valueColumn)) }
            advance(bytes.distance(from: bytes.startIndex, to: end))
        }
    }

    private func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
