import Testing
@testable import RoutemapKit
import Templates

/// The view models drawn for every chapter name their fields for templates themselves
/// (TemplateLookup.swift) instead of being reflected: these tests check that each one answers exactly
/// what Mirror sees, so a field added to a view model but not to its lookup fails here.
@Suite struct TemplateLookupTests {
    static let link = LinkView(title: "Home", url: "../index.html")
    static let term = TermView(id: "cios", label: "CIOs", description: "Heads of ICT.", url: "audiences/cios.html")
    static let chapterLink = ChapterLinkView(number: 3, title: "Governance", url: "governance.html", summary: "How.", statusLabel: "Final", current: true)
    static let more = MoreLinkView(text: "3 later parts", url: "index.html#part-4")
    static let summary = EditionSummaryView(title: "Final", shortTitle: "F", kind: "final", statusLabel: "Final", published: "11 May 2011",
                                            summary: "The final edition.", url: "final/index.html", chapterCount: 18,
                                            statusNote: "Final", isCurrent: true)
    static let contents = ContentsView(editionTitle: "Final", contentsURL: "index.html",
                                       parts: [PartView(heading: "Part 1", anchor: "part-1", chapters: [chapterLink])])
    static let sidebarPart = SidebarPartView(heading: "Part 2", label: "Part 2", url: "index.html#part-2", anchor: "part-2", expanded: true,
                                             partChapterCount: 25, numbers: "26–50", chaptersBefore: more, chapters: [chapterLink], chaptersAfter: more)
    static let sidebar = SidebarView(editionTitle: "Final", contentsURL: "index.html", abridged: true, chapterCount: 2000,
                                     partsBefore: more, parts: [sidebarPart], partsAfter: more)

