import Foundation
import Testing
@testable import RoutemapKit

/// A date a page would show that has not happened by the build date is a warning where it is
/// written, and an error with `--strict`.
@Suite struct FutureDatesTests {
    static let chapter = "---\ntitle: Governance\ntheme: governance\nupdated: 2011-05-20\n---\n\nText.\n"

    func diagnostics(_ folder: TemporaryFolder, on day: String, strict: Bool = false) -> [Diagnostic] {
        var options = MiniSite.options(folder)
        options.buildDate = CalendarDate(iso: day)!
        options.strict = strict
        return SiteBuilder.buildInMemory(options).diagnostics
    }

    @Test func aChapterUpdatedAfterTheBuildDateIsAWarningAtItsDate() {
        let folder = MiniSite.make(chapters: ["governance.md": Self.chapter])
        let found = diagnostics(folder, on: "2011-05-11")
        #expect(found.count == 1)
        let warning = found.first
        #expect(warning?.severity == .warning)
        #expect(warning.map { "\($0.file):\($0.line):\($0.column)" } == folder.path + "/content/draft/governance.md:4:10")
        #expect(warning?.message == "'updated: 2011-05-20' is after the build date (2011-05-11)")
        #expect(diagnostics(folder, on: "2011-05-20").isEmpty)
        #expect(diagnostics(folder, on: "2011-05-11", strict: true).map(\.severity) == [.error])
    }

    @Test func anAccessibilityReviewAfterTheBuildDateIsAWarningAtItsDate() {
        let config = MiniSite.config.replacingOccurrences(of: "last_reviewed: 2011-03-01", with: "last_reviewed: 2011-03-09")
        let folder = MiniSite.make(chapters: ["governance.md": "---\ntitle: Governance\ntheme: governance\n---\n\nText.\n"], config: config)
        let found = diagnostics(folder, on: "2011-03-08")
        #expect(found.map { "\($0.file):\($0.line):\($0.column): \($0.severity)" } == [folder.path + "/content/routemap.yml:6:18: warning"])
        #expect(found.first?.message.contains("last_reviewed: 2011-03-09") == true)
    }
}
