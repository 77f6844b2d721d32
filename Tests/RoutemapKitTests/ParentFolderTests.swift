import Foundation
import Testing
@testable import RoutemapKit

/// The writer finds each file's folder on the path's bytes (`parentFolder(of:)`), where it asked
/// Foundation (`deletingLastPathComponent`, which crashes on some spellings: `.`, `é`, `a//`).
@Suite struct ParentFolderTests {
    @Test func itIsTheFolderThePathNames() {
        let expected = ["output/final/chapter.html": "output/final", "/tmp/site/index.html": "/tmp/site", "/index.html": "/",
                        "index.html": "", "": "", "/": "/", "//": "/", "a/": "", "a//": "", "/a/b/": "/a", "a//b": "a", "//a": "/",
                        "///a//b//": "///a", ".": "", "./a": ".", "../a/b": "../a", "été/chapitre.html": "été", "a b/c d": "a b"]
        for (path, folder) in expected {
            #expect(parentFolder(of: path) == folder, "\(path)")
        }
    }

    /// Paths as the build makes them (no empty part but a leading `/`): the folder Foundation gave.
    @Test func itIsTheFolderFoundationGivesForTheBuildsPaths() {
        var generator = SystemRandomNumberGenerator()
        let parts = ["a", "bc", ".", "..", "é", "chapter-0001.html", "a b"]
        for _ in 0..<2000 {
            let path = (Bool.random(using: &generator) ? "/" : "")
                + (1...Int.random(in: 1...6, using: &generator)).map { _ in parts.randomElement(using: &generator)! }.joined(separator: "/")
            // Of one part, Foundation stops the process on some (`.`, `é`); the table above has them.
            guard path.utf8.contains(UInt8(ascii: "/")) else { continue }
            #expect(parentFolder(of: path) == (path as NSString).deletingLastPathComponent, "\(path)")
        }
    }
}
