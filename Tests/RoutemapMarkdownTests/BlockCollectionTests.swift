import Testing
@testable import RoutemapMarkdown

@Suite struct LabelledItemTests {
    let source = """
    Intro.

    ## What key players should do now

    - **Chief executives:** Review the *arrangements*.
    - **CIOs**: Propose a board.
    - Not labelled.
    - **Elected members:** Ask.

      And follow up.

    ## Notes on method

    - **Suppliers:** Not collected: another section.
    """

    @Test func itemsUnderTheHeadingAreCollectedWithAnchors() {
        let result = MarkdownRenderer.render(source, options: MarkdownOptions(labelledItemsHeading: "what key players  should do NOW"))
        #expect(result.labelledItems.map(\.label) == ["Chief executives", "CIOs", "Elected members"])
        #expect(result.labelledItems.map(\.text) == ["Review the arrangements.", "Propose a board.", "Ask. And follow up."])
        #expect(result.labelledItems.allSatisfy { $0.sectionID == "what-key-players-should-do-now" })
        #expect(result.labelledItems.map(\.anchor) == ["for-chief-executives", "for-cios", "for-elected-members"])
        #expect(result.labelledItems.map(\.position) == [SourcePosition(line: 5, column: 3), SourcePosition(line: 6, column: 3),
                                                         SourcePosition(line: 8, column: 3)])
        #expect(result.html.contains(#"<strong id="for-chief-executives">Chief executives:</strong> Review the <em>arrangements</em>."#))
        #expect(result.html.contains(#"<strong id="for-cios">CIOs</strong>: Propose"#))
        #expect(!result.html.contains("for-suppliers"))
    }

    @Test func withoutTheOptionNothingIsCollected() {
        let result = MarkdownRenderer.render(source)
        #expect(result.labelledItems.isEmpty)
        #expect(result.html.contains("<strong>Chief executives:</strong>"))
    }
}

@Suite struct ParagraphNumberTests {
    let source = """
    First paragraph.

    ## A heading

    Second, with a [link](x.md).

    - one
    - two

    ---

    | a | b |
    | --- | --- |
    | 1 | 2 |

    > quoted
    """

    @Test func topLevelBlocksAreNumberedWithAnchors() {
        let result = MarkdownRenderer.render(source, options: MarkdownOptions(paragraphNumberPrefix: "3"))
        #expect(result.blocks.map(\.kind) == [.paragraph, .heading, .paragraph, .list, .table, .quote])
        #expect(result.blocks.map(\.number) == ["3.1", nil, "3.2", "3.3", "3.4", "3.5"])
        #expect(result.blocks.map(\.anchor) == ["p3.1", "a-heading", "p3.2", "p3.3", "p3.4", "p3.5"])
        #expect(result.blocks.map(\.text) == ["First paragraph.", "A heading", "Second, with a link.", "one\ntwo", "a | b\n1 | 2", "quoted"])
        #expect(result.html.contains(##"<div class="numbered" id="p3.1"><a class="paragraph-number" href="#p3.1"><span class="visually-hidden">Paragraph </span>3.1</a>"## + "\n<p>First paragraph.</p>\n</div>"))
        #expect(result.html.contains("<li>one</li>"), "lists stay tight inside their wrapper")
        #expect(result.html.contains(#"id="p3.5""#))
    }

    @Test func withoutAPrefixBlocksAreCollectedButNotNumbered() {
        let result = MarkdownRenderer.render(source)
        #expect(result.blocks.count == 6)
        #expect(result.blocks.allSatisfy { $0.number == nil })
        #expect(!result.html.contains("numbered"))
    }

    @Test func footnotesAreNotNumbered() {
        let result = MarkdownRenderer.render("Text.[^1]\n\n[^1]: A note.\n", options: MarkdownOptions(paragraphNumberPrefix: "1"))
        #expect(result.blocks.map(\.number) == ["1.1"])
    }

    @Test func movedAnchorsStayBesideTheirNewPlace() {
        let result = MarkdownRenderer.render("## How {#how}\n\nText.\n",
                                             options: MarkdownOptions(paragraphNumberPrefix: "2", movedAnchors: ["how": ["method"], "p2.1": ["old-p"]]))
        #expect(result.html.contains(#"<h2 id="how"><span class="moved-anchor" id="method"></span>How</h2>"#))
        #expect(result.html.contains(#"<div class="numbered" id="p2.1"><span class="moved-anchor" id="old-p"></span>"#))
    }
}

/// Headings are matched (the actions heading, the questions heading) lower-cased and single-spaced;
/// ASCII headings take a path of their own, which must agree with the general one.
@Suite struct NormalisedHeadingTests {
    private func general(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test(arguments: ["What Key Players Should Do Now", "  What\tkey\r\nplayers  ", "", " ", "\u{0B}\u{0C}A\u{0B}B\u{0C}",
                      "ÉTAPES Suivantes", "Key\u{00A0}players", "Z@[`{", "a\u{1F}b"])
    func theASCIIPathAgreesWithTheGeneralOne(heading: String) {
        #expect(normalisedHeading(heading) == general(heading))
    }

    @Test func randomASCIIHeadingsAgree() {
        var generator = SystemRandomNumberGenerator()
        let bytes: [UInt8] = Array(0x09...0x0D) + [0x20, 0x20, 0x20] + Array(0x21...0x7E)
        for _ in 0..<2000 {
            let text = String(decoding: (0..<Int.random(in: 0...24, using: &generator)).map { _ in bytes.randomElement(using: &generator)! },
                              as: UTF8.self)
            #expect(normalisedHeading(text) == general(text), "\(Array(text.utf8))")
        }
    }
}
