import Foundation
import Testing
@testable import RoutemapKit
import RoutemapMarkdown

/// `routemap build --pdf` on the fixture and on content/: each edition's PDF source page printed by
/// WeasyPrint, then read back with poppler's pdfinfo and pdftotext and with qpdf.
@Suite(.serialized) struct PrintPDFTests {
    /// `routemap build --pdf` of `content` into a temporary folder's `site/`.
    private func buildWithPDFs(_ content: String) throws -> (TemporaryFolder, BuildReport) {
        let output = TemporaryFolder()
        var options = BuildOptions(contentDirectory: content, outputDirectory: output.path + "/site", themesDirectory: Repository.themes)
        options.pdf = true
        return (output, try built(options))
    }

    @Test(arguments: [Repository.fixtures + "/printable/content", Repository.content])
    func eachEditionsPDFHasACoverPageNumberedContentsChaptersOnNewPagesAndAnOutline(content: String) throws {
        let (output, report) = try buildWithPDFs(content)
        let publication = try #require(ContentLoader.load(contentDirectory: content, log: DiagnosticLog()))
        let config = publication.config
        #expect(report.pdfs.count == publication.editions.count)
        // The PDFs were made in the staging folder before the swap; nothing of the making is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["site"])
        for edition in publication.editions {
            #expect(listFiles(output.path + "/site/" + edition.id + "/print") == ["index.html"])
        }

        for (edition, pdf) in zip(publication.editions, report.pdfs) {
            let path = output.path + "/site/" + pdf.path
            #expect(pdf.path == SitePaths.pdf(edition.id, publicationShortTitle: config.shortTitle))
            let info = try Tool.run("pdfinfo", [path])
            let pageCount = try #require(Int(field("Pages", in: info)))
            #expect(field("Title", in: info) == "\(edition.title) – \(config.shortTitle)")
            #expect(field("Page size", in: info).hasSuffix("(A4)"))
            #expect(field("Tagged", in: info) == "yes")

            // pdftotext separates pages with form feeds.
            let pages = try Tool.run("pdftotext", ["-enc", "UTF-8", path, "-"]).split(separator: "\u{0C}", omittingEmptySubsequences: false)
                .map { flattened(String($0)) }.filter { !$0.isEmpty }
            #expect(pages.count == pageCount)
            // Cover, its back, contents, each chapter on pages of its own, a back cover; and not absurdly many.
            let characters = pages.reduce(0) { $0 + $1.count }
            #expect(pageCount >= edition.chapters.count + 4)
            #expect(pageCount <= edition.chapters.count + 4 + characters / 1000, "\(pageCount) pages for \(characters) characters")
            // What stands in the page's top and bottom margins, and the text between them, by word positions.
            let words = try printedWords(path)
            let margins = (0..<pageCount).map { page in
                (top: words.filter { $0.page == page + 1 && $0.yMax < 24 * 72 / 25.4 }.map(\.text).joined(separator: " "),
                 bottom: words.filter { $0.page == page + 1 && $0.yMin > 842 - 22 * 72 / 25.4 }.map(\.text).joined(separator: " "))
            }
            let body = (0..<pageCount).map { page in
                flattened(words.filter { $0.page == page + 1 && $0.yMax >= 24 * 72 / 25.4 && $0.yMin <= 842 - 22 * 72 / 25.4 }
                    .map(\.text).joined(separator: " "))
            }
            let runningHeader = "\(config.shortTitle) – \(edition.shortTitle)"
            for cover in [0, 1, pageCount - 1] {
                #expect(margins[cover].top.isEmpty && margins[cover].bottom.isEmpty, "page \(cover + 1) is a cover: no running header, no page number")
            }
            let title = edition.title.split(separator: ":", maxSplits: 1).first.map(String.init) ?? edition.title
            #expect(pages[0].contains(flattened(title)) && pages[0].contains(config.publisher), "the cover names the edition and its publisher")
            #expect(pages[1].contains(config.licence?.name ?? config.publisher), "the back of the cover names the licence")
            if let base = config.baseURL { #expect(pages[1].contains(base), "the back of the cover says where the edition is published") }
            for page in 2..<pageCount - 1 {
                #expect(margins[page].top.hasPrefix(runningHeader), "page \(page + 1) has the running header: \(margins[page].top)")
                #expect(margins[page].bottom == String(page + 1), "page \(page + 1) has its number in the margin: \(margins[page].bottom)")
            }

            // Contents with a page number after each chapter, which is the page the chapter starts on.
            let contents = body[2]
            #expect(contents.hasPrefix("Contents"), "contents: \(contents.prefix(80))")
            var previousStart = 3
            for chapter in edition.chapters {
                let heading = "\(chapter.number). \(flattened(chapter.title))"
                let entry = try #require(contents.range(of: heading), "the contents list does not name \(heading)")
                let number = contents[entry.upperBound...].drop { $0 == " " || $0 == "." }.prefix { $0.isNumber }
                let start = try #require(Int(number), "no page number after \(heading) in the contents") - 1
                #expect(start >= previousStart, "\(heading) starts on page \(start + 1), before the chapter ahead of it")
                // The chapter's first page: its part, number and title, and the title in the running header.
                let opening = (chapter.part.map { flattened($0) + " " } ?? "") + heading
                #expect(body.indices.contains(start) && body[start].hasPrefix(opening),
                        "\(heading) does not open page \(start + 1): \(body.indices.contains(start) ? String(body[start].prefix(120)) : "")")
                #expect(margins.indices.contains(start) && flattened(margins[start].top).hasSuffix(flattened(chapter.title)),
                        "page \(start + 1)'s running header does not name \(chapter.title)")
                previousStart = start
            }

            // Each link to another chapter says where it leads: "(chapter 5, page 16)", a page of that chapter.
            let starts = edition.chapters.map { chapter -> Int in
                let heading = "\(chapter.number). \(flattened(chapter.title))"
                let entry = contents.range(of: heading).map { contents[$0.upperBound...].drop { $0 == " " || $0 == "." }.prefix { $0.isNumber } }
                return entry.flatMap { Int($0) } ?? 0
            }
            var references = 0
            for text in body {
                var rest = text[...]
                while let open = rest.range(of: "(chapter ") {
                    rest = rest[open.upperBound...]
                    let number = Int(rest.prefix { $0.isNumber }) ?? 0
                    guard rest.drop(while: { $0.isNumber }).hasPrefix(", page "),
                          let index = edition.chapters.firstIndex(where: { $0.number == number }) else { continue }
                    let page = Int(rest.drop(while: { $0.isNumber }).dropFirst(", page ".count).prefix { $0.isNumber }) ?? 0
                    let end = index + 1 < starts.count ? starts[index + 1] : pageCount
                    #expect(starts[index] <= page && page <= end, "(chapter \(number), page \(page)): chapter \(number) is on pages \(starts[index])–\(end)")
                    references += 1
                }
            }
            if content == Repository.content { #expect(references > 10, "cross-references with pages: \(references)") }

            let outline = try outline(path)
            for chapter in edition.chapters {
                let entry = outline.first { $0.title == "\(chapter.number). \(chapter.title)" }
                #expect(entry != nil, "the outline has no entry for \(chapter.title): \(outline.map(\.title))")
            }
            #expect(outline.contains { !$0.kids.isEmpty }, "the chapters' sections are bookmarked beneath them")
        }

        // The PDFs are linked, with their size, from the front page, the contents and printable pages; the
        // current edition's at print/<short title>.pdf, the same bytes as its edition's PDF.
        let current = try #require(publication.currentEdition)
        let stable = SitePaths.currentPDF(publicationShortTitle: config.shortTitle)
        for (edition, pdf) in zip(publication.editions, report.pdfs) {
            let size = EditionPDF(path: pdf.path, byteCount: pdf.byteCount).size
            let linked = edition.id == current.id ? stable : pdf.path
            #expect(pdf.stablePath == (edition.id == current.id ? stable : nil))
            let contentsPage = try #require(output.read("site/" + SitePaths.contents(edition.id)))
            #expect(contentsPage.contains("<a href=\"\(relativeURL(from: SitePaths.contents(edition.id), to: linked))\">") && contentsPage.contains("(PDF, \(size))"))
            let printPage = try #require(output.read("site/" + SitePaths.printPage(edition.id)))
            #expect(printPage.contains("href=\"\(relativeURL(from: SitePaths.printPage(edition.id), to: linked))\"") && printPage.contains("(PDF, \(size))"))
            if edition.id == current.id {
                #expect(FileManager.default.contentsEqual(atPath: output.path + "/site/" + pdf.path, andPath: output.path + "/site/" + stable))
                #expect(output.read("site/" + SitePaths.frontPage)?.contains("<a href=\"\(stable)\">Download the \(current.shortTitle) as a PDF") == true)
                #expect(output.read("site/" + SitePaths.currentPrintPage)?.contains("href=\"\(relativeURL(from: SitePaths.currentPrintPage, to: stable))\"") == true)
            }
        }
    }

