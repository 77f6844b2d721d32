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
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    guard isFence(lines[0]) else {
        log.add(.error(file, "the chapter has no front matter", hint: example))
        return nil
    }
    guard let closing = lines.indices.dropFirst().first(where: { isFence(lines[$0]) || lines[$0].trimmingTrailingSpaces == "..." }) else {
        log.add(.error(file, "the front matter starting here is never closed",
                       hint: "did you forget to add '---' on its own line after the last field?"))
        return nil
    }
    let yaml = lines[1..<closing].joined(separator: "\n")
    let body = lines[(closing + 1)...].joined(separator: "\n")
    return SplitChapterFile(yaml: yaml, yamlLineOffset: 1, body: body, bodyLineOffset: closing + 1)
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
