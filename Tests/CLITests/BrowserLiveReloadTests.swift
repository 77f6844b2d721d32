import Foundation
import Testing

/// `routemap serve` with a real page open in Debian's headless Chromium (Tests/Browser/live_reload_check.py):
/// a save reloads it at the same scroll position, a broken file shows the error overlay until fixed.
@Suite(.tags(.browser)) struct BrowserLiveReloadTests {
    @Test func aSaveReloadsTheOpenPageAndAnErrorShowsOverItUntilFixed() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "Tests/Browser/live_reload_check.py", Command.executable, Command.root]
        process.currentDirectoryURL = URL(fileURLWithPath: Command.root)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("live reload checked: 0 problems"), "\(output)")
    }
}
