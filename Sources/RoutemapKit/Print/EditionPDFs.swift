import Foundation

/// `routemap build --pdf`: prints each edition's printable page to a PDF inside the staging folder,
/// before it is swapped in, so the PDFs and the pages that link them arrive together or not at all.
enum EditionPDFs {
    /// Makes the PDFs in `staging` and rewrites the pages that link them (each edition's contents and
    /// printable pages) with the PDF's size. Returns the PDFs made and the problems met; a problem
    /// leaves that edition without a PDF and its pages without the link, and the rest of the site as it is.
    static func make(_ generator: SiteGenerator, staging: String, chromiumPath: String?,
                     outputDirectory: String) -> (pdfs: [EditionPDF], diagnostics: [Diagnostic]) {
        let editions = generator.site.editions
        let pdfPaths = editions.map { SitePaths.pdf($0.edition.id, publicationShortTitle: generator.config.shortTitle) }
        guard let printer = ChromiumPrinter.find(explicitPath: chromiumPath) else {
            let looked = chromiumPath.map { "'\($0)' is not an executable file" }
                ?? "none of \(ChromiumPrinter.executableNames.joined(separator: ", ")) is on the PATH"
            return ([], [.error(join(outputDirectory, pdfPaths.first ?? "print"),
                                "cannot make the PDF: Chromium was not found (\(looked)); the site was written without PDFs",
                                hint: "install the Debian package 'chromium' (sudo apt-get install chromium), or build without --pdf")])
        }
        var pdfs: [String: EditionPDF] = [:]
        var diagnostics: [Diagnostic] = []
        for (rendered, pdfPath) in zip(editions, pdfPaths) {
            let source = generator.pdfSourcePage(rendered, writtenAt: "\(rendered.edition.id)/print/pdf-source.html")
            let sourcePath = join(staging, source.path)
            defer { try? FileManager.default.removeItem(atPath: sourcePath) }
            do {
                try OutputWriter.writeTree([source], into: staging)
            } catch {
                diagnostics.append(.error(sourcePath, "cannot make the PDF: \(error)"))
                continue
            }
            if let problem = printer.print(page: sourcePath, to: join(staging, pdfPath)) {
                try? FileManager.default.removeItem(atPath: join(staging, pdfPath))
                diagnostics.append(.error(join(outputDirectory, pdfPath), "cannot make the PDF: \(problem)",
                                          hint: "run the same build again; if it fails again, check that 'chromium --headless' works on this machine"))
                continue
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: join(staging, pdfPath))[.size] as? Int) ?? 0
            pdfs[rendered.edition.id] = EditionPDF(path: pdfPath, byteCount: size)
        }
        guard !pdfs.isEmpty else { return ([], diagnostics) }
        var linking = generator
        linking.pdfs = pdfs
        do {
            try OutputWriter.writeTree(items: linking.pagesLinkingPDFs(), into: staging)
        } catch {
            diagnostics.append(.error(staging, "cannot link the PDFs: \(error)"))
        }
        return (editions.compactMap { pdfs[$0.edition.id] }, diagnostics)
    }
}

/// A build whose site was written, but whose PDFs could not all be made.
public struct PDFFailure: Error, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var report: BuildReport

    public var description: String {
        diagnostics.sortedForReport().map(\.description).joined(separator: "\n")
    }
}
