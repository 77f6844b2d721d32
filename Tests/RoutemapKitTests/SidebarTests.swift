import Testing
@testable import RoutemapKit

@Suite struct SidebarTests {
    @Test func windowStaysInsideItsRange() {
        #expect(window(around: 0, radius: 2, in: 0..<10) == 0..<5)
        #expect(window(around: 5, radius: 2, in: 0..<10) == 3..<8)
        #expect(window(around: 9, radius: 2, in: 0..<10) == 5..<10)
        #expect(window(around: 11, radius: 5, in: 10..<13) == 10..<13)
    }

    @Test func countsAreWrittenOut() {
        #expect(count(1, "earlier part") == "1 earlier part")
        #expect(count(14, "later chapter") == "14 later chapters")
        #expect(count(1960, "later chapter") == "1,960 later chapters")
        #expect(count(1_234_567, "part") == "1,234,567 parts")
    }

    @Test func partsFollowTheChaptersPartNames() {
        func chapter(_ n: Int, _ part: String?) -> Chapter {
            Chapter(id: "c\(n)", title: "C\(n)", order: n, part: part, themes: [], audiences: [], status: "final", summary: nil,
                    updated: nil, sourcePath: "c\(n).md", fileName: "c\(n).md", body: [], bodyLineOffset: 0, number: n)
        }
        let outline = PartOutline([chapter(1, nil), chapter(2, "A"), chapter(3, nil), chapter(4, "B"), chapter(5, "A")])
        #expect(outline.parts.map(\.heading) == [nil, "A", "B", "A"])
        #expect(outline.parts.map(\.chapters) == [0..<1, 1..<3, 3..<4, 4..<5])
        #expect(outline.parts.map(\.anchor) == ["part-1", "part-2", "part-3", "part-4"])
        #expect(outline.partOfChapter == [0, 1, 1, 2, 3])
    }

    /// However long the edition, a chapter page's sidebar lists a bounded number of entries.
    @Test(arguments: [41, 1000])
    func aLongEditionsSidebarIsBounded(chapters count: Int) throws {
        var text: [String: String] = [:]
        for n in 1...count {
            text[String(format: "c%04d.md", n)] = "---\ntitle: C\(n)\norder: \(n)\npart: \"Part \((n - 1) / 20 + 1)\"\n---\nText.\n"
        }
        let site = MiniSite.make(chapters: text)
        let report = try generated(BuildOptions(contentDirectory: site.path + "/content", outputDirectory: site.path + "/out",
                                                           themesDirectory: Repository.themes))
        let pages = report.files.filter { $0.path.hasPrefix("draft/c") }
        #expect(pages.count == count)
        for page in pages {
            guard let html = page.text else { continue }
            let sidebar = html.split(separator: "<nav class=\"sidebar\"")[1]
            let links = sidebar.components(separatedBy: "<a href").count - 1
            #expect(links <= 2 + 7 + 11 + 4, "\(page.path): \(links) links")
            #expect(sidebar.contains("aria-current=\"page\""))
        }
    }
}

@Suite struct RelativeURLTests {
    @Test func bytesAgreeWithSegmentsOnGeneratedPaths() {
        let segments = ["final", "draft", "a", "ab", "index.html", "x.html", "themes", ".", "..", "é", "final.html"]
        var generator = SplitMix64(seed: 42)
        func path() -> String {
            (0..<Int.random(in: 1...4, using: &generator)).map { _ in segments.randomElement(using: &generator)! }.joined(separator: "/")
        }
        for _ in 0..<5000 {
            let page = path()
            let target = path()
            #expect(relativeURL(from: page, to: target) == relativeURLBySegments(from: page, to: target), "\(page) → \(target)")
        }
    }

    @Test func theSameFolderShortcutAgreesWithTheSegments() {
        let paths = ["index.html", "final/index.html", "final/governance.html", "draft/governance.html", "final/images/map.png",
                     "assets/style.css", "final/", "a/b/c.html", "a/b/d.html", "a/x.html", "final/governance.html#how", "finally/x.html"]
        for page in paths where !page.hasSuffix("/") {
            for target in paths {
                #expect(relativeURL(from: page, to: target) == relativeURLBySegments(from: page, to: target), "\(page) → \(target)")
            }
        }
    }
}
