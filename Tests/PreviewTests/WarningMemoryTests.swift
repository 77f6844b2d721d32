import Testing
@testable import Preview
import RoutemapKit

@Suite struct WarningMemoryTests {
    @Test func laterBuildsPrintOnlyNewWarningsAndCountTheRest() {
        let memory = WarningMemory()
        let a = Diagnostic.warning("content/draft/a.md", line: 3, column: 1, "one")
        let b = Diagnostic.warning("content/draft/b.md", line: 4, column: 2, "two")
        let c = Diagnostic.warning("content/draft/b.md", line: 5, column: 2, "two")
        #expect(memory.lines(for: [b, a]) == [a.description, b.description])
        #expect(memory.lines(for: [a, b]) == ["(2 warnings as before, not repeated)"])
        #expect(memory.lines(for: [a, c]) == [c.description, "(1 warning as before, not repeated)"])
        #expect(memory.lines(for: []) == [])
    }
}
