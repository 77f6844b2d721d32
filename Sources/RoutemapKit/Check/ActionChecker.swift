import RoutemapMarkdown

extension Vocabulary {
    /// Finds the term whose label or id is a text, compared case-insensitively (the first such
    /// term): how an action's bold label ("**Chief executives:**") names its audience. The terms'
    /// names are lowercased once, for the many actions of an edition.
    func labelMatcher() -> (String) -> Term? {
        var byName: [String: Term] = [:]
        for term in terms {
            for name in [term.label.lowercased(), term.id.lowercased()] where byName[name] == nil { byName[name] = term }
        }
        return { byName[$0.lowercased()] }
    }
}

/// Checks that every action (a `- **Label:** …` item under the actions heading) names a declared audience.
enum ActionChecker {
    /// What every chapter's check depends on besides the chapter.
    struct SiteInputs: Equatable, Sendable {
        var audiences: Vocabulary
        var heading: String
    }

    /// With `cache` (the preview server's), a chapter whose actions are unchanged keeps its findings.
    static func check(_ site: RenderedPublication, log: DiagnosticLog, cache: ChapterFindingsCache<ActionCheckInputs, SiteInputs>? = nil) {
        let audiences = site.config.audiences
        guard let heading = site.config.actionsHeading else { return }
        let audience = audiences.labelMatcher()
        let find = { (rendered: RenderedChapter) -> [Diagnostic] in
            var found: [Diagnostic] = []
            for item in rendered.markdown.labelledItems where audience(item.label) == nil {
                let candidates = audiences.terms.map(\.label) + audiences.ids
                found.append(.error(
                    rendered.chapter.sourcePath, line: rendered.fileLine(item.position), column: item.position.column,
                    "'\(item.label)' is not an audience declared in routemap.yml\(didYouMean(item.label, candidates))",
                    hint: "under '\(heading)', start each item with an audience's label or id in bold and a colon, such as "
                        + "'- **\(audiences.terms.first?.label ?? "Chief executives"):** …'; audiences: "
                        + audiences.terms.map(\.label).joined(separator: ", ")))
            }
            return found
        }
        ChapterFindingsCache.check(site, cache: cache, siteInputs: SiteInputs(audiences: audiences, heading: heading), inputs: { rendered in
            ActionCheckInputs(items: rendered.markdown.labelledItems, sourcePath: rendered.chapter.sourcePath,
                              bodyLineOffset: rendered.chapter.bodyLineOffset)
        }, find: find, log: log)
    }
}
