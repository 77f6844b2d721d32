import Foundation
import HTMLText
import RoutemapMarkdown

/// Rewrites a chapter's rendered HTML fragment for the printable page in one pass over its bytes,
/// touching only the `id`, `href` and `src` attributes of its tags:
/// - every id gets the chapter's prefix (see `PrintAnchors`), so headings and cmark-gfm's footnote
///   ids (`fn-1`, `fnref-1`, numbered per document) are unique across the page;
/// - a link to a chapter of the same edition, or to a heading in it, becomes its anchor on this page;
/// - a link to a chapter of another edition goes to that edition's printable page, at the same anchor;
/// - links to files and image sources are re-based from the chapter page's folder to the printable page's.
/// Nothing else is parsed or changed, so the cost is linear in the fragment's size.
///
/// A class: the scanner's callback holds the rewriter for every attribute it meets, and a struct of
/// a dictionary and three strings was copied for each (1.6% of a shaped build's user CPU in perf).
final class FragmentRewriter: Sendable {
    /// How links that leave the printable page are written.
    enum OutsideLinks {
        /// Relative to the printable page, as everywhere on the site.
        case relative
        /// For the PDF, which is read away from the site: the published address under `base_url`;
        /// without one, the link is removed (its text stays).
        case published(baseURL: String?)
    }

    let editionID: String
    /// The printable page's path in the output, such as `final/print/index.html` or `print/index.html`.
    let page: String
    /// `edition/chapter.html` → (edition, chapter id), for every chapter of the publication.
    let chapterPages: [String: (editionID: String, chapterID: String)]
    let outsideLinks: OutsideLinks

    init(editionID: String, page: String, chapterPages: [String: (editionID: String, chapterID: String)], outsideLinks: OutsideLinks) {
        self.editionID = editionID
        self.page = page
        self.chapterPages = chapterPages
        self.outsideLinks = outsideLinks
    }

    func rewrite(_ html: String, chapterID: String) -> String {
        String(decoding: rewriteNotingPage(Array(html.utf8), chapterID: chapterID).html, as: UTF8.self)
    }

    /// The rewritten fragment, as UTF-8, and whether it depends on `page` (holds a link made relative
    /// to it): a fragment that does not is the same on every printable page of the edition.
    func rewriteNotingPage(_ bytes: [UInt8], chapterID: String) -> (html: [UInt8], dependsOnPage: Bool) {
        var dependsOnPage = false
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = TagScanner(bytes: buffer)
            scanner.scan(into: &output) { name, value in
                guard let replacement = replacement(name: name, value: value, chapterID: chapterID) else { return nil }
                dependsOnPage = dependsOnPage || replacement.fromPage
                guard let value = replacement.value else { return [] }
                var attribute = [UInt8(ascii: " ")] + name
                attribute += "=\"".utf8
                attribute += value.utf8
                attribute.append(UInt8(ascii: "\""))
                return attribute
            }
        }
        return (output, dependsOnPage)
    }

    /// What an attribute becomes: nil to keep it as written; `.init(value: nil)` to drop it.
    /// `fromPage`: the value is relative to `page`.
    private struct Replacement {
        var value: String?
        var fromPage = false
    }

    private func replacement(name: TagScanner.Bytes, value: TagScanner.Bytes, chapterID: String) -> Replacement? {
        if Self.isNamed(name, "id") {
            // Kept escaped as written: the prefix is plain ASCII.
            return Replacement(value: PrintAnchors.inChapter(chapterID, String(decoding: value, as: UTF8.self)))
        }
        if Self.isNamed(name, "href") { return link(decodeAttribute(value), chapterID: chapterID, isImage: false) }
        if Self.isNamed(name, "src") { return link(decodeAttribute(value), chapterID: chapterID, isImage: true) }
        return nil
    }

    /// Whether an attribute's name is `lowercaseName`, in any case, compared on bytes: making a
    /// String of every attribute's name cost more than the rest of the rewriting.
    private static func isNamed(_ name: TagScanner.Bytes, _ lowercaseName: StaticString) -> Bool {
        guard name.count == lowercaseName.utf8CodeUnitCount else { return false }
        // `| 0x20` lowercases an ASCII letter, and makes nothing else a lowercase letter.
        return zip(name, UnsafeBufferPointer(start: lowercaseName.utf8Start, count: lowercaseName.utf8CodeUnitCount))
            .allSatisfy { $0 | 0x20 == $1 }
    }

    private func link(_ destination: String, chapterID: String, isImage: Bool) -> Replacement? {
        // Another site, an e-mail address, a path from the server's root: left as written.
        if LinkScheme.leadsOutOfPage(destination) { return nil }
        var path = Substring(destination)
        var fragment: Substring?
        if let hash = path.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = path[path.utf8.index(after: hash)...]
            path = path[..<hash]
        }
        var query: Substring = ""
        if let mark = path.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = path[mark...]
            path = path[..<mark]
        }
        if path.isEmpty && !isImage {
            return Replacement(value: escapeAttribute(PrintAnchors.fragment(chapterID, fragment)))
        }
        // Relative to the chapter page's folder: `<edition>/`, or a sub-folder of it (`<edition>/guides/`).
        let chapterPage = SitePaths.chapter(editionID, chapterID)
        let folder = chapterPage[..<(chapterPage.lastIndex(of: "/") ?? chapterPage.startIndex)]
        guard let target = normalisedPath(folder + "/" + path) else { return nil }
        if !isImage, let chapter = chapterPages[target] {
            let anchor = PrintAnchors.fragment(chapter.chapterID, fragment)
            if chapter.editionID == editionID { return Replacement(value: escapeAttribute(anchor)) }
            return outside(SitePaths.printPage(chapter.editionID), suffix: anchor, printPage: true)
        }
        let suffix = String(query) + (fragment.map { "#" + $0 } ?? "")
        if isImage { return Replacement(value: escapeAttribute(relativeURL(from: page, to: target) + suffix), fromPage: true) }
        return outside(target, suffix: suffix, printPage: false)
    }

    private func outside(_ target: String, suffix: String, printPage: Bool) -> Replacement {
        switch outsideLinks {
        case .relative:
            return Replacement(value: escapeAttribute(relativeURL(from: page, to: target) + suffix), fromPage: true)
        case .published(let baseURL):
            guard let baseURL else { return Replacement(value: nil) }
            let folderAddress = printPage ? String(target.dropLast("index.html".count)) : target
            return Replacement(value: escapeAttribute(join(baseURL, folderAddress) + suffix))
        }
    }
}

