import Foundation
import Mustache
import Testing
@testable import Templates

/// routemap's templates were written for swift-mustache: every template here must render to the
/// same bytes with both, whitespace included.
@Suite struct SameAsSwiftMustacheTests {
    /// Made afresh on each use: `Any` values are not Sendable, so they cannot be shared between tests.
    static var data: [String: Any] {[
        "title": "Governance & <accountability>",
        "quote": "\"double\" and 'single'",
        "empty": "",
        "number": 7,
        "zero": 0,
        "yes": true,
        "no": false,
        "html": "<p>Already <em>HTML</em></p>",
        "edition": ["title": "The final edition", "summary": "What changed.", "published": "11 May 2011"] as [String: Any],
        "chapters": [
            ["number": 1, "title": "Introduction", "current": false, "summary": "Why."] as [String: Any],
            ["number": 2, "title": "People <first>", "current": true] as [String: Any],
            ["number": 3, "title": "Money", "current": false, "tags": ["a", "b"]] as [String: Any],
        ],
        "tags": ["reform", "data & sharing"],
        "none": [Any](),
    ]}

    static let templates: [String] = [
        "{{title}}", "{{{title}}}", "{{& title}}", "{{ title }}", "{{quote}}", "{{number}} {{zero}} {{yes}} {{no}}", "{{missing}}",
        "{{#yes}}shown{{/yes}}{{#no}}hidden{{/no}}{{^no}}not no{{/no}}{{^yes}}not yes{{/yes}}",
        "{{#chapters}}{{number}}. {{title}}{{#current}} (here){{/current}}\n{{/chapters}}",
        "<ol>\n  {{#chapters}}\n  <li>{{title}}</li>\n  {{/chapters}}\n</ol>\n",
        "{{#chapters}}\n{{#summary}}\n<p>{{summary}}</p>\n{{/summary}}\n{{^summary}}\n<p>{{title}} has no summary; the edition's: {{edition.summary}}</p>\n{{/summary}}\n{{/chapters}}\n",
        "{{#edition}}{{title}} – {{published}}{{/edition}}", "{{edition.title}}", "{{#edition.summary}}[{{.}}]{{/edition.summary}}",
        "{{#tags}}<{{.}}>{{/tags}}", "{{^empty(tags)}}has tags{{/empty(tags)}}{{#empty(none)}}none is empty{{/empty(none)}}",
        "{{^empty(missing)}}x{{/empty(missing)}}|{{#empty(missing)}}y{{/empty(missing)}}",
        "{{count(chapters)}} {{#first(chapters)}}{{title}}{{/first(chapters)}} {{#last(chapters)}}{{title}}{{/last(chapters)}}",
        "{{#reversed(chapters)}}{{number}}{{/reversed(chapters)}}", "{{uppercased(title)}} {{lowercased(title)}}",
        "{{plusone(number)}} {{minusone(number)}}{{#equalzero(zero)}} zero{{/equalzero(zero)}}{{#odd(number)}} odd{{/odd(number)}}",
        "{{#chapters}}{{#tags}}{{.}}:{{title}} {{/tags}}{{/chapters}}",
        "  {{! a comment }}\nafter\n", "before {{! inline }} after", "{{!\nmulti-line\n}}\nx",
        "{{=<% %>=}}<% title %> {{title}}\n<%={{ }}=%>{{title}}",
        "  {{#yes}}  \n  indented\n  {{/yes}}  \nend", "\t{{#no}}\nno\n{{/no}}\ttail\n", "{{#yes}}\r\ncrlf\r\n{{/yes}}\r\n",
        "a\n{{#yes}}\n\n{{/yes}}\nb", " {{title}} \n", "{{#yes}}{{/yes}}\n", "{{{html}}}\n{{html}}",
        "{{#empty}}empty string renders{{/empty}}{{^empty}}never{{/empty}}", "{{#number}}{{.}}{{/number}}",
        "{ {{title}} } {{title}}}", "{{#chapters}}{{^current}}{{title}},{{/current}}{{/chapters}}",
    ]

    @Test(arguments: templates)
    func rendersAsSwiftMustacheDoes(_ template: String) throws {
        let expected = try MustacheTemplate(string: template).render(Self.data)
        let rendered = try #require(TemplateLibrary(["t": try Template(template)]).render(DictionaryView(Self.data), template: "t"))
        #expect(rendered == expected, "\(template.debugDescription)")
    }

    /// Templates built at random from tags, text, spaces and newlines, sections always closed.
    @Test func generatedTemplatesRenderAlike() throws {
        var generator = SplitMix64(seed: 2011)
        for _ in 0..<2000 {
            let template = Self.randomTemplate(depth: 0, using: &generator)
            let expected = try MustacheTemplate(string: template).render(Self.data)
            let rendered = try TemplateLibrary(["t": try Template(template)]).render(DictionaryView(Self.data), template: "t")
            #expect(rendered == expected, "\(template.debugDescription)")
        }
    }

