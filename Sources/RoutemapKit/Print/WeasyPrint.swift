import Foundation

/// Prints the PDF's source page with WeasyPrint (Debian's `weasyprint`, 57.2, or 70 from PyPI, which
/// also tags images with their alternative text: docs/guide/printing.md, *Which WeasyPrint*), a CSS Paged Media
/// engine: page-numbered contents (`target-counter`, `leader`), footnotes at the foot of the page
/// (`float: footnote`), running headers (`string-set`), tagged PDF/UA-1 output with bookmarks from
/// the headings. It takes the PDF's title, language, author, subject, keywords, creator and dates
/// from the page's head; its fonts are subset with `SOURCE_DATE_EPOCH` set to the build date, so the
/// same page gives the same bytes. It is started with Python's cyclic garbage collector off
/// (WeasyPrintLaunch): with it on, its time grew faster than the edition.
struct WeasyPrint {
    /// The Debian package to install when it is missing.
    static let package = "weasyprint"
    /// An edition that takes longer than this to print is given up on, so a build never hangs on it:
    /// five minutes, and five seconds more per chapter (WeasyPrint takes about a second per ten
    /// pages on one core, and may share the machine).
    static func timeout(chapters: Int) -> TimeInterval { 300 + 5 * TimeInterval(chapters) }

    let executable: String

    /// WeasyPrint at `explicitPath`, or `weasyprint` on the PATH; nil when there is none.
    static func find(explicitPath: String? = nil) -> WeasyPrint? {
        if let explicitPath {
            return FileManager.default.isExecutableFile(atPath: explicitPath) ? WeasyPrint(executable: explicitPath) : nil
        }
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.first { FileManager.default.isExecutableFile(atPath: "\($0)/weasyprint") }.map { WeasyPrint(executable: "\($0)/weasyprint") }
    }

    /// Prints the HTML file at `page`, an edition of `chapters` chapters, to `pdf`, as of `date`.
    /// Returns why it failed, or nil.
    func print(page: String, to pdf: String, date: CalendarDate, chapters: Int) -> String? {
        let process = Process()
        let launch = WeasyPrintLaunch.of(executable)
        process.executableURL = URL(fileURLWithPath: launch.executable)
        process.arguments = launch.arguments + ["--pdf-variant", "pdf/ua-1", page, pdf]
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = String(Self.epoch(date))
        process.environment = environment
        // Its warnings (CSS it does not know, "PDF/UA support is experimental") are kept for a failure only.
        let errorLog = pdf + ".log"
        _ = FileManager.default.createFile(atPath: errorLog, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorLog) }
        let errors = FileHandle(forWritingAtPath: errorLog)
        defer { try? errors?.close() }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors ?? FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return "WeasyPrint (\(executable)) could not be started: \(error.localizedDescription)"
        }
        let timeout = Self.timeout(chapters: chapters)
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            finished.wait()
            return "WeasyPrint did not finish printing within \(Int(timeout)) seconds"
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: pdf)[.size] as? Int) ?? 0
        guard process.terminationStatus == 0, size > 0 else {
            let lastLines = String(decoding: FileManager.default.contents(atPath: errorLog) ?? Data(), as: UTF8.self)
                .split(separator: "\n").filter { !$0.contains("PDF/UA support is experimental") }.suffix(3).joined(separator: " / ")
            return "WeasyPrint exited with status \(process.terminationStatus) without writing the PDF" + (lastLines.isEmpty ? "" : ": \(lastLines)")
        }
        return nil
    }

    /// Midnight UTC at the start of `date`, in seconds since 1970.
    static func epoch(_ date: CalendarDate) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let day = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
        return Int64(day.timeIntervalSince1970)
    }
}
