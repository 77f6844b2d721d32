import Foundation
import Testing
@testable import RoutemapKit

/// `routemap build --pdf` on the fixture and on content/: each edition's printable page printed by
/// headless Chromium, then read back with poppler's pdfinfo and pdftotext and with qpdf.
@Suite(.serialized) struct PrintPDFTests {
    @Test(arguments: [Repository.fixtures + "/printable/content", Repository.content])
    func eachEditionsPDFHasItsChaptersOnNewPagesAContentsListAndAnOutline(content: String) throws {
        let output = TemporaryFolder()
        var options = BuildOptions(contentDirectory: content, outputDirectory: output.path + "/site", themesDirectory: Repository.themes)
        options.pdf = true
        let report = try SiteBuilder.build(options)
        let publication = try #require(ContentLoader.load(contentDirectory: content).0)
        #expect(report.pdfs.count == publication.editions.count)
        // The PDFs were made in the staging folder before the swap; nothing of the making is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["site"])
        for edition in publication.editions {
            #expect(listFiles(output.path + "/site/" + edition.id + "/print") == ["index.html"])
        }

        for (edition, pdf) in zip(publication.editions, report.pdfs) {
            let path = output.path + "/site/" + pdf.path
            #expect(pdf.path == SitePaths.pdf(edition.id, publicationShortTitle: publication.config.shortTitle))
            let info = try Tool.run("pdfinfo", [path])
            let pageCount = try #require(Int(field("Pages", in: info)))
            #expect(field("Title", in: info) == "\(edition.title) – \(publication.config.shortTitle)")
            #expect(field("Page size", in: info).hasSuffix("(A4)"))

            // pdftotext separates pages with form feeds.
            let pages = try Tool.run("pdftotext", ["-enc", "UTF-8", path, "-"]).split(separator: "\u{0C}", omittingEmptySubsequences: false)
                .map(String.init).filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            #expect(pages.count == pageCount)
            // A cover, a contents list, then each chapter on at least one page of its own; and not absurdly many.
            let characters = pages.reduce(0) { $0 + $1.count }
            #expect(pageCount >= edition.chapters.count + 2)
            #expect(pageCount <= edition.chapters.count + 2 + characters / 1000, "\(pageCount) pages for \(characters) characters")
            for (index, page) in pages.enumerated() {
                #expect(page.contains("Page \(index + 1) of \(pageCount)"), "page \(index + 1) has no page number in its margin")
            }
            let runningHeader = "\(publication.config.shortTitle) – \(edition.shortTitle)"
            #expect(!pages[0].hasPrefix(runningHeader), "the cover has no running header")
            #expect(pages[1].hasPrefix(runningHeader), "the running header is in the margin")

            let contents = flattened(pages[1])
            #expect(contents.hasPrefix(flattened(runningHeader) + " Contents"))
            var previousStart = 1
            for chapter in edition.chapters {
                let heading = "\(chapter.number). \(chapter.title)"
                #expect(contents.contains(heading), "the contents list does not name \(heading)")
                // The chapter's first page starts with it: after the running header, its part's name, then its number and title.
                let opening = flattened(runningHeader + " " + (chapter.part.map { $0 + " " } ?? "") + heading)
                let start = pages.indices.first { $0 > previousStart && flattened(pages[$0]).hasPrefix(opening) }
                #expect(start != nil, "\(heading) does not start a page of its own after page \(previousStart + 1)")
                previousStart = start ?? previousStart
            }

            let outline = try topLevelOutline(path)
            for chapter in edition.chapters {
                #expect(outline.contains("\(chapter.number). \(chapter.title)"), "the outline has no entry for \(chapter.title): \(outline)")
            }
        }

        // The PDFs are linked, with their size, from the contents and printable pages.
        for (edition, pdf) in zip(publication.editions, report.pdfs) {
            let name = String(pdf.path.split(separator: "/").last!)
            let size = try #require(EditionPDF(path: pdf.path, byteCount: pdf.byteCount).size as String?)
            let contentsPage = try #require(output.read("site/" + SitePaths.contents(edition.id)))
            #expect(contentsPage.contains("<a href=\"\(name)\">") && contentsPage.contains("(PDF, \(size))"))
            let printPage = try #require(output.read("site/" + SitePaths.printPage(edition.id)))
            #expect(printPage.contains("href=\"../\(name)\"") && printPage.contains("(PDF, \(size))"))
        }
    }

    @Test func withoutChromiumTheErrorNamesThePackageAndTheSiteIsStillWritten() throws {
        let output = TemporaryFolder()
        var options = BuildOptions(contentDirectory: Repository.fixtures + "/printable/content", outputDirectory: output.path + "/site",
                                   themesDirectory: Repository.themes)
        options.pdf = true
        options.chromiumPath = output.path + "/no-chromium-here"
        let failure = try #require(throws: PDFFailure.self) { try SiteBuilder.build(options) }
        let diagnostic = try #require(failure.diagnostics.first)
        #expect(diagnostic.message.contains("Chromium was not found"))
        #expect(diagnostic.hint?.contains("install the Debian package 'chromium'") == true)
        #expect(output.read("site/two/print/index.html") != nil, "the rest of the site is written")
        #expect(output.read("site/two/index.html")?.contains(".pdf") == false, "no link to a PDF that was not made")
    }

    private func field(_ name: String, in info: String) -> String {
        info.split(separator: "\n").first { $0.hasPrefix(name + ":") }
            .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) } ?? ""
    }

    /// Text with every run of white space made one space, so lines broken by the page layout compare equal.
    private func flattened(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The titles of the PDF's top-level bookmarks, read with qpdf.
    private func topLevelOutline(_ path: String) throws -> [String] {
        let json = try Tool.run("qpdf", ["--json", "--json-key=outlines", path])
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let outlines = object?["outlines"] as? [[String: Any]] ?? []
        return outlines.compactMap { $0["title"] as? String }
    }
}
