import Foundation
import Testing
@testable import Preview

/// The watcher with kernel file events: with a polling interval far longer than the test may
/// take, only the events can explain a save being noticed.
@Suite struct ContentWatcherTests {
    private final class Folder: Sendable {
        let path = NSTemporaryDirectory() + "routemap-watch-" + UUID().uuidString
        init() { try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        func write(_ name: String, _ text: String) { try! Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name)) }
    }

    /// The watcher's next change, or nil when none is reported within `seconds`.
    private func nextChange(_ watcher: ContentWatcher, since snapshot: [String: ContentWatcher.Stamp], within seconds: Double,
                            after action: () throws -> Void) async throws -> [String: ContentWatcher.Stamp]? {
        let change = Task { try await watcher.change(since: snapshot) }
        try await Task.sleep(nanoseconds: 100_000_000)
        try action()
        let deadline = Task {
            try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            change.cancel()
        }
        defer { deadline.cancel() }
        return try? await change.value
    }

    @Test func savesAndFilesInNewFoldersAreNoticedWithoutWaitingForThePoll() async throws {
        let folder = Folder()
        folder.write("a.md", "one")
        let watcher = ContentWatcher(folders: [folder.path], interval: 600)
        guard watcher.events != nil else { return } // no inotify here: the polling covers it
        let start = watcher.snapshot()

        let saved = try #require(try await nextChange(watcher, since: start, within: 20) { folder.write("a.md", "two!") })
        #expect(saved[folder.path + "/a.md"] != start[folder.path + "/a.md"])

        let added = try #require(try await nextChange(watcher, since: saved, within: 20) {
            try FileManager.default.createDirectory(atPath: folder.path + "/images", withIntermediateDirectories: false)
            folder.write("images/a.svg", "<svg/>")
        })
        #expect(added[folder.path + "/images/a.svg"] != nil)
        // The new folder is watched from the snapshot that found it: a file saved in it wakes the watcher.
        let inNewFolder = try #require(try await nextChange(watcher, since: added, within: 20) { folder.write("images/b.svg", "<svg/>") })
        #expect(inNewFolder[folder.path + "/images/b.svg"] != nil)
    }

    /// A chapter that is a symbolic link to a file elsewhere: the kernel reports nothing when that
    /// file is saved (its folder is not watched), and the watcher's fallback look finds it.
    @Test func aSaveTheKernelDoesNotReportIsFoundByTheFallbackLook() async throws {
        let folder = Folder(), elsewhere = Folder()
        elsewhere.write("shared.md", "one")
        #expect(symlink(elsewhere.path + "/shared.md", folder.path + "/a.md") == 0)
        let watcher = ContentWatcher(folders: [folder.path], interval: 0.1)
        guard watcher.events != nil else { return } // no inotify here: the polling covers it
        #expect(watcher.fallbackInterval > watcher.interval, "with events, the fallback looks less often than the polling would")
        let start = watcher.snapshot()
        let saved = try #require(try await nextChange(watcher, since: start, within: 20) { elsewhere.write("shared.md", "two!") })
        #expect(saved[folder.path + "/a.md"] != start[folder.path + "/a.md"])
    }

    @Test func waitingEndsWhenTheTaskIsCancelled() async throws {
        let folder = Folder()
        let watcher = ContentWatcher(folders: [folder.path], interval: 600)
        let change = Task { try await watcher.change(since: watcher.snapshot()) }
        try await Task.sleep(nanoseconds: 100_000_000)
        change.cancel()
        await #expect(throws: CancellationError.self) { try await change.value }
    }
}