    /// Every link annotation of every PDF leads into the document or to a web address: to the published
    /// site under `base_url`, or to another site the chapters link; never to a file on the build machine.
    /// Without `base_url`, links that would leave the document are removed.
    @Test(arguments: [Repository.fixtures + "/printable/content", Repository.fixtures + "/editions-compared/content", Repository.content])
    func noLinkInAnyPDFLeadsToAFileOnTheBuildMachine(content: String) throws {
        let (output, report) = try buildWithPDFs(content)
        let publication = try #require(ContentLoader.load(contentDirectory: content, log: DiagnosticLog()))
        // The addresses of other sites the chapters and the configuration name.
        var elsewhere = Set<String>()
        for edition in publication.editions {
            for chapter in edition.chapters {
                let html = MarkdownRenderer.render(utf8: chapter.body, options: MarkdownOptions()).html
                elsewhere.formUnion(SiteIndex.attributeValues("href", in: html).filter { $0.hasPrefix("http") || $0.hasPrefix("mailto:") })
            }
        }
        if let licence = publication.config.licence?.url { elsewhere.insert(licence) }
        var inDocument = 0
        for pdf in report.pdfs {
            let links = try linkAnnotations(output.path + "/site/" + pdf.path)
            #expect(!links.isEmpty, "\(pdf.path) has no links")
            for link in links {
                switch link {
                case .inDocument: inDocument += 1
                case .address(let uri):
                    #expect(!uri.lowercased().hasPrefix("file:"), "\(pdf.path) links a file on the build machine: \(uri)")
                    let published = publication.config.baseURL.map { uri.hasPrefix($0) } ?? false
                    #expect(published || elsewhere.contains(uri), "\(pdf.path) links \(uri), neither the published site nor a site the chapters link")
                }
            }
        }
        #expect(inDocument > 0, "the contents link the chapters inside the document")
    }

