/// A fast path for the YAML that front matter is nearly always written in: one `key: value` a
/// line, where a value is a plain word or sentence, a double-quoted string without escapes, or a
/// flow list of plain words (`[governance, information]`). It makes exactly the values that
/// converting Yams' nodes would (same text, positions and nulls), so everything downstream,
/// errors included, is unchanged; for anything else it returns nil and Yams parses the text.
/// Composing with Yams cost as much as rendering a chapter's Markdown. SimpleYAMLTests holds it to Yams.
enum SimpleYAML {
    static func compose(_ text: String) -> FieldValue? {
        guard !text.isEmpty else { return nil }
        var fields: [FieldValue.Field] = []
        var keys = Set<Substring>()
        var line = 0
        for rawLine in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            line += 1
            guard let (key, value) = splitKey(Substring(rawLine)), keys.insert(key).inserted,
                  let fieldValue = self.value(value, line: line, column: key.utf8.count + 3) else { return nil }
            let name = String(key)
            fields.append(.init(key: FieldValue(.text(name), line: line, column: 1), name: name, value: fieldValue))
        }
        return FieldValue(.mapping(fields), line: 1, column: 1)
    }

    /// `key: value`, with a key of ASCII letters, digits, `_` and `-` starting with a letter.
    private static func splitKey(_ line: Substring) -> (Substring, Substring)? {
        let bytes = line.utf8
        guard let first = bytes.first, isLetter(first),
              let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let key = line[..<colon]
        guard key.utf8.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }),
              !isKeyword(key) else { return nil }
        let afterColon = bytes.index(after: colon)
        guard afterColon < bytes.endIndex, bytes[afterColon] == UInt8(ascii: " ") else { return nil }
        let value = line[bytes.index(after: afterColon)...]
        return value.isEmpty ? nil : (key, value)
    }

    private static func value(_ text: Substring, line: Int, column: Int) -> FieldValue? {
        let bytes = text.utf8
        switch bytes.first! {
        case UInt8(ascii: "\""):
            let inside = text.dropFirst()
            guard inside.utf8.last == UInt8(ascii: "\""), inside.utf8.count >= 2 else { return nil }
            let string = inside.dropLast()
            guard !string.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }),
                  isPrintable(string) else { return nil }
            return FieldValue(.text(String(string)), line: line, column: column)
        case UInt8(ascii: "["):
            guard bytes.last == UInt8(ascii: "]") else { return nil }
            let inside = text.dropFirst().dropLast()
            var items: [FieldValue] = []
            var offset = column + 1
            for itemBytes in inside.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                var word = Substring(itemBytes)
                if !items.isEmpty {
                    guard word.hasPrefix(" ") else { return nil }
                    word = word.dropFirst()
                    offset += 1
                }
                guard !word.isEmpty, word.utf8.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }),
                      isLetter(word.utf8.first!), !isKeyword(word) else { return nil }
                items.append(FieldValue(.text(String(word)), line: line, column: offset))
                offset += word.utf8.count + 1
            }
            guard !items.isEmpty else { return nil }
            return FieldValue(.list(items), line: line, column: column)
        default:
            guard isPlain(text) else { return nil }
            return FieldValue(.text(String(text)), plain: true, line: line, column: column)
        }
    }

    /// A plain scalar that needs no interpretation: no indicator first, no `: ` or ` #` inside,
    /// nothing a YAML parser would trim or reject. Anything else is left to Yams.
    private static func isPlain(_ text: Substring) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last,
              !"-?:,[]{}#&*!|>'\"%@` \t".utf8.contains(first),
              last != UInt8(ascii: " "), last != UInt8(ascii: ":"), last != UInt8(ascii: "\t") else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") { return false }
            if previous == UInt8(ascii: ":") && byte == UInt8(ascii: " ") { return false }
            if previous == UInt8(ascii: " ") && byte == UInt8(ascii: "#") { return false }
            previous = byte
        }
        return isPrintable(text)
    }

    /// Whether every character is one YAML allows; decoded only when not printable ASCII, which
    /// almost every value is.
    private static func isPrintable(_ text: Substring) -> Bool {
        text.utf8.allSatisfy { (0x20...0x7E).contains($0) } || text.unicodeScalars.allSatisfy(isPrintable)
    }

    /// The characters YAML allows in a document, less tab and the byte order mark.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0x10000...0x10FFFF: return true
        case 0xE000...0xFFFD: return scalar.value != 0xFEFF
        default: return false
        }
    }

    /// Words that YAML reads as booleans or null; left to Yams so that nothing depends on tags here.
    private static func isKeyword(_ word: Substring) -> Bool {
        // Most words are longer than any keyword; lowercasing every word cost more than the check.
        guard word.utf8.count <= 5 else { return false }
        return ["y", "yes", "n", "no", "true", "false", "on", "off", "null"].contains(word.lowercased())
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
