import Foundation
import Testing
@testable import RoutemapKit

/// How `build --pdf` starts WeasyPrint (WeasyPrintLaunch): a Python script by its interpreter with
/// the cyclic garbage collector off, anything else as it is. Stand-in `weasyprint` scripts report
/// what they were started with in the file WeasyPrint would write the PDF to.
@Suite struct WeasyPrintLaunchTests {
    private let python = "/usr/bin/python3"

    /// A `weasyprint` in `folder` whose `#!` line is `shebang` and whose body is `body`, executable.
    private func script(in folder: TemporaryFolder, shebang: String, body: String) throws -> String {
        folder.write("bin/weasyprint", "#!\(shebang)\n\(body)")
        let path = folder.path + "/bin/weasyprint"
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    private let reportingScript = """
        import atexit, gc, json, sys
        import beside_the_script
        report = {"name": __name__, "collector": gc.isenabled(), "argv": sys.argv, "path": sys.path[0],
                  "beside": beside_the_script.WHERE}
        def at_exit():
            with open(sys.argv[-1], "a") as out:
                out.write("\\ncollector at exit: %s" % gc.isenabled())
        atexit.register(at_exit)
        with open(sys.argv[-1], "w") as out:
            json.dump(report, out)
        """

    @Test func aPythonScriptRunsAsItsMainUnderItsInterpreterWithTheCollectorOff() throws {
        let folder = TemporaryFolder()
        let weasyprint = try script(in: folder, shebang: python, body: reportingScript)
        folder.write("bin/beside_the_script.py", "WHERE = 'bin'\n")
        folder.write("page.html", "<p>A page.</p>")
        let launch = WeasyPrintLaunch.of(weasyprint)
        #expect(launch.executable == python)
        #expect(launch.arguments == ["-c", WeasyPrintLaunch.driver, weasyprint])

        let pdf = folder.path + "/page.pdf"
        let problem = WeasyPrint(executable: weasyprint).print(page: folder.path + "/page.html", to: pdf, date: CalendarDate(iso: "2011-06-01")!, chapters: 1)
        #expect(problem == nil)
        let written = try #require(folder.read("page.pdf"))
        let lines = written.split(separator: "\n")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(report["name"] as? String == "__main__")
        #expect(report["collector"] as? Bool == false, "the cyclic collector runs no more on its own")
        #expect(report["argv"] as? [String] == [weasyprint, "--pdf-variant", "pdf/ua-1", folder.path + "/page.html", pdf])
        #expect(report["path"] as? String == folder.path + "/bin", "the script's own folder comes first, as when it is started directly")
        #expect(report["beside"] as? String == "bin")
        #expect(lines.last == "collector at exit: True", "turned back on before the interpreter exits")
    }

    @Test func aPythonScriptsExitStatusIsKept() throws {
        let folder = TemporaryFolder()
        let weasyprint = try script(in: folder, shebang: python, body: "import sys\nsys.stderr.write('no fonts here\\n')\nsys.exit(2)\n")
        folder.write("page.html", "<p>A page.</p>")
        let problem = WeasyPrint(executable: weasyprint).print(page: folder.path + "/page.html", to: folder.path + "/page.pdf",
                                                               date: CalendarDate(iso: "2011-06-01")!, chapters: 1)
        #expect(problem == "WeasyPrint exited with status 2 without writing the PDF: no fonts here")
    }

    @Test func anInterpreterFoundThroughEnvKeepsItsWords() throws {
        let folder = TemporaryFolder()
        let weasyprint = try script(in: folder, shebang: "/usr/bin/env python3 -s", body: "")
        #expect(WeasyPrintLaunch.pythonInterpreter(of: weasyprint) == ["/usr/bin/env", "python3", "-s"])
        #expect(WeasyPrintLaunch.of(weasyprint) == WeasyPrintLaunch(executable: "/usr/bin/env",
                                                                     arguments: ["python3", "-s", "-c", WeasyPrintLaunch.driver, weasyprint]))
    }

    @Test(arguments: ["/bin/sh", "/usr/bin/env bash", "/usr/bin/env -S perl -w"])
    func anyOtherScriptIsStartedAsItIs(shebang: String) throws {
        let folder = TemporaryFolder()
        let weasyprint = try script(in: folder, shebang: shebang, body: "")
        #expect(WeasyPrintLaunch.of(weasyprint) == WeasyPrintLaunch(executable: weasyprint, arguments: []))
    }

    @Test func aProgramThatIsNoScriptIsStartedAsItIs() throws {
        let folder = TemporaryFolder()
        folder.write("bin/weasyprint", data: Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]))
        #expect(WeasyPrintLaunch.of(folder.path + "/bin/weasyprint") == WeasyPrintLaunch(executable: folder.path + "/bin/weasyprint", arguments: []))
        #expect(WeasyPrintLaunch.of(folder.path + "/missing") == WeasyPrintLaunch(executable: folder.path + "/missing", arguments: []))
    }

    @Test func aShellWrapperStillPrints() throws {
        let folder = TemporaryFolder()
        let weasyprint = try script(in: folder, shebang: "/bin/sh", body: "for last; do :; done\nprintf 'printed by %s' \"$0\" > \"$last\"\n")
        folder.write("page.html", "<p>A page.</p>")
        let problem = WeasyPrint(executable: weasyprint).print(page: folder.path + "/page.html", to: folder.path + "/page.pdf",
                                                               date: CalendarDate(iso: "2011-06-01")!, chapters: 1)
        #expect(problem == nil)
        #expect(folder.read("page.pdf") == "printed by \(weasyprint)")
    }
}
