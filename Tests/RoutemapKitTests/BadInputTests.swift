import Foundation
import Testing
@testable import RoutemapKit

/// Every kind of bad input an editor can write is reported as a diagnostic at the file, line and column
/// where it can be fixed, says what is wrong and what to do, and never crashes the build.
/// Lines and columns are 1-based and count the whole file, front matter fences included.
@Suite struct BadInputTests {
    // MARK: Helpers

    /// A chapter that is valid on its own.
    static let governance = "---\ntitle: Governance\ntheme: governance\n---\n\n# Governance\n\n## Who decides\n\nText.\n"
    static let information = "---\ntitle: Information\ntheme: information\n---\n\n# Information\n\n## Data care\n\nText.\n"

    /// The diagnostics of a build expected to fail; records an issue when it succeeds.
    func failure(_ folder: TemporaryFolder, sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
        do {
            let report = try generated(MiniSite.options(folder))
            Issue.record("the build succeeded, with diagnostics \(report.diagnostics)", sourceLocation: sourceLocation)
            return report.diagnostics
        } catch {
            #expect(error.diagnostics.hasErrors, "a BuildErrors without errors", sourceLocation: sourceLocation)
            return error.diagnostics
        }
    }

    /// The report of a build expected to succeed (the folder is kept alive for the build's length).
    func success(_ folder: TemporaryFolder) throws -> BuildReport {
        try generated(MiniSite.options(folder))
    }

    /// Expects exactly one diagnostic at `file` (a suffix), `line` and `column`, of `severity`, whose message
    /// contains every part of `message` and whose hint contains every part of `hint`.
    @discardableResult
    func expectDiagnostic(_ diagnostics: [Diagnostic], _ severity: Diagnostic.Severity, file: String, line: Int, column: Int,
                          message: [String], hint: [String] = [],
                          sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        let report = diagnostics.map(\.description).joined(separator: "\n")
        let found = diagnostics.filter { $0.file.hasSuffix(file) && $0.line == line && $0.column == column && $0.severity == severity }
        guard found.count == 1, let diagnostic = found.first else {
            Issue.record("expected one \(severity) at \(file):\(line):\(column), found \(found.count) among:\n\(report)",
                         sourceLocation: sourceLocation)
            return nil
        }
        for part in message {
            #expect(diagnostic.message.contains(part), "message '\(diagnostic.message)' lacks '\(part)'", sourceLocation: sourceLocation)
        }
        #expect(diagnostic.hint?.isEmpty == false, "no hint for '\(diagnostic.message)'", sourceLocation: sourceLocation)
        for part in hint {
            #expect(diagnostic.hint?.contains(part) == true, "hint '\(diagnostic.hint ?? "nil")' lacks '\(part)'", sourceLocation: sourceLocation)
        }
        return diagnostic
    }

    /// `before`, then bytes that are not UTF-8, then `after`.
    func notUTF8(_ before: String, _ invalid: [UInt8], _ after: String) -> Data {
        var data = Data(before.utf8)
        data.append(contentsOf: invalid)
        data.append(Data(after.utf8))
        return data
    }

    // MARK: Malformed YAML

