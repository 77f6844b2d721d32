import Foundation
import RoutemapKit

/// Notices saved, added and removed files under some folders by comparing each file's size,
/// modification time and inode every `interval` seconds.
///
/// Snapshots decide, not inotify's event stream: a publication is a few hundred files at most,
/// quick to scan (docs/guide/performance.md); a snapshot sees files created in new folders and files that
/// editors save by writing a new file and renaming it over the old one, which inotify needs a
/// watch per folder and rename bookkeeping for; and it is plain POSIX, so it works on macOS too.
/// Hidden files (editors' swap and backup files such as `.governance.md.swp`) are ignored.
/// Where the kernel reports changes (`FileEvents`, Linux), a change wakes the watcher within 20 ms
/// and a shorter pause tells that the editor finished writing; the polling stays as the fallback,
/// five times as far apart (`fallbackInterval`): at 4,000 chapters each look stats every file, and
/// looking five times a second took a quarter of a core, beside the rebuilds it held up.
struct ContentWatcher: Sendable {
    struct Stamp: Equatable, Sendable {
        var size: Int64
        var modified: Int64
        var inode: UInt64
    }

    let folders: [String]
    var interval: Double = 0.2
    let events: FileEvents? = FileEvents()
    /// How long the files must stay the same after a change before it is reported. Without
    /// events, half the polling interval; with them, long enough for the steps of one save
    /// (write, rename), which follow each other within milliseconds.
    var settle: Double { events == nil ? interval / 2 : min(0.05, interval / 2) }
    /// With events, how long the watcher waits for one before it looks anyway, for what the kernel
    /// does not report (a file behind a symbolic link changed where it lives).
    var fallbackInterval: Double { interval * 5 }

    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for folder in folders { scan(folder, into: &stamps) }
        return stamps
    }

    /// Waits until the files differ from `previous`, then until they stay the same for `settle`
    /// seconds (an editor may write a file in several steps), and returns the new snapshot.
    func change(since previous: [String: Stamp]) async throws -> [String: Stamp] {
        var current = previous
        while current == previous {
            try await nextLook()
            current = snapshot()
        }
        while true {
            try await Task.sleep(nanoseconds: UInt64(settle * 1e9))
            let settled = snapshot()
            if settled == current { return settled }
            current = settled
        }
    }

    /// Sleeps for the polling interval, or with events until one comes (asked for every 20 ms) or
    /// the fallback interval has passed.
    private func nextLook() async throws {
        guard let events else { return try await Task.sleep(nanoseconds: UInt64(interval * 1e9)) }
        var waited = 0.0
        while waited < fallbackInterval, !events.takeEvent() {
            try await Task.sleep(nanoseconds: 20_000_000)
            waited += 0.02
        }
    }

    /// Editors' backup files (`governance.md~`) are passed over as well as hidden ones.
    private func scan(_ folder: String, into stamps: inout [String: Stamp]) {
        walkFolder(folder, statEveryFile: true, skipping: { $0.hasSuffix("~") }, entering: { events?.watch($0) }) { entry in
            // A link to a folder is never entered, and one that leads nowhere has nothing to watch.
            guard let info = entry.info, entry.kind != .linkedFolder else { return }
            #if canImport(Darwin)
            let modified = info.st_mtimespec
            #else
            let modified = info.st_mtim
            #endif
            stamps[entry.path] = Stamp(size: Int64(info.st_size),
                                       modified: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec),
                                       inode: UInt64(info.st_ino))
        }
    }
}
