import Foundation

/// Ctrl-C or SIGTERM during a build. The new site is only ever written beside output/ (see
/// OutputWriter), so output/ is already safe; this makes the stop prompt and tidy: the signal is
/// taken by a thread of its own (a handler queued on Dispatch could wait behind the build's own
/// work until the site had been swapped in), which removes the half-written folder and ends the
/// process. The swap itself holds `swapLock`, so a signal either comes before it (output/ is as
/// it was) or after it (the build had finished). SIGKILL cannot be caught: its leftover folder is
/// removed by the next build.
public enum InterruptCleanup {
    static let swapLock = NSLock()
    /// Set under `swapLock` once the new site is in place.
    nonisolated(unsafe) static var swapped = false
    nonisolated(unsafe) private static var pipeEnds: [Int32] = [-1, -1]
    /// The folder the new site is being written to, set under `swapLock` once it exists.
    nonisolated(unsafe) private static var staging: String?

    /// Called by the writer once it has made the folder the new site is written to.
    static func building(_ folder: String) {
        swapLock.withLock { staging = folder }
    }

    /// Called by a writer whose files vanished: when a stop is under way, waits for it to end
    /// the process, rather than report the vanished files as an error.
    static func waitIfStopping() {
        // Taking the lock waits for a stop under way; once it is free, no stop has begun.
        swapLock.lock()
        swapLock.unlock()
    }

    public static func install(output: String) {
        let output = output.hasSuffix("/") ? String(output.dropLast()) : output
        guard pipe(&pipeEnds) == 0 else { return }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signalNumber in
            var byte = UInt8(truncatingIfNeeded: signalNumber)
            _ = write(InterruptCleanup.pipeEnds[1], &byte, 1)
        }
        for signalNumber in [SIGINT, SIGTERM] { sigaction(signalNumber, &action, nil) }
        let thread = Thread {
            var byte: UInt8 = 0
            while read(pipeEnds[0], &byte, 1) < 0 && errno == EINTR {}
            // Held until the process ends.
            swapLock.lock()
            // Renamed first: writing threads address files through the old name, so none can add
            // to the folder while it is being removed.
            if let staging {
                let doomed = staging.replacingOccurrences(of: ".tmp-", with: ".tmp-stopped-", options: .backwards)
                if rename(staging, doomed) == 0 { try? FileManager.default.removeItem(atPath: doomed) }
            }
            let outcome = swapped ? "the new site was already in \(output)/" : "\(output)/ was left as it was"
            FileHandle.standardError.write(Data("Stopped: \(outcome).\n".utf8))
            _exit(128 + Int32(byte))
        }
        thread.start()
    }
}
