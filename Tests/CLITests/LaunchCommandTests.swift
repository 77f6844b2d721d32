import Foundation
import Testing

/// The commands an editor prepares a launch with: `build --preview` into a folder of its own,
/// `check` saying what a build for the date publishes, and a plain build for the date.
@Suite(.serialized) struct LaunchCommandTests {
    private func site() throws -> SiteFolder {
        let site = try SiteFolder()
        try site.write("content/routemap.yml", """
        title: Test publication
        publisher: Test publisher
        themes: [{id: governance, label: Governance, description: Deciding together.}]
        audiences: [{id: cios, label: CIOs, description: Heads of ICT.}]
        statuses: [{id: draft, label: Draft, description: Not yet final.}]
        editions: [draft, final]
        """)
        try site.write("content/draft/edition.yml", "title: The draft\nkind: final\nstatus: draft\npublished: 2011-03-08\n")
        try site.write("content/draft/a.md", "---\ntitle: Alpha\norder: 1\n---\n\nThe draft's text.\n")
        try site.write("content/final/edition.yml", "title: The final\nkind: final\nstatus: draft\npublished: 2011-05-11\n")
        try site.write("content/final/a.md", "---\ntitle: Alpha\norder: 1\n---\n\nThe final text, under embargo.\n")
        return site
    }

    @Test func aPreviewGoesToItsOwnFolderAndNeverToThePublishingOne() throws {
        let site = try site()
        let refused = try Command.run(["build", "--preview", "--date", "2011-03-20", "--preview-output", "output"], in: site.path)
        #expect(refused.status != 0)
        #expect(refused.output.contains("the preview folder 'output' is (or holds, or lies in) the output folder 'output'"), "\(refused.output)")
        #expect(!site.entries().contains("output"))
        #expect(try Command.run(["build", "--preview", "--date", "2011-03-20", "--preview-output", "./output/preview"], in: site.path).status != 0)

        let preview = try Command.run(["build", "--preview", "--date", "2011-03-20"], in: site.path)
        #expect(preview.status == 0, "\(preview.output)")
        #expect(preview.output.contains("into output-preview/"))
        #expect(preview.output.contains("Preview: final is marked 'Embargoed: not for publication before 11 May 2011'."))
        let page = try String(contentsOfFile: site.path + "/output-preview/final/a.html", encoding: .utf8)
        #expect(page.contains("Embargoed: not for publication before 11 May 2011."))
        #expect(!site.entries().contains("output"))

        let published = try Command.run(["build", "--date", "2011-03-20"], in: site.path)
        #expect(published.output.contains("Left out: final, not published until 11 May 2011."), "\(published.output)")
        #expect(!site.output().keys.contains { $0.hasPrefix("final/") })
        #expect(!site.output().values.contains { $0.range(of: Data("under embargo".utf8)) != nil })
    }

    @Test func checkSaysWhatABuildForTheDatePublishes() throws {
        let site = try site()
        let (status, output) = try Command.run(["check", "--date", "2011-03-20"], in: site.path)
        #expect(status == 0, "\(output)")
        #expect(output.contains("A build for 20 March 2011 publishes draft (published 8 March 2011) and leaves out final (embargoed until 11 May 2011)."))
    }
}
