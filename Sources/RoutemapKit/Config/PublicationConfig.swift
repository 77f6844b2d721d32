/// One entry of a controlled vocabulary: a theme, an audience or a status.
public struct Term: Sendable, Hashable {
    public var id: String
    public var label: String
    public var description: String
}

/// A controlled list that chapter metadata must draw from.
public struct Vocabulary: Sendable, Equatable {
    public var name: String
    public var terms: [Term]

    public func term(_ id: String) -> Term? { terms.first { $0.id == id } }
    public var ids: [String] { terms.map(\.id) }
}

public struct Licence: Sendable, Equatable {
    public var name: String
    public var url: String?
}

/// What the accessibility statement says, as the Public Sector Bodies (Websites and Mobile
/// Applications) (No. 2) Accessibility Regulations 2018 require of a public-sector site.
public struct AccessibilitySettings: Sendable, Equatable {
    public enum Compliance: String, Sendable, CaseIterable {
        case full, partial, not
    }

    /// Where to report a problem or ask for another format.
    public var contactEmail: String
    /// Working days within which the publisher replies.
    public var responseDays: Int
    public var compliance: Compliance
    /// Content known not to meet WCAG 2.2 AA, one sentence each.
    public var knownIssues: [String]
    /// How the site was tested, and by whom.
    public var testing: String
    public var lastReviewed: CalendarDate
    /// Where `last_reviewed` is written in routemap.yml.
    var lastReviewedPosition = FilePosition(line: 1, column: 1)
}

/// `content/routemap.yml`: what every edition of the publication shares.
public struct PublicationConfig: Sendable, Equatable {
    public var title: String
    public var shortTitle: String
    public var publisher: String
    public var licence: Licence?
    /// The canonical address of the published site, ending in `/`.
    public var baseURL: String?
    public var language: String
    /// Pass raw HTML in chapters through instead of omitting it.
    public var allowRawHTML: Bool
    /// Absent when the configuration has no `accessibility:` block (no statement is generated).
    public var accessibility: AccessibilitySettings?
    public var themes: Vocabulary
    public var audiences: Vocabulary
    public var statuses: Vocabulary
    /// Edition folder names, oldest first.
    public var editionIDs: [String]
    /// The heading under which `- **Audience:** action` items name what an audience should do.
    public var actionsHeading: String? = nil
    /// Number every chapter's paragraphs (3.2 = chapter 3, paragraph 2), visibly and with anchors.
    public var paragraphNumbers: Bool = false
    /// The heading under which each item of a numbered list is a question for consultation (Q1, Q2…).
    public var questionsHeading: String? = nil
}

enum ConfigLoader {
    static let fileName = "routemap.yml"
    static let knownFields = ["title", "short_title", "publisher", "licence", "base_url", "language", "raw_html",
                              "themes", "audiences", "statuses", "editions", "accessibility",
                              "actions_heading", "paragraph_numbers", "questions_heading"]

    /// Reads the configuration text; nil when it has errors, which are logged.
    static func load(_ text: String, file: String, log: DiagnosticLog) -> PublicationConfig? {
        let errorsBefore = log.errorCount
        guard let root = parseYAML(text, file: file, lineOffset: 0, log: log) else {
            if log.errorCount == errorsBefore { log.add(.error(file, "the configuration is empty", hint: "start with 'title:' and the 'editions:' list")) }
            return nil
        }
        guard let fields = FieldReader(root, file: file, lineOffset: 0, log: log, what: "the configuration") else { return nil }
        fields.warnUnknownFields(known: knownFields, what: "the configuration")

        let title = fields.requiredString("title", at: root, hint: "add 'title: <the publication's title>'")
        let licence = fields.nested("licence").flatMap { licenceFields -> Licence? in
            licenceFields.warnUnknownFields(known: ["name", "url"], what: "'licence'")
            guard let name = licenceFields.requiredString("name", at: fields.value("licence"), hint: "name the licence") else { return nil }
            return Licence(name: name, url: licenceFields.link("url"))
        }
        var baseURL = fields.link("base_url")
        if let url = baseURL, !["https", "http"].contains(LinkScheme.scheme(of: url) ?? "") {
            fields.error(at: fields.value("base_url")!, "'base_url' must be the site's full web address, not '\(url)'",
                         hint: "for example base_url: https://routemap.example.org/")
            baseURL = nil
        }
        if let url = baseURL, !url.hasSuffix("/") { baseURL = url + "/" }
        let editions = (fields.stringList("editions") ?? []).map(\.text)
        if editions.isEmpty {
            log.add(.error(file, line: fields.key("editions").map { fields.position(of: $0).line } ?? 1,
                           "no editions are listed", hint: "add 'editions: [draft, final]', naming the edition folders oldest first"))
        }
        let config = PublicationConfig(
            title: title ?? "",
            shortTitle: fields.string("short_title") ?? title ?? "",
            publisher: fields.string("publisher") ?? "",
            licence: licence,
            baseURL: baseURL,
            language: fields.string("language") ?? "en-GB",
            allowRawHTML: fields.bool("raw_html") ?? false,
            accessibility: accessibility(fields, root: root),
            themes: vocabulary("themes", fields),
            audiences: vocabulary("audiences", fields),
            statuses: vocabulary("statuses", fields),
            editionIDs: editions,
            actionsHeading: fields.string("actions_heading"),
            paragraphNumbers: fields.bool("paragraph_numbers") ?? false,
            questionsHeading: fields.string("questions_heading")
        )
        return log.errorCount == errorsBefore ? config : nil
    }

