import Foundation
import Testing

/// A build replaces its output folder whole, so it must never be pointed at anything but a site it
/// wrote. Each case runs the real command in a throw-away folder and checks, byte for byte, that
/// whatever the output named is exactly as it was.
@Suite(.serialized) struct OutputSafetyTests {
    private static let refusedHere = "routemap will not write the site here"

    /// Runs `build --output <output>` and expects it refused with every part of `message`, and
    /// nothing in the throw-away folder changed.
    private func expectRefused(_ output: String, in site: SiteFolder, from folder: String? = nil, environment: [String: String] = [:],
                               message: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = site.everything()
        let (status, text) = try Command.run(["build", "--content", site.path + "/content", "--themes", site.path + "/themes",
                                              "--output", output], in: folder ?? site.path, environment: environment)
        #expect(status == 1, "\(text)", sourceLocation: sourceLocation)
        for part in message + ["hint:", "Build failed: nothing was written."] {
            #expect(text.contains(part), "'\(part)' not in:\n\(text)", sourceLocation: sourceLocation)
        }
        #expect(!text.contains("crashed"), sourceLocation: sourceLocation)
        #expect(site.everything() == before, "something under the throw-away folder changed", sourceLocation: sourceLocation)
    }

    @Test func theFoldersTheBuildReadsAndTheFoldersAboveThemAreNeverReplaced() throws {
        let site = try SiteFolder()
        try site.write("content/draft/a.md", "---\ntitle: Alpha\n---\n\nText.\n")
        try site.write("content/final/notes.txt", "kept\n")
        try site.write("home/.ssh/id_ed25519", "a private key\n")
        try FileManager.default.createDirectory(atPath: site.path + "/work/deeper", withIntermediateDirectories: true)

        try expectRefused("content", in: site, message: ["content: error:", Self.refusedHere, "it is the content folder"])
        try expectRefused("content/", in: site, message: ["it is the content folder"])
        try expectRefused("./content/.", in: site, message: ["it is the content folder"])
        try expectRefused("content/final/site", in: site, message: ["it lies inside the content folder"])
        try expectRefused("themes", in: site, message: ["it is the themes folder"])
        try expectRefused("themes/default/assets", in: site, message: ["it lies inside the themes folder"])
        // The content's parent, spelled four ways from two places.
        try expectRefused(".", in: site, message: ["it is the folder routemap runs in"])
        try expectRefused("./", in: site, message: ["it is the folder routemap runs in"])
        try expectRefused(site.path, in: site, message: ["it is the folder routemap runs in"])
        try expectRefused("../..", in: site, from: site.path + "/work/deeper", message: ["it holds the folder routemap runs in"])
        try expectRefused("..", in: site, message: ["it holds the folder routemap runs in"])
        try expectRefused("/", in: site, message: ["it is the root of the file system"])
        try expectRefused(site.path + "/home", in: site, environment: ["HOME": site.path + "/home"], message: ["it is the home folder"])
        try expectRefused("home", in: site, message: ["holds files routemap did not write ('.ssh')"])
    }

    @Test func aFileALinkOrSomeoneElsesFolderIsRefusedAndLeftAsItWas() throws {
        let site = try SiteFolder()
        try site.write("content/draft/a.md", "---\ntitle: Alpha\n---\n\nText.\n")
        try site.write("notes.txt", "my notes\n")
        try site.write("photos/2019/a.jpg", "a photo\n")
        try FileManager.default.createSymbolicLink(atPath: site.path + "/link", withDestinationPath: "photos")

        try expectRefused("notes.txt", in: site, message: ["notes.txt: error: the output is a file, not a folder"])
        try expectRefused("photos", in: site, message: ["holds files routemap did not write ('2019')", "choose another --output, or empty the folder"])
        try expectRefused("link", in: site, message: ["the output is a symbolic link (it leads to \(site.path)/photos)"])

        // An empty folder is fine, and once it holds a site, the next build may replace it.
        try FileManager.default.createDirectory(atPath: site.path + "/empty", withIntermediateDirectories: false)
        #expect(try Command.run(["build", "--output", "empty"], in: site.path).status == 0)
        #expect(FileManager.default.fileExists(atPath: site.path + "/empty/.routemap-site"))
        #expect(try Command.run(["build", "--output", "empty"], in: site.path).status == 0)
    }

    /// These spellings crashed the build ("Illegal instruction") or named the wrong cause.
    @Test(arguments: ["./out", "out//", "out/.", "./out/", "sub/../out"])
    func pathSpellingsAreNormalisedBeforeAnything(spelling: String) throws {
        let site = try SiteFolder()
        try site.write("content/draft/a.md", "---\ntitle: Alpha\n---\n\nText.\n")
        for _ in 1...2 {
            let (status, text) = try Command.run(["build", "--output", spelling], in: site.path)
            #expect(status == 0, "\(text)")
        }
        #expect(FileManager.default.fileExists(atPath: site.path + "/out/draft/a.html"))
        #expect(site.entries().sorted() == ["content", "out", "themes"], "no staging folder or stray 'sub' is left")
    }

