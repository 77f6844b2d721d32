import Foundation

/// With ROUTEMAP_TIMINGS set, how long each stage of a build took, on stderr: for finding where
/// the preview's rebuild spends its time (docs/guide/performance.md).
enum StageTimes {
    static let enabled = ProcessInfo.processInfo.environment["ROUTEMAP_TIMINGS"] != nil

    /// Runs `work`, printing its time under `name` when timings are on.
    static func measure<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
        guard enabled else { return try work() }
        let started = DispatchTime.now().uptimeNanoseconds
        let result = try work()
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
        FileHandle.standardError.write(Data("timing \(name): \(String(format: "%.1f", milliseconds)) ms\n".utf8))
        return result
    }
}
