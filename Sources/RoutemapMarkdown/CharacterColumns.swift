/// cmark-gfm counts columns in bytes; editors count characters. A rendering's positions are turned
/// into characters before it is handed back, while its text is at hand: nothing after rendering needs
/// the Markdown again to say where something is, so a build can let go of it chapter by chapter.
struct CharacterColumns {
    private let source: [UInt8]
    /// The byte offset where each line starts (line 1 at index 0).
    private let lineStarts: [Int]

    /// Nil when every byte is ASCII: each column is then the same in bytes and characters.
    init?(_ source: [UInt8]) {
        guard !isASCII(source[...]) else { return nil }
        var starts = [0]
        for (offset, byte) in source.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        self.source = source
        self.lineStarts = starts
    }

    /// `position` with its column counted in characters. A line outside the text (the "Notes" heading
    /// routemap adds is on line 0) keeps its column.
    func callAsFunction(_ position: SourcePosition) -> SourcePosition {
        guard position.line >= 1, position.line <= lineStarts.count, position.column > 1 else { return position }
        let start = lineStarts[position.line - 1]
        let lineEnd = position.line < lineStarts.count ? lineStarts[position.line] - 1 : source.count
        let prefix = source[start..<min(start + position.column - 1, lineEnd)]
        guard !isASCII(prefix) else { return position }
        return SourcePosition(line: position.line, column: String(decoding: prefix, as: UTF8.self).count + 1)
    }
}

/// Whether every byte is below 0x80, checked eight at a time (a chapter's text on loading, its
/// lines when columns are counted).
public func isASCII(_ bytes: some Collection<UInt8>) -> Bool {
    bytes.withContiguousStorageIfAvailable { buffer in
        let raw = UnsafeRawBufferPointer(buffer)
        var index = 0
        var seen: UInt64 = 0
        while index + 8 <= raw.count {
            seen |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < raw.count {
            seen |= UInt64(raw[index])
            index += 1
        }
        return seen & 0x8080_8080_8080_8080 == 0
    } ?? bytes.allSatisfy { $0 < 0x80 }
}

extension RenderedMarkdown {
    /// Every position's column counted in characters of `source`, the text that was rendered.
    mutating func countColumnsInCharacters(of source: [UInt8]) {
        guard let columns = CharacterColumns(source) else { return }
        for index in headings.indices { headings[index].position = columns(headings[index].position) }
        for index in links.indices { links[index].position = columns(links[index].position) }
        for index in images.indices { images[index].position = columns(images[index].position) }
        for index in labelledItems.indices { labelledItems[index].position = columns(labelledItems[index].position) }
        for index in blocks.indices { blocks[index].position = columns(blocks[index].position) }
        for index in questions.indices { questions[index].position = columns(questions[index].position) }
        for index in notices.indices { notices[index].position = columns(notices[index].position) }
    }
}