    @Test func onlyLeftoversABuildCanProveItsOwnAreDeleted() throws {
        let site = try SiteFolder()
        try site.write("content/draft/a.md", "---\ntitle: Alpha\n---\n\nText.\n")
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let gone = finished.processIdentifier
        // Look like leftovers of a build, but no build claimed them.
        try site.write("output.old-2019/precious.txt", "kept\n")
        try site.write("output.tmp-\(gone)/precious.txt", "kept\n")
        // What a build killed midway leaves: its claim names its process, which has ended.
        try site.write("output.tmp-stopped-\(gone)/draft/a.html", "half a site\n")
        try site.write("output.tmp-stopped-\(gone)/.routemap-building", "routemap build, process \(gone)\n")

        let (status, text) = try Command.run(["build"], in: site.path)
        #expect(status == 0, "\(text)")
        #expect(site.entries().sorted() == ["content", "output", "output.old-2019", "output.tmp-\(gone)", "themes"])
        #expect(site.read("output.old-2019/precious.txt") == "kept\n")
        #expect(site.read("output.tmp-\(gone)/precious.txt") == "kept\n")
    }

    /// The previous site is deleted after the new one is in place; when it cannot be, the build
    /// says where it is (it used to stay behind without a word), and the next build deletes it.
    @Test(.enabled(if: Immutable.works, "needs chattr on an ext file system"))
    func aPreviousSiteThatCannotBeDeletedIsReported() throws {
        let site = try SiteFolder()
        try site.write("content/draft/a.md", "---\ntitle: Alpha\n---\n\nText.\n")
        #expect(try Command.run(["build"], in: site.path).status == 0)
        let stuck = site.path + "/output/draft/a.html"
        try Immutable.set(stuck, true)
        defer { try? Immutable.set(stuck, false) }
        try site.write("content/draft/a.md", "---\ntitle: Alpha, changed\n---\n\nText.\n")

        let (process, pipe) = try Command.start(["build"], in: site.path)
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let leftover = "output.tmp-\(process.processIdentifier)"
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("\(site.path)/\(leftover):1:1: warning: the previous site, moved aside when the new one was put in output, could not be deleted"), "\(text)")
        #expect(text.contains("hint: delete \(site.path)/\(leftover) by hand"))
        #expect(site.read("output/draft/a.html")?.contains("Alpha, changed") == true)

        try Immutable.set(site.path + "/\(leftover)/draft/a.html", false)
        #expect(try Command.run(["build"], in: site.path).status == 0)
        #expect(!site.entries().contains(leftover), "the next build proves the leftover its own and deletes it")
    }

    @Test func publishedFilesAreNeverMoreReadableThanTheirSourceAndNeverComeFromOutsideTheContent() throws {
        let site = try SiteFolder()
        try site.write("content/draft/a.md", "---\ntitle: Alpha\n---\n\n![Plan](images/plan.png)\n")
        try site.write("content/draft/images/plan.png", "a picture\n")
        try site.write("content/draft/images/private.csv", "for the team only\n")
        chmod(site.path + "/content/draft/images/private.csv", 0o640)
        #expect(try Command.run(["build"], in: site.path).status == 0)
        #expect(Command.mode(site.path + "/output/draft/images/private.csv") == 0o640)
        #expect(Command.mode(site.path + "/output/draft/images/plan.png") == 0o644)
        #expect(Command.mode(site.path + "/output/draft/a.html") == 0o644)

        let before = site.output()
        try site.write("secret/shadow", "root:$6$hash\n")
        try FileManager.default.createSymbolicLink(atPath: site.path + "/content/draft/images/shadow", withDestinationPath: site.path + "/secret/shadow")
        try FileManager.default.createSymbolicLink(atPath: site.path + "/content/draft/images/gone.png", withDestinationPath: "nowhere.png")
        #expect(mkfifo(site.path + "/content/draft/images/pipe", 0o644) == 0)
        let (status, text) = try Command.run(["build"], in: site.path)
        #expect(status == 1)
        #expect(text.contains("content/draft/images/shadow:1:1: error: this symbolic link leads out of the content folder, to \(site.path)/secret/shadow"), "\(text)")
        #expect(text.contains("content/draft/images/gone.png:1:1: error: this symbolic link leads nowhere"))
        #expect(text.contains("content/draft/images/pipe:1:1: error: this is not a regular file"))
        #expect(site.output() == before)
    }

    @Test func contentIsPrintedWithItsControlCharactersEscaped() throws {
        let site = try SiteFolder()
        try site.write("content/draft/a.md", "---\ntitle: Alpha\n---\n\n[e](<\u{1B}]0;PWNED\u{07}.md>) and [b](<\u{202E}gpj.md>)\n")
        let (status, text) = try Command.run(["build"], in: site.path)
        #expect(status == 1)
        #expect(text.contains("content/draft/a.md:5:1: error: link to a chapter that does not exist: '\\u{1B}]0;PWNED\\u{7}.md'"), "\(text)")
        #expect(text.contains("'\\u{202E}gpj.md'"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x202E }, "a control character reached the terminal")
    }
}

/// `chattr +i`: a file even root cannot delete, to make a deletion fail.
enum Immutable {
    static let works: Bool = {
        let file = NSTemporaryDirectory() + "routemap-chattr-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: file, contents: Data())
        defer { try? set(file, false); try? FileManager.default.removeItem(atPath: file) }
        return (try? set(file, true)) != nil && unlink(file) != 0
    }()

    static func set(_ path: String, _ on: Bool) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [on ? "+i" : "-i", path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteNoPermission) }
    }
}
