import Foundation
import Testing
@testable import RoutemapKit

/// `PageReferences` scans a page once, byte by byte; it must find exactly what matching the three
/// attribute patterns at every position finds (the reference below, the scanner it replaced).
@Suite struct PageReferencesTests {
    private struct Found: Equatable {
        var ids: Set<String>
        var references: [String]
    }

    private func fast(_ html: String) -> Found {
        let found = PageReferences(html: html)
        return Found(ids: found.ids, references: found.references.map { "\($0.line):\($0.column) \($0.value)" })
    }

    private func reference(_ html: String) -> Found {
        var ids = Set<String>(), references: [String] = []
        var line = 1, column = 1
        var bytes = Array(html.utf8)[...]
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
            var value = String(decoding: bytes[..<end], as: UTF8.self)
            for (entity, character) in [("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&#39;", "'"), ("&amp;", "&")] {
                value = value.replacingOccurrences(of: entity, with: character)
            }
            if match.isID { ids.insert(value) } else { references.append("\(valueLine):\(valueColumn) \(value)") }
            advance(bytes.distance(from: bytes.startIndex, to: end))
        }
        return Found(ids: ids, references: references)
    }

    @Test func everyPageOfAFixtureSiteIsReadAsBefore() throws {
        let options = BuildOptions(contentDirectory: Repository.fixtures + "/editions-compared/content", outputDirectory: "unused",
                                   themesDirectory: Repository.themes, buildDate: FixtureSiteTests.buildDate)
        let pages = try generated(options).files.filter { $0.path.hasSuffix(".html") }
        #expect(pages.count > 10)
        for page in pages {
            let html = try #require(page.text)
            #expect(fast(html) == reference(html), "\(page.path)")
        }
    }

    @Test func generatedMarkupIsReadAsBefore() {
        let pieces = ["<a", " href=\"", " id=\"", " src=\"", "id=\"", "xhref=\"", "=\"", "\"", " ", "\n", "é", "&amp;", "&quot;", "a/b.html#c",
                      " data-id=\"", "  href=\"x\"", ">", "\u{1F600}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let html = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(fast(html) == reference(html), "\(html.debugDescription)")
        }
    }
}
