import Foundation

/// `routemap build --pdf`: prints each edition's PDF source page to a PDF inside the staging folder,
/// before it is swapped in, so the PDFs and the pages that link them arrive together or not at all.
/// The current edition's PDF is also copied to `print/<short title>.pdf`, an address that stays the
/// same from one edition to the next, as `print/` does for the printable page.
enum EditionPDFs {
    /// Makes the PDFs in `staging` and rewrites the pages that link them (the front page, each
    /// edition's contents and printable pages) with the PDF's size. Returns the PDFs made; a problem
    /// (in `log`) leaves that edition without a PDF and its pages without the link, and the rest of
    /// the site as it is.
    static func make(_ generator: SiteGenerator, staging: String, enginePath: String?,
                     outputDirectory: String, log: DiagnosticLog) -> [EditionPDF] {
        let editions = generator.site.editions
        let shortTitle = generator.config.shortTitle
        let pdfPaths = editions.map { SitePaths.pdf($0.edition.id, publicationShortTitle: shortTitle) }
        guard let engine = WeasyPrint.find(explicitPath: enginePath) else {
            let looked = enginePath.map { "'\($0)' is not an executable file" } ?? "'weasyprint' is not on the PATH"
            log.add(.error(join(outputDirectory, pdfPaths.first ?? "print"),
                           "cannot make the PDF: WeasyPrint was not found (\(looked)); the site was written without PDFs",
                           hint: "install the Debian package '\(WeasyPrint.package)' (sudo apt-get install \(WeasyPrint.package)), or build without --pdf"))
            return []
        }
        // Written first, one by one: the pages share the staging folder's writer.
        var sources: [String?] = []
        for rendered in editions {
            let source = generator.pdfSourcePage(rendered, writtenAt: "\(rendered.edition.id)/print/pdf-source.html")
            do {
                try OutputWriter.writeTree([source], into: staging)
                sources.append(join(staging, source.path))
            } catch {
                log.add(.error(join(staging, source.path), "cannot make the PDF: \(error)"))
                sources.append(nil)
            }
        }
        defer { for source in sources.compactMap({ $0 }) { try? FileManager.default.removeItem(atPath: source) } }
        // WeasyPrint works on one core: the editions are printed side by side.
        let problems = concurrentMap(Array(editions.indices)) { index -> String? in
            guard let source = sources[index] else { return nil }
            return engine.print(page: source, to: join(staging, pdfPaths[index]), date: generator.buildDate,
                                chapters: editions[index].chapters.count)
        }
        let current = generator.site.publication.currentEdition?.id
        var pdfs: [String: EditionPDF] = [:]
        for (index, rendered) in editions.enumerated() where sources[index] != nil {
            let pdfPath = pdfPaths[index]
            if let problem = problems[index] {
                try? FileManager.default.removeItem(atPath: join(staging, pdfPath))
                log.add(.error(join(outputDirectory, pdfPath), "cannot make the PDF: \(problem)",
                                          hint: "run the same build again; if it fails again, check that 'weasyprint --info' works on this machine"))
                continue
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: join(staging, pdfPath))[.size] as? Int) ?? 0
            var pdf = EditionPDF(path: pdfPath, byteCount: size)
            if rendered.edition.id == current {
                let stable = SitePaths.currentPDF(publicationShortTitle: shortTitle)
                do {
                    try FileManager.default.createDirectory(atPath: join(staging, SitePaths.currentPrintFolder), withIntermediateDirectories: true)
                    try FileManager.default.copyItem(atPath: join(staging, pdfPath), toPath: join(staging, stable))
                    pdf.stablePath = stable
                } catch {
                    log.add(.error(join(outputDirectory, stable), "cannot copy the current edition's PDF here: \(error)"))
                }
            }
            pdfs[rendered.edition.id] = pdf
        }
        guard !pdfs.isEmpty else { return [] }
        var linking = generator
        linking.pdfs = pdfs
        do {
            try OutputWriter.writeTree(items: linking.pagesLinkingPDFs(), into: staging)
        } catch {
            log.add(.error(staging, "cannot link the PDFs: \(error)"))
        }
        return editions.compactMap { pdfs[$0.edition.id] }
    }
}

/// A build whose site was written, but whose PDFs could not all be made.
public struct PDFFailure: Error, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var report: BuildReport

    public var description: String {
        diagnostics.reportText
    }
}
