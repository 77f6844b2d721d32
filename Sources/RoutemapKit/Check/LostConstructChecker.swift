import RoutemapMarkdown

/// Nothing lost in silence: every construct of a chapter that does not reach readers as its author
/// meant it (raw HTML left out, another dialect's syntax shown as text) is a warning at its file,
/// line and column, with what to do instead. `check --strict` makes them errors.
enum LostConstructChecker {
    /// With `cache` (the preview server's), a chapter whose notices (and text) are unchanged keeps its findings.
    static func check(_ site: RenderedPublication, log: DiagnosticLog, cache: ChapterFindingsCache<LostConstructInputs, Bool>? = nil) {
        ChapterFindingsCache.check(site, cache: cache, siteInputs: true, inputs: { rendered in
            LostConstructInputs(notices: rendered.markdown.notices, sourcePath: rendered.chapter.sourcePath,
                                bodyLineOffset: rendered.chapter.bodyLineOffset)
        }, find: { rendered in
            rendered.markdown.notices.map { notice in
                let (message, hint) = describe(notice)
                return .warning(rendered.chapter.sourcePath, line: rendered.fileLine(notice.position),
                                column: notice.position.column, message, hint: hint)
            }
        }, log: log)
    }

    static func describe(_ notice: Notice) -> (message: String, hint: String) {
        let text = notice.text
        switch notice.kind {
        case .rawHTMLOmitted:
            return (text.isEmpty ? "raw HTML is left out: raw_html is not set in routemap.yml" : "raw HTML <\(text)> is left out: raw_html is not set in routemap.yml",
                    "write it in Markdown (an image is ![What it shows](images/x.png)), or set 'raw_html: true' in routemap.yml")
        case .rawHTMLFiltered:
            return ("raw HTML <\(text)> is shown as text: this tag is never passed through",
                    "remove it; link to the video, map or form instead")
        case .unknownElement:
            return ("raw HTML <\(text)> is not an element of HTML (a component of another site generator?): readers see only what it holds",
                    "write what it stands for in Markdown or HTML, or remove it")
        case .headingWithoutSpace:
            let hashes = text.prefix { $0 == "#" }
            return ("'\(text)' is not a heading: Markdown needs a space after '\(hashes)'",
                    "write '\(hashes) \(text.dropFirst(hashes.count))'")
        case .kramdownAttributes:
            return ("'\(text)' is a kramdown attribute list, which is shown as text",
                    "remove it; to give a heading an anchor of your choice, end the heading with {#my-id}")
        case .templateTag:
            return ("'\(text)' is a template tag (Liquid or VuePress), which is shown as text",
                    "replace it with what it stands for, or remove it: chapters are not templates")
        case .container:
            return ("'\(text)' is a container (VuePress, Docusaurus), which is shown as text",
                    "remove the ':::' lines; for a note, use a quote: '> **Tip:** …'")
        case .tocMarker:
            return ("'\(text)' is shown as text: each chapter page lists its headings by itself ('On this page')",
                    "remove it")
        case .undefinedFootnote:
            return ("footnote '\(text)' has no definition, so it is shown as text",
                    "add '\(text): The note.' on a line of its own, anywhere in the chapter")
        case .undefinedReference:
            let label = text.split(separator: "[").last.map { String($0.dropLast()) } ?? ""
            return ("'\(text)' uses a link definition that does not exist, so it is shown as text",
                    "add '[\(label)]: https://…' on a line of its own, or write the link as [text](address)")
        case .alert:
            return ("'\(text)' is a GitHub alert, which is shown as a quote beginning with '\(text)'",
                    "write the label in bold instead: '> **Note:** …'")
        }
    }
}