    /// Two builds of the same content for the same date give the same bytes; the PDF's metadata
    /// comes from the publication and the build date, not from the machine or the engine.
    @Test func twoBuildsGiveTheSameBytesAndTheMetadataSaysWhoseAndWhen() throws {
        let content = Repository.fixtures + "/printable/content"
        let publication = try #require(ContentLoader.load(contentDirectory: content, log: DiagnosticLog()))
        let builds = try (0..<2).map { _ in
            let output = TemporaryFolder()
            var options = BuildOptions(contentDirectory: content, outputDirectory: output.path + "/site", themesDirectory: Repository.themes,
                                       buildDate: CalendarDate(iso: "2011-06-01")!, pdf: true)
            options.renderLimits = RenderLimits()
            return (output, try built(options))
        }
        for pdf in builds[0].1.pdfs {
            let first = try #require(FileManager.default.contents(atPath: builds[0].0.path + "/site/" + pdf.path))
            let second = try #require(FileManager.default.contents(atPath: builds[1].0.path + "/site/" + pdf.path))
            #expect(first == second, "\(pdf.path) differs between two builds")
        }
        for (edition, pdf) in zip(publication.editions, builds[0].1.pdfs) {
            let path = builds[0].0.path + "/site/" + pdf.path
            let info = try Tool.run("pdfinfo", ["-isodates", path])
            #expect(field("Creator", in: info) == RoutemapVersion.generatorName)
            #expect(field("Author", in: info) == publication.config.publisher)
            #expect(field("Subject", in: info) == (edition.summary ?? edition.title))
            #expect(field("Keywords", in: info) == "Reform")
            #expect(field("CreationDate", in: info) == "2011-06-01T00:00:00Z")
            #expect(field("ModDate", in: info) == "2011-06-01T00:00:00Z")

            // Tagged, in the publication's language, its title in the reader's window.
            let catalog = try #require(try pdfObjects(path).values.first { $0["/Type"] as? String == "/Catalog" })
            #expect(catalog["/Lang"] as? String == "u:" + publication.config.language)
            #expect((catalog["/MarkInfo"] as? [String: Any])?["/Marked"] as? Bool == true)
            #expect((catalog["/ViewerPreferences"] as? [String: Any])?["/DisplayDocTitle"] as? Bool == true)
            #expect(catalog["/StructTreeRoot"] != nil)
            let kinds = Set(try pdfObjects(path).values.compactMap { $0["/Type"] as? String == "/StructElem" ? $0["/S"] as? String : nil })
            for kind in ["/Document", "/H1", "/H2", "/P", "/Link", "/L", "/LI"] {
                #expect(kinds.contains(kind), "\(pdf.path): no \(kind) in the structure tree")
            }
        }
    }

