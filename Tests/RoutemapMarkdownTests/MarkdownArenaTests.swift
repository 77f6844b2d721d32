import Foundation
import RoutemapMarkdown
import MarkdownArena
import Testing

/// The allocator cmark-gfm renders with: memory handed out per thread and given back all at once.
@Suite struct MarkdownArenaTests {
    /// Runs `body` on a thread of its own, so that each test starts from an empty arena.
    private func onNewThread(_ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        Thread { body(); done.signal() }.start()
        done.wait()
    }

    private func fill(_ pointer: UnsafeMutableRawPointer, _ count: Int, with byte: UInt8) {
        pointer.initializeMemory(as: UInt8.self, repeating: byte, count: count)
    }

    private func holds(_ pointer: UnsafeMutableRawPointer, _ count: Int, _ byte: UInt8) -> Bool {
        UnsafeRawBufferPointer(start: pointer, count: count).allSatisfy { $0 == byte }
    }

    @Test func allocationsAreAlignedZeroedAndApart() {
        onNewThread {
            var pointers: [(UnsafeMutableRawPointer, Int)] = []
            for (index, size) in [1, 7, 16, 33, 100, 4096, 1 << 20].enumerated() {
                let pointer = markdown_arena_calloc(1, size)!
                #expect(Int(bitPattern: pointer) % 16 == 0)
                #expect(holds(pointer, size, 0))
                fill(pointer, size, with: UInt8(index + 1))
                pointers.append((pointer, size))
            }
            for (index, (pointer, size)) in pointers.enumerated() {
                #expect(holds(pointer, size, UInt8(index + 1)), "allocation \(index) was overwritten")
            }
            markdown_arena_reset()
        }
    }

    @Test func reallocKeepsTheBytesWhetherItGrowsInPlaceOrMoves() {
        onNewThread {
            // The latest allocation grows in place.
            let latest = markdown_arena_realloc(nil, 10)!
            fill(latest, 10, with: 0xAB)
            let grown = markdown_arena_realloc(latest, 1000)!
            #expect(grown == latest)
            #expect(holds(grown, 10, 0xAB))
            // One followed by another allocation moves, and keeps its bytes.
            let other = markdown_arena_calloc(1, 8)!
            let moved = markdown_arena_realloc(grown, 5000)!
            #expect(moved != grown)
            #expect(holds(moved, 10, 0xAB))
            #expect(holds(other, 8, 0))
            // Growing past the block moves it to a block of its own.
            let large = markdown_arena_realloc(moved, 3 << 20)!
            #expect(holds(large, 10, 0xAB))
            markdown_arena_reset()
        }
    }

    @Test func freeingTheLatestAllocationReusesItsBytes() {
        onNewThread {
            let first = markdown_arena_calloc(1, 64)!
            markdown_arena_free(first)
            let second = markdown_arena_calloc(1, 64)!
            #expect(second == first)
            // An earlier allocation cannot be taken back; freeing it leaves the later one alone.
            let third = markdown_arena_calloc(1, 64)!
            fill(third, 64, with: 7)
            markdown_arena_free(second)
            #expect(markdown_arena_calloc(1, 64)! != second)
            #expect(holds(third, 64, 7))
            markdown_arena_reset()
        }
    }

    @Test func aResetKeepsAFewBlocksAndGivesTheRestBack() {
        onNewThread {
            for _ in 0..<100 { _ = markdown_arena_calloc(1, 200 * 1024) }
            #expect(markdown_arena_reserved() >= 20 << 20)
            markdown_arena_reset()
            #expect(markdown_arena_reserved() <= 4 << 20)
            #expect(markdown_arena_reserved() > 0)
            // After a reset, the kept blocks are handed out again.
            let before = markdown_arena_reserved()
            _ = markdown_arena_calloc(1, 1000)
            #expect(markdown_arena_reserved() == before)
            markdown_arena_reset()
        }
    }

    /// Rendering leaves the thread's arena reset: a long document does not keep its memory.
    @Test func renderingGivesTheDocumentsMemoryBack() {
        onNewThread {
            let paragraph = "A paragraph with *emphasis*, a [link](other.md) and a footnote.[^n]\n\n"
            let long = String(repeating: paragraph, count: 20_000) + "[^n]: The note.\n"
            let rendered = MarkdownRenderer.render(long)
            #expect(rendered.html.contains("<em>emphasis</em>"))
            #expect(markdown_arena_reserved() <= 4 << 20)
            let short = MarkdownRenderer.render("# Title\n\nText.")
            #expect(short.html == "<h1 id=\"title\">Title</h1>\n<p>Text.</p>\n")
        }
    }
}
