import Templates
import RoutemapMarkdown

/// `<edition>/changes/index.html`: chapters added, removed, retitled and changed since the
/// previous edition; `<edition>/changes/<id>.html`: one chapter compared block by block.
extension SiteLayout {
    /// The editions are compared here, once; each chapter's blocks when its page is made.
    func changesPages(_ rendered: RenderedEdition) -> [PlannedFile] {
        guard let older = olderEdition(than: rendered.edition.id) else { return [] }
        let edition = rendered.edition
        let comparison = EditionComparison(older: older, newer: rendered, cache: layoutCache)
        // Besides the site's structure, the summary shows only how many blocks of each kind each chapter's comparison holds.
        let summaryPath = SitePaths.changes(edition.id)
        return [PlannedFile(summaryPath, origin: editionFile(edition)) {
            .html(page(summaryPath, inputs: comparison.counts) { changesSummaryPage(comparison) })
        }]
            + comparison.common.map { common in
                // Besides the site's structure (titles, numbers, editions), the page shows only the comparison:
                // while it is unchanged (the very array of the previous build), the page is reused without making its view.
                let path = SitePaths.chapterChanges(edition.id, common.chapter.id)
                let inputs = ChapterChangesInputs(oldTitle: common.comparison.oldTitle, newTitle: common.comparison.newTitle,
                                                  oldBlocks: common.comparison.oldBlocks, newBlocks: common.comparison.newBlocks,
                                                  changes: common.comparison.changes)
                return PlannedFile(path, origin: common.chapter.sourcePath) {
                    .html(page(path, inputs: inputs) { chapterChangesPage(comparison, common.chapter, common.comparison) })
                }
            }
    }

    private func changesSummaryPage(_ comparison: EditionComparison) -> HTML {
        let edition = comparison.newer.edition, older = comparison.older.edition
        let page = SitePaths.changes(edition.id)
        let link = { (chapter: Chapter, compared: ChapterComparison?) -> ChangedChapterView in
            ChangedChapterView(number: chapter.number, title: chapter.title,
                               url: relativeURL(from: page, to: SitePaths.chapter(edition.id, chapter.id)),
                               oldTitle: compared.flatMap { $0.retitled ? $0.oldTitle : nil },
                               // Only where the text changed: under "unchanged" or "retitled", a link to see what
                               // changed would lead to a page saying that nothing did.
                               changesURL: compared.flatMap { $0.textChanged ? relativeURL(from: page, to: SitePaths.chapterChanges(edition.id, chapter.id)) : nil },
                               detail: compared.flatMap { $0.textChanged ? $0.counts.text : nil })
        }
        let removed = comparison.removed.map {
            ChangedChapterView(number: $0.number, title: $0.title, url: relativeURL(from: page, to: SitePaths.chapter(older.id, $0.id)),
                               oldTitle: nil, changesURL: nil, detail: nil)
        }
        let group = { (heading: String, anchor: String, chapters: [ChangedChapterView]) in
            ChangeGroupView(heading: heading, anchor: anchor, count: chapters.count, hasChapters: !chapters.isEmpty, chapters: chapters)
        }
        let grouped = comparison.groups
        let groups = [
            group("Chapters added", "added", comparison.added.map { link($0, nil) }),
            group("Chapters removed", "removed", removed),
            group("Chapters retitled, text unchanged", "retitled", grouped.retitled.map { link($0.chapter, $0.comparison) }),
            group("Chapters changed", "changed", grouped.changed.map { link($0.chapter, $0.comparison) }),
            group("Chapters unchanged", "unchanged", grouped.unchanged.map { link($0.chapter, $0.comparison) }),
        ]
        let view = ChangesPageView(heading: "What changed since the \(older.shortTitle)",
                                   edition: summary(edition, from: page), olderEdition: summary(older, from: page),
                                   counts: groups, groups: groups.filter { $0.count > 0 })
        return layout(page: page, title: "What changed since the \(older.shortTitle) – \(edition.shortTitle) – \(config.shortTitle)",
                      description: "Chapters added, removed, retitled and changed between the \(older.title) and the \(edition.title).",
                      breadcrumbs: breadcrumbs(edition, from: page),
                      content: render(view, template: "changes", page: page))
    }

