import RoutemapMarkdown

/// What `routemap check` asks of each chapter beyond what the build needs: images described for
/// readers who cannot see them, headings that do not skip levels, links with text and a destination.
enum ContentRules {
    static func check(_ site: RenderedPublication, log: DiagnosticLog) {
        for edition in site.editions {
            for rendered in edition.chapters { check(rendered, log: log) }
        }
    }

    static func check(_ rendered: RenderedChapter, log: DiagnosticLog) {
        let file = rendered.chapter.sourcePath
        func at(_ position: SourcePosition) -> (line: Int, column: Int) { (rendered.fileLine(position), position.column) }

        for image in rendered.markdown.images where image.alt.allSatisfy(\.isWhitespace) && !image.inRawHTML {
            let (line, column) = at(image.position)
            log.add(.error(file, line: line, column: column, "image '\(image.source)' has no alternative text",
                                      hint: "describe what the image shows between the brackets: ![A map of the shared data centres](\(image.source))"))
        }
        for link in rendered.markdown.links where !link.inRawHTML {
            let (line, column) = at(link.position)
            if link.original.isEmpty {
                log.add(.error(file, line: line, column: column, "link '\(link.text)' has no destination",
                                          hint: "put the address or chapter file between the parentheses: [\(link.text)](governance.md)"))
            }
            if link.text.allSatisfy(\.isWhitespace) {
                log.add(.error(file, line: line, column: column, "link to '\(link.original)' has no text",
                                          hint: "write what the link leads to between the brackets, so screen reader users know where it goes"))
            }
        }
        // The chapter's title is the page's h1, so the body starts at h2.
        var previous = 1
        for heading in rendered.markdown.headings where heading.position.line > 0 {
            let (line, column) = at(heading.position)
            if heading.level == 1 {
                log.add(.warning(file, line: line, column: column, "'# \(heading.text)' is a second top-level heading: the chapter's title is the page's only one",
                                            hint: "use '## \(heading.text)' for a section"))
            } else if heading.level > previous + 1 {
                log.add(.warning(file, line: line, column: column,
                                            "heading '\(heading.text)' skips from level \(previous) to level \(heading.level)",
                                            hint: "use \(String(repeating: "#", count: previous + 1)) here, so readers navigating by headings miss nothing"))
            }
            previous = heading.level
        }
    }
}
