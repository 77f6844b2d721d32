import Foundation

/// How WeasyPrint's process is started. WeasyPrint is a Python program, and on a long edition
/// Python's cyclic garbage collector made it slower than linear: each of its full collections walks
/// every object alive, the laid-out document grows with the edition, and so does the number of
/// full collections (9, 16 and 30 for 30, 60 and 120 chapters with WeasyPrint 57.2: 1.7 s, 5.7 s and
/// 27 s of 10 s, 23 s and 69 s of CPU; docs/guide/performance.md, *The PDFs*). Reference counting
/// still frees what the document no longer needs; only what is left in cycles waits for the exit.
///
/// So when `weasyprint` is a Python script, as Debian's and pip's are (`#!/usr/bin/python3`,
/// `#!/path/to/venv/bin/python`), it is started by that interpreter through `driver`, which turns
/// the collector's automatic runs off and then runs the script as the interpreter would have. Any
/// other executable (a wrapper, a bundled binary) is started as it is.
struct WeasyPrintLaunch: Equatable {
    /// The program to start.
    var executable: String
    /// Its arguments before WeasyPrint's own.
    var arguments: [String]

    /// Run by `python -c` with the script and WeasyPrint's arguments after it: the script runs as
    /// `__main__`, with its own folder first on the module path, as when it is started directly;
    /// the collector is turned back on at the end, so that finalizers run at exit as usual. Before
    /// it runs, the WeasyPrint it imports is mended where its time grew faster than the pages
    /// (`fixes`); a WeasyPrint that cannot be imported or mended runs as it is.
    static let driver = """
        import gc, os, runpy, sys
        gc.disable()
        sys.argv = sys.argv[1:]
        sys.path[0] = os.path.dirname(os.path.abspath(sys.argv[0]))
        \(fixes)
        try:
            routemap_mend_weasyprint()
        except Exception:
            pass
        try:
            runpy.run_path(sys.argv[0], run_name="__main__")
        finally:
            gc.enable()
        """

    static func of(_ weasyprint: String) -> WeasyPrintLaunch {
        guard let interpreter = pythonInterpreter(of: weasyprint) else { return WeasyPrintLaunch(executable: weasyprint, arguments: []) }
        return WeasyPrintLaunch(executable: interpreter[0], arguments: Array(interpreter.dropFirst()) + ["-c", driver, weasyprint])
    }

    /// The words of the script's `#!` line when they start Python (`/usr/bin/python3`,
    /// `/usr/bin/env python3 -s`); nil for anything else.
    static func pythonInterpreter(of path: String) -> [String]? {
        guard let file = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? file.close() }
        let start = (try? file.read(upToCount: 512)) ?? Data()
        guard start.starts(with: Array("#!".utf8)) else { return nil }
        let line = String(decoding: start.dropFirst(2).prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
        guard let first = words.first, first.hasPrefix("/") else { return nil }
        let program = (first as NSString).lastPathComponent == "env" ? words.dropFirst().first { !$0.hasPrefix("-") } : first
        guard let program, (program as NSString).lastPathComponent.hasPrefix("python") else { return nil }
        return words
    }
}
