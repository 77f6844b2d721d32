/// A fast path for the YAML that front matter is nearly always written in: one `key: value` a
/// line, where a value is a plain word or sentence, a double-quoted string without escapes, or a
/// flow list of plain words (`[governance, information]`). It makes exactly the values that
/// converting Yams' nodes would (same text, positions and nulls), so everything downstream,
/// errors included, is unchanged; for anything else it returns nil and Yams parses the text.
/// Composing with Yams cost as much as rendering a chapter's Markdown. SimpleYAMLTests holds it to Yams.
enum SimpleYAML {
    /// Bytes of the text, cut only at ASCII bytes; made into Strings with `String(decoding:)`.
    /// Not Substrings: their Characters can join a cut's ASCII byte to the mark after it (a
    /// space followed by U+0301 is one Character), so a value starting with a combining mark lost it.
    typealias Bytes = Substring.UTF8View

    static func compose(_ text: String) -> FieldValue? {
        guard !text.isEmpty else { return nil }
        var fields: [FieldValue.Field] = []
        var keys = Set<String>()
        var line = 0
        for rawLine in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            line += 1
            guard let (key, value) = splitKey(Substring(rawLine).utf8), keys.insert(key).inserted,
                  let fieldValue = self.value(value, line: line, column: key.utf8.count + 3) else { return nil }
            fields.append(.init(key: FieldValue(.text(key), line: line, column: 1), name: key, value: fieldValue))
        }
        return FieldValue(.mapping(fields), line: 1, column: 1)
    }

    /// `key: value`, with a key of ASCII letters, digits, `_` and `-` starting with a letter.
    private static func splitKey(_ bytes: Bytes) -> (String, Bytes)? {
        guard let first = bytes.first, isLetter(first),
              let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let keyBytes = bytes[..<colon]
        guard keyBytes.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }),
              !isKeyword(keyBytes) else { return nil }
        let afterColon = bytes.index(after: colon)
        guard afterColon < bytes.endIndex, bytes[afterColon] == UInt8(ascii: " ") else { return nil }
        let value = bytes[bytes.index(after: afterColon)...]
        return value.isEmpty ? nil : (String(decoding: keyBytes, as: UTF8.self), value)
    }

    private static func value(_ bytes: Bytes, line: Int, column: Int) -> FieldValue? {
        switch bytes.first! {
        case UInt8(ascii: "\""):
            guard bytes.count >= 2, bytes.last == UInt8(ascii: "\"") else { return nil }
            let string = bytes.dropFirst().dropLast()
            guard !string.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }),
                  isPrintable(string) else { return nil }
            return FieldValue(.text(String(decoding: string, as: UTF8.self)), line: line, column: column)
        case UInt8(ascii: "["):
            guard bytes.last == UInt8(ascii: "]") else { return nil }
            let inside = bytes.dropFirst().dropLast()
            var items: [FieldValue] = []
            var offset = column + 1
            for itemBytes in inside.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                var word = itemBytes
                if !items.isEmpty {
                    guard word.first == UInt8(ascii: " ") else { return nil }
                    word = word.dropFirst()
                    offset += 1
                }
                guard let first = word.first, isLetter(first),
                      word.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }),
                      !isKeyword(word) else { return nil }
                items.append(FieldValue(.text(String(decoding: word, as: UTF8.self)), line: line, column: offset))
                offset += word.count + 1
            }
            guard !items.isEmpty else { return nil }
            return FieldValue(.list(items), line: line, column: column)
        default:
            guard isPlain(bytes) else { return nil }
            return FieldValue(.text(String(decoding: bytes, as: UTF8.self)), plain: true, line: line, column: column)
        }
    }

    /// A plain scalar that needs no interpretation: no indicator first, no `: ` or ` #` inside,
    /// nothing a YAML parser would trim or reject. Anything else is left to Yams.
    private static func isPlain(_ bytes: Bytes) -> Bool {
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
        return isPrintable(bytes)
    }

    /// Whether every character is one YAML allows; decoded only when not printable ASCII, which
    /// almost every value is.
    private static func isPrintable(_ bytes: Bytes) -> Bool {
        bytes.allSatisfy { (0x20...0x7E).contains($0) } || String(decoding: bytes, as: UTF8.self).unicodeScalars.allSatisfy(isPrintable)
    }

    /// The characters YAML allows in a document, less tab and the byte order mark, and less the
    /// three that YAML 1.1 (which Yams reads) takes as line breaks: NEL (U+0085), the line
    /// separator (U+2028) and the paragraph separator (U+2029). A value holding one is left to
    /// Yams, which splits or folds it there and counts lines by them.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2028, 0x2029: return false
        case 0x20...0x7E, 0xA0...0xD7FF, 0x10000...0x10FFFF: return true
        case 0xE000...0xFFFD: return scalar.value != 0xFEFF
        default: return false
        }
    }

    /// Words that YAML reads as booleans or null; left to Yams so that nothing depends on tags here.
    private static func isKeyword(_ word: Bytes) -> Bool {
        // Most words are longer than any keyword; lowercasing every word cost more than the check.
        guard word.count <= 5 else { return false }
        return ["y", "yes", "n", "no", "true", "false", "on", "off", "null"].contains(String(decoding: word, as: UTF8.self).lowercased())
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
