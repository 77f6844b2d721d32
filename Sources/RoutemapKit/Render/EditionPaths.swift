/// The three kinds of metadata a chapter is indexed by.
enum TermKind: CaseIterable {
    case theme, audience, status

    /// The folder of its index pages within an edition.
    var folder: String {
        switch self {
        case .theme: return "themes"
        case .audience: return "audiences"
        case .status: return "statuses"
        }
    }

    var label: String {
        switch self {
        case .theme: return "Theme"
        case .audience: return "Audience"
        case .status: return "Status"
        }
    }

    func vocabulary(_ config: PublicationConfig) -> Vocabulary {
        switch self {
        case .theme: return config.themes
        case .audience: return config.audiences
        case .status: return config.statuses
        }
    }

    /// Whether `chapter` is marked with the term `id` of this kind.
    func marks(_ chapter: Chapter, with id: String) -> Bool {
        switch self {
        case .theme: chapter.themes.contains(id)
        case .audience: chapter.audiences.contains(id)
        case .status: chapter.status == id
        }
    }
}

/// Paths of the index pages and of the comparison between editions.
extension SitePaths {
    /// `final/themes/governance.html`, `final/audiences/cios.html`, `final/statuses/final.html`
    static func term(_ editionID: String, _ kind: TermKind, _ termID: String) -> String { "\(editionID)/\(kind.folder)/\(termID).html" }
    /// Every theme, audience and status of the edition with chapter counts.
    static func overview(_ editionID: String) -> String { "\(editionID)/themes/index.html" }
    /// What changed since the previous edition.
    static func changes(_ editionID: String) -> String { "\(editionID)/changes/index.html" }
    static func chapterChanges(_ editionID: String, _ chapterID: String) -> String { "\(editionID)/changes/\(chapterID).html" }
}
