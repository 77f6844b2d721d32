import Foundation
import RoutemapMarkdown

extension RenderedMarkdown {
    /// Takes `earlier`'s strings for every block and search section that reads the same, byte for
    /// byte, so that the two hold one copy. `earlier` is the same chapter in the edition before:
    /// a final edition differs from its consultation draft in a paragraph or two of a chapter, and
    /// each rendering's block and section text is as large as its Markdown. Shared as each chapter
    /// is rendered, the final edition's copies are let go of at once (docs/guide/performance.md,
    /// "Memory, sixth round"). Nothing read changes: only which storage holds the same bytes.
    mutating func shareText(with earlier: RenderedMarkdown) {
        let blocks = TextShelf(earlier.blocks.map(\.text))
        for index in self.blocks.indices {
            self.blocks[index].text = blocks.shared(self.blocks[index].text, near: index)
        }
        let sections = TextShelf(earlier.sections.map(\.text))
        for index in self.sections.indices {
            self.sections[index].text = sections.shared(self.sections[index].text, near: index)
        }
    }
}

/// An earlier rendering's texts, searched for one with the same bytes.
private struct TextShelf {
    let texts: [String]
    /// Texts are compared by length before their bytes; most lengths differ.
    let lengths: [Int]

    init(_ texts: [String]) {
        self.texts = texts
        lengths = texts.map(\.utf8.count)
    }

    /// The earlier text with `text`'s bytes, or `text` when there is none. Blocks keep their order
    /// between editions, so the one at `place` is tried first, then the rest.
    func shared(_ text: String, near place: Int) -> String {
        let length = text.utf8.count
        guard length > 15 else { return text }  // held in the String itself, nothing to share
        if place < texts.count, let same = same(text, length, place) { return same }
        for index in texts.indices where index != place {
            if let same = same(text, length, index) { return same }
        }
        return text
    }

    /// Compared as bytes, not with `==`: two texts equal as Unicode (é made one way or the other)
    /// need not be the same bytes. `memcmp`, since going through the bytes one by one
    /// (`utf8.elementsEqual`) cost a build of two long editions 2% of its CPU.
    private func same(_ text: String, _ length: Int, _ index: Int) -> String? {
        guard lengths[index] == length else { return nil }
        var earlier = texts[index], text = text
        let equal = earlier.withUTF8 { earlier in text.withUTF8 { memcmp(earlier.baseAddress!, $0.baseAddress!, length) == 0 } }
        return equal ? texts[index] : nil
    }
}
