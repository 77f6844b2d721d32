import Foundation
import Testing

/// What only a real process can show: a build that cannot be waited for, and a build that is
/// stopped midway, both leave output/ as it was.
@Suite(.serialized) struct BuildSafetyTests {
    @Test func aChapterThatHangsTheParserIsNamedAndTheBuildStopsLeavingOutputAlone() throws {
        let site = try SiteFolder()
        try site.write("content/draft/a.md", "---\ntitle: Alpha\norder: 1\n---\n\nText.\n")
        #expect(try Command.run(["build"], in: site.path).status == 0)
        let before = site.output()

        // Debian's cmark-gfm takes minutes on this.
        try site.write("content/draft/pasted.md", "---\ntitle: Pasted\norder: 2\n---\n\n"
            + String(repeating: " -", count: 40_000) + "x" + String(repeating: "\n", count: 40_000))
        let started = Date()
        let (status, output) = try Command.run(["build", "--render-timeout", "2"], in: site.path)
        let elapsed = Date().timeIntervalSince(started)
        #expect(status == 1)
        #expect(output.contains("Still rendering content/draft/pasted.md after 1 s; the limit is 2 s…"), "\(output)")
        #expect(output.contains("content/draft/pasted.md:1:1: error: rendering this chapter's Markdown took longer than 2 s (it was still in cmark-gfm's parsing of the Markdown), so the build stopped"), "\(output)")
        #expect(output.contains("output/ was left as it was"))
        #expect(elapsed < 30, "the process ends at the limit instead of waiting for the parser")
        #expect(site.output() == before)
        #expect(!site.entries().contains { $0.hasPrefix("output.") }, "no half-written site is left beside output/")
    }

    /// A big generated site, so that the build is still writing when it is stopped.
    private func bigSite() throws -> SiteFolder {
        let site = try SiteFolder()
        try site.write("content/draft/a.md", "---\ntitle: Alpha\norder: 1\n---\n\nThe small site.\n")
        return site
    }

    private func growBig(_ site: SiteFolder) throws {
        let paragraph = String(repeating: "Partners decide together, and say so in plain words. ", count: 40)
        for number in 1...300 {
            try site.write("content/draft/chapter-\(number).md", "---\ntitle: Chapter \(number)\norder: \(number + 1)\n---\n\n"
                + (1...12).map { "## Section \($0)\n\n\(paragraph)\n" }.joined(separator: "\n"))
        }
    }

    @Test(arguments: [SIGKILL, SIGTERM, SIGINT])
    func aBuildStoppedMidwayLeavesOutputAsItWas(signal: Int32) throws {
        let site = try bigSite()
        #expect(try Command.run(["build"], in: site.path).status == 0)
        let before = site.output()
        #expect(before["draft/a.html"] != nil)
        try growBig(site)

        let (process, pipe) = try Command.start(["build"], in: site.path)
        let staging = site.path + "/output.tmp-\(process.processIdentifier)"
        // Wait until it is writing the new site beside output/, then stop it.
        let deadline = Date().addingTimeInterval(120)
        while !FileManager.default.fileExists(atPath: staging + "/draft") && process.isRunning && Date() < deadline { usleep(1000) }
        #expect(process.isRunning, "the build finished before it could be stopped; make the generated site bigger")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        _ = pipe.fileHandleForReading.readDataToEndOfFile()

        if signal == SIGKILL {
            #expect(process.terminationReason == .uncaughtSignal)
        } else {
            #expect(process.terminationStatus == 128 + signal)
            #expect(!FileManager.default.fileExists(atPath: staging), "a caught signal removes the half-written site")
        }
        #expect(site.output() == before, "output/ must be exactly the site from before")

        // The next build clears any leftover and completes.
        guard signal == SIGKILL else { return }
        #expect(try Command.run(["build"], in: site.path).status == 0)
        #expect(site.output()["draft/chapter-300.html"] != nil)
        #expect(!site.entries().contains { $0.hasPrefix("output.") })
    }
}
