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
        let cpuBefore = usage().cpuMilliseconds
        let result = try work()
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
        let after = usage()
        // CPU beside the wall time: a stage whose CPU is not about twice its time on two cores left one idle.
        FileHandle.standardError.write(Data(("timing \(name): \(String(format: "%.1f", milliseconds)) ms, "
            + "CPU \(String(format: "%.0f", after.cpuMilliseconds - cpuBefore)) ms, peak memory \(after.peakMiB) MiB\n").utf8))
        return result
    }

    /// The process's CPU time so far (user and system, every thread) and its peak memory.
    private static func usage() -> (cpuMilliseconds: Double, peakMiB: Int) {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peak = usage.ru_maxrss / 1024  // kilobytes on Linux
        #else
        getrusage(RUSAGE_SELF, &usage)
        let peak = usage.ru_maxrss / 1024 / 1024  // bytes on macOS
        #endif
        func milliseconds(_ time: timeval) -> Double { Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
        return (milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime), peak)
    }
}