    @Test func malformedFrontMatterIsReportedAtItsLineInTheFile() {
        let folder = MiniSite.make(chapters: ["governance.md": "---\ntitle: Governance\ntheme: governance\nsummary: Who: decides\n---\n\nText.\n"])
        let diagnostics = failure(folder)
        // Line 4 of the file (line 3 of the YAML), at the second ': '.
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 4, column: 13,
                         message: ["malformed YAML", "mapping values are not allowed"], hint: ["quote values that contain ': '"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    @Test func anUnclosedQuoteInFrontMatterSaysWhereItStarted() {
        let folder = MiniSite.make(chapters: ["governance.md": "---\ntitle: Governance\nsummary: \"Who decides\ntheme: governance\n---\n\nText.\n"])
        let diagnostics = failure(folder)
        // The YAML ends after 'theme: governance'; the quote opened at line 3, column 10.
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 4, column: 18,
                         message: ["malformed YAML", "quoted scalar", "started at line 3, column 10"])
    }

    @Test func malformedRoutemapYmlIsReportedAtItsLine() {
        let config = MiniSite.config.replacingOccurrences(of: "publisher: Test publisher", with: "publisher: Test: publisher")
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": Self.governance], config: config))
        expectDiagnostic(diagnostics, .error, file: "content/routemap.yml", line: 2, column: 16,
                         message: ["malformed YAML", "mapping values are not allowed"], hint: ["quote values"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    @Test func malformedEditionYmlIsReportedAtItsLine() {
        let edition = "title: The draft\nkind: final\nstatus: [draft\npublished: 2011-03-08\n"
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": Self.governance], edition: edition))
        expectDiagnostic(diagnostics, .error, file: "content/draft/edition.yml", line: 4, column: 10,
                         message: ["malformed YAML", "flow sequence", "started at line 3, column 9"], hint: ["'['"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    @Test func aFieldGivenTwiceIsReportedWithoutDumpingTheYAML() {
        let folder = MiniSite.make(chapters: ["governance.md": "---\ntheme: governance\ntitle: Governance\ntitle: Governance again\n---\n"])
        let diagnostics = failure(folder)
        let found = expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 3, column: 1,
                                     message: ["'title'", "more than once"], hint: ["keep only one"])
        #expect(found?.message.contains("\n") == false)
    }

    @Test func aControlCharacterInFrontMatterIsReportedWhereItIs() {
        let folder = MiniSite.make(chapters: ["governance.md": "---\ntitle: Governance\nsummary: Who\u{07}decides\n---\n"])
        let diagnostics = failure(folder)
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 3, column: 13,
                         message: ["malformed YAML", "control characters"], hint: ["control character"])
    }

    // MARK: The shape of the front matter

    @Test func frontMatterThatIsNeverClosed() {
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": "---\ntitle: Governance\n\n# Governance\n\nText.\n"]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 1, column: 1,
                         message: ["front matter", "never closed"], hint: ["'---'"])
    }

    @Test func frontMatterThatIsAList() {
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": "---\n- title\n- Governance\n---\n\nText.\n"]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 2, column: 1,
                         message: ["front matter must be a mapping", "not a list"], hint: ["title: Governance"])
    }

    @Test func frontMatterThatIsABareScalar() {
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": "---\nGovernance\n---\n\nText.\n"]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 2, column: 1,
                         message: ["front matter must be a mapping", "not a single value"], hint: ["title: Governance"])
    }

    @Test func aMarkdownFileWithoutFrontMatterIsToldWhatToAdd() {
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": "# Governance\n\nText.\n"]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 1, column: 1,
                         message: ["no front matter"], hint: ["---", "title:"])
    }

    @Test func emptyFrontMatter() {
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": "---\n---\n\nText.\n"]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 2, column: 1,
                         message: ["front matter has no fields"], hint: ["title:"])
    }

    // MARK: Titles

