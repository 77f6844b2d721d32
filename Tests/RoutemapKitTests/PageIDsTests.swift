import Testing
@testable import RoutemapKit

/// `PageIDs` keeps a page's ids packed; it must find exactly what `Set<String>` finds, where
/// strings are equal when canonically equivalent, whether asked with a String or with bytes.
@Suite struct PageIDsTests {
    /// Asked both ways, the same answer, or nil.
    private func found(_ fragment: String, in ids: PageIDs) -> Bool? {
        let byString = ids.contains(fragment)
        let byBytes = Array(fragment.utf8).withUnsafeBufferPointer { ids.contains(utf8: $0) }
        return byString == byBytes ? byString : nil
    }

    @Test func findsWhatASetFinds() {
        let ids: Set<String> = ["", "a", "ab", "abc", "b", "p3.19", "chapter-chapter-0025.p25.15", "K", "e\u{301}t\u{E9}", "\u{1F600}",
                                "with space", "tab\there", "nul\u{0}id", "Z", "zz"]
        let packed = PageIDs(ids)
        let asked = ids.union(["", "A", "aa", "abcd", "ac", "p3.1", "p3.190", "chapter-chapter-0025", "\u{212A}", "\u{E9}t\u{E9}",
                               "e\u{301}te\u{301}", "ét", "\u{1F601}", "with  space", "nul", "nul\u{0}", "z", "\u{7F}"])
        for fragment in asked {
            #expect(found(fragment, in: packed) == ids.contains(fragment), "\(fragment.debugDescription)")
        }
        // A non-ASCII id is found by its ASCII equivalent, as a Set finds it.
        let kelvin = PageIDs(["\u{212A}"])
        #expect(Set(["\u{212A}"]).contains("K") && found("K", in: kelvin) == true)
    }

    @Test func findsWhatASetFindsAmongManyRandomIDs() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab.-0\u{E9}")
        func randomID() -> String { String((0..<Int.random(in: 0...5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }) }
        for _ in 0..<200 {
            let ids = Set((0..<Int.random(in: 0...40, using: &generator)).map { _ in randomID() })
            let packed = PageIDs(ids)
            for _ in 0..<40 {
                let fragment = randomID()
                #expect(found(fragment, in: packed) == ids.contains(fragment), "\(fragment.debugDescription) in \(ids)")
            }
        }
    }

    /// Ids added as the page has them: character references decoded, an id the page has twice found once.
    @Test func idsAddedAsThePageHasThemAreDecoded() {
        var ids = PageIDs()
        for value in ["a&amp;b", "x", "x", "caf\u{E9}", "&#x4B;", "&quot;q&quot;", "p3.1", "&unknown;"] {
            Array(value.utf8).withUnsafeBufferPointer { ids.add($0) }
        }
        ids.seal()
        for (id, found) in [("a&b", true), ("a&amp;b", false), ("x", true), ("caf\u{E9}", true), ("cafe\u{301}", true), ("K", true),
                            ("\u{212A}", true), ("\"q\"", true), ("p3.1", true), ("p3", false), ("&unknown;", true)] {
            #expect(self.found(id, in: ids) == found, "\(id.debugDescription)")
        }
    }

    /// Packed, the ids of a page are found in runs of 16 that share their first bytes: many ids,
    /// some sharing more than 255 bytes, some longer than 127 after what they share (two bytes of
    /// length), each found as a Set finds it, and nothing more.
    @Test func findsWhatASetFindsAmongManyIDsSharingLongBeginnings() {
        var generator = SystemRandomNumberGenerator()
        let long = String(repeating: "chapter-", count: 40)
        let beginnings = ["", "p", "p1.", "chapter-chapter-0025.p25.", long, long + "x", String(repeating: "z", count: 200)]
        func randomID() -> String {
            beginnings.randomElement(using: &generator)! + String((0..<Int.random(in: 0...3, using: &generator)).map { _ in "ab.-01".randomElement(using: &generator)! })
        }
        for _ in 0..<40 {
            let added = (0..<Int.random(in: 0...300, using: &generator)).map { _ in randomID() }
            var ids = PageIDs()
            for id in added { ids.add(id) }
            ids.seal()
            let set = Set(added)
            for fragment in set.union((0..<200).map { _ in randomID() }).union(["", long, long + "y", "chapter-", "zz"]) {
                #expect(found(fragment, in: ids) == set.contains(fragment), "\(fragment.prefix(40))… (\(fragment.utf8.count) bytes) in \(set.count) ids")
            }
        }
    }

    /// A page's links to its own ids, kept as bytes until the page ends: all found, or one missing, as a Set would say.
    @Test func ownFragmentsAreFoundAsASetFindsThem() {
        let ids = PageIDs(["top", "p1.1", "caf\u{E9}", "\u{212A}", "chapter-chapter-0025.p25.15"])
        func allFound(_ fragments: [String]) -> Bool {
            var own = OwnFragments()
            for fragment in fragments { own.append(fragment) }
            return own.allFound(in: ids)
        }
        #expect(allFound([]))
        #expect(allFound(["top", "p1.1", "top", "cafe\u{301}", "K", "chapter-chapter-0025.p25.15"]))
        #expect(!allFound(["top", "p1.1", "p1.2", "top"]))
        #expect(!allFound(["p1.1", "chapter-chapter-0025.p25.1"]))
        #expect(!allFound(["caf"]))
    }
}
