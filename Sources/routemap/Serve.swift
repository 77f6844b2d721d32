import ArgumentParser
import Foundation
import Synchronization
import Preview
import RoutemapKit

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site on 127.0.0.1: rebuilds on every save and reloads the open pages.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The port to listen on.")
    var port: UInt16 = 8000

    @Flag(help: "Show only the editions a build for the date publishes (by default editions not yet published are shown too, marked 'Embargoed').")
    var publishedOnly = false

    func run() async throws {
        MemoryTuning.forBuilding()
        var build = site.buildOptions
        build.preview = !publishedOnly
        let server = try PreviewServer(PreviewOptions(build: build, port: port, log: { say($0) }))
        let stopping = StopSignals { Task { await server.stop() } }
        Task {
            guard let port = try? await server.waitUntilListening() else { return }
            say("Serving http://127.0.0.1:\(port)/ from memory (\(site.output)/ is not touched); watching \(site.content)/ and \(site.themes)/. Ctrl-C stops.")
        }
        do {
            try await server.run()
        } catch let error as PreviewError {
            printError(error.description)
            throw ExitCode.failure
        }
        stopping.cancel()
        say("Stopped.")
    }
}

/// Writes a line to standard output at once, unbuffered, so that a log piped to a file or to
/// another program shows each rebuild as it happens.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Turns Ctrl-C and SIGTERM into a call, instead of ending the process at once. If the server
/// has not stopped `grace` seconds later (a rebuild still rendering, say), or on a second signal,
/// the process ends anyway. Signals are handled on a queue of their own, not on Swift's
/// cooperative threads, so busy tasks cannot hold them up.
final class StopSignals: Sendable {
    private struct State {
        /// Kept under the lock because Dispatch's sources are not Sendable.
        var sources: [DispatchSourceSignal] = []
        var received = 0
        var cancelled = false
    }

    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "routemap.stop-signals")

    init(grace: Double = 3, _ stop: @escaping @Sendable () -> Void) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            state.withLock { state in
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                source.setEventHandler { [unowned self] in
                    let received = self.state.withLock { state in
                        state.received += 1
                        return state.received
                    }
                    guard received == 1 else { Self.exitNow(signalNumber) }
                    stop()
                    self.queue.asyncAfter(deadline: .now() + grace) {
                        if !self.state.withLock({ $0.cancelled }) { Self.exitNow(signalNumber) }
                    }
                }
                source.resume()
                state.sources.append(source)
            }
        }
    }

    /// The server stopped on its own: no more exits from here.
    func cancel() {
        queue.sync {
            state.withLock { state in
                state.cancelled = true
                state.sources.forEach { $0.cancel() }
            }
        }
    }

    private static func exitNow(_ signalNumber: Int32) -> Never {
        say("Stopped without waiting for the rebuild or requests still running.")
        exit(128 + signalNumber)
    }
}
