import RoutemapMarkdown

/// Where a consultation stands on the build date, as GOV.UK runs consultations: upcoming, open,
/// closed (responses being considered), then concluded once edition.yml says where the outcome is
/// and the edition it names is published.
public enum ConsultationStage: String, Sendable, Equatable {
    case upcoming, open, closed, concluded
}

/// One consultation edition's stage on the build date, with what each stage shows.
struct ConsultationState: Equatable {
    var editionID: String
    var consultation: Consultation
    var stage: ConsultationStage
    /// Where the summary of responses is, once concluded: a page of the site (with its fragment) or a web address.
    var outcomePage: String?
    var outcomeAddress: String?
    /// The summary of responses on its edition's printable page, when it is a chapter: printable pages link there.
    var outcomeOnPrintPage: String?
    /// The edition that followed, once concluded and published.
    var followedBy: String?
    /// Every question for consultation of the edition, in reading order, with its chapter.
    var questions: [(chapter: Chapter, question: Question)]

    static func == (a: ConsultationState, b: ConsultationState) -> Bool {
        a.editionID == b.editionID && a.consultation == b.consultation && a.stage == b.stage && a.outcomePage == b.outcomePage
            && a.outcomeAddress == b.outcomeAddress && a.outcomeOnPrintPage == b.outcomeOnPrintPage && a.followedBy == b.followedBy
            && a.questions.map(\.question) == b.questions.map(\.question) && a.questions.map(\.chapter.id) == b.questions.map(\.chapter.id)
    }

    /// The states of every consultation edition of `site` on `date`, by edition id.
    static func all(_ site: RenderedPublication, on date: CalendarDate) -> [String: ConsultationState] {
        let resolver = site.linkResolver
        var states: [String: ConsultationState] = [:]
        for rendered in site.editions {
            let edition = rendered.edition
            guard edition.kind == .consultation, let consultation = edition.consultation else { continue }
            var state = ConsultationState(editionID: edition.id, consultation: consultation,
                                          stage: date < consultation.opens ? .upcoming : date <= consultation.closes ? .open : .closed,
                                          questions: rendered.chapters.flatMap { chapter in
                                              chapter.markdown.questions.filter { $0.number != nil }.map { (chapter.chapter, $0) }
                                          })
            if state.stage == .closed, let outcome = consultation.outcome {
                let followed = outcome.edition.flatMap { id in site.publication.isEmbargoed(id) ? nil : site.publication.edition(id) }
                let editionReady = outcome.edition == nil || followed != nil
                switch resolver.resolve(outcome.summary, onPage: SitePaths.contents(edition.id)) {
                case .chapter(let editionID, let chapterID, let fragment) where editionReady:
                    state.outcomePage = SitePaths.chapter(editionID, chapterID) + (fragment.map { "#" + $0 } ?? "")
                    state.outcomeOnPrintPage = SitePaths.printPage(editionID) + PrintAnchors.fragment(chapterID, fragment)
                case .file(let contentPath) where editionReady:
                    state.outcomePage = contentPath
                case .external where editionReady && (outcome.summary.hasPrefix("https://") || outcome.summary.hasPrefix("http://")):
                    state.outcomeAddress = outcome.summary
                default:
                    break
                }
                if state.outcomePage != nil || state.outcomeAddress != nil {
                    state.stage = .concluded
                    state.followedBy = followed?.id
                }
            }
            states[edition.id] = state
        }
        return states
    }
}

extension SiteLayout {
    /// The feed's entries for each stage a consultation has reached by the build date: opened,
    /// closed (the day after its closing date), concluded (when the edition that followed was published).
    func consultationFeedEntries(base: String) -> [(title: String, url: String, summary: String, updated: CalendarDate)] {
        var entries: [(title: String, url: String, summary: String, updated: CalendarDate)] = []
        for edition in site.publication.editions {
            guard let state = consultations[edition.id] else { continue }
            let consultation = state.consultation
            let contents = canonicalURL(base: base, page: SitePaths.contents(edition.id))
            if state.stage != .upcoming {
                let respond = state.questions.isEmpty ? contents : canonicalURL(base: base, page: SitePaths.respond(edition.id))
                entries.append(("Consultation open: \(edition.title)", respond,
                                "Open for consultation from \(consultation.opens.withWeekday) until \(consultation.closes.withWeekday).",
                                max(consultation.opens, edition.published ?? consultation.opens)))
            }
            guard state.stage == .closed || state.stage == .concluded else { continue }
            let dayAfter = consultation.closes.nextDay
            entries.append(("Consultation closed: \(edition.title)", contents,
                            "The consultation closed on \(consultation.closes.withWeekday). The responses are being considered.", dayAfter))
            if state.stage == .concluded {
                let followed = state.followedBy.flatMap { site.publication.edition($0) }
                let url = state.outcomePage.map { canonicalURL(base: base, page: String($0.prefix { $0 != "#" })) } ?? state.outcomeAddress ?? contents
                entries.append(("Consultation concluded: \(edition.title)", url,
                                "The summary of responses is published" + (followed.map { ", with the \($0.shortTitle.lowercased()): \($0.title)" } ?? "") + ".",
                                max(dayAfter, followed?.published ?? dayAfter)))
            }
        }
        return entries
    }
}

extension CalendarDate {
    /// The day after.
    var nextDay: CalendarDate {
        CalendarDate(year: year, month: month, day: day + 1) ?? CalendarDate(year: year, month: month + 1, day: 1)
            ?? CalendarDate(year: year + 1, month: 1, day: 1)!
    }
}
