import RoutemapMarkdown

/// A chapter with its Markdown rendered: the HTML fragment and what was found in it.
public struct RenderedChapter: Sendable {
    /// The chapter and its rendering, held in one object: every stage reads thousands of chapters,
    /// and a copy of one was a retain of each of its dozens of strings and arrays (a tenth of the
    /// preview's rebuild); now it is one. Read in place (`_read`), changed by replacing the object.
    private final class Parts: Sendable {
        let chapter: Chapter
        let markdown: RenderedMarkdown
        let search: SearchSections

        init(chapter: Chapter, markdown: RenderedMarkdown, search: SearchSections) {
            self.chapter = chapter
            self.markdown = markdown
            self.search = search
        }
    }

    private var parts: Parts

    init(chapter: Chapter, markdown: RenderedMarkdown, search: SearchSections) {
        parts = Parts(chapter: chapter, markdown: markdown, search: search)
    }

    public var chapter: Chapter {
        _read { yield parts.chapter }
        set { parts = Parts(chapter: newValue, markdown: parts.markdown, search: parts.search) }
    }

    /// The rendering, without its search text (`sections` is empty): that is in `search`.
    public var markdown: RenderedMarkdown {
        _read { yield parts.markdown }
        set { parts = Parts(chapter: parts.chapter, markdown: newValue, search: parts.search) }
    }

    var search: SearchSections { parts.search }

    /// A position in the rendered body, as a line of the chapter's file.
    func fileLine(_ position: SourcePosition) -> Int { position.line + chapter.bodyLineOffset }
}

public struct RenderedEdition: Sendable {
    public var edition: Edition
    public var chapters: [RenderedChapter]
}

/// The whole publication with every chapter rendered, ready to be checked and laid out.
public struct RenderedPublication: Sendable {
    public var publication: Publication
    public var editions: [RenderedEdition]
    /// How links resolve in `publication`: made once, when its chapters are rendered, for every
    /// stage that follows links (a publication of thousands of chapters takes a while to index).
    var linkResolver: LinkResolver

    public var config: PublicationConfig { publication.config }

    public func edition(_ id: String) -> RenderedEdition? { editions.first { $0.edition.id == id } }
}