    /// Footnotes stand at the foot of the page that cites them (or, when the citing line is a page's
    /// last, the next), never in a notes section of their own.
    /// Each image of a chapter is a Figure of the PDF's structure carrying the image's alternative
    /// text, which a screen reader reads out. (WeasyPrint 57, Debian's, does not tag images at all;
    /// `make test` runs the WeasyPrint its test environment installs from PyPI.)
    @Test func imagesKeepTheirAlternativeTextInThePDF() throws {
        let (output, report) = try buildWithPDFs(Repository.content)
        let log = DiagnosticLog()
        let publication = try #require(ContentLoader.load(contentDirectory: Repository.content, log: log))
        let site = try #require(ChapterRenderer.render(publication, log: log), "\(log.items)")
        for (edition, pdf) in zip(site.editions, report.pdfs) {
            let alts = edition.chapters.flatMap { $0.markdown.images.map(\.alt) }
            let figures = try pdfObjects(output.path + "/site/" + pdf.path).values.filter { $0["/S"] as? String == "/Figure" }
            let carried = figures.compactMap { ($0["/Alt"] as? String).map { $0.hasPrefix("u:") ? String($0.dropFirst(2)) : $0 } }
            #expect(carried.sorted() == alts.sorted(), "\(pdf.path): the images' alternative text \(alts), the PDF's figures \(carried)")
        }
    }

    @Test func footnotesStandAtTheFootOfThePageThatCitesThem() throws {
        let (output, report) = try buildWithPDFs(Repository.fixtures + "/printable/content")
        let pdf = try #require(report.pdfs.last)
        let pages = try Tool.run("pdftotext", ["-enc", "UTF-8", output.path + "/site/" + pdf.path, "-"])
            .split(separator: "\u{0C}").map { flattened(String($0)) }
        let notes = ["First note of the first chapter.", "Second note of the first chapter.",
                     "First note of the second chapter, with the same number as the first chapter's first note."]
        let citing = ["starting point.", "says what changes.", "on GOV.UK"]
        for (note, citation) in zip(notes, citing) {
            let page = pages.firstIndex { $0.contains(note) }
            #expect(page != nil, "the note '\(note)' is not printed")
            let cited = pages.firstIndex { $0.contains(citation) }
            #expect(page == cited, "'\(note)' is on page \((page ?? -1) + 1), cited on page \((cited ?? -1) + 1)")
        }
        #expect(!pages.contains { $0.contains(" Notes ") }, "no notes section")
        #expect(pages.contains { $0.contains("https://www.gov.uk/") }, "a link's address is printed in a footnote")
    }

