/// A chapter file split into its YAML front matter and its Markdown body.
struct SplitChapterFile {
    var yaml: String
    /// Line of the file on which the YAML starts, minus one: add it to a line in the YAML.
    var yamlLineOffset: Int
    /// The Markdown as UTF-8 bytes, as cmark-gfm reads it.
    var body: [UInt8]
    /// Lines before the body: add it to a line in the body.
    var bodyLineOffset: Int
}

/// Splits `---` front matter from the body of a chapter file's UTF-8 (checked already, see
/// `readUTF8`), or logs what the editor needs to add. Works on the bytes, line by line, and stops
/// at the closing fence: only the front matter becomes a String; the body is copied as it is.
func splitFrontMatter(_ bytes: [UInt8], file: String, log: DiagnosticLog) -> SplitChapterFile? {
    let example = "start the file with front matter:\n        ---\n        title: The chapter's title\n        ---"
    if isBlank(bytes) {
        log.add(.error(file, bytes.isEmpty ? "the file is empty" : "the file holds only blank lines and spaces", hint: example))
        return nil
    }
    var lineStart = 0
    var lineNumber = 0
    /// The next line without its newline, and where the line after it starts (nil at the end).
    func nextLine() -> (line: ArraySlice<UInt8>, next: Int?)? {
        guard lineStart < bytes.count else { return nil }
        let end = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        return (bytes[lineStart..<end], end < bytes.count ? end + 1 : nil)
    }
    guard let first = nextLine(), isLine(first.line, "---") else {
        log.add(.error(file, "the chapter has no front matter", hint: example))
        return nil
    }
    let yamlStart = first.next ?? bytes.count
    lineStart = yamlStart
    while true {
        lineNumber += 1
        guard let (line, next) = nextLine() else {
            log.add(.error(file, "the front matter starting here is never closed",
                           hint: "did you forget to add '---' on its own line after the last field?"))
            return nil
        }
        if isLine(line, "---") || isLine(line, "...") {
            let yaml = lineNumber == 1 ? "" : String(decoding: bytes[yamlStart..<line.startIndex - 1], as: UTF8.self)
            let bodyStart = next ?? bytes.count
            let bodyEnd = bytes.count > bodyStart && bytes.last == UInt8(ascii: "\n") ? bytes.count - 1 : bytes.count
            return SplitChapterFile(yaml: yaml, yamlLineOffset: 1, body: Array(bytes[bodyStart..<bodyEnd]), bodyLineOffset: lineNumber + 1)
        }
        guard let next else {
            lineStart = bytes.count
            continue
        }
        lineStart = next
    }
}

/// Whether `line`, less trailing spaces and tabs, is `text`.
private func isLine(_ line: ArraySlice<UInt8>, _ text: StaticString) -> Bool {
    var end = line.endIndex
    while end > line.startIndex, line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\t") { end -= 1 }
    return text.withUTF8Buffer { line[line.startIndex..<end].elementsEqual($0) }
}

/// Whether the text holds only whitespace (as Swift's `Character.isWhitespace` counts it).
private func isBlank(_ bytes: [UInt8]) -> Bool {
    guard let first = bytes.firstIndex(where: { !(0x09...0x0D).contains($0) && $0 != UInt8(ascii: " ") }) else { return true }
    // Only text that is not ASCII can still be blank (such as a no-break space), and only then is it decoded.
    return bytes[first] >= 0x80 && String(decoding: bytes[first...], as: UTF8.self).allSatisfy(\.isWhitespace)
}