/// Renders every chapter's Markdown, on all cores, with links to chapters rewritten to their pages.
/// With a cache, chapters whose body (and links' targets) did not change are reused as they were.
/// Nil, with the chapter named in `log`, when one takes longer than the limit to render.
enum ChapterRenderer {
    /// `releasingSources`: each chapter's Markdown is let go of once it is rendered (see `ChapterSources`),
    /// and the publication handed back has none. It takes effect only when the caller hands over the
    /// publication's last copy (as `stagesBeforeLayout` does, with `Optional.take()`), and only
    /// without a cache, which compares the Markdown.
    /// `searchText`: each section's words are kept for the search index (`MarkdownOptions.searchText`).
    static func render(_ publication: consuming Publication, cache: RenderCache? = nil, releasingSources: Bool = false,
                       searchText: Bool = true, limits: RenderLimits = RenderLimits(limit: nil), log: DiagnosticLog) -> RenderedPublication? {
        var publication = publication
        let resolver = LinkResolver(publication)
        let config = publication.config
        // (edition, chapter) indices of every chapter, in order.
        let places = publication.editions.indices.flatMap { edition in publication.editions[edition].chapters.indices.map { (edition, $0) } }
        let compared = comparedChapters(publication)
        var chapterKeys: [RenderCache.Key] = []
        chapterKeys.reserveCapacity(places.count)
        for edition in publication.editions {
            let comparedIDs = compared[edition.id]
            // Each chapter's fields read where they are: copying thousands of chapters cost more than the rest.
            edition.chapters.withUnsafeBufferPointer { chapters in
                for index in chapters.indices {
                    let options = MarkdownOptions(allowRawHTML: config.allowRawHTML, labelledItemsHeading: config.actionsHeading,
                                                  paragraphNumberPrefix: config.paragraphNumbers ? String(chapters[index].number) : nil,
                                                  movedAnchors: Dictionary(grouping: chapters[index].movedAnchors, by: \.newID).mapValues { $0.map(\.oldID) },
                                                  blockText: comparedIDs?.contains(chapters[index].id) ?? false,
                                                  searchText: searchText, questionsHeading: config.questionsHeading)
                    chapterKeys.append(RenderCache.Key(editionID: edition.id, chapterID: chapters[index].id, body: chapters[index].body, options: options))
                }
            }
        }
        if let cache {
            // Known to hang: fail at once rather than start another thread that cannot be stopped.
            for (index, key) in chapterKeys.enumerated() where cache.knowsHangingBodies {
                if let seconds = cache.hangingTime(key) {
                    let (edition, chapter) = places[index]
                    log.add(RenderTimeout(sourcePath: publication.editions[edition].chapters[chapter].sourcePath, seconds: seconds).diagnostic)
                    return nil
                }
            }
            cache.beginBuild(resolver: resolver)
        }
        // After a save, every chapter but the saved one is taken in place, on this thread.
        let lastKeys = cache?.lastKeys()
        var inPlace = cache?.takeInPlace(chapterKeys)
        let changedInPlace = inPlace?.changedInPlace ?? []
        let toRender = inPlace?.missing ?? Array(places.indices)
        let textClass = sameText(toRender, chapterKeys)
        let groups = byChapter(toRender, chapterKeys)
        // From here on the sources hold the only copy of each chapter's Markdown.
        let sources = releasingSources && cache == nil ? ChapterSources(takingFrom: &publication) : nil
        if sources != nil {
            for index in chapterKeys.indices { chapterKeys[index].body = [] }
        }
        let keys = chapterKeys
        let site = publication
        let editionIndices = site.editions.indices
        let chapter = { @Sendable (index: Int) -> Chapter in site.editions[places[index].0].chapters[places[index].1] }
        let watch = RenderWatch()
        let outcome = runWatched(limits, watch: watch) {
            concurrentMap(groups) { group -> [RenderedMarkdown] in
                // The chapter's renderings in earlier editions: a later edition's chapter with the same
                // text takes one while every link in it resolves from its page as it did from the
                // earlier's; one with other text takes the strings that read the same.
                var earlier: [(textClass: Int, markdown: RenderedMarkdown)] = []
                var made = group.map { index in
                    let chapter = chapter(index)
                    let page = SitePaths.chapter(keys[index].editionID, chapter.id)
                    let rewrite = { (destination: String) in resolver.rewrite(destination, page: page) }
                    let isCurrent = { (markdown: RenderedMarkdown) in
                        markdown.links.allSatisfy { (rewrite($0.original) ?? $0.original) == $0.destination }
                            && markdown.images.allSatisfy { (rewrite($0.source) ?? $0.source) == $0.destination }
                    }
                    if changedInPlace.isEmpty || !changedInPlace[index], let cached = cache?.lookup(keys[index], isCurrent: isCurrent) {
                        earlier.append((textClass[index], cached))
                        return cached
                    }
                    let body = sources?.take(index) ?? chapter.body
                    if let same = earlier.first(where: { $0.textClass == textClass[index] })?.markdown, isCurrent(same) {
                        cache?.countShared()
                        earlier.append((textClass[index], same))
                        return same
                    }
                    watch.begin(index, path: chapter.sourcePath)
                    var markdown = MarkdownRenderer.render(utf8: body, options: keys[index].options, rewriteLink: rewrite,
                                                           stage: { watch.enter($0, index) })
                    watch.end(index)
                    cache?.countMade()
                    if let previous = earlier.last { markdown.shareText(with: previous.markdown) }
                    earlier.append((textClass[index], markdown))
                    return markdown
                }
                // The blocks' text no comparison needs is let go of now that the chapter is rendered
                // in every edition (see ComparedText). Not with a cache: it keeps these renderings,
                // and later builds compare with them.
                if cache == nil {
                    ComparedText.releaseUnneeded(&made, chapterIDs: editionIndices.map { edition in
                        group.filter { places[$0].0 == edition }.map { keys[$0].chapterID }
                    })
                }
                return made
            }
        }
        var markdown: [RenderedMarkdown]
        switch outcome {
        case .success(let made):
            if inPlace != nil {
                // Moved out, so that it is changed where it is rather than copied.
                markdown = []
                swap(&markdown, &inPlace!.markdown)
                for (group, rendered) in zip(groups, made) {
                    for (index, one) in zip(group, rendered) { markdown[index] = one }
                }
            } else {
                var placed = [RenderedMarkdown?](repeating: nil, count: places.count)
                for (group, rendered) in zip(groups, made) {
                    for (index, one) in zip(group, rendered) { placed[index] = one }
                }
                markdown = placed.map { $0! }
            }
        case .failure(let timeout):
            if let cache, let lastKeys, let inPlace { cache.putBack(keys: lastKeys, markdown: inPlace.markdown) }
            if let cache, let index = places.indices.first(where: { chapter($0).sourcePath == timeout.sourcePath }) {
                cache.markHanging(keys[index], after: timeout.seconds)
            }
            log.add(timeout.diagnostic)
            return nil
        }
        cache?.endBuild(keys: keys, markdown: markdown)
        var offset = 0
        let editions = site.editions.map { edition in
            defer { offset += edition.chapters.count }
            return RenderedEdition(edition: edition, chapters: edition.chapters.indices.map {
                var rendered = markdown[offset + $0]
                let search = SearchSections(rendered.sections)
                rendered.sections = []
                return RenderedChapter(chapter: edition.chapters[$0], markdown: rendered, search: search)
            })
        }
        return RenderedPublication(publication: site, editions: editions, linkResolver: resolver)
    }

