import Testing
@testable import RoutemapMarkdown

@Suite struct HeadingIDTests {
    @Test func headingsGetSlugIDs() {
        let result = MarkdownRenderer.render("## What must change and why\n\n### Cloud, data centres & networks\n")
        #expect(result.headings.map(\.id) == ["what-must-change-and-why", "cloud-data-centres-networks"])
        #expect(result.html.contains(#"<h2 id="what-must-change-and-why">What must change and why</h2>"#))
        #expect(result.html.contains(#"<h3 id="cloud-data-centres-networks">Cloud, data centres &amp; networks</h3>"#))
    }

    @Test func repeatedHeadingsAreMadeUnique() {
        let result = MarkdownRenderer.render("## How\n\n## How\n\n## How\n")
        #expect(result.headings.map(\.id) == ["how", "how-2", "how-3"])
    }

    @Test func explicitIDIsTakenAndRemovedFromTheText() {
        let result = MarkdownRenderer.render("## The scenario in *five* years {#scenario}\n")
        #expect(result.headings.first?.id == "scenario")
        #expect(result.headings.first?.text == "The scenario in five years")
        #expect(result.html.contains(#"<h2 id="scenario">The scenario in <em>five</em> years</h2>"#))
        #expect(!result.html.contains("{#"))
    }

    @Test func explicitIDsAndSlugsDoNotCollide() {
        let result = MarkdownRenderer.render("## How {#how}\n\n## How\n")
        #expect(result.headings.map(\.id) == ["how", "how-2"])
    }

    @Test func headingPositionsAndLevels() {
        let result = MarkdownRenderer.render("Intro\n\n## One\n\ntext\n\n### Two\n")
        #expect(result.headings.map(\.level) == [2, 3])
        #expect(result.headings.map(\.position.line) == [3, 7])
    }

    @Test func slugsKeepLettersAndDigitsOnly() {
        #expect(slug("  Section 2: Strategic capabilities!  ") == "section-2-strategic-capabilities")
        #expect(slug("Café — étude") == "café-étude")
        #expect(slug("???") == "section")
    }

