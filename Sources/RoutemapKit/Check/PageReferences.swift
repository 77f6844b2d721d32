import HTMLText
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
        var html = html
        html.withUTF8 { scan($0) }
    }

    /// One pass over the bytes: at each `="`, the name before it decides whether the value is an
    /// id, a reference, or neither. (Matching the three patterns at every byte cost a check as much
    /// as making the pages.)
    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
        let quote = UInt8(ascii: "\""), equals = UInt8(ascii: "="), newline = UInt8(ascii: "\n")
        var line = 1, lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == newline {
                line += 1
                lineStart = index + 1
            } else if byte == quote, index > 0, bytes[index - 1] == equals, let isID = Self.attribute(before: index - 1, in: bytes) {
                let start = index + 1
                var end = start
                while end < bytes.count, bytes[end] != quote { end += 1 }
                let value = decodeAttribute(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                if isID {
                    ids.insert(value)
                } else {
                    references.append(Reference(value: value, line: line, column: start - lineStart + 1))
                }
                for position in start..<end where bytes[position] == newline {
                    line += 1
                    lineStart = position + 1
                }
                index = end + 1
                continue
            }
            index += 1
        }
    }

    /// Whether the attribute whose `=` is at `equals` is ` id` (true), ` href` or ` src` (false), or another (nil).
    private static func attribute(before equals: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        func named(_ name: StaticString) -> Bool {
            let count = name.utf8CodeUnitCount
            guard equals >= count + 1, bytes[equals - count - 1] == UInt8(ascii: " ") else { return false }
            return (0..<count).allSatisfy { bytes[equals - count + $0] == name.utf8Start[$0] }
        }
        if named("id") { return true }
        if named("href") || named("src") { return false }
        return nil
    }
}
