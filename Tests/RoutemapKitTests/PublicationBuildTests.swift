import Foundation
import Testing
@testable import RoutemapKit

/// Builds the real publication in content/ and follows every link in the output.
@Suite struct PublicationBuildTests {
    @Test func theRoutemapBuildsWithoutDiagnostics() throws {
        let output = TemporaryFolder()
        let report = try built(BuildOptions(contentDirectory: Repository.content, outputDirectory: output.path + "/site",
                                                        themesDirectory: Repository.themes, buildDate: CalendarDate(iso: "2011-06-01")!))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.chapterCount >= 28)
        for page in ["index.html", "draft/index.html", "final/index.html", "final/governance.html", "draft/how-to-respond.html"] {
            #expect(output.read("site/" + page) != nil, "\(page) was not written")
        }
    }

    @Test func everyInternalLinkAndAnchorInTheOutputResolves() throws {
        let output = TemporaryFolder()
        try built(BuildOptions(contentDirectory: Repository.content, outputDirectory: output.path,
                                           themesDirectory: Repository.themes, buildDate: CalendarDate(iso: "2011-06-01")!))
        let site = SiteIndex(folder: output.path)
        #expect(site.pages.count > 30)
        let broken = site.brokenLinks()
        #expect(broken.isEmpty, "broken links:\n\(broken.joined(separator: "\n"))")
    }

    @Test func theSameContentGivesByteIdenticalOutput() throws {
        let options = BuildOptions(contentDirectory: Repository.content, outputDirectory: "unused", themesDirectory: Repository.themes, buildDate: CalendarDate(iso: "2011-06-01")!)
        let first = try generated(options).files
        let second = try generated(options).files
        #expect(first.map(\.path) == second.map(\.path))
        for (a, b) in zip(first, second) {
            if let x = a.text, let y = b.text { #expect(x == y, "\(a.path) differs between builds") }
        }
    }
}

/// The pages of a generated site, their ids and their links, read back from disk.
struct SiteIndex {
    let folder: String
    /// Page path → ids on it.
    let pages: [String: Set<String>]
    /// Page path → href and src values on it.
    let links: [String: [String]]

    init(folder: String) {
        self.folder = folder
        var pages: [String: Set<String>] = [:]
        var links: [String: [String]] = [:]
        for path in listFiles(folder) where path.hasSuffix(".html") {
            let html = String(decoding: FileManager.default.contents(atPath: folder + "/" + path)!, as: UTF8.self)
            pages[path] = Set(SiteIndex.attributeValues("id", in: html))
            links[path] = SiteIndex.attributeValues("href", in: html) + SiteIndex.attributeValues("src", in: html)
        }
        self.pages = pages
        self.links = links
    }

    /// Every link to a file of the site that does not exist or to an id that is not on its page,
    /// as "page: link".
    func brokenLinks() -> [String] {
        var broken: [String] = []
        for (page, hrefs) in links.sorted(by: { $0.key < $1.key }) {
            for href in hrefs where !href.contains(":") && !href.hasPrefix("//") {
                let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let path = String(parts[0])
                let fragment = parts.count > 1 ? String(parts[1]).removingPercentEncoding ?? String(parts[1]) : nil
                let target = path.isEmpty ? page : resolve(path, from: page)
                guard FileManager.default.fileExists(atPath: folder + "/" + target) else {
                    broken.append("\(page): \(href) (no file \(target))")
                    continue
                }
                if let fragment, !fragment.isEmpty, !(pages[target]?.contains(fragment) ?? false) {
                    broken.append("\(page): \(href) (no id '\(fragment)' on \(target))")
                }
            }
        }
        return broken
    }

    private func resolve(_ path: String, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }

    static func attributeValues(_ name: String, in html: String) -> [String] {
        var values: [String] = []
        var rest = html[...]
        let marker = " \(name)=\""
        while let start = rest.range(of: marker) {
            let valueStart = start.upperBound
            guard let end = rest[valueStart...].firstIndex(of: "\"") else { break }
            values.append(String(rest[valueStart..<end]).replacingOccurrences(of: "&amp;", with: "&"))
            rest = rest[end...]
        }
        return values
    }
}
