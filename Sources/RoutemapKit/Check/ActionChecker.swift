import Markdown

extension Vocabulary {
    /// The term whose label or id is `text`, compared case-insensitively: how an action's
    /// bold label ("**Chief executives:**") names its audience.
    func term(matchingLabel text: String) -> Term? {
        let wanted = text.lowercased()
        return terms.first { $0.label.lowercased() == wanted || $0.id.lowercased() == wanted }
    }
}

/// Checks that every action (a `- **Label:** …` item under the actions heading) names a declared audience.
enum ActionChecker {
    static func check(_ site: RenderedPublication) -> [Diagnostic] {
        let audiences = site.config.audiences
        guard let heading = site.config.actionsHeading else { return [] }
        var diagnostics: [Diagnostic] = []
        for edition in site.editions {
            for rendered in edition.chapters {
                for item in rendered.markdown.labelledItems where audiences.term(matchingLabel: item.label) == nil {
                    let candidates = audiences.terms.map(\.label) + audiences.ids
                    diagnostics.append(.error(
                        rendered.chapter.sourcePath, line: rendered.fileLine(item.position), column: item.position.column,
                        "'\(item.label)' is not an audience declared in routemap.yml\(didYouMean(item.label, candidates))",
                        hint: "under '\(heading)', start each item with an audience's label or id in bold and a colon, such as "
                            + "'- **\(audiences.terms.first?.label ?? "Chief executives"):** …'; audiences: "
                            + audiences.terms.map(\.label).joined(separator: ", ")))
                }
            }
        }
        return diagnostics
    }
}
