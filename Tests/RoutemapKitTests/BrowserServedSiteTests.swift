import Foundation
import Testing
@testable import RoutemapKit

/// The publication as it will be published: built, then served by Debian's nginx with the
/// snippets the guide gives administrators (docs/guide/publishing.md), at the root of a host and
/// under `/routemap/`. Tests/Browser/served_check.py fetches every page over HTTP and follows every
/// link and asset, checks their content types, that unknown addresses answer 404 with the styled
/// 404 page, and that search finds a word there, in headless Chromium. Needs nginx, chromium,
/// chromium-driver and the Python packages, which `make test` installs.
@Suite(.serialized, .tags(.browser)) struct BrowserServedSiteTests {
    static let buildDate = CalendarDate(iso: "2011-06-01")!

    /// The guide's ```nginx blocks: the site at the root of a host, then under /routemap/.
    static func readmeSnippets() throws -> (root: String, subPath: String) {
        let readme = try String(contentsOfFile: Repository.root + "/docs/guide/publishing.md", encoding: .utf8)
        let blocks = readme.components(separatedBy: "```nginx\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        guard blocks.count == 2 else { throw NginxServer.Failure(description: "docs/guide/publishing.md should hold two nginx snippets, not \(blocks.count)") }
        return (blocks[0], blocks[1])
    }

    /// The snippet serving `site` on the test's port instead of /var/www/routemap on port 80.
    static func serving(_ snippet: String, site: String) -> String {
        snippet.replacingOccurrences(of: "listen 80;", with: "listen 127.0.0.1:PORT;")
            .replacingOccurrences(of: "/var/www/routemap", with: site)
    }

    @Test func theSiteWorksBehindNginxAtTheRootOfAHost() async throws {
        guard FileManager.default.isExecutableFile(atPath: NginxServer.executable) else {
            Issue.record("this test needs Debian's nginx: run `make test`, which installs it"); return
        }
        let folder = TemporaryFolder()
        // The PDFs too, so that their type is checked.
        var options = BuildOptions(contentDirectory: Repository.content, outputDirectory: folder.path + "/site",
                                   themesDirectory: Repository.themes, buildDate: Self.buildDate, pdf: true)
        options.renderLimits = RenderLimits(limit: nil)
        let report = try built(options)
        #expect(!report.pdfs.isEmpty)
        let baseURL = try #require(ContentLoader.load(contentDirectory: Repository.content, log: DiagnosticLog())?.config.baseURL)

        let server = try NginxServer(server: Self.serving(try Self.readmeSnippets().root, site: folder.path + "/site"))
        defer { server.stop() }
        let result = try await runBrowserScript(["Tests/Browser/served_check.py", "http://127.0.0.1:\(server.port)/", baseURL, "final", "cloud", "--expect-pdf"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("; 0 problems"), "\(result.output)")
    }

    @Test func theSiteWorksBehindNginxUnderASubPath() async throws {
        guard FileManager.default.isExecutableFile(atPath: NginxServer.executable) else {
            Issue.record("this test needs Debian's nginx: run `make test`, which installs it"); return
        }
        let folder = TemporaryFolder()
        // Published under /routemap/, as the guide says: base_url names the sub-path.
        try FileManager.default.copyItem(atPath: Repository.content, toPath: folder.path + "/content")
        let configPath = folder.path + "/content/routemap.yml"
        let config = try String(contentsOfFile: configPath, encoding: .utf8)
        let baseURL = "https://www.example.org/routemap/"
        let published = config.replacingOccurrences(of: #"(?m)^base_url: .*$"#, with: "base_url: \(baseURL)", options: .regularExpression)
        #expect(published != config, "routemap.yml has a base_url to change")
        try published.write(toFile: configPath, atomically: false, encoding: .utf8)
        try built(BuildOptions(contentDirectory: folder.path + "/content", outputDirectory: folder.path + "/site",
                                           themesDirectory: Repository.themes, buildDate: Self.buildDate))

        let location = Self.serving(try Self.readmeSnippets().subPath, site: folder.path + "/site")
        let server = try NginxServer(server: "server {\n    listen 127.0.0.1:PORT;\n\(location)}\n")
        defer { server.stop() }
        let result = try await runBrowserScript(["Tests/Browser/served_check.py", "http://127.0.0.1:\(server.port)/routemap/", baseURL, "final", "cloud"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("; 0 problems"), "\(result.output)")
    }
}
