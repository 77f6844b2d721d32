import Foundation

/// Prints a page of the generated site to PDF with headless Chromium (Debian's `chromium`), with an
/// outline (bookmarks) made from the page's headings and the page's `<title>` as the document title.
struct ChromiumPrinter {
    /// The names Chromium goes by on Debian and elsewhere, tried in order on the PATH.
    static let executableNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    /// A page that takes longer than this to print is given up on, so a build never hangs on it.
    static let timeout: TimeInterval = 300

    let executable: String

    /// Chromium at `explicitPath`, or the first of `executableNames` on the PATH; nil when there is none.
    static func find(explicitPath: String? = nil) -> ChromiumPrinter? {
        if let explicitPath {
            return FileManager.default.isExecutableFile(atPath: explicitPath) ? ChromiumPrinter(executable: explicitPath) : nil
        }
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in executableNames {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return ChromiumPrinter(executable: "\(folder)/\(name)")
            }
        }
        return nil
    }

    /// Prints the HTML file at `page` to `pdf`. Returns why it failed, or nil.
    func print(page: String, to pdf: String) -> String? {
        let profile = NSTemporaryDirectory() + "routemap-chromium-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run",
            "--no-default-browser-check", "--user-data-dir=\(profile)",
            // Chromium's own date, title and address lines are replaced by the stylesheet's @page boxes.
            "--no-pdf-header-footer", "--print-to-pdf-no-header",
            "--generate-pdf-document-outline",
            "--print-to-pdf=\(absolute(pdf))",
            URL(fileURLWithPath: absolute(page)).absoluteString,
        ]
        // Chromium's messages go to a file in its profile folder, read only when it fails.
        let errorLog = profile + "/stderr.txt"
        try? FileManager.default.createDirectory(atPath: profile, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: errorLog, contents: nil)
        let errors = FileHandle(forWritingAtPath: errorLog)
        defer { try? errors?.close() }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors ?? FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return "Chromium (\(executable)) could not be started: \(error.localizedDescription)"
        }
        if finished.wait(timeout: .now() + ChromiumPrinter.timeout) == .timedOut {
            process.terminate()
            finished.wait()
            return "Chromium did not finish printing within \(Int(ChromiumPrinter.timeout)) seconds"
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: pdf)[.size] as? Int) ?? 0
        guard process.terminationStatus == 0, size > 0 else {
            let lastLines = String(decoding: FileManager.default.contents(atPath: errorLog) ?? Data(), as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " / ")
            return "Chromium exited with status \(process.terminationStatus) without writing the PDF" + (lastLines.isEmpty ? "" : ": \(lastLines)")
        }
        return nil
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
