import Foundation
import Synchronization
import Testing
@testable import RoutemapKit

/// The picture a shared link shows: a 1200×630 PNG per edition and for the publication, drawn by
/// rsvg-convert from the theme's social-card.mustache, named with its alt text in og:image and
/// twitter:image. Needs rsvg-convert (Debian's librsvg2-bin, which `make test` installs).
@Suite struct SocialCardTests {
    private let chapter = "---\ntitle: Governance\norder: 1\n---\n\nText.\n"
    private let withBaseURL = MiniSite.config.replacingOccurrences(of: "title: Test publication",
                                                                   with: "title: Test publication\nbase_url: https://test.example/routemap/")

    @Test func eachEditionAndThePublicationHaveACardNamedWithItsAltText() throws {
        let folder = MiniSite.make(chapters: ["governance.md": chapter], config: withBaseURL)
        let report = try generated(MiniSite.options(folder))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        for path in ["social-card.png", "draft/social-card.png"] {
            let png = try #require(bytes(of: path, in: report), "\(path) was not made")
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(path) is not a PNG")
            // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
            #expect(Array(png[16..<24]) == [0, 0, 0x04, 0xB0, 0, 0, 0x02, 0x76], "\(path) is not 1200×630")
        }
        let page = try #require(report.files.first { $0.path == "draft/governance.html" }?.text)
        #expect(page.contains(#"<meta property="og:image" content="https://test.example/routemap/draft/social-card.png">"#))
        #expect(page.contains(#"<meta name="twitter:image" content="https://test.example/routemap/draft/social-card.png">"#))
        #expect(page.contains(#"<meta property="og:image:alt" content="The draft – The draft, published by Test publisher">"#))
        #expect(page.contains(#"<meta name="twitter:image:alt" content="The draft – The draft, published by Test publisher">"#))
        #expect(page.contains(#"<meta name="twitter:card" content="summary_large_image">"#))
        let front = try #require(report.files.first { $0.path == "index.html" }?.text)
        #expect(front.contains(#"<meta property="og:image" content="https://test.example/routemap/social-card.png">"#))
        #expect(front.contains(#"content="Test publication – The draft, published by Test publisher">"#))
    }

    @Test func theSameContentGivesTheSameBytesAndAnotherTitleAnotherCard() throws {
        let folder = MiniSite.make(chapters: ["governance.md": chapter], config: withBaseURL)
        try built(MiniSite.options(folder))
        let written = try #require(FileManager.default.contents(atPath: folder.path + "/output/draft/social-card.png"))
        let first = try #require(bytes(of: "draft/social-card.png", in: generated(MiniSite.options(folder))))
        #expect(first == [UInt8](written), "two builds of the same content made different cards")

        // Drawn twice by rsvg-convert, not taken from what this process drew before.
        let renderer = try #require(SocialCardRenderer.find(), "rsvg-convert is not installed: run `make test`")
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><text x="80" y="300" font-size="60">Same words</text></svg>"#
        let once = try #require(renderer.png(svg: svg, reuse: false))
        #expect(renderer.png(svg: svg, reuse: false) == once, "rsvg-convert drew the same SVG as different bytes")

        let retitled = MiniSite.make(chapters: ["governance.md": chapter], config: withBaseURL,
                                     edition: MiniSite.edition.replacingOccurrences(of: "title: The draft", with: "title: The second draft"))
        let other = try #require(bytes(of: "draft/social-card.png", in: generated(MiniSite.options(retitled))))
        #expect(other != first, "the card does not show the edition's title")
    }