    private static func accessibility(_ fields: FieldReader, root: FieldValue) -> AccessibilitySettings? {
        guard let block = fields.nested("accessibility") else {
            fields.warning(at: root, "no 'accessibility:' block, so no accessibility statement is generated",
                           hint: "a public-sector site must publish one: add 'accessibility:' with contact_email, compliance and last_reviewed (see docs/guide/content.md)")
            return nil
        }
        block.warnUnknownFields(known: ["contact_email", "response_days", "compliance", "known_issues", "testing", "last_reviewed"],
                                what: "'accessibility'")
        let at = fields.value("accessibility")!
        let hint = "the accessibility statement needs it; see docs/guide/content.md"
        let email = block.requiredString("contact_email", at: at, hint: hint)
        let complianceText = block.requiredString("compliance", at: at, hint: "one of: full, partial, not")
        let compliance = complianceText.flatMap(AccessibilitySettings.Compliance.init(rawValue:))
        if let complianceText, compliance == nil {
            let kinds = AccessibilitySettings.Compliance.allCases.map(\.rawValue)
            block.error(at: block.value("compliance")!, "'\(complianceText)' is not a compliance status\(didYouMean(complianceText, kinds))",
                        hint: "one of: \(kinds.joined(separator: ", "))")
        }
        let reviewed = block.date("last_reviewed")
        if block.value("last_reviewed") == nil {
            block.log.add(.error(block.file, line: block.position(of: at).line, "missing 'last_reviewed' in 'accessibility'", hint: "the date the statement was last reviewed, such as 2011-05-20"))
        }
        guard let email, let compliance, let reviewed else { return nil }
        var settings = AccessibilitySettings(contactEmail: email, responseDays: block.int("response_days") ?? 5, compliance: compliance,
                                             knownIssues: (block.stringList("known_issues") ?? []).map(\.text),
                                             testing: block.string("testing") ?? "", lastReviewed: reviewed)
        if let written = block.value("last_reviewed") {
            let (line, column) = block.position(of: written)
            settings.lastReviewedPosition = FilePosition(line: line, column: column)
        }
        return settings
    }

    /// A list of `{id, label, description}` entries.
    private static func vocabulary(_ key: String, _ fields: FieldReader) -> Vocabulary {
        var terms: [Term] = []
        guard let value = fields.value(key) else {
            fields.log.add(.error(fields.file, "missing '\(key)'", hint: "list the allowed \(key), each with id, label and description"))
            return Vocabulary(name: key, terms: [])
        }
        guard let entries = value.list else {
            fields.error(at: value, "'\(key)' must be a list of entries with id, label and description")
            return Vocabulary(name: key, terms: [])
        }
        for item in entries {
            guard let entry = FieldReader(item, file: fields.file, lineOffset: 0, log: fields.log, what: "an entry of '\(key)'") else { continue }
            entry.warnUnknownFields(known: ["id", "label", "description"], what: "an entry of '\(key)'")
            guard let id = entry.requiredString("id", at: item, hint: "give each entry a short id such as 'governance'") else { continue }
            if terms.contains(where: { $0.id == id }) {
                entry.error(at: entry.value("id")!, "'\(id)' is listed twice in '\(key)'")
            }
            terms.append(Term(id: id, label: entry.string("label") ?? id, description: entry.string("description") ?? ""))
        }
        return Vocabulary(name: key, terms: terms)
    }
}
