import Foundation
import Testing
@testable import RoutemapKit

/// The mends the driver makes to Debian's WeasyPrint 57.2 before it prints (`WeasyPrintLaunch.fixes`):
/// they apply to that version alone, and a PDF printed with them is the PDF printed without them,
/// to the byte. These run Debian's own WeasyPrint (`make test` installs it), whatever `weasyprint`
/// comes first on the PATH.
@Suite(.serialized) struct WeasyPrintFixesTests {
    private let debiansWeasyPrint = "/usr/bin/weasyprint"
    private let python = "/usr/bin/python3"

    /// What `script` prints, run by Debian's Python.
    private func runPython(_ script: String) throws -> String {
        try Tool.run(python, ["-c", script]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func debiansWeasyPrint57IsMendedInAllFourPlacesAndNoOtherVersionIs() throws {
        try #require(FileManager.default.isExecutableFile(atPath: debiansWeasyPrint), "make test installs Debian's weasyprint")
        let version = try runPython("import weasyprint; print(weasyprint.__version__)")
        let mended = try runPython(WeasyPrintLaunch.fixes + "\nprint(','.join(routemap_mend_weasyprint()))")
        if version == "57.2" {
            #expect(mended == "page_references,pdfua,set_page_type_computed_styles,cache_target_page_counters")
        } else {
            #expect(mended == "", "WeasyPrint \(version) is left as it is")
        }
    }

    /// The fixture's PDFs printed through a stand-in `weasyprint` that prints each twice, from the
    /// same source page in the staging folder: first by Debian's WeasyPrint started as it is (kept
    /// aside), then through the driver, as routemap starts it (the PDF the build keeps).
    @Test(arguments: [Repository.fixtures + "/printable/content", Repository.content])
    func aPDFPrintedWithTheMendsIsThePDFPrintedWithout(content: String) throws {
        try #require(FileManager.default.isExecutableFile(atPath: debiansWeasyPrint), "make test installs Debian's weasyprint")
        let folder = TemporaryFolder()
        folder.write("driver.py", WeasyPrintLaunch.driver)
        folder.write("as-shipped/.keep", "")
        folder.write("bin/weasyprint", """
            #!/bin/sh
            set -e
            for pdf; do :; done
            \(debiansWeasyPrint) "$@"
            mv "$pdf" "\(folder.path)/as-shipped/$(basename "$pdf")"
            exec \(python) -c "$(cat '\(folder.path)/driver.py')" \(debiansWeasyPrint) "$@"
            """)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path + "/bin/weasyprint")

        var options = BuildOptions(contentDirectory: content, outputDirectory: folder.path + "/site", themesDirectory: Repository.themes,
                                   buildDate: CalendarDate(iso: "2030-01-01")!)
        options.pdf = true
        options.pdfEnginePath = folder.path + "/bin/weasyprint"
        let report = try built(options)
        #expect(!report.pdfs.isEmpty)
        for pdf in report.pdfs {
            let mended = try #require(FileManager.default.contents(atPath: folder.path + "/site/" + pdf.path))
            let asShipped = try #require(FileManager.default.contents(atPath: folder.path + "/as-shipped/" + (pdf.path as NSString).lastPathComponent))
            let pages = try #require(Int(field("Pages", in: try Tool.run("pdfinfo", [folder.path + "/site/" + pdf.path]))))
            #expect(pages >= 5, "\(pdf.path): a PDF of several pages, with page numbers in its margins and links between them")
            #expect(mended == asShipped, "\(pdf.path) differs when WeasyPrint is mended")
        }
    }

    /// The value of `name:` in pdfinfo's output.
    private func field(_ name: String, in info: String) -> String {
        info.split(separator: "\n").first { $0.hasPrefix(name + ":") }
            .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) } ?? ""
    }
}