    @Test func aThemeLogoIsDrawnOnTheCard() throws {
        let folder = MiniSite.make(chapters: ["governance.md": chapter], config: withBaseURL)
        folder.write("themes/branded/templates/.keep", "")
        folder.write("themes/branded/assets/logo.svg", ##"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><rect width="100" height="40" fill="#ffdd00"/></svg>"##)
        var options = MiniSite.options(folder)
        let plain = try #require(bytes(of: "draft/social-card.png", in: generated(options)))
        try FileManager.default.copyItem(atPath: Repository.themes + "/default", toPath: folder.path + "/themes/default")
        options.themesDirectory = folder.path + "/themes"
        options.themeName = "branded"
        let branded = try #require(bytes(of: "draft/social-card.png", in: generated(options)))
        #expect(branded != plain)
    }

    @Test func withoutBaseURLOrWithoutRsvgConvertThereIsNoCardAndTheBuildStillWorks() throws {
        let plain = MiniSite.make(chapters: ["governance.md": chapter])
        let report = try generated(MiniSite.options(plain))
        #expect(!report.files.contains { $0.path.hasSuffix("social-card.png") })
        #expect(report.files.first { $0.path == "draft/governance.html" }?.text?.contains("og:image") == false)

        let folder = MiniSite.make(chapters: ["governance.md": chapter], config: withBaseURL)
        var options = MiniSite.options(folder)
        options.rsvgConvertPath = folder.path + "/no-such/rsvg-convert"
        let built = try built(options)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/output/draft/social-card.png"))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/output/draft/governance.html"))
        let page = try String(contentsOfFile: folder.path + "/output/draft/governance.html", encoding: .utf8)
        #expect(!page.contains("og:image"), "a page names a card that was not made")
        let warning = try #require(built.diagnostics.first)
        #expect(built.diagnostics.count == 1 && warning.severity == .warning)
        #expect(warning.message.contains("no social cards were made") && warning.message.contains("rsvg-convert"))
        #expect(warning.hint?.contains("librsvg2-bin") == true)
        #expect(warning.file.hasSuffix("content/routemap.yml"))
    }

    /// A build draws each card once, with an rsvg-convert of its own, all started before the pages
    /// are made (`PlannedFile.prepare`); `check`, which reads no card, draws none.
    @Test func aBuildDrawsEachCardOnceAndACheckDrawsNone() async throws {
        // A title of its own: a card this process drew before (another test's) is not drawn again.
        let folder = MiniSite.make(chapters: ["governance.md": chapter],
                                   config: withBaseURL.replacingOccurrences(of: "title: Test publication", with: "title: Cards \(UUID().uuidString)"))
        // A stand-in for rsvg-convert that notes each run, then answers with a PNG's signature.
        let log = folder.path + "/drawn.log"
        folder.write("bin/rsvg-convert", "#!/bin/sh\necho drawn >> '\(log)'\ncat > /dev/null\nprintf '\\211PNG\\r\\n\\032\\ncard'\n")
        #expect(chmod(folder.path + "/bin/rsvg-convert", 0o755) == 0)
        var options = MiniSite.options(folder)
        options.rsvgConvertPath = folder.path + "/bin/rsvg-convert"
        func drawn() -> Int { ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").count }

        let report = await SiteChecker.check(CheckOptions(build: options))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(drawn() == 0, "check drew \(drawn()) cards")

        try built(options)
        #expect(drawn() == 2, "the publication's card and the draft's, once each: \(drawn()) drawn")
        for path in ["social-card.png", "draft/social-card.png"] {
            #expect(FileManager.default.contents(atPath: folder.path + "/output/" + path) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("card".utf8)))
        }
    }

    /// Started, a card is drawn on a thread of its own while the caller goes on; asked for, it is
    /// waited for (and started, when nothing started it); started twice, it is drawn once.
    @Test func aCardDrawingRunsBesideItsCallerAndDrawsOnce() {
        let release = DispatchSemaphore(value: 0)
        let draws = Mutex(0)
        let drawing = CardDrawing {
            draws.withLock { $0 += 1 }
            release.wait()
            return [1, 2, 3]
        }
        drawing.start()
        drawing.start()
        let deadline = Date().addingTimeInterval(10)
        while draws.withLock({ $0 }) == 0, Date() < deadline { usleep(1_000) }
        #expect(draws.withLock { $0 } == 1, "start() did not begin drawing on its own thread")
        release.signal()
        #expect(drawing.png == [1, 2, 3])
        #expect(drawing.png == [1, 2, 3])
        #expect(draws.withLock { $0 } == 1)

        let unstarted = CardDrawing { nil }
        #expect(unstarted.png == nil, "a card rsvg-convert could not draw")
    }

    private func bytes(of path: String, in report: BuildReport) -> [UInt8]? {
        guard let file = report.files.first(where: { $0.path == path }), case .bytes(let bytes) = file.contents else { return nil }
        return bytes
    }
}
