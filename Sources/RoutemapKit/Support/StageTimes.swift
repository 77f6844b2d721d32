import Foundation

/// With ROUTEMAP_TIMINGS set, how long each stage of a build took, and the process's peak memory
/// when it ended, on stderr: for finding where
/// the preview's rebuild spends its time (docs/guide/performance.md).
enum StageTimes {
    static let enabled = ProcessInfo.processInfo.environment["ROUTEMAP_TIMINGS"] != nil

    /// Runs `work`, printing its time under `name` when timings are on.
    static func measure<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
        guard enabled else { return try work() }
        let started = DispatchTime.now().uptimeNanoseconds
        let result = try work()
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peak = "peak memory \(usage.ru_maxrss / 1024) MiB"  // kilobytes on Linux
        #else
        getrusage(RUSAGE_SELF, &usage)
        let peak = "peak memory \(usage.ru_maxrss / 1024 / 1024) MiB"  // bytes on macOS
        #endif
        FileHandle.standardError.write(Data("timing \(name): \(String(format: "%.1f", milliseconds)) ms, \(peak)\n".utf8))
        return result
    }
}
