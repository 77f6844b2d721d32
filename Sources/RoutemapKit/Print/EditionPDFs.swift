import Foundation

/// `routemap build --pdf`: prints each edition's PDF source page, as the layout made it, to a PDF
/// inside the staging folder, before it is swapped in, so the PDFs and the pages that link them
/// arrive together or not at all. The current edition's PDF is also copied to
/// `print/<short title>.pdf`, an address that stays the same from one edition to the next, as
/// `print/` does for the printable page.
enum EditionPDFs {
    /// Writes the layout's PDF source pages with `writer` (the rest of the site is written already:
    /// WeasyPrint reads the images and stylesheets beside them), prints them, then deletes them.
    /// Returns the PDFs made, by edition id; a problem (in `log`) leaves that edition without a PDF,
    /// and its pages are then laid out without the link.
    static func print(_ plan: SitePlan, of site: RenderedPublication, date: CalendarDate, writer: StagingWriter, enginePath: String?,
                      outputDirectory: String, log: DiagnosticLog) -> [String: EditionPDF] {
        let editions = site.editions
        let shortTitle = site.config.shortTitle
        let pdfPaths = editions.map { SitePaths.pdf($0.edition.id, publicationShortTitle: shortTitle) }
        guard let engine = WeasyPrint.find(explicitPath: enginePath) else {
            let looked = enginePath.map { "'\($0)' is not an executable file" } ?? "'weasyprint' is not on the PATH"
            log.add(.error(join(outputDirectory, pdfPaths.first ?? "print"),
                           "cannot make the PDF: WeasyPrint was not found (\(looked)); the site was written without PDFs",
                           hint: "install the Debian package '\(WeasyPrint.package)' (sudo apt-get install \(WeasyPrint.package)), or build without --pdf"))
            return [:]
        }
        let staging = writer.folder
        // Written one by one: each is made from every chapter of its edition, spread over the cores.
        let sources = plan.pdfSources.map { source -> String? in
            guard let file = source.laidOut, let path = file.placed.first?.path else { return nil }
            writer.write(file)
            return join(staging, path)
        }
        defer { for source in sources.compactMap({ $0 }) { try? FileManager.default.removeItem(atPath: source) } }
        // A page that could not be written fails the whole build, with the writer's own error.
        guard (try? writer.finish()) != nil else { return [:] }
        // WeasyPrint works on one core: the editions are printed side by side.
        let problems = concurrentMap(Array(editions.indices)) { [sources] index -> String? in
            guard let source = sources[index] else { return nil }
            return engine.print(page: source, to: join(staging, pdfPaths[index]), date: date, chapters: editions[index].chapters.count)
        }
        let current = site.publication.currentEdition?.id
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
        return pdfs
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
