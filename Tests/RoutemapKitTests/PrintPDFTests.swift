import Foundation
import Testing
@testable import RoutemapKit
import Markdown

/// `routemap build --pdf` on the fixture and on content/: each edition's printable page printed by
/// headless Chromium, then read back with poppler's pdfinfo and pdftotext and with qpdf.
@Suite(.serialized) struct PrintPDFTests {
    /// `routemap build --pdf` of `content` into a temporary folder's `site/`.
    private func buildWithPDFs(_ content: String) throws -> (TemporaryFolder, BuildReport) {
        let output = TemporaryFolder()
        var options = BuildOptions(contentDirectory: content, outputDirectory: output.path + "/site", themesDirectory: Repository.themes)
        options.pdf = true
        return (output, try SiteBuilder.build(options))
    }

    @Test(arguments: [Repository.fixtures + "/printable/content", Repository.content])
    func eachEditionsPDFHasItsChaptersOnNewPagesAContentsListAndAnOutline(content: String) throws {
        let (output, report) = try buildWithPDFs(content)
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

    /// A numbered block's number is printed on the block's first line, left of its first word and clear of every
    /// word: not on a line of its own above the block, and not in the page margin, which clips it away.
    @Test(arguments: [Repository.fixtures + "/editions-compared/content", Repository.content])
    func paragraphNumbersArePrintedBesideTheFirstLineOfTheirBlock(content: String) throws {
        let (output, report) = try buildWithPDFs(content)
        let (publication, diagnostics) = ContentLoader.load(contentDirectory: content)
        let site = try ChapterRenderer.render(try #require(publication, "\(diagnostics)")).get()
        for (edition, pdf) in zip(site.editions, report.pdfs) {
            let words = try printedWords(output.path + "/site/" + pdf.path)
            var checked = 0
            for chapter in edition.chapters {
                // Rendered again for the blocks' text, which a build keeps only for chapters it compares.
                let blocks = MarkdownRenderer.render(utf8: chapter.chapter.body, options: MarkdownOptions(
                    paragraphNumberPrefix: String(chapter.chapter.number), blockText: true)).blocks
                #expect(blocks.map(\.number) == chapter.markdown.blocks.map(\.number))
                for block in blocks {
                    // A figure's text is its image's description, which is not printed.
                    guard let number = block.number, !chapter.markdown.images.contains(where: { $0.alt == block.text }) else { continue }
                    checked += 1
                    let firstWord = block.text.split(whereSeparator: { $0.isWhitespace }).first.map(String.init) ?? ""
                    // Numbers are unique in an edition, but the text may hold the same word: one of them must be the number.
                    let printed = words.filter { $0.text == number }
                    #expect(!printed.isEmpty, "\(pdf.path): paragraph number \(number) is not printed")
                    let besideFirstWord = printed.contains { mark in
                        var onItsLine = words.filter { $0.page == mark.page && $0.xMin >= mark.xMax && $0.yMin < mark.midY && mark.midY < $0.yMax }
                            .sorted { $0.xMin < $1.xMin }
                        // An ordered list's first marker ("1.") is printed before its text.
                        if block.kind == .list, let marker = onItsLine.first?.text, marker.last == ".", marker.dropLast().allSatisfy(\.isNumber) {
                            onItsLine.removeFirst()
                        }
                        // A question for consultation is printed with its number ("Q4") before its text.
                        if block.kind == .list, let marker = onItsLine.first?.text, marker.first == "Q", marker.count > 1,
                           marker.dropFirst().allSatisfy(\.isNumber) {
                            onItsLine.removeFirst()
                        }
                        // A table's cells may break a long word.
                        return onItsLine.first.map { !$0.text.isEmpty && firstWord.hasPrefix($0.text) } ?? false
                    }
                    #expect(besideFirstWord, "\(pdf.path): paragraph number \(number) is not printed beside '\(firstWord)', the first word of its block")
                    for mark in printed {
                        let overlapping = words.filter { $0 != mark && $0.page == mark.page && $0.xMin < mark.xMax && mark.xMin < $0.xMax
                            && $0.yMin < mark.yMax && mark.yMin < $0.yMax }
                        #expect(overlapping.isEmpty, "\(pdf.path): paragraph number \(number) overlaps \(overlapping.map(\.text))")
                    }
                }
            }
            #expect(checked > 0, "\(pdf.path): no numbered paragraphs")
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

    /// A word of a PDF and its box on its page, in points from the top left, as pdftotext finds it.
    private struct PrintedWord: Equatable {
        var page: Int
        var xMin, yMin, xMax, yMax: Double
        var text: String
        var midY: Double { (yMin + yMax) / 2 }
    }

    /// Every word of the PDF with its box, read from `pdftotext -bbox`.
    private func printedWords(_ path: String) throws -> [PrintedWord] {
        var words: [PrintedWord] = [], page = 0
        for line in try Tool.run("pdftotext", ["-enc", "UTF-8", "-bbox", path, "-"]).split(separator: "\n") {
            if line.contains("<page ") { page += 1 }
            // <word xMin="51.0" yMin="26.1" xMax="97.1" yMax="36.6">Routemap</word>
            let parts = line.split(separator: "\"", omittingEmptySubsequences: false)
            guard line.contains("<word "), parts.count >= 9, let xMin = Double(parts[1]), let yMin = Double(parts[3]),
                  let xMax = Double(parts[5]), let yMax = Double(parts[7]) else { continue }
            let text = parts[8...].joined(separator: "\"").dropFirst().replacingOccurrences(of: "</word>", with: "")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
            words.append(PrintedWord(page: page, xMin: xMin, yMin: yMin, xMax: xMax, yMax: yMax, text: text))
        }
        return words
    }

    /// The titles of the PDF's top-level bookmarks, read with qpdf.
    private func topLevelOutline(_ path: String) throws -> [String] {
        let json = try Tool.run("qpdf", ["--json", "--json-key=outlines", path])
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let outlines = object?["outlines"] as? [[String: Any]] ?? []
        return outlines.compactMap { $0["title"] as? String }
    }
}
