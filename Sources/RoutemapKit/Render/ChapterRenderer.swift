import Markdown

/// A chapter with its Markdown rendered: the HTML fragment and what was found in it.
public struct RenderedChapter: Sendable {
    public var chapter: Chapter
    public var markdown: RenderedMarkdown

    /// A position in the rendered body, as a line of the chapter's file.
    func fileLine(_ position: SourcePosition) -> Int { position.line + chapter.bodyLineOffset }

    /// cmark-gfm counts columns in bytes; editors count characters.
    func characterColumn(_ position: SourcePosition) -> Int {
        let lines = chapter.body.split(separator: "\n", omittingEmptySubsequences: false)
        guard position.line >= 1, position.line <= lines.count else { return position.column }
        let line = lines[position.line - 1].utf8
        let byteOffset = min(max(position.column - 1, 0), line.count)
        let end = line.index(line.startIndex, offsetBy: byteOffset)
        return Substring(lines[position.line - 1][..<end]).count + 1
    }
}

public struct RenderedEdition: Sendable {
    public var edition: Edition
    public var chapters: [RenderedChapter]
}

/// The whole publication with every chapter rendered, ready to be checked and laid out.
public struct RenderedPublication: Sendable {
    public var publication: Publication
    public var editions: [RenderedEdition]

    public var config: PublicationConfig { publication.config }

    public func edition(_ id: String) -> RenderedEdition? { editions.first { $0.edition.id == id } }
}

/// Renders every chapter's Markdown, on all cores, with links to chapters rewritten to their pages.
enum ChapterRenderer {
    static func render(_ publication: Publication) -> RenderedPublication {
        let resolver = LinkResolver(publication)
        let config = publication.config
        let work = publication.editions.flatMap { edition in edition.chapters.map { (edition.id, $0) } }
        let rendered = concurrentMap(work) { editionID, chapter in
            let page = SitePaths.chapter(editionID, chapter.id)
            let options = MarkdownOptions(allowRawHTML: config.allowRawHTML, labelledItemsHeading: config.actionsHeading,
                                          paragraphNumberPrefix: config.paragraphNumbers ? String(chapter.number) : nil,
                                          movedAnchors: Dictionary(grouping: chapter.movedAnchors, by: \.newID).mapValues { $0.map(\.oldID) })
            let markdown = MarkdownRenderer.render(chapter.body, options: options) { destination in
                resolver.rewrite(destination, fromEdition: editionID, page: page)
            }
            return RenderedChapter(chapter: chapter, markdown: markdown)
        }
        var offset = 0
        let editions = publication.editions.map { edition in
            defer { offset += edition.chapters.count }
            return RenderedEdition(edition: edition, chapters: Array(rendered[offset..<offset + edition.chapters.count]))
        }
        return RenderedPublication(publication: publication, editions: editions)
    }
}
