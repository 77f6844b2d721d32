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

/// Text single-spaced (block texts, as the comparison matches them) and lower-cased too (headings,
/// as the actions and questions headings are matched): ASCII takes a path of its own on bytes,
/// which must agree with splitting on Character.isWhitespace.
@Suite struct SingleSpacedTests {
    private func general(_ text: String, lowercased: Bool) -> String {
        (lowercased ? text.lowercased() : text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test(arguments: ["What Key Players Should Do Now", "  What\tkey\r\nplayers  ", "", " ", "\u{0B}\u{0C}A\u{0B}B\u{0C}",
                      "ÉTAPES Suivantes", "Key\u{00A0}players", "Z@[`{", "a\u{1F}b", "already spaced", "trailing "])
    func theASCIIPathAgreesWithTheGeneralOne(text: String) {
        #expect(singleSpaced(text) == general(text, lowercased: false))
        #expect(normalisedHeading(text) == general(text, lowercased: true))
    }

    @Test func randomTextAgrees() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Bc", "Q", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", ".", "x1", "\u{1F}", "\u{A0}", "é", "É",
                      "\u{2028}", "\u{85}"]
        for round in 0..<4_000 {
            let choices = round % 2 == 0 ? pieces.filter { $0.allSatisfy(\.isASCII) } : pieces
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in choices.randomElement(using: &generator)! }.joined()
            let lowercased = round % 4 < 2
            #expect(singleSpaced(text, lowercased: lowercased) == general(text, lowercased: lowercased),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
