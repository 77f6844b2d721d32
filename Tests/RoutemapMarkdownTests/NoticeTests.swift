import Testing
@testable import RoutemapMarkdown

/// What does not reach readers as written is found while the tree is walked, at its line and column.
@Suite struct NoticeTests {
    private func notices(_ source: String, rawHTML: Bool = false) -> [String] {
        MarkdownRenderer.render(source, options: MarkdownOptions(allowRawHTML: rawHTML)).notices.map {
            "\($0.position.line):\($0.position.column) \($0.kind.rawValue) \($0.text)"
        }
    }

    @Test func rawHTMLLeftOutIsNamedByItsFirstTag() {
        let source = "Text <kbd>Ctrl</kbd> here.\n\n<video src=\"a.mp4\">\n</video>\n\n<!-- a comment is meant to be hidden -->\n\n- item <br>\n"
        #expect(notices(source) == ["1:6 raw-html kbd", "3:1 raw-html video", "8:8 raw-html br"])
    }

    @Test func rawHTMLAllowedIsSilentExceptWhatTagfilterEscapes() {
        #expect(notices("<div>\n<script>x</script>\n</div>\n\nA <kbd>k</kbd>, <my-widget></my-widget> and <Badge text=\"new\"/>.\n", rawHTML: true)
                == ["2:1 raw-html-filtered script", "5:45 unknown-element Badge"])
    }

    @Test func otherDialectsAreFoundWhereTheyAreWritten() {
        let source = """
        ##Heading
        #1 is not a heading, nor is #hashtag.

        ## Title {: .big}

        Before {% include x.html %} and {{ page.title }} after.

        ::: warning
        Careful.
        :::

        [[TOC]]

        See [^nope] and [a link][missing] but not [a real one][ok].

        [ok]: https://example.org/

        > [!WARNING]
        > Mind the gap.

        `{{ code }}` and ```##code``` are code.
        """
        #expect(notices(source) == [
            "1:1 heading-without-space ##Heading",
            "4:10 kramdown-attributes {: .big}",
            "6:8 template-tag {% include x.html %}",
            "6:33 template-tag {{ page.title }}",
            "8:1 container ::: warning",
            "10:1 container :::",
            "12:1 toc-marker [[TOC]]",
            "14:5 undefined-footnote [^nope]",
            "14:17 undefined-reference [a link][missing]",
            "18:3 alert [!WARNING]",
        ])
    }

    /// Lines are searched eight bytes at a time for the bytes these constructs start with: each is
    /// found at every offset, within and across those eights, after look-alikes ('}', '{' alone,
    /// '[' and ']' that start nothing) or plain text.
    @Test func aConstructIsFoundAtEveryOffsetOfItsLine() {
        for construct in ["{: .big}", "[[toc]]", "[^gone]", "{{ x }}", "[words][gone]", "[7 bytes][gone]", "[fifteen, and so][gone]"] {
            for before in ["", "}", "}}}}}}}}", "a{b", "{ no ", "[x ", "] ", "word "] {
                for offset in 0..<20 {
                    let lead = String(repeating: "x", count: offset) + before
                    let found = notices("Some text.\n\n\(lead)\(construct) and after.\n")
                    #expect(found.count == 1 && found.first?.hasPrefix("3:\(lead.utf8.count + 1) ") == true && found.first?.hasSuffix(construct) == true,
                            "\(construct) after \(lead.debugDescription): \(found)")
                }
            }
        }
    }

    /// cmark-gfm gives no place to text that opens with an undefined footnote (it merges the `[^x]`
    /// it gave up on with what follows): the notice still names where it is written, never 0:0.
    @Test func anUndefinedFootnoteOpeningTextIsFoundWhereItIsWritten() {
        let source = "[^a] opens a paragraph.\n\n*Stress*[^b] after emphasis.\n\nline one\n[^c] opens line two.\n\n> [^d] in a quote.\n"
        #expect(notices(source) == ["1:1 undefined-footnote [^a]", "3:9 undefined-footnote [^b]",
                                    "6:1 undefined-footnote [^c]", "8:3 undefined-footnote [^d]"])
    }

    @Test func rawHTMLIdsLinksAndImagesAreCollectedAndRewritten() {
        let source = "<p id=\"top\">See <a href=\"b.md#x\">b</a>\n<img src=\"/images/a.png\" alt=\"A\"></p>\n"
        let result = MarkdownRenderer.render(source, options: MarkdownOptions(allowRawHTML: true)) { destination in
            destination.hasSuffix(".md#x") ? "b.html#x" : destination.hasPrefix("/") ? String(destination.dropFirst()) : nil
        }
        #expect(result.rawHTMLIDs == ["top"])
        #expect(result.links == [Link(original: "b.md#x", destination: "b.html#x", text: "", position: SourcePosition(line: 1, column: 26), inRawHTML: true)])
        #expect(result.images == [Image(source: "/images/a.png", alt: "A", position: SourcePosition(line: 2, column: 11),
                                        destination: "images/a.png", inRawHTML: true)])
        #expect(result.html == "<p id=\"top\">See <a href=\"b.html#x\">b</a>\n<img src=\"images/a.png\" alt=\"A\"></p>\n")
        #expect(result.notices.isEmpty)
    }
}
