import Testing
@testable import RoutemapMarkdown

/// Heading ids made unique on a page: the rule (first free `-2`, `-3`… suffix) and its cost.
@Suite struct UniqueAnchorTests {
    @Test func twentyThousandHeadingsWithTheSameTextGetEveryNumberOnce() {
        let count = 20_000
        let result = MarkdownRenderer.render(String(repeating: "## How\n\n", count: count))
        let expected = ["how"] + (2...count).map { "how-\($0)" }
        #expect(result.headings.map(\.id) == expected)
        #expect(result.html.contains(#"<h2 id="how-20000">How</h2>"#))
    }

    @Test func eachClaimLooksUpAtMostTwoCandidatesOnAverage() {
        var registry = SlugRegistry()
        let count = 20_000
        for _ in 0..<count { _ = registry.claim("how") }
        // Before: claim n tried how, how-2 … how-n, about n²/2 = 200 million lookups in all.
        #expect(registry.lookups <= 2 * count)
    }

    @Test func suffixesAlreadyTakenByOtherHeadingsAreSkipped() {
        let result = MarkdownRenderer.render("## How\n\n## How 2\n\n## How\n\n## How {#how-4}\n\n## How\n\n## How\n\n## How 3\n")
        #expect(result.headings.map(\.id) == ["how", "how-2", "how-3", "how-4", "how-5", "how-6", "how-3-2"])
    }

    @Test func reservedIDsAreNeverHandedOut() {
        var registry = SlugRegistry(reserved: ["notes", "notes-2"])
        #expect(registry.claim("notes") == "notes-3")
        #expect(registry.claim("notes") == "notes-4")
        #expect(registry.claim("notes-3") == "notes-3-2")
    }
}
