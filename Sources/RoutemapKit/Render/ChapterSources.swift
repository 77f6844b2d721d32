import Synchronization

/// The chapters' Markdown, moved out of a publication for rendering, so that each chapter's text is
/// let go of as soon as it is rendered: a build never holds every chapter's Markdown and every
/// rendering at once, which had been a fifth of a large publication's peak memory. Nothing after
/// rendering reads the Markdown (positions come back in characters: `CharacterColumns`). The preview
/// keeps the Markdown in its caches, to tell what a save changed, and does not use this.
final class ChapterSources: Sendable {
    private let bodies: Mutex<[[UInt8]]>

    /// Takes every chapter's body out of `publication` (edition by edition, in chapter order), leaving it empty.
    init(takingFrom publication: inout Publication) {
        var bodies: [[UInt8]] = []
        for edition in publication.editions.indices {
            for chapter in publication.editions[edition].chapters.indices {
                bodies.append([])
                swap(&bodies[bodies.count - 1], &publication.editions[edition].chapters[chapter].body)
            }
        }
        self.bodies = Mutex(bodies)
    }

    /// The body of the chapter at `index`, in the order above, handed over once: afterwards it is empty here.
    func take(_ index: Int) -> [UInt8] {
        bodies.withLock { bodies in
            var body: [UInt8] = []
            swap(&body, &bodies[index])
            return body
        }
    }
}
