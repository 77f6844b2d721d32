import Foundation
import Testing
@testable import RoutemapKit

/// The default theme built into the binary is themes/default as it is: after changing the theme,
/// run scripts/embed-default-theme.py.
@Suite struct DefaultThemeTests {
    @Test func builtInFilesMatchThemesDefault() throws {
        let folder = Repository.themes + "/default"
        let onDisk = listFiles(folder)
        #expect(Set(DefaultThemeFiles.files.keys) == Set(onDisk), "run scripts/embed-default-theme.py")
        for path in onDisk {
            let text = try String(contentsOfFile: folder + "/" + path, encoding: .utf8)
            #expect(DefaultThemeFiles.files[path] == text, "\(path) differs: run scripts/embed-default-theme.py")
        }
    }

    @Test func aBuildWithoutAThemesFolderUsesTheBuiltInTheme() throws {
        let fixture = Repository.fixtures + "/two-editions"
        let options = BuildOptions(contentDirectory: fixture + "/content", outputDirectory: "unused",
                                   themesDirectory: NSTemporaryDirectory() + "no-themes-" + UUID().uuidString,
                                   buildDate: CalendarDate(iso: "2011-06-01")!)
        let report = try generated(options)
        let page = try #require(report.files.first { $0.path == "final/governance.html" }?.text)
        #expect(page == (try String(contentsOfFile: fixture + "/expected/final/governance.html", encoding: .utf8)))
        #expect(report.files.first { $0.path == "assets/style.css" }?.text == DefaultThemeFiles.files["assets/style.css"])
    }
}
