import Foundation

/// Wakes the content watcher as soon as the kernel reports a change in a watched folder (Linux
/// inotify), so that a save is noticed in milliseconds rather than at the next poll. It only says
/// *that* something happened: the watcher still compares snapshots to decide whether and what, and
/// still polls, which covers what inotify misses (files behind symbolic links, other systems).
final class FileEvents: @unchecked Sendable {
    #if canImport(Glibc)
    private let descriptor: Int32
    private let source: DispatchSourceRead
    #endif
    private let lock = NSLock()
    /// An event arrived while nobody was waiting: the next wait returns at once.
    private var pending = false
    private var waiter: CheckedContinuation<Void, Never>?
    private var waits = 0
    private var watched: Set<String> = []

    /// Nil where inotify is not available (macOS) or the system refuses another instance.
    init?() {
        #if canImport(Glibc)
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: .global())
        source.setEventHandler { [weak self] in self?.drain() }
        source.setCancelHandler { [descriptor] in close(descriptor) }
        source.resume()
        #else
        return nil
        #endif
    }

    deinit {
        #if canImport(Glibc)
        source.cancel()
        #endif
    }

    /// Reports changes to the entries of `folder` (not of its subfolders: watch each). Cheap to repeat.
    func watch(_ folder: String) {
        #if canImport(Glibc)
        guard lock.withLock({ watched.insert(folder).inserted }) else { return }
        let mask = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF
        if inotify_add_watch(descriptor, folder, UInt32(mask)) < 0 {
            lock.withLock { _ = watched.remove(folder) }
        }
        #endif
    }

    /// Returns when an event arrives (or arrived since the last wait), after `seconds`, or when the task is cancelled.
    func wait(upTo seconds: Double) async {
        let number = lock.withLock { () -> Int in
            waits += 1
            return waits
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = lock.withLock { () -> Bool in
                    if pending || Task.isCancelled {
                        pending = false
                        return true
                    }
                    waiter = continuation
                    return false
                }
                if now { continuation.resume(); return }
                DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [weak self] in self?.wake(number) }
            }
        } onCancel: {
            wake(nil)
        }
    }

    /// Resumes the waiter: wait number `number` when its time is up, or whichever waits (nil).
    private func wake(_ number: Int?) {
        let continuation = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            guard number == nil || number == waits else { return nil }
            defer { waiter = nil }
            return waiter
        }
        continuation?.resume()
    }

    private func drain() {
        #if canImport(Glibc)
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var any = false
        while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 { any = true }
        guard any else { return }
        // A folder that was removed or moved loses its watch: let it be added again if it comes back.
        lock.withLock { watched = [] }
        let continuation = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            defer { waiter = nil }
            if waiter == nil { pending = true }
            return waiter
        }
        continuation?.resume()
        #endif
    }
}
