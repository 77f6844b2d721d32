import Foundation
import Testing
@testable import RoutemapKit

/// Builds the `editions-compared` fixture for a given day and returns its pages by path.
private func pages(on day: String, preview: Bool = false) throws -> [String: String] {
    let folder = Repository.fixtures + "/editions-compared"
    var options = BuildOptions(contentDirectory: folder + "/content", outputDirectory: folder + "/unused",
                               themesDirectory: Repository.themes, buildDate: CalendarDate(iso: day)!)
    options.preview = preview
    var pages: [String: String] = [:]
    for file in try generated(options).files {
        if let text = file.text { pages[file.path] = text }
    }
    return pages
}

@Suite struct ConsultationBannerTests {
    /// The draft is published the day the consultation opens: before then only a preview has it.
    @Test func beforeTheConsultationOpens() throws {
        #expect(try pages(on: "2011-03-01")["draft/governance.html"] == nil)
        let page = try #require(try pages(on: "2011-03-01", preview: true)["draft/governance.html"])
        #expect(page.contains("Embargoed: not for publication before 8 March 2011."))
        #expect(page.contains("consultation-banner--upcoming"))
        #expect(page.contains("It opens on Tuesday 8 March 2011 and closes on Monday 4 April 2011."))
        #expect(!page.contains("online response form"))
    }

    @Test(arguments: ["2011-03-08", "2011-03-20", "2011-04-04"])
    func whileTheConsultationIsOpen(day: String) throws {
        let site = try pages(on: day)
        for path in ["draft/index.html", "draft/governance.html", "draft/themes/governance.html", "draft/audiences/cios.html"] {
            let page = try #require(site[path])
            #expect(page.contains("This draft is open for consultation until Monday 4 April 2011."), "\(path)")
            #expect(page.contains(#"<a href="https://consult.example/respond">online response form</a>"#))
            #expect(page.contains(#"<a href="mailto:respond@fixture.example">respond@fixture.example</a>"#))
        }
        #expect(!(site["final/governance.html"] ?? "").contains("consultation-banner"), "only the draft's pages carry the banner")
        // The front page shows the open consultation first, inside <main>, before the current edition.
        let front = try #require(site["index.html"])
        let main = try #require(front.range(of: "<main id=\"main\""))
        let consultation = try #require(front.range(of: "<h2 id=\"consultation-heading\">Consultation: have your say</h2>"))
        let current = try #require(front.range(of: "class=\"current-edition\""))
        #expect(main.lowerBound < consultation.lowerBound && consultation.lowerBound < current.lowerBound)
        #expect(front.contains("This draft is open for consultation until Monday 4 April 2011."))
    }

    @Test func afterItClosesButBeforeTheFinalEdition() throws {
        let page = try #require(try pages(on: "2011-04-05")["draft/governance.html"])
        #expect(page.contains("The consultation on this draft closed on Monday 4 April 2011.</strong> The responses are being considered."))
        #expect(!page.contains("superseded"), "the final edition is not yet published")
    }

    @Test func afterTheFinalEditionIsPublished() throws {
        let page = try #require(try pages(on: "2011-05-11")["draft/governance.html"])
        #expect(page.contains(#"The final edition, <a href="../final/index.html">The final edition</a>, was published on 11 May 2011."#))
        #expect(page.contains(#"<a href="../final/governance.html">This draft has been superseded: read the final version</a>"#))
    }
}

@Suite struct BuildDateTests {
    @Test func theOptionWins() throws {
        #expect(try BuildDate.resolve(option: "2011-03-20", environment: ["SOURCE_DATE_EPOCH": "0"]) == CalendarDate(iso: "2011-03-20"))
    }

    @Test func sourceDateEpochIsADayInUTC() throws {
        // 2011-04-04T23:30:00Z
        #expect(try BuildDate.resolve(option: nil, environment: ["SOURCE_DATE_EPOCH": "1301959800"]) == CalendarDate(iso: "2011-04-04"))
    }

    @Test func otherwiseToday() throws {
        let now = Date(timeIntervalSince1970: 1305072000) // 2011-05-11T00:00:00Z
        #expect(try BuildDate.resolve(option: nil, environment: [:], now: now) == CalendarDate(iso: "2011-05-11"))
    }

