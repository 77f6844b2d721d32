import Foundation

/// Ctrl-C or SIGTERM during a build: the new site is only ever written beside output/ (see
/// OutputWriter), so output/ is already safe; this also removes the half-written folder before
/// the process ends. (SIGKILL cannot be caught: its leftover is removed by the next build.)
public enum InterruptCleanup {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    public static func install(output: String) {
        let output = output.hasSuffix("/") ? String(output.dropLast()) : output
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                try? FileManager.default.removeItem(atPath: OutputWriter.stagingPath(for: output))
                FileHandle.standardError.write(Data("Stopped: \(output)/ was left as it was.\n".utf8))
                exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
