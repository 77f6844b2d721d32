/// `content/<edition>/edition.yml`: the edition's title, kind, dates and summary.
enum EditionLoader {
    static let fileName = "edition.yml"
    static let knownFields = ["title", "short_title", "kind", "status", "published", "consultation", "summary", "outcome"]

    static func load(_ text: String, id: String, file: String, config: PublicationConfig, log: DiagnosticLog) -> Edition? {
        let errorsBefore = log.errorCount
        guard let root = parseYAML(text, file: file, lineOffset: 0, log: log) else {
            if log.errorCount == errorsBefore { log.add(.error(file, "edition.yml is empty", hint: "give at least 'title:' and 'kind: consultation' or 'kind: final'")) }
            return nil
        }
        guard let fields = FieldReader(root, file: file, lineOffset: 0, log: log, what: "edition.yml") else { return nil }
        fields.warnUnknownFields(known: knownFields, what: "edition.yml")
        let title = fields.requiredString("title", at: root, hint: "add 'title: <the edition's title>'")
        let kindText = fields.requiredString("kind", at: root, hint: "add 'kind: consultation' or 'kind: final'")
        let kind = kindText.flatMap(EditionKind.init(rawValue:))
        if let kindText, kind == nil, let written = fields.value("kind") {
            let kinds = EditionKind.allCases.map(\.rawValue)
            fields.error(at: written, "'\(kindText)' is not an edition kind\(didYouMean(kindText, kinds))", hint: "use one of: \(kinds.joined(separator: ", "))")
        }
        let status = fields.string("status") ?? kind?.rawValue ?? "final"
        if config.statuses.term(status) == nil {
            if let written = fields.value("status") {
                fields.error(at: written, "'\(status)' is not a status declared in routemap.yml\(didYouMean(status, config.statuses.ids))",
                             hint: "use one of: \(config.statuses.ids.joined(separator: ", "))")
            } else {
                // No 'status:': the kind stands for it, so it is reported where the kind is written.
                fields.error(at: fields.value("kind") ?? root, "the edition has no 'status', and its kind '\(status)' is not a status declared in routemap.yml",
                             hint: "add 'status:' with one of: \(config.statuses.ids.joined(separator: ", ")); or add '\(status)' to 'statuses' in routemap.yml")
            }
        }
        var consultation = fields.nested("consultation").flatMap { readConsultation($0, at: fields.value("consultation")!) }
        if let block = fields.nested("outcome") {
            let outcome = readOutcome(block, at: fields.value("outcome")!, file: file)
            if consultation == nil {
                fields.error(at: fields.value("outcome")!, "'outcome' belongs to a consultation, and this edition has no 'consultation:' dates",
                             hint: "give 'consultation:' with 'opens:' and 'closes:', or remove 'outcome:'")
            }
            consultation?.outcome = outcome
        }
        if kind == .consultation, consultation == nil, fields.value("consultation") == nil {
            fields.warning(at: root, "a consultation edition without 'consultation:' dates",
                           hint: "add 'consultation:' with 'opens:', 'closes:' and 'respond:' (url, email) so readers know how and by when to respond")
        }
        guard log.errorCount == errorsBefore, let title, let kind else { return nil }
        return Edition(id: id, title: title, shortTitle: fields.string("short_title") ?? title, kind: kind, status: status,
                       published: fields.date("published"), consultation: consultation, summary: fields.string("summary"),
                       chapters: [], assets: [])
    }

    /// `outcome:` with `summary:` (required) and `edition:`; whether they lead anywhere is checked
    /// once every edition is read (see `ConsultationChecker`).
    private static func readOutcome(_ fields: FieldReader, at block: FieldValue, file: String) -> ConsultationOutcome? {
        fields.warnUnknownFields(known: ["summary", "edition"], what: "'outcome'")
        guard let summary = fields.requiredString("summary", at: block,
                                                  hint: "name where the summary of responses is: a chapter such as '../final/responses.md', a file, or a web address") else { return nil }
        func position(_ key: String) -> FilePosition {
            let (line, column) = fields.position(of: fields.value(key) ?? block)
            return FilePosition(line: line, column: column)
        }
        return ConsultationOutcome(summary: summary, edition: fields.string("edition"), file: file,
                                   summaryPosition: position("summary"), editionPosition: position("edition"))
    }

    private static func readConsultation(_ fields: FieldReader, at block: FieldValue) -> Consultation? {
        fields.warnUnknownFields(known: ["opens", "closes", "respond"], what: "'consultation'")
        let respond = fields.nested("respond")
        respond?.warnUnknownFields(known: ["url", "email"], what: "'respond'")
        guard let opens = fields.date("opens"), let closes = fields.date("closes") else {
            if fields.value("opens") == nil || fields.value("closes") == nil {
                fields.error(at: block, "'consultation' needs both 'opens:' and 'closes:' dates", hint: "for example opens: 2011-03-08 and closes: 2011-04-04")
            }
            return nil
        }
        if closes < opens {
            fields.error(at: fields.value("closes")!, "the consultation closes (\(closes)) before it opens (\(opens))",
                         hint: "'closes' must be on or after 'opens'; check the year and month of both dates")
        }
        return Consultation(opens: opens, closes: closes, responseURL: respond?.link("url"), responseEmail: respond?.string("email"))
    }
}