    @Test func aMissingTitle() {
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": "---\ntheme: governance\n---\n\nText.\n"]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 2, column: 1,
                         message: ["missing 'title'"], hint: ["title:"])
    }

    @Test func anEmptyQuotedTitle() {
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": "---\ntitle: \"\"\n---\n\nText.\n"]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 2, column: 8,
                         message: ["'title' is empty"], hint: ["title:"])
    }

    @Test func aTitleWithNoValue() {
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": "---\ntheme: governance\ntitle:\n---\n\nText.\n"]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 3, column: 7,
                         message: ["'title' is empty"], hint: ["title:"])
    }

    @Test(arguments: ["null", "Null", "NULL", "~", ""])
    func aTitleWrittenAsNullIsEmpty(null: String) {
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": "---\ntheme: governance\ntitle: \(null)\n---\n\nText.\n"]))
        let written = null.isEmpty ? [] : ["YAML reads '\(null)' as no value"]
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 3, column: null.isEmpty ? 7 : 8,
                         message: ["'title' is empty"] + written, hint: ["title:"] + (null.isEmpty ? [] : ["title: \"\(null)\""]))
    }

    /// Null, however written, is no value; the same words quoted are text.
    @Test func nullSpellingsAreNoValueAndQuotedOnesAreText() throws {
        let log = DiagnosticLog()
        let config = try #require(ConfigLoader.load(MiniSite.config, file: "content/routemap.yml", log: log))
        let edition = try #require(EditionLoader.load(MiniSite.edition, id: "draft", file: "content/draft/edition.yml", config: config, log: log))
        func chapter(_ fields: String, simpleYAML: Bool) -> Chapter? {
            let text = "---\n" + fields + "\n---\nThe body.\n"
            return ChapterLoader.load(text: Array(text.utf8), fileName: "governance.md", sourcePath: "content/draft/governance.md",
                                      edition: edition, config: config, log: DiagnosticLog(), trySimpleYAML: simpleYAML)
        }
        for simpleYAML in [true, false] {
            for null in ["null", "Null", "NULL", "~", "", "!!null whatever"] {
                let loaded = chapter("title: Governance\nsummary: \(null)\npart: \(null)", simpleYAML: simpleYAML)
                #expect(loaded?.summary == nil && loaded?.part == nil, "\(null)")
            }
            for quoted in ["\"~\"", "'~'", "\"null\"", "'NULL'", "!!str ~"] {
                let text = quoted.hasPrefix("!!str") ? "~" : String(quoted.dropFirst().dropLast())
                let loaded = chapter("title: \(quoted)\nsummary: \(quoted)", simpleYAML: simpleYAML)
                #expect(loaded?.title == text && loaded?.summary == text, "\(quoted)")
            }
        }
    }

    // MARK: Vocabularies

    @Test func aThemeAnAudienceAndAStatusNotInTheVocabularies() {
        let chapter = "---\ntitle: Governance\ntheme: governnace\naudience: cio\nstatus: drafty\n---\n\nText.\n"
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": chapter]))
        let file = "content/draft/governance.md"
        expectDiagnostic(diagnostics, .error, file: file, line: 3, column: 8,
                         message: ["'governnace' is not a theme", "did you mean 'governance'?"], hint: ["governance, information", "routemap.yml"])
        expectDiagnostic(diagnostics, .error, file: file, line: 4, column: 11,
                         message: ["'cio' is not an audience", "did you mean 'cios'?"], hint: ["cios, chief-executives"])
        expectDiagnostic(diagnostics, .error, file: file, line: 5, column: 9,
                         message: ["'drafty' is not a status", "did you mean 'draft'?"], hint: ["draft, final"])
        #expect(diagnostics.count == 3, "\(diagnostics)")
    }

    @Test func aTermInsideAYAMLListIsReportedAtItsOwnPosition() {
        let chapter = "---\ntitle: Governance\ntheme: [governance, informaton]\naudience:\n  - cios\n  - chief-executive\n---\n\nText.\n"
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": chapter]))
        let file = "content/draft/governance.md"
        expectDiagnostic(diagnostics, .error, file: file, line: 3, column: 21,
                         message: ["'informaton' is not a theme", "did you mean 'information'?"])
        expectDiagnostic(diagnostics, .error, file: file, line: 6, column: 5,
                         message: ["'chief-executive' is not an audience", "did you mean 'chief-executives'?"])
        #expect(diagnostics.count == 2, "\(diagnostics)")
    }

    @Test func aFarMissSuggestsNothingButListsTheTerms() {
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": "---\ntitle: Governance\ntheme: cloud\n---\n"]))
        let found = expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 3, column: 8,
                                     message: ["'cloud' is not a theme"], hint: ["use one of: governance, information"])
        #expect(found?.message.contains("did you mean") == false)
    }

    @Test func anEmptyOrTildeListOfThemesMeansNone() throws {
        for value in ["", " ~", " []"] {
            let folder = MiniSite.make(chapters: ["governance.md": "---\ntitle: Governance\ntheme:\(value)\n---\n"])
            let report = try success(folder)
            #expect(report.diagnostics.isEmpty, "theme:\(value) gives \(report.diagnostics)")
        }
    }

    // MARK: Unknown fields

    @Test func unknownFrontMatterFieldsAreWarningsAndTheBuildSucceeds() throws {
        let chapter = "---\ntitle: Governance\ntitel: Governance\naudiance: cios\n---\n\n# Governance\n"
        let report = try success(MiniSite.make(chapters: ["governance.md": chapter]))
        let file = "content/draft/governance.md"
        expectDiagnostic(report.diagnostics, .warning, file: file, line: 3, column: 1,
                         message: ["unknown field 'titel'", "did you mean 'title'?"], hint: ["known fields:", "audience"])
        expectDiagnostic(report.diagnostics, .warning, file: file, line: 4, column: 1,
                         message: ["unknown field 'audiance'", "did you mean 'audience'?"])
        #expect(report.diagnostics.count == 2)
        #expect(report.files.contains { $0.path == "draft/governance.html" })
    }

    // MARK: Clashes between chapters

    @Test func anExplicitIDThatIsAnotherChaptersFileName() {
        let other = "---\ntitle: Other\nid: governance\n---\n\nText.\n"
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": Self.governance, "other.md": other]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/other.md", line: 3, column: 5,
                         message: ["chapter id 'governance'", "also used by", "governance.md"], hint: ["unique", "id:"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    @Test func aFileNameThatIsAnotherChaptersExplicitID() {
        // a.md comes first, so governance.md, whose id comes from its file name, is the one reported:
        // at its first field, where an 'id:' would go.
        let first = "---\ntitle: First\nid: governance\n---\n\nText.\n"
        let diagnostics = failure(MiniSite.make(chapters: ["a.md": first, "governance.md": Self.governance]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 2, column: 1,
                         message: ["chapter id 'governance'", "also used by", "a.md"], hint: ["id:"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    @Test func twoChaptersWithTheSameExplicitID() {
        let a = "---\ntitle: A\nid: shared\n---\n", b = "---\ntitle: B\ntheme: governance\nid: shared\n---\n"
        let diagnostics = failure(MiniSite.make(chapters: ["a.md": a, "b.md": b]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/b.md", line: 4, column: 5,
                         message: ["chapter id 'shared'", "a.md"], hint: ["unique"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    @Test func twoChaptersWithTheSameOrder() {
        let a = "---\ntitle: A\norder: 1\n---\n", b = "---\ntitle: B\ntheme: governance\norder: 1\n---\n"
        let diagnostics = failure(MiniSite.make(chapters: ["a.md": a, "b.md": b]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/b.md", line: 4, column: 8,
                         message: ["order 1", "also used by", "a.md"], hint: ["order:"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    // MARK: Two files, one output path

    @Test func aChapterWithIDIndexClashesWithTheContentsPage() {
        let chapter = "---\ntitle: Contents\nid: index\n---\n"
        let diagnostics = failure(MiniSite.make(chapters: ["contents.md": chapter]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/contents.md", line: 3, column: 5,
                         message: ["'index' cannot be a chapter id", "contents page"], hint: ["another id"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    @Test func aChapterFileNamedIndexClashesWithTheContentsPage() {
        let diagnostics = failure(MiniSite.make(chapters: ["index.md": "---\ntitle: Introduction\n---\n"]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/index.md", line: 2, column: 1,
                         message: ["'index' cannot be a chapter id"], hint: ["rename the file", "id:"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    @Test func anAssetWithTheNameOfAChapterPage() {
        let folder = MiniSite.make(chapters: ["governance.md": Self.governance])
        folder.write("content/draft/governance.html", "<p>An old export.</p>\n")
        let diagnostics = failure(folder)
        // An HTML asset has no lines to point at: the whole file is the problem.
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.html", line: 1, column: 1,
                         message: ["draft/governance.html", "governance.md"], hint: ["rename one of them"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    // MARK: Files that are not text

    @Test func aFileThatIsNotUTF8() {
        let folder = MiniSite.make(chapters: [:])
        folder.write("content/draft/governance.md", data: notUTF8("---\ntitle: Governance\n---\n\nSome ", [0xFF, 0xFE], " text.\n"))
        let diagnostics = failure(folder)
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 5, column: 6,
                         message: ["not valid UTF-8"], hint: ["UTF-8"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    @Test func aWindowsFileThatIsNotUTF8CountsItsLinesToo() {
        let folder = MiniSite.make(chapters: [:])
        // CR LF line endings and a Windows-1252 curly apostrophe (0x92) after 'Caf\u{E9} ' on line 5.
        folder.write("content/draft/governance.md",
                     data: notUTF8("---\r\ntitle: Governance\r\n---\r\n\r\nCaf\u{E9} ", [0x92], "s text.\r\n"))
        let diagnostics = failure(folder)
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 5, column: 6,
                         message: ["not valid UTF-8"])
    }

    @Test func aGenuineReplacementCharacterDoesNotHideAnInvalidByte() {
        let folder = MiniSite.make(chapters: [:])
        folder.write("content/draft/governance.md",
                     data: notUTF8("---\ntitle: Governance \u{FFFD}\n---\n\nA ", [0xC3], "\n"))
        let diagnostics = failure(folder)
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 5, column: 3,
                         message: ["not valid UTF-8"])
    }

    @Test func aUTF16FileIsNamedAsSuch() {
        let folder = MiniSite.make(chapters: [:])
        var data = Data([0xFF, 0xFE])
        data.append("---\ntitle: Governance\n---\n".data(using: .utf16LittleEndian)!)
        folder.write("content/draft/governance.md", data: data)
        let diagnostics = failure(folder)
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 1, column: 1,
                         message: ["UTF-16, not UTF-8"], hint: ["UTF-8"])
    }

    @Test func anEmptyFile() {
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": ""]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 1, column: 1,
                         message: ["the file is empty"], hint: ["---", "title:"])
    }

    @Test func aFileOfOnlyWhitespace() {
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": "  \n\n\t \n"]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 1, column: 1,
                         message: ["only blank lines and spaces"], hint: ["---", "title:"])
    }

    // MARK: Links

    /// governance.md with `line` as its line 11 (after its heading 'Who decides' on line 7), beside information.md.
    func siteWithLink(_ line: String) -> TemporaryFolder {
        let chapter = "---\ntitle: Governance\ntheme: governance\n---\n\n# Governance\n\n## Who decides\n\nText.\n\(line)\n"
        return MiniSite.make(chapters: ["governance.md": chapter, "information.md": Self.information])
    }

    @Test func aLinkToAChapterThatDoesNotExist() {
        let diagnostics = failure(siteWithLink("See [information](informaton.md)."))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 11, column: 5,
                         message: ["chapter that does not exist", "'informaton.md'"], hint: ["did you mean 'information.md'?"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    @Test func aLinkToAHeadingThatDoesNotExistInAnotherChapter() {
        let diagnostics = failure(siteWithLink("Read about [data care](information.md#data-cares)."))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 11, column: 12,
                         message: ["'information.md#data-cares'", "heading that does not exist"], hint: ["did you mean '#data-care'?"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    @Test func aLinkToASamePageHeadingThatDoesNotExist() {
        let diagnostics = failure(siteWithLink("Back to [who decides](#who-decide)."))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 11, column: 9,
                         message: ["'#who-decide'", "heading that does not exist"], hint: ["did you mean '#who-decides'?"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    @Test func anImageThatDoesNotExist() {
        let diagnostics = failure(siteWithLink("Here: ![A diagram](images/diagram.png)"))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 11, column: 7,
                         message: ["image 'images/diagram.png'", "does not exist", "content/draft/images/diagram.png"],
                         hint: ["content/draft/images/"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    @Test func aLinkClimbingOutOfTheContentFolder() {
        let diagnostics = failure(siteWithLink("Also [the notes](../../notes.md)."))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 11, column: 6,
                         message: ["'../../notes.md'", "outside the content folder"], hint: ["inside content/"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    @Test func linksWithCorrectAnchorsProduceNoDiagnostic() throws {
        let folder = siteWithLink("""
        Read [data care](information.md#data-care), [it all](../draft/information.md), [who](#who-decides) \
        and ![boxes](images/boxes.svg).
        """)
        folder.write("content/draft/images/boxes.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
        let report = try success(folder)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }

    // MARK: Values of the wrong form

    @Test func anInvalidChapterID() {
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": "---\ntitle: Governance\nid: My Chapter\n---\n"]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 3, column: 5,
                         message: ["'My Chapter' cannot be a chapter id"], hint: ["lower-case", "'my-chapter'"])
    }

    @Test func aBadDate() {
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": "---\ntitle: Governance\nupdated: 20 May\n---\n"]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 3, column: 10,
                         message: ["'updated' must be a date written YYYY-MM-DD", "'20 May'"], hint: ["updated: 2011-03-08"])
    }

    @Test func aDateThatIsNotInTheCalendar() {
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": "---\ntitle: Governance\nupdated: 2011-02-30\n---\n"]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 3, column: 10,
                         message: ["'updated' is not a day of the calendar", "'2011-02-30'"], hint: ["month", "day"])
    }

    @Test func aNonIntegerOrder() {
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": "---\ntitle: Governance\norder: first\n---\n"]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 3, column: 8,
                         message: ["'order' must be a whole number", "'first'"], hint: ["order: 3"])
    }

    @Test func aListWhereOneValueBelongs() {
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": "---\ntitle: [Governance, Information]\n---\n"]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 2, column: 8,
                         message: ["'title' must be a single value", "not a list"], hint: ["quote it"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    // MARK: edition.yml

    @Test func aBadEditionKind() {
        let edition = "title: The draft\nkind: finale\nstatus: draft\n"
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": Self.governance], edition: edition))
        expectDiagnostic(diagnostics, .error, file: "content/draft/edition.yml", line: 2, column: 7,
                         message: ["'finale' is not an edition kind", "did you mean 'final'?"], hint: ["consultation, final"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    @Test func aConsultationThatClosesBeforeItOpens() {
        let edition = "title: The draft\nkind: consultation\nstatus: draft\nconsultation:\n  opens: 2011-03-08\n  closes: 2011-03-01\n"
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": Self.governance], edition: edition))
        expectDiagnostic(diagnostics, .error, file: "content/draft/edition.yml", line: 6, column: 11,
                         message: ["closes (2011-03-01) before it opens (2011-03-08)"], hint: ["'closes'", "'opens'"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    /// cmark-gfm counts columns in bytes; every check reports them in characters, as editors count
    /// them, whichever check finds the problem.
    @Test func columnsCountCharactersAfterTextThatIsNotASCII() {
        let chapter = "---\ntitle: Governance\ntheme: governance\n---\n\n# Governance\n\n"
            + "\u{201C}Na\u{EF}ve\u{201D} caf\u{E9} ![](x.png) text.\n\n\u{C0} c\u{F4}t\u{E9}: [the plan](missing.md).\n"
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": chapter]))
        let file = "content/draft/governance.md"
        expectDiagnostic(diagnostics, .error, file: file, line: 8, column: 14, message: ["x.png", "does not exist"])
        expectDiagnostic(diagnostics, .error, file: file, line: 10, column: 9, message: ["missing.md"])
    }

    // MARK: The run as a whole

    @Test func everyProblemOfARunIsReportedTogether() {
        let folder = MiniSite.make(
            chapters: [
                "governance.md": "---\ntitle: Governance\ntheme: governnace\n---\n",
                "broken-yaml.md": "---\ntitle: Broken\ntheme: governance\nsummary: Who: decides\n---\n",
                "no-front-matter.md": "# No front matter\n",
                "a.md": "---\ntitle: A\norder: 1\n---\n",
                "b.md": "---\ntitle: B\ntheme: information\norder: 1\n---\n",
                "typo.md": "---\ntitle: Typo\ntitel: Typo\n---\n",
                "empty.md": "",
            ],
            edition: "title: The draft\nkind: finale\nstatus: draft\n")
        folder.write("content/draft/latin1.md", data: notUTF8("---\ntitle: Latin-1\n---\n\nCaf", [0xE9], "\n"))
        folder.write("content/old/edition.yml", "title: An old draft\nkind: consultation\n")

        let diagnostics = failure(folder)
        let draft = "content/draft/"
        expectDiagnostic(diagnostics, .error, file: draft + "edition.yml", line: 2, column: 7, message: ["'finale'"])
        expectDiagnostic(diagnostics, .error, file: draft + "governance.md", line: 3, column: 8, message: ["'governnace'"])
        expectDiagnostic(diagnostics, .error, file: draft + "broken-yaml.md", line: 4, column: 13, message: ["malformed YAML"])
        expectDiagnostic(diagnostics, .error, file: draft + "no-front-matter.md", line: 1, column: 1, message: ["no front matter"])
        expectDiagnostic(diagnostics, .error, file: draft + "b.md", line: 4, column: 8, message: ["order 1"])
        expectDiagnostic(diagnostics, .warning, file: draft + "typo.md", line: 3, column: 1, message: ["'titel'"])
        expectDiagnostic(diagnostics, .error, file: draft + "empty.md", line: 1, column: 1, message: ["empty"])
        expectDiagnostic(diagnostics, .error, file: draft + "latin1.md", line: 5, column: 4, message: ["UTF-8"])
        expectDiagnostic(diagnostics, .warning, file: "content/routemap.yml", line: 1, column: 1, message: ["'old'", "not listed"])
        #expect(diagnostics.count == 9, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    }

    @Test func everyLinkProblemOfARunIsReportedTogether() {
        let governance = "---\ntitle: Governance\n---\n\nSee [x](informaton.md) and [y](#nowhere).\n"
        let information = "---\ntitle: Information\n---\n\n# Information\n\n![A chart](chart.png) and [z](governance.md#nope)\n"
        let diagnostics = failure(MiniSite.make(chapters: ["governance.md": governance, "information.md": information]))
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 5, column: 5, message: ["'informaton.md'"])
        expectDiagnostic(diagnostics, .error, file: "content/draft/governance.md", line: 5, column: 28, message: ["'#nowhere'"])
        expectDiagnostic(diagnostics, .error, file: "content/draft/information.md", line: 7, column: 1, message: ["'chart.png'"])
        expectDiagnostic(diagnostics, .error, file: "content/draft/information.md", line: 7, column: 27, message: ["'governance.md#nope'"])
        #expect(diagnostics.count == 4, "\(diagnostics)")
    }

    @Test func generateReportsErrorsWithoutPagesAndBuildWritesNothing() throws {
        let folder = MiniSite.make(chapters: ["governance.md": "---\ntitle: Governance\ntheme: governnace\n---\n"])
        let generated = SiteBuilder.buildInMemory(MiniSite.options(folder))
        #expect(generated.hasErrors && generated.files.isEmpty)
        #expect(generated.diagnostics.errors.count == 1)
        let text = generated.diagnostics.reportText
        #expect(text.contains("content/draft/governance.md:3:8: error: 'governnace' is not a theme"), "\(text)")
        #expect(text.contains("\n    hint: use one of:"))

        let built = try SiteBuilder.build(MiniSite.options(folder))
        #expect(built.hasErrors && built.diagnostics == generated.diagnostics)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/output"))
    }

    @Test func aValidMiniSiteBuildsWithoutDiagnostics() throws {
        let folder = MiniSite.make(chapters: ["governance.md": Self.governance, "information.md": Self.information])
        let report = try success(folder)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.chapterCount == 2)
    }

    /// Odd inputs, each of which must give at least one diagnostic (and no crash).
    static let oddChapters: [(name: String, data: Data)] = [
        ("only a fence", Data("---".utf8)),
        ("only fences", Data("---\n---".utf8)),
        ("a UTF-16 file", Data([0xFF, 0xFE, 0x2D, 0x00, 0x2D, 0x00, 0x2D, 0x00, 0x0A, 0x00])),
        ("a lone continuation byte", Data([0x80])),
        ("a truncated sequence at the end", Data("---\ntitle: A\n---\n\u{E9}".utf8).dropLast()),
        ("NUL in front matter", Data("---\ntitle: A\u{0}B\n---\n".utf8)),
        ("a tab for indentation", Data("---\ntitle: A\n\ttheme: governance\n---\n".utf8)),
        ("an undefined alias", Data("---\ntitle: *name\n---\n".utf8)),
        ("a mapping as title", Data("---\ntitle:\n  text: A\n---\n".utf8)),
        ("a mapping as theme", Data("---\ntitle: A\ntheme: {id: governance}\n---\n".utf8)),
        ("a nested list as theme", Data("---\ntitle: A\ntheme: [[governance]]\n---\n".utf8)),
        ("an empty id", Data("---\ntitle: A\nid: \"\"\n---\n".utf8)),
        ("a non-ASCII id", Data("---\ntitle: A\nid: caf\u{E9}\n---\n".utf8)),
        ("a huge order", Data("---\ntitle: A\norder: 99999999999999999999999\n---\n".utf8)),
        ("February 30th", Data("---\ntitle: A\nupdated: 2011-02-30\n---\n".utf8)),
        ("a bare CR file", Data("---\rtitle: A\rtheme: governnace\r---\r".utf8)),
        ("a deep YAML nesting", Data(("---\ntitle: A\nsummary: " + String(repeating: "[", count: 500) + String(repeating: "]", count: 500) + "\n---\n").utf8)),
        ("a link to a file outside", Data("---\ntitle: A\n---\n\n[x](../../../../etc/passwd) [y](../routemap.yml)\n".utf8)),
        ("an empty link", Data("---\ntitle: A\n---\n\n[x]() [y](#) ![z]() [w](governance.md#)\n".utf8)),
    ]

    @Test(arguments: BadInputTests.oddChapters.map(\.name))
    func noInputCrashesTheBuild(_ name: String) {
        let data = Self.oddChapters.first { $0.name == name }!.data
        let folder = MiniSite.make(chapters: [:])
        folder.write("content/draft/odd.md", data: data)
        let diagnostics = MiniSite.diagnostics(folder)
        #expect(!diagnostics.isEmpty, "\(name): no diagnostic")
        for diagnostic in diagnostics {
            #expect(diagnostic.line >= 1 && diagnostic.column >= 1, "\(name): \(diagnostic)")
            #expect(!diagnostic.message.isEmpty)
            #expect(diagnostic.file.hasSuffix("content/draft/odd.md"), "\(name): \(diagnostic)")
        }
    }
}

@Suite struct LinkColumnTests {
    @Test func columnsAreCountedInCharactersNotBytes() {
        let folder = MiniSite.make(chapters: ["governance.md": "---\ntitle: Governance\n---\n\nCafé é [x](nope.md) and [top](#).\n"])
        let diagnostics = MiniSite.diagnostics(folder)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 5)
        #expect(diagnostics.first?.column == 8)
    }
}

/// Addresses that would run script in a reader's browser, or lead into the reader's own disk, are
/// errors wherever they are written: the settings files, and chapters whatever `raw_html` says.
@Suite struct LinkSchemeTests {
    private let inputs = BadInputTests()

    @Test func linksInTheSettingsMayOnlyBeWebPagesEmailOrRelative() {
        let config = MiniSite.config.replacingOccurrences(of: "publisher: Test publisher\n", with: """
        publisher: Test publisher
        base_url: "javascript:alert(1)//"
        licence:
          name: Open Government Licence
          url: " JavaScript:alert(document.cookie)"

        """)
        let diagnostics = inputs.failure(MiniSite.make(chapters: ["governance.md": BadInputTests.governance], config: config))
        inputs.expectDiagnostic(diagnostics, .error, file: "content/routemap.yml", line: 3, column: 11,
                                message: ["'base_url': 'javascript:' addresses are not allowed"], hint: ["https://"])
        inputs.expectDiagnostic(diagnostics, .error, file: "content/routemap.yml", line: 6, column: 8,
                                message: ["'url': 'javascript:' addresses are not allowed"])

        let edition = MiniSite.edition + """

        consultation:
          opens: 2011-03-08
          closes: 2011-04-04
          respond: {url: "vbscript:msgbox(1)", email: respond@test.example}
        """
        let respond = inputs.failure(MiniSite.make(chapters: ["governance.md": BadInputTests.governance], edition: edition))
        inputs.expectDiagnostic(respond, .error, file: "content/draft/edition.yml", line: 8, column: 18,
                                message: ["'url': 'vbscript:' addresses are not allowed"])
    }

    @Test func aBaseURLMustBeAFullWebAddress() {
        let config = MiniSite.config.replacingOccurrences(of: "publisher: Test publisher\n", with: "publisher: Test publisher\nbase_url: routemap.example.org\n")
        let diagnostics = inputs.failure(MiniSite.make(chapters: ["governance.md": BadInputTests.governance], config: config))
        inputs.expectDiagnostic(diagnostics, .error, file: "content/routemap.yml", line: 3, column: 11,
                                message: ["'base_url' must be the site's full web address, not 'routemap.example.org'"])
    }

    @Test(arguments: [false, true])
    func scriptLinksInChaptersAreErrorsWhateverRawHTMLSays(rawHTML: Bool) {
        let chapter = """
        ---
        title: Governance
        ---

        [a](javascript:alert(1)) [b](VBScript:msgbox) [c](data:text/html;base64,PHNjcmlwdD4=)
        [d](<java\tscript:alert(1)>) [e](file:///etc/passwd) ![plan](data:image/png;base64,iVBORw0KGgo=)
        ![svg](data:image/svg+xml,<svg/onload=alert(1)>) [f](https://example.org) [g](mailto:a@example.org)
        """
        let config = MiniSite.config + (rawHTML ? "\nraw_html: true\n" : "\n")
        let diagnostics = inputs.failure(MiniSite.make(chapters: ["governance.md": chapter], config: config))
        let found = diagnostics.errors.map { "\($0.line):\($0.column) \($0.message)" }
        #expect(found == [
            "5:1 link 'javascript:alert(1)': 'javascript:' addresses are not allowed",
            "5:26 link 'VBScript:msgbox': 'vbscript:' addresses are not allowed",
            "5:47 link 'data:text/html;base64,PHNjcmlwdD4=': 'data:' addresses are not allowed",
            "6:1 link 'java\tscript:alert(1)': 'javascript:' addresses are not allowed",
            "6:29 link 'file:///etc/passwd': 'file:' addresses are not allowed",
            "7:1 image 'data:image/svg+xml,<svg/onload=alert(1)>': 'data:' addresses are not allowed",
        ], "\(diagnostics)")
    }
}