    /// A numbered block's number is printed on the block's first line, left of its first word and clear of every
    /// word: not on a line of its own above the block, and not in the page margin, which clips it away.
    @Test(arguments: [Repository.fixtures + "/editions-compared/content", Repository.content])
    func paragraphNumbersArePrintedBesideTheFirstLineOfTheirBlock(content: String) throws {
        let (output, report) = try buildWithPDFs(content)
        let log = DiagnosticLog()
        let publication = try #require(ContentLoader.load(contentDirectory: content, log: log), "\(log.items)")
        let site = try #require(ChapterRenderer.render(publication, log: log), "\(log.items)")
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
                        // A list's first marker ("1.", "•") is printed before its text.
                        if block.kind == .list, let marker = onItsLine.first?.text,
                           marker == "•" || (marker.last == "." && marker.dropLast().allSatisfy(\.isNumber)) {
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

    @Test func withoutWeasyPrintTheErrorNamesThePackageAndTheSiteIsStillWritten() throws {
        let output = TemporaryFolder()
        var options = BuildOptions(contentDirectory: Repository.fixtures + "/printable/content", outputDirectory: output.path + "/site",
                                   themesDirectory: Repository.themes)
        options.pdf = true
        options.pdfEnginePath = output.path + "/no-weasyprint-here"
        let failure = try #require(throws: PDFFailure.self) { try built(options) }
        let diagnostic = try #require(failure.diagnostics.first)
        #expect(diagnostic.message.contains("WeasyPrint was not found"))
        #expect(diagnostic.hint?.contains("install the Debian package 'weasyprint'") == true)
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

    /// A bookmark of the PDF and those beneath it, read with qpdf.
    private struct Bookmark {
        var title: String
        var kids: [Bookmark]
    }

    /// qpdf's JSON for `key`. qpdf copies a PDF real as the PDF writes it, and `1.` (which newer
    /// WeasyPrints write) is not JSON: it is read as `1.0`.
    private func qpdfJSON(_ path: String, key: String) throws -> [String: Any]? {
        let json = try Tool.run("qpdf", ["--json", "--json-key=\(key)", path])
            .replacingOccurrences(of: #"(?<=[0-9])\.(?=\s*[,}\]])"#, with: ".0", options: .regularExpression)
        return try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    }

    private func outline(_ path: String) throws -> [Bookmark] {
        let object = try qpdfJSON(path, key: "outlines")
        func bookmarks(_ list: [[String: Any]]) -> [Bookmark] {
            list.map { Bookmark(title: $0["title"] as? String ?? "", kids: bookmarks($0["kids"] as? [[String: Any]] ?? [])) }
        }
        return bookmarks(object?["outlines"] as? [[String: Any]] ?? [])
    }

    /// Every object of the PDF, by reference ("obj:3 0 R"), as qpdf's JSON writes it.
    private func pdfObjects(_ path: String) throws -> [String: [String: Any]] {
        let object = try qpdfJSON(path, key: "qpdf")
        let objects = (object?["qpdf"] as? [Any])?.last as? [String: Any] ?? [:]
        var result: [String: [String: Any]] = [:]
        for (reference, value) in objects {
            if let dictionary = (value as? [String: Any])?["value"] as? [String: Any] { result[reference] = dictionary }
            // A stream's dictionary.
            if let stream = (value as? [String: Any])?["stream"] as? [String: Any], let dictionary = stream["dict"] as? [String: Any] {
                result[reference] = dictionary
            }
        }
        return result
    }

    private enum LinkTarget {
        case inDocument
        case address(String)
    }

    /// Where each link annotation of the PDF leads.
    private func linkAnnotations(_ path: String) throws -> [LinkTarget] {
        let objects = try pdfObjects(path)
        return objects.values.filter { $0["/Subtype"] as? String == "/Link" }.map { annotation in
            var action = annotation["/A"] as? [String: Any]
            if let reference = annotation["/A"] as? String { action = objects["obj:" + reference] }
            if let uri = action?["/URI"] as? String { return .address(uri.hasPrefix("u:") ? String(uri.dropFirst(2)) : uri) }
            return .inDocument
        }
    }
}
