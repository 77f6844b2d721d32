import Foundation
import Synchronization

/// Wakes the content watcher as soon as the kernel reports a change in a watched folder (Linux
/// inotify), so that a save is noticed in milliseconds rather than at the next poll. It only says
/// *that* something happened: the watcher still compares snapshots to decide whether and what, and
/// still polls, which covers what inotify misses (files behind symbolic links, other systems).
final class FileEvents: Sendable {
    #if canImport(Glibc)
    private let descriptor: Int32
    #endif
    private struct State {
        /// An event arrived since the watcher last asked.
        var pending = false
        var watched: Set<String> = []
        #if canImport(Glibc)
        /// Kept here, under the lock, because Dispatch's sources are not Sendable; touched only
        /// when it is set up and cancelled.
        var source: DispatchSourceRead?
        #endif
    }

    private let state = Mutex(State())

    /// Nil where inotify is not available (macOS) or the system refuses another instance.
    init?() {
        #if canImport(Glibc)
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        state.withLock { [descriptor] state in
            let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: .global())
            source.setEventHandler { [weak self] in self?.drain() }
            source.setCancelHandler { close(descriptor) }
            source.resume()
            state.source = source
        }
        #else
        return nil
        #endif
    }

    deinit {
        #if canImport(Glibc)
        state.withLock { $0.source?.cancel() }
        #endif
    }

    /// Reports changes to the entries of `folder` (not of its subfolders: watch each). Cheap to repeat.
    func watch(_ folder: String) {
        #if canImport(Glibc)
        guard state.withLock({ $0.watched.insert(folder).inserted }) else { return }
        let mask = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF
        if inotify_add_watch(descriptor, folder, UInt32(mask)) < 0 {
            state.withLock { _ = $0.watched.remove(folder) }
        }
        #endif
    }

    /// Whether an event arrived since the last call. The watcher asks every 20 milliseconds:
    /// simpler than handing a continuation between the kernel's thread and the watcher's task,
    /// and a look costs nothing.
    func takeEvent() -> Bool {
        state.withLock { state in
            defer { state.pending = false }
            return state.pending
        }
    }

    private func drain() {
        #if canImport(Glibc)
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var any = false
        while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 { any = true }
        guard any else { return }
        state.withLock { state in
            state.pending = true
            // A folder that was removed or moved loses its watch: let it be added again if it comes back.
            state.watched = []
        }
        #endif
    }
}
