import RoutemapMarkdown

/// A chapter with its Markdown rendered: the HTML fragment and what was found in it.
public struct RenderedChapter: Sendable {
    public var chapter: Chapter
    public var markdown: RenderedMarkdown

    /// A position in the rendered body, as a line of the chapter's file.
    func fileLine(_ position: SourcePosition) -> Int { position.line + chapter.bodyLineOffset }

    /// cmark-gfm counts columns in bytes; editors count characters.
    func characterColumn(_ position: SourcePosition) -> Int {
        let lines = chapter.body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard position.line >= 1, position.line <= lines.count else { return position.column }
        let line = lines[position.line - 1]
        let byteOffset = min(max(position.column - 1, 0), line.count)
        return String(decoding: line.prefix(byteOffset), as: UTF8.self).count + 1
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
/// With a cache, chapters whose body (and links' targets) did not change are reused as they were.
/// Nil, with the chapter named in `log`, when one takes longer than the limit to render.
enum ChapterRenderer {
    static func render(_ publication: Publication, cache: RenderCache? = nil,
                       limits: RenderLimits = RenderLimits(limit: nil), log: DiagnosticLog) -> RenderedPublication? {
        let resolver = LinkResolver(publication)
        let config = publication.config
        let work = publication.editions.flatMap { edition in edition.chapters.map { (edition.id, $0) } }
        let compared = comparedChapters(publication)
        let options = { (editionID: String, chapter: Chapter) in
            MarkdownOptions(allowRawHTML: config.allowRawHTML, labelledItemsHeading: config.actionsHeading,
                            paragraphNumberPrefix: config.paragraphNumbers ? String(chapter.number) : nil,
                            movedAnchors: Dictionary(grouping: chapter.movedAnchors, by: \.newID).mapValues { $0.map(\.oldID) },
                            blockText: compared.contains(SitePaths.chapter(editionID, chapter.id)),
                            questionsHeading: config.questionsHeading)
        }
        let keys = work.map { RenderCache.Key(editionID: $0.0, chapterID: $0.1.id, body: $0.1.body, options: options($0.0, $0.1)) }
        if let cache {
            // Known to hang: fail at once rather than start another thread that cannot be stopped.
            for (index, key) in keys.enumerated() where cache.knowsHangingBodies {
                if let seconds = cache.hangingTime(key) {
                    log.add(RenderTimeout(sourcePath: work[index].1.sourcePath, seconds: seconds).diagnostic)
                    return nil
                }
            }
            cache.beginBuild(resolver: resolver)
        }
        let watch = RenderWatch()
        let outcome = runWatched(limits, watch: watch) {
            concurrentMap(Array(work.indices)) { index -> RenderedChapter in
                let (editionID, chapter) = work[index]
                let page = SitePaths.chapter(editionID, chapter.id)
                let rewrite = { (destination: String) in resolver.rewrite(destination, page: page) }
                if let cached = cache?.lookup(keys[index], isCurrent: { markdown in
                    markdown.links.allSatisfy { (rewrite($0.original) ?? $0.original) == $0.destination }
                        && markdown.images.allSatisfy { (rewrite($0.source) ?? $0.source) == $0.destination }
                }) {
                    return RenderedChapter(chapter: chapter, markdown: cached)
                }
                watch.begin(index, path: chapter.sourcePath)
                let markdown = MarkdownRenderer.render(utf8: chapter.body, options: keys[index].options, rewriteLink: rewrite,
                                                       stage: { watch.enter($0, index) })
                watch.end(index)
                cache?.store(keys[index], markdown)
                return RenderedChapter(chapter: chapter, markdown: markdown)
            }
        }
        let rendered: [RenderedChapter]
        switch outcome {
        case .success(let chapters): rendered = chapters
        case .failure(let timeout):
            if let cache, let index = work.firstIndex(where: { $0.1.sourcePath == timeout.sourcePath }) {
                cache.markHanging(keys[index], after: timeout.seconds)
            }
            log.add(timeout.diagnostic)
            return nil
        }
        cache?.endBuild()
        var offset = 0
        let editions = publication.editions.map { edition in
            defer { offset += edition.chapters.count }
            return RenderedEdition(edition: edition, chapters: Array(rendered[offset..<offset + edition.chapters.count]))
        }
        return RenderedPublication(publication: publication, editions: editions)
    }

    /// The pages of the chapters that the changes pages compare block by block: those whose id is
    /// also in the edition listed just before or after theirs (see `EditionComparison`). Only these
    /// need their blocks' text, which for a long single edition cost more than its headings and links.
    private static func comparedChapters(_ publication: Publication) -> Set<String> {
        var pages: Set<String> = []
        for (older, newer) in zip(publication.editions, publication.editions.dropFirst()) {
            let common = Set(older.chapters.map(\.id)).intersection(newer.chapters.map(\.id))
            for id in common {
                pages.insert(SitePaths.chapter(older.id, id))
                pages.insert(SitePaths.chapter(newer.id, id))
            }
        }
        return pages
    }
}
