import Foundation
import Testing
@testable import RoutemapKit

/// The printable pages of the fixture and of content/, read back from a built site.
@Suite struct PrintPageTests {
    static let sites = [Repository.fixtures + "/printable/content", Repository.fixtures + "/two-editions/content", Repository.content]

    @Test(arguments: sites)
    func everyInPageLinkHasItsTargetAndNoLinkLeadsToAChapterPage(content: String) throws {
        let output = TemporaryFolder()
        try built(BuildOptions(contentDirectory: content, outputDirectory: output.path, themesDirectory: Repository.themes))
        let publication = ContentLoader.load(contentDirectory: content, log: DiagnosticLog())
        let editions = try #require(publication).editions
        let chapterPages = Set(editions.flatMap { edition in edition.chapters.map { SitePaths.chapter(edition.id, $0.id) } })
        let printPages = editions.map { SitePaths.printPage($0.id) } + [SitePaths.currentPrintPage]
        for page in printPages {
            let html = try #require(output.read(page), "\(page) was not written")
            let ids = SiteIndex.attributeValues("id", in: html)
            let duplicates = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            #expect(duplicates.isEmpty, "\(page): ids used more than once: \(duplicates)")
            let idSet = Set(ids)
            for href in SiteIndex.attributeValues("href", in: html) {
                if href.hasPrefix("#") {
                    let target = String(href.dropFirst()).removingPercentEncoding ?? href
                    #expect(idSet.contains(target), "\(page): \(href) has no target on the page")
                } else if !href.contains(":") {
                    let path = resolve(href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0], from: page)
                    #expect(!chapterPages.contains(path), "\(page): \(href) leads to a chapter page")
                }
            }
        }
        #expect(SiteIndex(folder: output.path).brokenLinks().isEmpty)
    }

    @Test func theFixturesPrintablePageHasCoverContentsAndNumberedChapters() throws {
        let output = TemporaryFolder()
        try built(BuildOptions(contentDirectory: Repository.fixtures + "/printable/content", outputDirectory: output.path,
                                           themesDirectory: Repository.themes))
        let page = try #require(output.read("two/print/index.html"))
        #expect(page == output.read("print/index.html")?.replacingOccurrences(of: "\"../", with: "\"../../")
            .replacingOccurrences(of: "../../two/", with: "../")
            .replacingOccurrences(of: "https://print.example/print/", with: "https://print.example/two/print/"),
                "print/ holds the current edition's printable page")
        for text in ["<dt>Available at</dt><dd><a class=\"print-address\" href=\"https://print.example/two/print/\">",
                     "<dt>Published</dt><dd>11 May 2011</dd>", "<dt>Publisher</dt><dd>Print Fixture Society</dd>",
                     "<li value=\"2\"><a href=\"#chapter-plan\"><span class=\"chapter-number\">2.</span> The plan",
                     "<p class=\"caption\">Part 2: Action</p>\n      <h1><span class=\"chapter-number\">3.</span> Annex</h1>",
                     "<button type=\"button\" class=\"button print-button\" data-print-button hidden>Print</button>",
                     "<script src=\"../../assets/print.js\" defer></script>"] {
            #expect(page.contains(text), "missing: \(text)")
        }
        #expect(!page.contains("onclick") && !page.contains("onload"), "no inline handlers")
        let chapter = try #require(output.read("two/plan.html"))
        #expect(chapter.contains("<a href=\"print/index.html#chapter-plan\">"), "a chapter page links to its section of the printable page")
        let contents = try #require(output.read("two/index.html"))
        #expect(contents.contains("<a href=\"print/index.html\">"))
        #expect(!contents.contains(".pdf"), "no PDF link without --pdf")
    }

    private func resolve(_ href: Substring, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in href.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }
}

/// Runs the command-line tools the print tests use (Chromium, poppler-utils, qpdf; `make test` installs them).
enum Tool {
    static let chromiumFlags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions"]

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `name` from the PATH and returns what it wrote to standard output; throws when it fails.
    @discardableResult
    static func run(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(name) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus); is it installed? (make test installs it)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
