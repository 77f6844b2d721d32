import Synchronization
import RoutemapMarkdown

/// A chapter's words for its edition's search index, section by section (what rendering found as
/// `RenderedMarkdown.sections`), held apart from its rendering so that `build` can let go of them
/// as soon as the index is written: every chapter's words are a fifth of what a long publication
/// holds while its pages are made, and nothing else reads them.
final class SearchSections: Sendable {
    private let sections: Mutex<[SectionText]>

    init(_ sections: [SectionText]) {
        self.sections = Mutex(sections)
    }

    /// The sections, left in place: the preview may make the index again.
    var current: [SectionText] { sections.withLock { $0 } }

    /// The sections, handed over once: afterwards there are none here.
    func take() -> [SectionText] {
        sections.withLock { sections in
            var taken: [SectionText] = []
            swap(&taken, &sections)
            return taken
        }
    }
}
