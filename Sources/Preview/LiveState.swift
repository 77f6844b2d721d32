import Foundation
import RoutemapKit

/// What open pages are told: which site they may show and the errors of the last build.
struct LiveStatus: Sendable, Codable {
    /// Goes up with every build, good or bad; pages wait for it to pass the one they know.
    var version: Int
    /// Goes up with every good build; a page from an older one reloads.
    var generation: Int
    /// The last build's errors, empty when it succeeded.
    var errors: [Diagnostic]
}

/// The site being served and the state of the last build. A new site replaces the old one in one
/// step, and only then are waiting pages answered, so a page that reloads gets the new site.
actor LiveState {
    private(set) var files: [String: OutputFile] = [:]
    private(set) var status = LiveStatus(version: 0, generation: 0, errors: [])
    private var waiters: [UUID: CheckedContinuation<LiveStatus, Never>] = [:]

    func publish(_ files: [OutputFile]) {
        // The last site's thousands of files are let go of off this actor, after the pages are told:
        // freeing them took longer than the rest of publishing.
        let last = self.files
        self.files = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        status.generation += 1
        status.version += 1
        status.errors = []
        wakeAll()
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(last) {} }
    }

    /// A failed build: the last good site stays; pages show the errors.
    func publish(failure diagnostics: [Diagnostic]) {
        status.version += 1
        status.errors = diagnostics.errors.sortedForReport()
        wakeAll()
    }

    /// The status once its version passes `since`, or as it is after `timeout` seconds.
    /// Nothing is answered before the first build has finished.
    func next(after since: Int, timeout: Double) async -> LiveStatus {
        if status.version > max(since, 0) { return status }
        let id = UUID()
        Task {
            try? await Task.sleep(nanoseconds: UInt64(timeout * 1e9))
            self.wake(id)
        }
        return await withCheckedContinuation { waiters[id] = $0 }
    }

    /// Answers every waiting page now (when the server stops).
    func wakeAll() {
        let waiting = waiters
        waiters = [:]
        for continuation in waiting.values { continuation.resume(returning: status) }
    }

    private func wake(_ id: UUID) {
        waiters.removeValue(forKey: id)?.resume(returning: status)
    }
}
