/// A chapter file split into its YAML front matter and its Markdown body.
struct SplitChapterFile {
    var yaml: String
    /// Line of the file on which the YAML starts, minus one: add it to a line in the YAML.
    var yamlLineOffset: Int
    var body: String
    /// Lines before the body: add it to a line in the body.
    var bodyLineOffset: Int
}

/// Splits `---` front matter from the body, or logs what the editor needs to add.
func splitFrontMatter(_ text: String, file: String, log: DiagnosticLog) -> SplitChapterFile? {
    let example = "start the file with front matter:\n        ---\n        title: The chapter's title\n        ---"
    if text.allSatisfy(\.isWhitespace) {
        log.add(.error(file, text.isEmpty ? "the file is empty" : "the file holds only blank lines and spaces", hint: example))
        return nil
    }
    // Works on the bytes, line by line, and stops at the closing fence: splitting the whole
    // file into lines of characters cost more than parsing its Markdown.
    let utf8 = text.utf8
    var lineStart = utf8.startIndex
    var lineNumber = 0
    /// The next line without its newline, and where the line after it starts (nil at the end).
    func nextLine() -> (line: Substring, next: String.Index?)? {
        guard lineStart < utf8.endIndex else { return nil }
        let end = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
        let line = text[lineStart..<end]
        return (line, end < utf8.endIndex ? utf8.index(after: end) : nil)
    }
    guard let first = nextLine(), isFence(first.line) else {
        log.add(.error(file, "the chapter has no front matter", hint: example))
        return nil
    }
    let yamlStart = first.next ?? utf8.endIndex
    lineStart = yamlStart
    while true {
        lineNumber += 1
        guard let (line, next) = nextLine() else {
            log.add(.error(file, "the front matter starting here is never closed",
                           hint: "did you forget to add '---' on its own line after the last field?"))
            return nil
        }
        if isFence(line) || line.trimmingTrailingSpaces == "..." {
            let yaml = lineNumber == 1 ? "" : String(text[yamlStart..<utf8.index(before: line.startIndex)])
            var body = next.map { text[$0...] } ?? ""
            // Not dropLast(), which counts the characters of the whole body first.
            if body.utf8.last == UInt8(ascii: "\n") { body = body[..<body.utf8.index(before: body.utf8.endIndex)] }
            return SplitChapterFile(yaml: yaml, yamlLineOffset: 1, body: String(body), bodyLineOffset: lineNumber + 1)
        }
        guard let next else {
            lineStart = utf8.endIndex
            continue
        }
        lineStart = next
    }
}

private func isFence(_ line: Substring) -> Bool {
    line.trimmingTrailingSpaces == "---"
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