    private func chapterChangesPage(_ comparison: EditionComparison, _ chapter: Chapter, _ compared: ChapterComparison) -> HTML {
        let edition = comparison.newer.edition, older = comparison.older.edition
        let page = SitePaths.chapterChanges(edition.id, chapter.id)
        // Text that did not change is not repeated: the page says so and links to the chapter.
        // Most of a final edition can be such chapters, and each page would be as long as its chapter.
        let changes = compared.textChanged ? compared.changes : []
        // A block that moved away links to the place it moved to, found by its text.
        var movedAnchors: [String: String] = [:]
        var blocks: [BlockChangeView] = []
        for (index, change) in changes.enumerated() {
            let anchor = "change-\(index + 1)"
            // Keyed by the older text, which is what the moved-away block shows.
            if change.kind == .moved || change.kind == .movedAndChanged, let text = (compared.oldBlock(change) ?? compared.newBlock(change))?.text,
               movedAnchors[text] == nil {
                movedAnchors[text] = anchor
            }
            blocks.append(blockView(change, in: compared, anchor: anchor))
        }
        for index in blocks.indices where changes[index].kind == .movedAway {
            if let text = compared.oldBlock(changes[index])?.text, let target = movedAnchors[text] { blocks[index].movedToURL = "#" + target }
        }
        let view = ChapterChangesPageView(
            number: chapter.number, title: chapter.title, oldTitle: compared.oldTitle, retitled: compared.retitled,
            chapterURL: relativeURL(from: page, to: SitePaths.chapter(edition.id, chapter.id)),
            olderChapterURL: relativeURL(from: page, to: SitePaths.chapter(older.id, chapter.id)),
            olderEditionTitle: older.shortTitle,
            summaryURL: relativeURL(from: page, to: SitePaths.changes(edition.id)),
            added: compared.counts.added, removed: compared.counts.removed, changed: compared.counts.changed,
            moved: compared.counts.moved, unchangedCount: compared.counts.unchanged, noChanges: !compared.textChanged,
            blocks: blocks)
        return layout(page: page, title: "Changes to \(chapter.number). \(chapter.title) – \(edition.shortTitle) – \(config.shortTitle)",
                      description: "What changed in \(chapter.title) since the \(older.shortTitle).",
                      breadcrumbs: breadcrumbs(edition, from: page) + [LinkView(title: "What changed", url: relativeURL(from: page, to: SitePaths.changes(edition.id)))],
                      content: render(view, template: "chapter-changes", page: page))
    }

    private func blockView(_ change: BlockChange, in compared: ChapterComparison, anchor: String) -> BlockChangeView {
        let old = compared.oldBlock(change), new = compared.newBlock(change)
        let block = new ?? old
        let words: [WordChangeView]
        if change.kind == .changed || change.kind == .movedAndChanged {
            words = spacedWords(change.words.map { WordChangeView(text: $0.text, same: $0.kind == .same, inserted: $0.kind == .inserted,
                                                                  deleted: $0.kind == .deleted, spaceBefore: false) })
        } else {
            words = [WordChangeView(text: block?.text ?? "", same: true, inserted: false, deleted: false, spaceBefore: false)]
        }
        let label: String? = switch change.kind {
        case .unchanged: nil
        case .added: "Added"
        case .removed: "Removed"
        case .changed: "Changed"
        case .moved: "Moved here"
        case .movedAndChanged: "Moved here and changed"
        case .movedAway: "Moved"
        }
        return BlockChangeView(kind: change.kind.rawValue, label: label, unchanged: change.kind == .unchanged,
                               paragraphNumber: new?.number ?? old?.number.map { "was \($0)" }, anchor: anchor, heading: block?.kind == .heading, words: words, movedToURL: nil)
    }

    /// Runs of different kinds that meet letter to letter are set apart by a space, so that they
    /// do not read as one word: "manage <del>the</del> <ins>their</ins> suppliers".
    private func spacedWords(_ words: [WordChangeView]) -> [WordChangeView] {
        var spaced = words
        for index in spaced.indices.dropFirst() {
            let previous = spaced[index - 1]
            // Words are compared whole, so two runs meeting letter to letter had a space between them.
            guard previous.inserted != spaced[index].inserted || previous.deleted != spaced[index].deleted,
                  let last = previous.text.last, let first = spaced[index].text.first else { continue }
            spaced[index].spaceBefore = (last.isLetter || last.isNumber) && (first.isLetter || first.isNumber)
        }
        return spaced
    }
}

/// What a chapter's changes page is laid out from besides the site's structure.
private struct ChapterChangesInputs: Equatable, Sendable {
    var oldTitle: String
    var newTitle: String
    var oldBlocks: [TextBlock]
    var newBlocks: [TextBlock]
    var changes: [BlockChange]
}
