import Foundation
import Testing
@testable import RoutemapKit

/// The embargo, tested the way it would fail: the final edition of Fixtures/launch (folder
/// `planting`, published 11 May 2011) carries "Zanzibar-Quokka" in its title, summary, a chapter's
/// title, summary, body, image alt text and image file. The site is built for every day from the day
/// before the draft is published to the day after the final edition is, and every byte of every file
/// written is searched.
@Suite(.serialized) struct EmbargoTests {
    static let content = Repository.fixtures + "/launch/content"
    static let phrase = "Zanzibar-Quokka"
    static let launch = CalendarDate(iso: "2011-05-11")!

    /// `first` to `last`, one day at a time.
    static func days(from first: String, to last: String) -> [CalendarDate] {
        var day = CalendarDate(iso: first)!
        var days: [CalendarDate] = []
        while day <= CalendarDate(iso: last)! {
            days.append(day)
            day = CalendarDate(year: day.year, month: day.month, day: day.day + 1)
                ?? CalendarDate(year: day.year, month: day.month + 1, day: 1)
                ?? CalendarDate(year: day.year + 1, month: 1, day: 1)!
        }
        return days
    }

    /// The relative path of every written file that contains `needle`.
    static func files(in folder: String, containing needle: String) -> [String] {
        let bytes = Data(needle.utf8)
        return listFiles(folder).filter { path in
            FileManager.default.contents(atPath: folder + "/" + path)?.range(of: bytes) != nil
        }
    }

