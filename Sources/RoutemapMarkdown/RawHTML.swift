import Foundation
import HTMLText

/// The start tags of a piece of raw HTML (the literal of one `html_block` or `html_inline` node),
/// with their attributes and where each value sits, so that ids can become link targets and
/// `href`/`src` can be checked and rewritten like Markdown links. Comments are skipped.
struct RawHTMLTags {
    struct Attribute {
        var name: String
        var value: String
        /// The value's bytes in the literal (inside its quotes).
        var range: Range<Int>
    }

    struct Tag {
        /// Lower-cased, such as `video`.
        var name: String
        /// As written, such as `Badge` for a Vue component.
        var writtenName: String
        var isClosing: Bool
        /// Where `<` is in the literal.
        var offset: Int
        var attributes: [Attribute]

        func attribute(_ name: String) -> Attribute? { attributes.first { $0.name == name } }
    }

    static func tags(in html: [UInt8]) -> [Tag] {
        var tags: [Tag] = []
        var index = 0
        let count = html.count
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
        func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12 }
        while index < count {
            guard html[index] == UInt8(ascii: "<") else { index += 1; continue }
            if html[index...].starts(with: "<!--".utf8) {
                var end = index + 4
                while end + 3 <= count, !html[end...].starts(with: "-->".utf8) { end += 1 }
                index = end + 3
                continue
            }
            let start = index
            var cursor = index + 1
            let closing = cursor < count && html[cursor] == UInt8(ascii: "/")
            if closing { cursor += 1 }
            guard cursor < count, isLetter(html[cursor]) else { index += 1; continue }
            let nameStart = cursor
            while cursor < count, !isSpace(html[cursor]), html[cursor] != UInt8(ascii: ">"), html[cursor] != UInt8(ascii: "/") { cursor += 1 }
            let written = String(decoding: html[nameStart..<cursor], as: UTF8.self)
            var tag = Tag(name: written.lowercased(), writtenName: written, isClosing: closing, offset: start, attributes: [])
            while cursor < count {
                while cursor < count, isSpace(html[cursor]) || html[cursor] == UInt8(ascii: "/") { cursor += 1 }
                guard cursor < count, html[cursor] != UInt8(ascii: ">") else { break }
                let attributeStart = cursor
                while cursor < count, !isSpace(html[cursor]), html[cursor] != UInt8(ascii: "="), html[cursor] != UInt8(ascii: ">") { cursor += 1 }
                let name = String(decoding: html[attributeStart..<cursor], as: UTF8.self).lowercased()
                while cursor < count, isSpace(html[cursor]) { cursor += 1 }
                guard cursor < count, html[cursor] == UInt8(ascii: "=") else { continue }
                cursor += 1
                while cursor < count, isSpace(html[cursor]) { cursor += 1 }
                var range: Range<Int>
                if cursor < count, html[cursor] == UInt8(ascii: "\"") || html[cursor] == UInt8(ascii: "'") {
                    let quote = html[cursor]
                    var end = cursor + 1
                    while end < count, html[end] != quote { end += 1 }
                    range = cursor + 1..<end
                    cursor = min(end + 1, count)
                } else {
                    let valueStart = cursor
                    while cursor < count, !isSpace(html[cursor]), html[cursor] != UInt8(ascii: ">") { cursor += 1 }
                    range = valueStart..<cursor
                }
                tag.attributes.append(Attribute(name: name, value: decodeAttribute(html[range]), range: range))
            }
            tags.append(tag)
            index = cursor + 1
        }
        return tags
    }

    /// The elements of HTML (and of SVG and MathML as written in HTML), lower-cased: any other name
    /// (`<Badge>`, `<ClientOnly>`, Vue's or MDX's components) shows readers nothing but its content.
    static let elements: Set<String> = Set("""
        a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col colgroup
        data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head
        header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript object
        ol optgroup option output p param picture pre progress q rp rt ruby s samp script search section select slot small source
        span strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track u ul var video wbr
        center font big tt strike acronym marquee nobr noembed noframes plaintext xmp
        svg g path rect circle ellipse line polyline polygon text tspan defs use symbol lineargradient radialgradient stop clippath
        mask pattern image foreignobject desc marker filter math mi mo mn ms mtext mrow msup msub mfrac msqrt mroot mtable mtr mtd
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// The tags that cmark-gfm's tagfilter extension escapes even when raw HTML is allowed.
    static let filtered: Set<String> = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]
}

