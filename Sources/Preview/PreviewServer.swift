import FlyingFox
import FlyingSocks
import Foundation
import Synchronization
import RoutemapKit

/// How `routemap serve` runs.
public struct PreviewOptions: Sendable {
    public var build: BuildOptions
    /// 0 asks the system for a free port (the tests do).
    public var port: UInt16
    /// Seconds between two looks at the content and theme files.
    public var pollInterval: Double
    /// Where to say what happened: built, rebuilt, failed.
    public var log: @Sendable (String) -> Void

    public init(build: BuildOptions, port: UInt16 = 8000, pollInterval: Double = 0.2,
                log: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.build = build
        self.port = port
        self.pollInterval = pollInterval
        self.log = log
    }
}

public enum PreviewError: Error, CustomStringConvertible {
    case portInUse(UInt16)
    case cannotListen(UInt16, String)

    public var description: String {
        switch self {
        case .portInUse(let port):
            let other = port == UInt16.max ? port - 1 : port + 1
            return "error: port \(port) on 127.0.0.1 is already in use, perhaps by another 'routemap serve'\n"
                + "    hint: stop the other server (Ctrl-C in its terminal), or choose another port: routemap serve --port \(other)"
        case .cannotListen(let port, let reason):
            return "error: cannot listen on 127.0.0.1 port \(port): \(reason)\n    hint: choose another port with --port"
        }
    }
}

/// The editors' preview: builds the site into memory, serves it on 127.0.0.1, watches content/
/// and themes/, rebuilds on every save (reusing the rendering of chapters that did not change)
/// and, once a rebuild is complete, tells the open pages to reload. output/ is never touched.
public final class PreviewServer: Sendable {
    public let options: PreviewOptions
    /// Kept across rebuilds, so a save re-renders only the chapters whose text changed.
    public let renderCache = RenderCache()
    /// The warnings printed after the last build, so that a rebuild prints only new ones.
    private let warnings = WarningMemory()
    /// Kept across rebuilds, so a save lays out again only the pages whose views changed.
    public let layoutCache = LayoutCache()
    /// Kept across rebuilds, so a save parses only the front matter of the files that changed.
    public let contentCache = ContentCache()
    let state = LiveState()
    private let http: PreviewHTTP
    private let stopped = StopFlag()

    public init(_ options: PreviewOptions) throws {
        self.options = options
        let handler = SiteRequestHandler(state: state, roots: [options.build.contentDirectory, options.build.themesDirectory])
        http = PreviewHTTP(port: options.port, handler: handler)
    }

    /// Builds, serves and watches until `stop()` or cancellation. Throws `PreviewError` when the
    /// port cannot be had.
    public func run() async throws {
        let watcher = ContentWatcher(folders: [options.build.contentDirectory, options.build.themesDirectory],
                                     interval: options.pollInterval)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [http, options] in
                do {
                    try await http.run()
                } catch let SocketError.failed(type, code, message) where type == "Bind" {
                    throw code == EADDRINUSE ? PreviewError.portInUse(options.port) : PreviewError.cannotListen(options.port, message)
                }
            }
            group.addTask {
                var files = watcher.snapshot()
                await self.rebuild(reason: nil)
                while true {
                    files = try await watcher.change(since: files)
                    await self.rebuild(reason: "a change")
                }
            }
            defer { group.cancelAll() }
            // The server ends the group: when stopped, or when it could not listen.
            do {
                try await group.next()
            } catch where stopped.isSet {
                // Cancelling the watcher is how it stops; that is no error here.
            }
        }
        await state.wakeAll()
    }

    /// The port the server listens on, once it does.
    public func waitUntilListening() async throws -> UInt16 {
        // Generous: a loaded machine (the whole test suite on two cores) can take many seconds.
        try await http.waitUntilListening(timeout: 60)
    }

    /// Stops listening and ends every open connection at once, whatever its client is doing.
    public func stop() async {
        stopped.set()
        await state.wakeAll()
        http.stop()
    }

    /// Builds on a thread of its own (rendering blocks; the server's tasks must not wait on it),
    /// then publishes the new site or the errors.
    private func rebuild(reason: String?) async {
        var build = options.build
        build.renderCache = renderCache
        build.layoutCache = layoutCache
        build.deferWholeEditionFiles = true
        build.contentCache = contentCache
        let log = options.log
        build.renderLimits.progress = { log($0) }
        let started = Date()
        let options = build
        let report: BuildReport = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: SiteBuilder.buildInMemory(options))
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        if report.hasErrors {
            await state.publish(failure: report.diagnostics)
            log(report.diagnostics.reportText)
            let errors = report.diagnostics.errors.count
            log("Build failed with \(errors) error\(errors == 1 ? "" : "s"): still serving the last good site; the errors show on open pages.")
        } else {
            await state.publish(report.files)
            warnings.lines(for: report.diagnostics).forEach { log($0) }
            let usage = renderCache.lastUsage
            let verb = reason == nil ? "Built" : "Rebuilt after \(reason!)"
            log("\(verb) in \(milliseconds) ms: \(report.chapterCount) chapters (\(usage.made) rendered, \(usage.reused) reused), \(report.files.count) files.")
        }
    }
}

/// Set once `stop()` was called, read by `run()` to tell a requested stop from a failure.
private final class StopFlag: Sendable {
    private let value = Atomic(false)
    var isSet: Bool { value.load(ordering: .acquiring) }
    func set() { value.store(true, ordering: .releasing) }
}
