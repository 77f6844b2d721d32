import RoutemapMarkdown

/// Links already published to a heading of an older edition (say, by the press) should still
/// work on the newer edition's counterpart chapter. A heading anchor of the older chapter that
/// the newer one lacks is a warning unless the newer chapter declares where it moved
/// (`moved_anchors:`); a declaration that points nowhere is an error.
enum AnchorStabilityChecker {
    /// With `cache` (the preview server's), a chapter pair whose inputs are unchanged since the
    /// previous build keeps its findings: see `AnchorStabilityCache`.
    static func check(_ site: RenderedPublication, log: DiagnosticLog, cache: AnchorStabilityCache? = nil) {
        let previous = cache?.previousFindings() ?? [:]
        var pairs: [String: AnchorStabilityCache.PairFindings] = [:]
        var reused = 0
        for (older, newer) in zip(site.editions, site.editions.dropFirst()) {
            // The last build's findings for this pair, by the place of each newer chapter.
            let pairKey = older.edition.id + "/" + newer.edition.id
            let last = previous[pairKey].flatMap { $0.chapterIDs.count == newer.chapters.count ? $0 : nil }
            var findings = [AnchorStabilityCache.Findings?](repeating: nil, count: cache == nil ? 0 : newer.chapters.count)
            var olderIndex: [String: Int] = [:]
            for index in older.chapters.indices where olderIndex[older.chapters[index].chapter.id] == nil {
                olderIndex[older.chapters[index].chapter.id] = index
            }
            // A chapter whose front matter has errors may have lost its id or 'moved_anchors'.
            for index in newer.chapters.indices where !newer.chapters[index].chapter.isIncomplete {
                let chapter = newer.chapters[index].chapter
                guard let counterpartIndex = olderIndex[chapter.id] else {
                    for moved in chapter.movedAnchors {
                        log.add(.warning(chapter.sourcePath, line: moved.line, column: moved.column,
                                                    "'moved_anchors' has no effect: \(older.edition.id) has no chapter '\(chapter.id)'",
                                                    hint: "remove it, or give this chapter the id of its counterpart in \(older.edition.id)"))
                    }
                    continue
                }
                let rendered = newer.chapters[index], counterpart = older.chapters[counterpartIndex]
                guard cache != nil else {
                    log.add(contentsOf: problems(rendered, counterpart: counterpart, older: older.edition, newer: newer.edition))
                    continue
                }
                let inputs = AnchorStabilityCache.Inputs(
                    olderShortTitle: older.edition.shortTitle, newerShortTitle: newer.edition.shortTitle,
                    sourcePath: chapter.sourcePath, movedAnchors: chapter.movedAnchors, headings: rendered.markdown.headings,
                    blocks: rendered.markdown.blocks, labelledItems: rendered.markdown.labelledItems,
                    olderSourcePath: counterpart.chapter.sourcePath, olderBodyLineOffset: counterpart.chapter.bodyLineOffset,
                    olderHeadings: counterpart.markdown.headings)
                if let last, last.chapterIDs[index] == chapter.id, let known = last.findings[index], known.inputs == inputs {
                    log.add(contentsOf: known.diagnostics)
                    findings[index] = known
                    reused += 1
                    continue
                }
                let diagnostics = problems(rendered, counterpart: counterpart, older: older.edition, newer: newer.edition)
                log.add(contentsOf: diagnostics)
                findings[index] = AnchorStabilityCache.Findings(inputs: inputs, diagnostics: diagnostics)
            }
            if cache != nil {
                pairs[pairKey] = AnchorStabilityCache.PairFindings(chapterIDs: newer.chapters.map(\.chapter.id), findings: findings)
            }
        }
        cache?.store(pairs, reused: reused)
    }

    /// What is wrong with the anchors of `rendered` against its counterpart in the edition before.
    private static func problems(_ rendered: RenderedChapter, counterpart: RenderedChapter, older: Edition, newer: Edition) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let chapter = rendered.chapter
        let anchors = anchorsOf(rendered)
        let oldHeadings = Set(counterpart.markdown.headings.map(\.id))
        for moved in chapter.movedAnchors {
            if !anchors.contains(moved.newID) {
                found.append(.error(chapter.sourcePath, line: moved.line, column: moved.column,
                                    "'moved_anchors' sends '#\(moved.oldID)' to '#\(moved.newID)', which is not an anchor in this chapter\(didYouMean(moved.newID, rendered.markdown.headings.map(\.id)))",
                                    hint: "use the id of a heading (its text in lower case with '-' between words) or of a numbered paragraph, such as p3.2"))
            } else if anchors.contains(moved.oldID) {
                found.append(.error(chapter.sourcePath, line: moved.line, column: moved.column,
                                    "'#\(moved.oldID)' is still an anchor in this chapter, so it cannot also lead to '#\(moved.newID)'",
                                    hint: "remove the entry from 'moved_anchors'"))
            } else if !oldHeadings.contains(moved.oldID) {
                found.append(.warning(chapter.sourcePath, line: moved.line, column: moved.column,
                                      "'#\(moved.oldID)' is not a heading of \(counterpart.chapter.sourcePath)\(didYouMean(moved.oldID, Array(oldHeadings).sorted()))",
                                      hint: "the keys of 'moved_anchors' are the old chapter's heading anchors"))
            }
        }
        let declared = Set(chapter.movedAnchors.map(\.oldID))
        for heading in counterpart.markdown.headings where heading.position.line > 0
            && !anchors.contains(heading.id) && !declared.contains(heading.id) {
            found.append(.warning(
                counterpart.chapter.sourcePath, line: counterpart.fileLine(heading.position), column: heading.position.column,
                "the anchor '#\(heading.id)' has no counterpart in \(chapter.sourcePath), so links to it from the \(older.shortTitle) will not find it in the \(newer.shortTitle)",
                hint: "in \(chapter.sourcePath), add 'moved_anchors: {\(heading.id): <new-anchor>}' to the front matter, naming the heading or paragraph (p3.2) where it moved"))
        }
        return found
    }

    /// Every id a link can reach in the chapter: headings, numbered paragraphs and actions.
    static func anchorsOf(_ rendered: RenderedChapter) -> Set<String> {
        var anchors = Set(rendered.markdown.headings.map(\.id))
        for block in rendered.markdown.blocks { if let anchor = block.anchor { anchors.insert(anchor) } }
        for item in rendered.markdown.labelledItems { anchors.insert(item.anchor) }
        return anchors
    }
}
