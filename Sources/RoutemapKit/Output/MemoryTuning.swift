import Foundation

/// glibc's allocator, set for a process that builds sites. Its defaults suit programs that stay
/// small: each thread's heap was grown a page at a time (an `mprotect` call each) and handed back
/// whenever its top was free, only to be grown again moments later, which cost about a twelfth of
/// a full build's CPU. A build's memory is needed again by its next stage, so it is kept.
///
/// It also makes one heap per core rather than glibc's eight: the threads making pages took a heap
/// each in turn, and memory one had freed (a chapter's Markdown, once rendered) stayed in its heap
/// while another grew its own. One per core lowers a large build's peak memory at the same CPU time
/// (docs/guide/performance.md, "Memory, fourth round").
public enum MemoryTuning {
    public static func forBuilding() {
        #if os(Linux)
        // mallopt is not in Swift's Glibc module (malloc.h is not part of it); the values are malloc.h's.
        typealias SetOption = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: SetOption.self)
        let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3, arenaMax: Int32 = -8
        _ = mallopt(topPad, 64 << 20)
        _ = mallopt(trimThreshold, 256 << 20)
        _ = mallopt(mmapThreshold, 32 << 20)
        _ = mallopt(arenaMax, Int32(clamping: max(2, ProcessInfo.processInfo.activeProcessorCount)))
        #endif
    }
}