    @Test func badValuesAreReported() {
        #expect(throws: BuildDate.Problem.self) { try BuildDate.resolve(option: "4 April 2011") }
        #expect(throws: BuildDate.Problem.self) { try BuildDate.resolve(option: nil, environment: ["SOURCE_DATE_EPOCH": "soon"]) }
    }
}

@Suite struct ActionsTests {
    static let config = MiniSite.config + "\nactions_heading: What key players should do now\n"

    @Test func anUnknownAudienceIsAnErrorWithItsPlaceAndASuggestion() {
        let folder = MiniSite.make(chapters: ["a.md": """
        ---
        title: A
        ---

        ## What key players should do now

        - **CIOs:** Do this.
        - **Chief executive:** Do that.
        """], config: Self.config)
        let diagnostics = MiniSite.diagnostics(folder).errors
        #expect(diagnostics.count == 1)
        let error = try? #require(diagnostics.first)
        #expect(error?.file.hasSuffix("content/draft/a.md") == true)
        #expect(error?.line == 8)
        #expect(error?.column == 3)
        #expect(error?.message == "'Chief executive' is not an audience declared in routemap.yml; did you mean 'Chief executives'?")
    }

    @Test func labelsOutsideTheActionsHeadingAreNotActions() {
        let folder = MiniSite.make(chapters: ["a.md": "---\ntitle: A\n---\n\n## Principles\n\n- **Decide once:** agree standards.\n"],
                                   config: Self.config)
        #expect(MiniSite.diagnostics(folder).isEmpty)
    }

    @Test func anAudiencePageGathersItsActionsWithLinksBack() throws {
        let page = try #require(try pages(on: "2011-06-01")["final/audiences/cios.html"])
        #expect(page.contains(#"<li>Propose a single board, as the approach sets out. <a href="../governance.html#for-cios" class="action-source">"#))
        #expect(page.contains(#"<a href="../cloud.html#for-cios" class="action-source">"#))
        let chiefs = try #require(try pages(on: "2011-06-01")["final/audiences/chief-executives.html"])
        #expect(chiefs.contains("Agree where decisions are taken jointly."))
        #expect(!chiefs.contains("Propose a single board"))
    }
}

@Suite struct StableAnchorTests {
    static let config = MiniSite.config.replacingOccurrences(of: "editions: [draft]", with: "editions: [draft, final]")

    private func site(final: String) -> TemporaryFolder {
        let folder = MiniSite.make(chapters: ["a.md": "---\ntitle: A\n---\n\n## Method\n\nText.\n\n## How\n\nMore.\n"], config: Self.config)
        folder.write("content/final/edition.yml", "title: Final\nkind: final\npublished: 2011-05-11\n")
        folder.write("content/final/a.md", final)
        return folder
    }

    @Test func aDraftAnchorMissingFromTheFinalChapterIsAWarning() {
        let diagnostics = MiniSite.diagnostics(site(final: "---\ntitle: A\nstatus: final\n---\n\n## Approach\n\nText.\n\n## How\n\nMore.\n"))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.file.hasSuffix("content/draft/a.md") == true)
        #expect(diagnostics.first?.line == 5)
        #expect(diagnostics.first?.message.contains("'#method' has no counterpart in") == true)
        #expect(diagnostics.first?.hint?.contains("moved_anchors: {method: <new-anchor>}") == true)
    }

    @Test func aDeclaredMoveKeepsTheOldAnchorBesideTheNewHeading() throws {
        let folder = site(final: "---\ntitle: A\nstatus: final\nmoved_anchors: {method: approach}\n---\n\n## Approach\n\nText.\n\n## How\n\nMore.\n")
        let report = try generated(MiniSite.options(folder))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let page = report.files.first { $0.path == "final/a.html" }
        guard let html = page?.text else { Issue.record("no final/a.html"); return }
        #expect(html.contains(#"<h2 id="approach"><span class="moved-anchor" id="method"></span>Approach</h2>"#))
    }

    @Test func aMoveToAnAnchorThatDoesNotExistIsAnError() {
        let diagnostics = MiniSite.diagnostics(site(final: "---\ntitle: A\nstatus: final\nmoved_anchors: {method: aproach}\n---\n\n## Approach\n\nText.\n\n## How\n\nMore.\n"))
        let error = diagnostics.errors.first
        #expect(error?.line == 4)
        #expect(error?.message == "'moved_anchors' sends '#method' to '#aproach', which is not an anchor in this chapter; did you mean 'approach'?")
    }
}