    /// One value of every view model, with every optional field filled, and again with every optional left out.
    static let values: [any Sendable] = [
        link, term, chapterLink, more, summary, contents, sidebarPart, sidebar,
        ChapterLinkView(number: 1, title: "T", url: "t.html", summary: nil, statusLabel: "Draft", current: false),
        EditionSummaryView(title: "D", shortTitle: "D", kind: "consultation", statusLabel: "Consultation", published: nil, summary: nil,
                           url: "draft/index.html", chapterCount: 1, statusNote: nil, isCurrent: false),
        PartView(heading: nil, anchor: "part-1", chapters: []),
        SidebarPartView(heading: nil, label: "Chapters 1–2", url: "index.html#contents", anchor: "part-1", expanded: false,
                        partChapterCount: 2, numbers: "1–2", chaptersBefore: nil, chapters: [], chaptersAfter: nil),
        SidebarView(editionTitle: "D", contentsURL: "index.html", abridged: false, chapterCount: 2, partsBefore: nil, parts: [], partsAfter: nil),
        LayoutView(lang: "en-GB", openGraphLocale: "en_GB", openGraphType: "article", pageTitle: "P", description: "D",
                   canonicalURL: "https://x/", root: "../", publicationTitle: "R", publicationShortTitle: "R", frontPage: false,
                   publisher: "S", licenceName: "OGL", licenceURL: "https://ogl/", homeURL: "../index.html",
                   searchURL: "search.html", searchEdition: "F", feedURL: "../feed.xml", accessibilityURL: "../accessibility.html",
                   editionLinks: [EditionLinkView(title: "Final", shortTitle: "F", url: "index.html", current: true)],
                   breadcrumbs: [link], banner: nil, content: "<p>x</p>", runningHeader: "R – F", inlineStyle: "p { margin: 0 }",
                   socialImage: SocialImageView(url: "https://x/final/social-card.png", alt: "F", width: 1200, height: 630)),
        LayoutView(lang: "en-GB", openGraphLocale: "en_GB", openGraphType: "website", pageTitle: "P", description: "D",
                   canonicalURL: nil, root: "", publicationTitle: "R", publicationShortTitle: "R", frontPage: true,
                   publisher: "S", licenceName: nil, licenceURL: nil, homeURL: "index.html", searchURL: nil, searchEdition: nil,
                   feedURL: nil, accessibilityURL: nil, editionLinks: [], breadcrumbs: [], banner: nil, content: "", runningHeader: "R",
                   inlineStyle: nil, socialImage: nil),
        EditionLinkView(title: "Final", shortTitle: "F", url: "index.html", current: false),
        FrontPageView(publicationTitle: "R", publisher: "S", current: summary, pdf: PDFLinkView(url: "r.pdf", size: "1 KB"), editions: [summary]),
        FrontPageView(publicationTitle: "R", publisher: "S", current: nil, pdf: nil, editions: []),
        ContentsPageView(edition: summary, contents: contents, citation: CitationView(text: "S (2011). F.", url: "https://x/final/"),
                         overviewURL: "themes/index.html", changes: link, printURL: "print/index.html", pdf: nil),
        SectionLinkView(text: "How", id: "how", level: 3, subsection: true),
        ChapterPageView(number: 3, title: "Governance", part: "Part 1", summary: "How.", updated: "20 May 2011", themes: [term], audiences: [term],
                        status: term, sections: [], body: "<p>b</p>", previous: chapterLink, next: chapterLink, contents: sidebar, edition: summary,
                        counterparts: [], changes: link, printURL: "print/index.html#chapter-governance"),
        ChapterPageView(number: 1, title: "Intro", part: nil, summary: nil, updated: nil, themes: [], audiences: [],
                        status: term, sections: [], body: "", previous: nil, next: nil, contents: sidebar, edition: summary,
                        counterparts: [], changes: nil, printURL: "print/index.html#chapter-intro"),
        PrintPartView(heading: "Part 1", chapters: [PrintChapterLinkView(number: 1, title: "Intro", anchor: "chapter-intro")]),
        PrintPartView(heading: nil, chapters: []),
        PrintChapterLinkView(number: 1, title: "Intro", anchor: "chapter-intro"),
        PrintChapterView(number: 1, title: "Intro", part: "Part 1", summary: "Why.", anchor: "chapter-intro", body: "<p>b</p>"),
        PrintChapterView(number: 2, title: "Next", part: nil, summary: nil, anchor: "chapter-next", body: ""),
        BlockChangeView(kind: "moved-away", label: "Moved", unchanged: false, paragraphNumber: "was 2.3", anchor: "change-4", heading: true,
                        words: [WordChangeView(text: "the", same: true, inserted: false, deleted: false, spaceBefore: false)], movedToURL: "#change-9"),
        BlockChangeView(kind: "unchanged", label: nil, unchanged: true, paragraphNumber: nil, anchor: "change-1", heading: false,
                        words: [], movedToURL: nil),
        WordChangeView(text: "partners", same: false, inserted: true, deleted: false, spaceBefore: true),
        ActionView(text: "Review the boards.", url: "../governance.html#for-cios"),
        SocialImageView(url: "https://x/social-card.png", alt: "R – Final, published by S", width: 1200, height: 630),
        ActionGroupView(chapterNumber: 1, chapterTitle: "T", chapterURL: "t.html", actions: []),
        ChapterChangesPageView(number: 4, title: "Governance", oldTitle: "Boards", retitled: true, chapterURL: "../governance.html",
                               olderChapterURL: "../../draft/governance.html", olderEditionTitle: "consultation draft", summaryURL: "index.html",
                               added: 1, removed: 2, changed: 3, moved: 4, unchangedCount: 5, noChanges: false,
                               blocks: [BlockChangeView(kind: "added", label: "Added", unchanged: false, paragraphNumber: "4.1", anchor: "change-1",
                                                        heading: false, words: [], movedToURL: nil)]),
        TermPageView(kindLabel: "Audience", term: term, chapters: [chapterLink], edition: summary, overviewURL: "../themes/index.html",
                     actionGroups: [ActionGroupView(chapterNumber: 3, chapterTitle: "Governance", chapterURL: "../governance.html",
                                                   actions: [ActionView(text: "Review the boards.", url: "../governance.html#for-cios")])], actionsHeading: "What key players should do now", statusesDiffer: true),
        TermPageView(kindLabel: "Theme", term: term, chapters: [], edition: summary, overviewURL: "index.html", actionGroups: [], actionsHeading: nil, statusesDiffer: false),
    ]

    @Test(arguments: 0..<values.count)
    func lookupAnswersWhatMirrorSees(index: Int) throws {
        let value = Self.values[index]
        let view = try #require(value as? TemplateFields, "\(type(of: value)) cannot be shown by templates: add it to TemplateLookup.swift")
        let fields = Mirror(reflecting: value).children
        #expect(!fields.isEmpty)
        for field in fields {
            let label = try #require(field.label)
            #expect(describe(view.field(label)) == describe(reflectedField(label, of: value)), "\(type(of: value)).\(label)")
        }
        #expect(view.field("noSuchField") == nil)
    }

    private func describe(_ value: TemplateValue?) -> String {
        switch value {
        case nil: "missing"
        case .null?: "null"
        case .text(let text)?: "text(\(text))"
        case .bytes(let bytes)?: "bytes(\(String(decoding: bytes, as: UTF8.self)))"
        case .number(let number)?: "number(\(number))"
        case .flag(let flag)?: "flag(\(flag))"
        case .list(let items)?: "list(\(items.map { describe($0) }.joined(separator: ", ")))"
        case .fields(let fields)?: "\(fields.viewType)"
        }
    }
}