    @Test func nothingOfAnEditionIsWrittenBeforeItsDate() throws {
        for day in Self.days(from: "2011-03-07", to: "2011-05-12") {
            let output = TemporaryFolder()
            let options = BuildOptions(contentDirectory: Self.content, outputDirectory: output.path + "/site",
                                       themesDirectory: Repository.themes, buildDate: day)
            let report = try built(options)
            let site = output.path + "/site"
            let leaks = Self.files(in: site, containing: Self.phrase) + Self.files(in: site, containing: "planting")
            if day < Self.launch {
                #expect(leaks.isEmpty, "a build for \(day) carries the final edition in \(leaks)")
            } else {
                #expect(!leaks.isEmpty, "a build for \(day) should publish the final edition")
                #expect(FileManager.default.fileExists(atPath: site + "/planting/governance.html"))
            }
            let draftPublished = day >= CalendarDate(iso: "2011-03-08")!
            #expect(Self.files(in: site, containing: "Partners decide together").isEmpty == !draftPublished, "the draft on \(day)")
            // The stable print/ address is the current edition's printable page, or absent before the first edition.
            let print = FileManager.default.contents(atPath: site + "/print/index.html").map { String(decoding: $0, as: UTF8.self) }
            #expect((print != nil) == draftPublished, "print/ on \(day)")
            if let print { #expect(print.contains(day < Self.launch ? "The draft for consultation" : "The final edition"), "print/ on \(day)") }
            // The draft's link into the final edition is its text alone, and a warning, until the launch.
            let linkWarnings = report.diagnostics.filter { $0.message.contains("which is not published until 11 May 2011") }
            if draftPublished, day < Self.launch {
                #expect(linkWarnings.count == 1 && linkWarnings[0].severity == .warning, "\(report.diagnostics)")
                #expect(linkWarnings.first.map { "\($0.file):\($0.line):\($0.column)" } == Self.content + "/draft/governance.md:11:47")
                let chapter = try #require(FileManager.default.contents(atPath: site + "/draft/governance.html"))
                #expect(String(decoding: chapter, as: UTF8.self).contains("Once it is out, the final chapter says how."))
            } else {
                #expect(linkWarnings.isEmpty)
            }
        }
    }

    /// Links from the site's root into the embargoed edition are held back like relative ones: a
    /// root path outside the published editions would otherwise become an address on base_url's server.
    @Test func linksFromTheRootIntoAnEmbargoedEditionAreTextAlone() throws {
        let folder = TemporaryFolder()
        try FileManager.default.copyItem(atPath: Self.content, toPath: folder.path + "/content")
        let chapter = folder.path + "/content/draft/governance.md"
        let text = try String(contentsOfFile: chapter, encoding: .utf8)
        try (text + "\nSee [the final](/planting/governance.md) and [its page](/planting/governance.html#scenario).\n")
            .write(toFile: chapter, atomically: false, encoding: .utf8)
        let report = try built(BuildOptions(contentDirectory: folder.path + "/content", outputDirectory: folder.path + "/site",
                                                        themesDirectory: Repository.themes, buildDate: CalendarDate(iso: "2011-03-20")!))
        let warnings = report.diagnostics.filter { $0.message.contains("which is not published until 11 May 2011") }
        #expect(warnings.count == 3, "\(report.diagnostics)")
        #expect(Self.files(in: folder.path + "/site", containing: "planting").isEmpty)
    }

    @Test func beforeTheFirstEditionTheFrontPageSaysWhenItWillBePublished() throws {
        let report = try generated(BuildOptions(contentDirectory: Self.content, outputDirectory: "unused",
                                                           themesDirectory: Repository.themes, buildDate: CalendarDate(iso: "2011-03-01")!))
        let front = try #require(report.files.first { $0.path == "index.html" }?.text)
        #expect(front.contains("This publication will be published on 8 March 2011."))
        #expect(!report.files.contains { $0.path.hasPrefix("draft/") || $0.path.hasPrefix("print/") })
    }

    @Test func strictMakesTheLinkIntoAnEmbargoedEditionAnError() {
        var options = BuildOptions(contentDirectory: Self.content, outputDirectory: "unused",
                                   themesDirectory: Repository.themes, buildDate: CalendarDate(iso: "2011-03-20")!)
        options.strict = true
        #expect(throws: BuildErrors.self) { try generated(options) }
    }

    /// A preview keeps the embargoed edition, each of its pages marked and kept out of search engines.
    @Test func aPreviewMarksEveryPageOfTheEmbargoedEdition() throws {
        var options = BuildOptions(contentDirectory: Self.content, outputDirectory: "unused",
                                   themesDirectory: Repository.themes, buildDate: CalendarDate(iso: "2011-03-20")!)
        options.preview = true
        let report = try generated(options)
        let pages = report.files.filter { $0.path.hasPrefix("planting/") && $0.path.hasSuffix(".html") }
        #expect(pages.count > 5)
        for page in pages {
            let text = page.text ?? ""
            #expect(text.contains("Embargoed: not for publication before 11 May 2011."), "\(page.path)")
            #expect(text.contains("<meta name=\"robots\" content=\"noindex\">"), "\(page.path)")
        }
        // The current edition is still the one published by the build date; the draft is not marked.
        let front = try #require(report.files.first { $0.path == "index.html" }?.text)
        #expect(front.contains("Current edition"))
        let draftPage = try #require(report.files.first { $0.path == "draft/governance.html" }?.text)
        #expect(!draftPage.contains("Embargoed"))
        let print = try #require(report.files.first { $0.path == "print/index.html" }?.text)
        #expect(print.contains("The draft for consultation") && !print.contains(Self.phrase))
        // Printed, every sheet of the embargoed edition says so in its running header.
        let embargoedPrint = try #require(report.files.first { $0.path == "planting/print/index.html" }?.text)
        #expect(embargoedPrint.contains(#"@top-left { content: "Embargoed: not for publication before 11 May 2011 · Fixture – Final"; }"#))
    }

    /// The PDFs follow the printable pages: none of the final edition before the launch.
    @Test func noPDFOfAnEditionBeforeItsDate() throws {
        for day in ["2011-05-10", "2011-05-11"] {
            let output = TemporaryFolder()
            var options = BuildOptions(contentDirectory: Self.content, outputDirectory: output.path + "/site",
                                       themesDirectory: Repository.themes, buildDate: CalendarDate(iso: day)!)
            options.pdf = true
            let report = try built(options)
            let texts = try report.pdfs.map { try Tool.run("pdftotext", ["-enc", "UTF-8", output.path + "/site/" + $0.path, "-"]) }
            let leaks = texts.filter { $0.contains(Self.phrase) }
            if day == "2011-05-10" {
                #expect(report.pdfs.count == 1 && leaks.isEmpty)
                #expect(Self.files(in: output.path + "/site", containing: Self.phrase).isEmpty)
            } else {
                // Both: the draft now names the final edition that followed it.
                #expect(report.pdfs.count == 2 && leaks.count == 2)
                // The questions keep their numbers in the PDF.
                let draft = texts[0].split(whereSeparator: \.isWhitespace).joined(separator: " ")
                #expect(draft.contains("Q3 Which services should move first?"), "\(draft)")
            }
        }
        // A preview's PDF of the edition not yet published says so on its cover and on every page.
        let output = TemporaryFolder()
        var preview = BuildOptions(contentDirectory: Self.content, outputDirectory: output.path + "/site",
                                   themesDirectory: Repository.themes, buildDate: CalendarDate(iso: "2011-05-10")!)
        preview.pdf = true
        preview.preview = true
        let report = try built(preview)
        let final = try #require(report.pdfs.first { $0.path.hasPrefix("planting/") })
        let pages = try Tool.run("pdftotext", ["-enc", "UTF-8", output.path + "/site/" + final.path, "-"])
            .split(separator: "\u{0C}").filter { !$0.allSatisfy(\.isWhitespace) }
        #expect(pages.count > 3)
        for (index, page) in pages.enumerated() where index > 0 {
            #expect(page.contains("Embargoed: not for publication before 11 May 2011"), "page \(index + 1): \(page.prefix(200))")
        }
        #expect(pages[0].contains("Embargoed: not for publication before 11 May 2011"), "the cover")
    }
}
