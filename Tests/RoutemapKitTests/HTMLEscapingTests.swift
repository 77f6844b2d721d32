import HTMLText
import Testing

/// `appendEscapedHTML` looks at text eight bytes at a time: each character HTML gives meaning to,
/// at every offset within and across the eights, and beside its look-alikes ('#' reads like them
/// in the word test), must come out as a byte-by-byte escape makes it.
@Suite struct HTMLEscapingTests {
    /// The plain rule, one byte at a time.
    private func reference(_ text: [UInt8], apostrophes: Bool) -> [UInt8] {
        text.flatMap { byte -> [UInt8] in
            switch byte {
            case UInt8(ascii: "&"): Array("&amp;".utf8)
            case UInt8(ascii: "<"): Array("&lt;".utf8)
            case UInt8(ascii: ">"): Array("&gt;".utf8)
            case UInt8(ascii: "\""): Array("&quot;".utf8)
            case UInt8(ascii: "'") where apostrophes: Array("&#39;".utf8)
            default: [byte]
            }
        }
    }

    private func escaped(_ text: [UInt8], apostrophes: Bool) -> [UInt8] {
        var output: [UInt8] = Array("kept:".utf8)
        appendEscapedHTML(text, to: &output, apostrophes: apostrophes)
        return output
    }

    @Test func eachCharacterIsEscapedAtEveryOffset() {
        for special in Array("&<>\"'#=?;".utf8) {
            for length in [1, 7, 8, 9, 16, 23, 24, 25] {
                for offset in 0..<length {
                    var text = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    text[offset] = special
                    for apostrophes in [true, false] {
                        #expect(escaped(text, apostrophes: apostrophes) == Array("kept:".utf8) + reference(text, apostrophes: apostrophes),
                                "\(UnicodeScalar(special)) at \(offset) of \(length)")
                    }
                }
            }
        }
    }

    @Test func randomTextIsEscapedAsByteByByte() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "b", " ", "&", "<", ">", "\"", "'", "#", "%", "=", "é", "–", "“", "😀", "\n"].map { Array($0.utf8) }
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            let apostrophes = Bool.random(using: &generator)
            #expect(escaped(text, apostrophes: apostrophes) == Array("kept:".utf8) + reference(text, apostrophes: apostrophes))
            // A collection without contiguous storage takes the byte-by-byte path.
            var output: [UInt8] = Array("kept:".utf8)
            appendEscapedHTML(text.lazy.map { $0 }, to: &output, apostrophes: apostrophes)
            #expect(output == Array("kept:".utf8) + reference(text, apostrophes: apostrophes))
        }
    }
}
