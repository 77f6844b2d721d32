import Mustache

/// swift-mustache's HTML escaping, done on bytes: its own walks the characters of every value
/// through a dictionary, which was a seventh of the build. The theme's templates are given this
/// content type when they are loaded (`Theme.load`). The output is the same to the byte:
/// HTMLEscapingTests compares the two.
struct HTMLEscaping: MustacheContentType {
    static let name = "ROUTEMAP_HTML"
    /// Put before each template's text; on a line of its own, which Mustache removes.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    static let registered: Bool = {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        var special = false
        var ascii = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): special = true
            case 0x80...: ascii = false
            default: break
            }
        }
        guard special else { return text }
        // Beyond ASCII, a combining mark can join a '<' into one character that swift-mustache
        // leaves alone, so characters are compared there, as it does.
        guard ascii else { return escapeCharacters(text) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func escapeCharacters(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