    /// ASCII headings take a path on bytes; it must agree with the rule on characters.
    @Test func asciiSlugsFollowTheRuleOnCharacters() {
        var generator = SystemRandomNumberGenerator()
        let ascii = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        var texts = ascii + ascii.map { "a\($0)b" }
        for _ in 0..<2_000 {
            texts.append((0..<Int.random(in: 0...12, using: &generator)).map { _ in ascii.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            #expect(asciiSlug(text) == characterSlug(text), "\(Array(text.utf8))")
        }
        #expect(asciiSlug("Café") == nil)
    }

    @Test func braceTextThatIsNotAnIDStays() {
        #expect(splitExplicitID("Sets {#not valid}") == nil)
        #expect(splitExplicitID("Title {#ok-id}  ")?.id == "ok-id")
    }
}

@Suite struct LinkTests {
    @Test func linksAreRewrittenAndCollectedWithPositions() {
        let source = "See [Governance](governance.md#how) and\n[the web](https://example.org).\n"
        let result = MarkdownRenderer.render(source) { destination in
            destination.hasSuffix(".md#how") ? "governance.html#how" : nil
        }
        #expect(result.html.contains(#"<a href="governance.html#how">Governance</a>"#))
        #expect(result.html.contains(#"<a href="https://example.org">the web</a>"#))
        #expect(result.links.map(\.original) == ["governance.md#how", "https://example.org"])
        #expect(result.links.map(\.destination) == ["governance.html#how", "https://example.org"])
        #expect(result.links.map(\.position) == [SourcePosition(line: 1, column: 5), SourcePosition(line: 2, column: 1)])
        #expect(result.links.first?.text == "Governance")
    }

    /// cmark-gfm counts columns in bytes; the positions handed back count characters, as editors do.
    @Test func positionsCountCharactersNotBytes() {
        let source = "Caf\u{E9} [a](b.md)\r\n\r\n## Na\u{EF}ve\n\n- **Chief executives:** \u{201C}x\u{201D} ![](i.png) [c](d.md)\n"
        let result = MarkdownRenderer.render(source, options: MarkdownOptions(labelledItemsHeading: "Naïve"))
        #expect(result.links.map(\.position) == [SourcePosition(line: 1, column: 6), SourcePosition(line: 5, column: 40)])
        #expect(result.images.map(\.position) == [SourcePosition(line: 5, column: 29)])
        #expect(result.headings.map(\.position) == [SourcePosition(line: 3, column: 1)])
        #expect(result.labelledItems.map(\.position) == [SourcePosition(line: 5, column: 3)])
    }

    @Test func imagesAreCollectedWithAltText() {
        let result = MarkdownRenderer.render("![A diagram of *three* principles](images/a.svg)\n")
        #expect(result.images == [Image(source: "images/a.svg", alt: "A diagram of three principles", position: SourcePosition(line: 1, column: 1))])
    }
}

@Suite struct SafetyTests {
    @Test func rawHTMLIsOmittedByDefault() {
        let result = MarkdownRenderer.render("<div onclick=\"x()\">hi</div>\n\nText <b>bold</b>.\n")
        #expect(!result.html.contains("<div"))
        #expect(!result.html.contains("<b>"))
        #expect(result.html.contains("raw HTML omitted"))
    }

    @Test func dangerousURLsAreDroppedInSafeMode() {
        let result = MarkdownRenderer.render("[click](javascript:alert(1))\n")
        #expect(!result.html.contains("javascript:"))
    }

    @Test func rawHTMLIsKeptWhenAllowedButTagfilterStillApplies() {
        let options = MarkdownOptions(allowRawHTML: true)
        let result = MarkdownRenderer.render("<div class=\"note\">hi</div>\n\n<script>alert(1)</script>\n", options: options)
        #expect(result.html.contains(#"<div class="note">hi</div>"#))
        #expect(!result.html.contains("<script>"))
        #expect(result.html.contains("&lt;script>"))
    }

    @Test func headingIDsAreEscaped() {
        let result = MarkdownRenderer.render("## Quote \"this\" {#a.b:c}\n")
        #expect(result.html.contains(#"<h2 id="a.b:c">Quote &quot;this&quot;</h2>"#))
    }
}

@Suite struct ExtensionTests {
    @Test func footnotesAreRenderedAndCounted() {
        let result = MarkdownRenderer.render("Claim.[^1] Another.[^source]\n\n[^1]: First.\n[^source]: Second.\n")
        #expect(result.footnoteCount == 2)
        #expect(result.html.contains(##"<a href="#fn-1" id="fnref-1""##))
        #expect(result.html.contains(#"<li id="fn-source">"#))
        #expect(result.html.contains(#"class="footnotes""#))
    }

    @Test func notesGetAHeadingRightAfterTheFootnotesOpen() {
        let result = MarkdownRenderer.render("## Notes\n\nClaim.[^1]\n\n[^1]: First.\n")
        #expect(result.html.contains("<section class=\"footnotes\" data-footnotes>\n<h2 id=\"notes-2\">Notes</h2>\n<ol>"))
        #expect(result.html.components(separatedBy: "Notes</h2>").count == 3)
        #expect(result.headings.map(\.id) == ["notes", "notes-2"])
    }

    @Test func theNotesHeadingGoesIntoTheLastFootnotesSection() {
        let opening = "<section class=\"footnotes\" data-footnotes>"
        let heading = "\n<h2 id=\"notes\">Notes</h2>"
        func inserting(_ heading: String, into html: String) -> String {
            String(decoding: Array(html.utf8).withUnsafeBufferPointer { MarkdownRenderer.insert(heading, afterFootnotesOpeningIn: $0) },
                   as: UTF8.self)
        }
        let html = "<p>\(opening) quoted</p>\n\(opening)\n<ol></ol></section>\n"
        #expect(inserting(heading, into: html) == "<p>\(opening) quoted</p>\n\(opening)\(heading)\n<ol></ol></section>\n")
        #expect(inserting(heading, into: opening) == opening + heading)
        #expect(inserting(heading, into: "<p>none</p>") == "<p>none</p>")
        #expect(inserting("", into: html) == html)
        #expect(inserting(heading, into: "") == "")
    }

    @Test func blocksWithoutTextKeepTheirKindsAnchorsAndNumbers() {
        let source = "## How\n\nFirst *paragraph*.\n\n- one\n- two\n"
        let full = MarkdownRenderer.render(source, options: MarkdownOptions(paragraphNumberPrefix: "3"))
        let bare = MarkdownRenderer.render(source, options: MarkdownOptions(paragraphNumberPrefix: "3", blockText: false))
        #expect(full.blocks.map(\.text) == ["How", "First paragraph.", "one\ntwo"])
        #expect(bare.blocks.map(\.text) == ["", "", ""])
        #expect(bare.blocks.map(\.kind) == full.blocks.map(\.kind))
        #expect(bare.blocks.map(\.anchor) == full.blocks.map(\.anchor))
        #expect(bare.blocks.map(\.number) == full.blocks.map(\.number))
        #expect(bare.html == full.html)
    }

    @Test func withoutSearchTextNothingElseChanges() {
        let source = "Before.\n\n## How\n\nFirst *paragraph*.\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n\n- one\n- two\n"
        let full = MarkdownRenderer.render(source, options: MarkdownOptions(paragraphNumberPrefix: "3"))
        let bare = MarkdownRenderer.render(source, options: MarkdownOptions(paragraphNumberPrefix: "3", searchText: false))
        #expect(full.sections.map(\.text) == ["Before.", "First paragraph. A | B | 1 | 2 one two"])
        #expect(bare.sections.isEmpty)
        #expect(bare.html == full.html)
        #expect(bare.headings == full.headings)
        #expect(bare.blocks == full.blocks)
    }

    @Test func tablesStrikethroughAutolinksAndTaskLists() {
        let source = """
        | Area | Lead |
        | --- | --- |
        | Cloud | CIOs |

        ~~old~~ new, see www.socitm.net

        - [x] done
        - [ ] to do
        """
        let html = MarkdownRenderer.render(source).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<th>Area</th>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains(#"<a href="http://www.socitm.net">www.socitm.net</a>"#))
        #expect(html.contains(#"<input type="checkbox" checked="" disabled="" />"#))
    }

    /// A table too wide for a phone scrolls in its own region (so no word is broken to fit): one
    /// keyboard users can reach and screen readers name, inside the paragraph number's block.
    @Test func everyTableIsInALabelledFocusableScrollingRegion() {
        let source = """
        | Option | Shared *data* centre |
        | --- | --- |
        | Cloud | Yes |

        - In a list:

          | Only | Column |
          | --- | --- |
          | a | b |
        """
        let html = MarkdownRenderer.render(source, options: MarkdownOptions(paragraphNumberPrefix: "4")).html
        #expect(html.contains("""
        <div class="numbered" id="p4.1"><a class="paragraph-number" href="#p4.1"><span class="visually-hidden">Paragraph </span>4.1</a>
        <div class="table-region" role="region" aria-label="Table: Option, Shared data centre" tabindex="0">
        <table>
        """), "\(html)")
        #expect(html.contains("<div class=\"table-region\" role=\"region\" aria-label=\"Table: Only, Column\" tabindex=\"0\">\n<table>"), "\(html)")
        #expect(html.components(separatedBy: "</table>\n</div>").count == 3, "\(html)")
    }

    /// Search snippets keep a table's cells apart, and the text after the table is not joined to it.
    @Test func sectionTextSeparatesTableCells() {
        let source = "## Levels\n\n| Level | Who takes part |\n| --- | --- |\n| Locality | chief executives |\n\nAfter the table.\n"
        let text = MarkdownRenderer.render(source).sections.first?.text
        #expect(text == "Level | Who takes part | Locality | chief executives After the table.")
    }
}

@Suite struct ConcurrencyTests {
    /// cmark-gfm switches extension characters on and off globally during each parse; rendering
    /// on many threads at once must still give the same HTML every time.
    @Test func parallelRenderingIsDeterministic() async {
        // The test binary, like `routemap`, exports our definition (Package.swift), so parses run at once.
        #expect(extensionCharactersPinned)
        let source = (1...40).map { "Line \($0): see www.example.org/\($0) and ~~old~~ https://socitm.net.\n" }.joined()
        let expected = MarkdownRenderer.render(source).html
        #expect(expected.contains("<del>old</del>") && expected.contains(#"<a href="http://www.example.org/40">"#))
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<400 { group.addTask { MarkdownRenderer.render(source).html } }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == expected })
    }
}

@Suite struct SectionTextTests {
    @Test func textIsGatheredUnderEachHeadingWithoutMarkup() {
        let source = """
        Opening *words*
        across lines.

        ## Cloud & networks

        - one `item`
        - two

        | A | B |
        | --- | --- |
        | x | y |

        ## Empty

        ## Last {#end}

        Final.[^1]

        [^1]: A note.
        """
        let sections = MarkdownRenderer.render(source).sections
        #expect(sections == [
            SectionText(headingID: nil, heading: nil, text: "Opening words across lines."),
            SectionText(headingID: "cloud-networks", heading: "Cloud & networks", text: "one item two A | B | x | y"),
            SectionText(headingID: "empty", heading: "Empty", text: ""),
            SectionText(headingID: "end", heading: "Last", text: "Final. A note."),
        ])
    }
}