    @Test(arguments: ["{{> item}}", "<ul>\n  {{> list}}\n</ul>\n", "{{#chapters}}\n  {{> item}}\n{{/chapters}}", "a {{> item}} b\n", "\t{{> list}}\r\n{{> crlf}}"])
    func partialsRenderAsWithSwiftMustache(_ template: String) throws {
        let partials = ["item": "<li>{{title}}</li>\n", "list": "{{#chapters}}\n<li>\n  {{title}}\n</li>\n{{/chapters}}\n",
                        "crlf": "a\r\n  {{> item}}\r\nb\r\n"]
        var swiftMustache = try MustacheLibrary(templates: partials.mapValues { try MustacheTemplate(string: $0) })
        swiftMustache.register(try MustacheTemplate(string: template), named: "page")
        let library = TemplateLibrary(try partials.mapValues { try Template($0) }.merging(["page": try Template(template)]) { $1 })
        #expect(library.render(DictionaryView(Self.data), template: "page") == swiftMustache.render(Self.data, withTemplate: "page"))
    }

    @Test(arguments: ["plain", "A & B <i>\"q\" 'single'</i>", "", "&amp;", "café <b>", "emoji 👩‍💻 & more", "a\r\n<b>", "<<>>&&''\"\""])
    func escapesAsSwiftMustacheDoes(_ text: String) throws {
        let expected = try MustacheTemplate(string: "{{x}}|{{{x}}}").render(["x": text])
        #expect(TemplateLibrary(["t": try Template("{{x}}|{{{x}}}")]).render(DictionaryView(["x": text]), template: "t") == expected)
    }

    /// HTML handed over as bytes (a chapter's, another template's output) renders as the same text would.
    @Test(arguments: ["plain", "A & B <i>\"q\" 'single'</i>", "", "café <b>", "emoji 👩‍💻 & more", "two\nlines\n"])
    func textHeldAsBytesRendersAsText(_ text: String) throws {
        let template = "{{x}}|{{{x}}}|{{#x}}[{{.}}]{{/x}}|{{^empty(x)}}full{{/empty(x)}}|{{uppercased(x)}}\n  {{> indented}}\n"
        let library = TemplateLibrary(["t": try Template(template), "indented": try Template("<div>\n{{{x}}}</div>\n")])
        let asText = library.render(DictionaryView(["x": text]), template: "t")
        let asBytes = library.renderHTML(BytesView(x: HTML(text)), template: "t")
        #expect(asBytes?.text == asText)
        #expect(asBytes?.text.contains("|" + text + "|") == true)
    }

    private static func randomTemplate(depth: Int, using generator: inout SplitMix64) -> String {
        let pieces = ["text", " ", "  ", "\t", "\n", "\n", "\r\n", "{{title}}", "{{{html}}}", "{{& quote}}", "{{number}}",
                      "{{edition.title}}", "{{missing}}", "{{! note }}", "{{yes}}", "{{summary}}"]
        let sections = ["yes", "no", "chapters", "tags", "edition", "missing", "empty(tags)", "empty(none)", "current", "summary", "none"]
        var out = ""
        for _ in 0..<Int.random(in: 1...8, using: &generator) {
            if depth < 3, Int.random(in: 0..<4, using: &generator) == 0 {
                let name = sections.randomElement(using: &generator)!
                let kind = Bool.random(using: &generator) ? "#" : "^"
                let before = ["", "\n", "  ", "x"].randomElement(using: &generator)!
                let after = ["", "\n", "  \n", " y"].randomElement(using: &generator)!
                out += "\(before){{\(kind)\(name)}}\(after)" + randomTemplate(depth: depth + 1, using: &generator)
                    + "\(before){{/\(name)}}\(after)"
            } else {
                out += pieces.randomElement(using: &generator)!
            }
        }
        return out
    }
}

/// One field, `x`, held as bytes.
struct BytesView: TemplateFields {
    var x: HTML

    func field(_ name: String) -> TemplateValue? { name == "x" ? x.templateValue : nil }
}

/// The test data as a view: dictionaries are views, arrays lists.
struct DictionaryView: TemplateFields {
    var values: [String: Any]

    init(_ values: [String: Any]) {
        self.values = values
    }

    func field(_ name: String) -> TemplateValue? {
        values[name].map(Self.value)
    }

    static func value(_ any: Any) -> TemplateValue {
        switch any {
        case let text as String: .text(text)
        case let number as Int: .number(number)
        case let flag as Bool: .flag(flag)
        case let list as [Any]: .list(TemplateList(list.map(value)))
        case let dictionary as [String: Any]: DictionaryView(dictionary).templateValue
        default: .null
        }
    }
}

/// A seeded generator, so a failure can be reproduced.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
