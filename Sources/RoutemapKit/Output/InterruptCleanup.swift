import Foundation
import Synchronization

/// Ctrl-C or SIGTERM during a build. The new site is only ever written beside output/ (see
/// OutputWriter), so output/ is already safe; this makes the stop prompt and tidy: the signal is
/// taken by a thread of its own (a handler queued on Dispatch could wait behind the build's own
/// work until the site had been swapped in), which removes the half-written folder and ends the
/// process. The swap itself holds the lock on `state`, so a signal either comes before it (output/ is as
/// it was) or after it (the build had finished). SIGKILL cannot be caught: its leftover folder is
/// removed by the next build.
public enum InterruptCleanup {
    private struct State {
        /// Set once the new site is in place.
        var swapped = false
        /// The folder the new site is being written to, once it exists.
        var staging: String?
    }

    /// Held while the new site is swapped in, and by a stop from when it begins until the process
    /// ends: the flag and the folder are only ever read or written under it.
    private static let state = Mutex(State())
    /// Where the signal handler writes the signal's number: an atomic, because a handler may not take a lock.
    private static let signalPipe = Atomic<Int32>(-1)

    /// Called by the writer once it has made the folder the new site is written to.
    static func building(_ folder: String) {
        state.withLock { $0.staging = folder }
    }

    /// Runs `swap` (which puts the new site in place) where no stop can begin, and notes that
    /// the site was swapped in when it returns.
    static func swapping<R>(_ swap: () throws -> R) throws -> R {
        try state.withLock { state throws -> R in
            let result = try swap()
            state.swapped = true
            return result
        }
    }

    /// Called by a writer whose files vanished: when a stop is under way, waits for it to end
    /// the process, rather than report the vanished files as an error.
    static func waitIfStopping() {
        // Taking the lock waits for a stop under way; once it is free, no stop has begun.
        state.withLock { _ in }
    }

    public static func install(output: String) {
        let output = output.hasSuffix("/") ? String(output.dropLast()) : output
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        let readEnd = ends[0]
        signalPipe.store(ends[1], ordering: .releasing)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signalNumber in
            var byte = UInt8(truncatingIfNeeded: signalNumber)
            _ = write(InterruptCleanup.signalPipe.load(ordering: .acquiring), &byte, 1)
        }
        for signalNumber in [SIGINT, SIGTERM] { sigaction(signalNumber, &action, nil) }
        let thread = Thread {
            var byte: UInt8 = 0
            while read(readEnd, &byte, 1) < 0 && errno == EINTR {}
            // Held until the process ends.
            state.withLock { state in
                // Renamed first: writing threads address files through the old name, so none can add
                // to the folder while it is being removed.
                if let staging = state.staging {
                    let doomed = staging.replacingOccurrences(of: ".tmp-", with: ".tmp-stopped-", options: .backwards)
                    if rename(staging, doomed) == 0 { try? FileManager.default.removeItem(atPath: doomed) }
                }
                let outcome = state.swapped ? "the new site was already in \(output)/" : "\(output)/ was left as it was"
                FileHandle.standardError.write(Data("Stopped: \(outcome).\n".utf8))
                _exit(128 + Int32(byte))
            }
        }
        thread.start()
    }
}