    /// Each of `indices` numbered by its text (by place in `keys`; -1 for the rest): the same number
    /// where the same chapter (by id) has the same text and options in several editions (most of a
    /// final edition's, after its consultation draft), so that it is rendered once.
    private static func sameText(_ indices: [Int], _ keys: [RenderCache.Key]) -> [Int] {
        var classes = [Int](repeating: -1, count: keys.count)
        var classOf: [RenderCache.Key: Int] = [:]
        for index in indices {
            var text = keys[index]
            text.editionID = ""
            if let known = classOf[text] {
                classes[index] = known
            } else {
                classes[index] = classOf.count
                classOf[text] = classOf.count
            }
        }
        return classes
    }

    /// `indices` grouped by chapter id, in edition order within each group, so that a chapter's
    /// renderings are made one after another: the later can take from the earlier (`sameText`,
    /// `RenderedMarkdown.shareText`). Groups are in the order of their first chapter.
    private static func byChapter(_ indices: [Int], _ keys: [RenderCache.Key]) -> [[Int]] {
        var groups: [[Int]] = []
        var groupOf: [String: Int] = [:]
        for index in indices {
            if let group = groupOf[keys[index].chapterID] {
                groups[group].append(index)
            } else {
                groupOf[keys[index].chapterID] = groups.count
                groups.append([index])
            }
        }
        return groups
    }

    /// The ids of the chapters that the changes pages compare block by block, by edition: those
    /// whose id is also in the edition listed just before or after theirs (see `EditionComparison`).
    /// Only these need their blocks' text, which for a long single edition cost more than its headings and links.
    private static func comparedChapters(_ publication: Publication) -> [String: Set<String>] {
        var ids: [String: Set<String>] = [:]
        for (older, newer) in zip(publication.editions, publication.editions.dropFirst()) {
            let common = Set(older.chapters.map(\.id)).intersection(newer.chapters.map(\.id))
            ids[older.id, default: []].formUnion(common)
            ids[newer.id, default: []].formUnion(common)
        }
        return ids
    }
}