/// Walks HTML bytes and copies them to an output, handing each attribute (`name=value`) of a start
/// tag to `replace`, which returns what to write in its place (its leading space included; empty to
/// drop it) or nil to keep it as written. Quoted values may hold `>`; comments are copied whole.
/// What is kept is copied in runs, from one replaced attribute to the next: most tags keep theirs.
struct TagScanner {
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// Where the bytes not yet copied start.
    private var kept = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func scan(into output: inout [UInt8], replace: (_ name: Bytes, _ value: Bytes) -> [UInt8]?) {
        let count = bytes.count
        while index < count {
            index = next(UInt8(ascii: "<"), from: index)
            guard index < count else { break }
            if startsWith("<!--") {
                index = find("-->", from: index + 4).map { $0 + 3 } ?? count
                continue
            }
            guard index + 1 < count, isLetter(bytes[index + 1]) else {
                index += 1
                continue
            }
            startTag(into: &output, replace: replace)
        }
        output += bytes[kept..<count]
    }

    /// Where `byte` next occurs from `start`, or the end: memchr, as text between tags is most of a fragment.
    private func next(_ byte: UInt8, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// From `<name` to the closing `>`.
    private mutating func startTag(into output: inout [UInt8], replace: (Bytes, Bytes) -> [UInt8]?) {
        let count = bytes.count
        index += 1
        while index < count && !isSpace(bytes[index]) && bytes[index] != UInt8(ascii: ">") && bytes[index] != UInt8(ascii: "/") { index += 1 }
        while index < count {
            let spaceStart = index
            while index < count && isSpace(bytes[index]) { index += 1 }
            guard index < count else { return }
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") {
                index += 1
                return
            }
            if byte == UInt8(ascii: "/") {
                index += 1
                continue
            }
            let attributeStart = index
            while index < count && !isSpace(bytes[index]) && bytes[index] != UInt8(ascii: "=") && bytes[index] != UInt8(ascii: ">")
                && bytes[index] != UInt8(ascii: "/") { index += 1 }
            let name = bytes[attributeStart..<index]
            var afterName = index
            while afterName < count && isSpace(bytes[afterName]) { afterName += 1 }
            guard afterName < count, bytes[afterName] == UInt8(ascii: "=") else { continue }
            index = afterName + 1
            while index < count && isSpace(bytes[index]) { index += 1 }
            let value: Bytes
            if index < count && (bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'")) {
                let valueStart = index + 1
                var end = valueStart
                while end < count && bytes[end] != bytes[index] { end += 1 }
                value = bytes[valueStart..<end]
                index = min(end + 1, count)
            } else {
                let valueStart = index
                while index < count && !isSpace(bytes[index]) && bytes[index] != UInt8(ascii: ">") { index += 1 }
                value = bytes[valueStart..<index]
            }
            if let replacement = replace(name, value) {
                output += bytes[kept..<spaceStart]
                output += replacement
                kept = index
            }
        }
    }

    private func startsWith(_ text: StaticString) -> Bool {
        index + text.utf8CodeUnitCount <= bytes.count
            && memcmp(bytes.baseAddress! + index, text.utf8Start, text.utf8CodeUnitCount) == 0
    }

    private func find(_ text: StaticString, from start: Int) -> Int? {
        var position = start
        while position + text.utf8CodeUnitCount <= bytes.count {
            if memcmp(bytes.baseAddress! + position, text.utf8Start, text.utf8CodeUnitCount) == 0 { return position }
            position += 1
        }
        return nil
    }

    private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
    private func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12 }
}
