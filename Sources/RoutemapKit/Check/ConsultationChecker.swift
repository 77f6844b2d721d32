/// What a consultation edition says about itself that cannot work: questions written wrongly, and an
/// `outcome:` that leads nowhere. Each is an error where it is written.
enum ConsultationChecker {
    static func check(_ site: RenderedPublication, log: DiagnosticLog) {
        for rendered in site.editions {
            questionProblems(rendered, heading: site.config.questionsHeading ?? "", log: log)
            if let outcome = rendered.edition.consultation?.outcome {
                outcomeProblems(outcome, edition: rendered.edition, site: site, log: log)
            }
        }
    }

    /// A question in a bulleted list, outside a consultation edition, or numbered like an earlier one.
    private static func questionProblems(_ rendered: RenderedEdition, heading: String, log: DiagnosticLog) {
        var seen: [Int: String] = [:]
        for chapter in rendered.chapters {
            for question in chapter.markdown.questions {
                let at = (file: chapter.chapter.sourcePath, line: chapter.fileLine(question.position), column: question.position.column)
                guard rendered.edition.kind == .consultation else {
                    log.add(.error(at.file, line: at.line, column: at.column,
                                              "a question for consultation in the '\(rendered.edition.id)' edition, which is not a consultation",
                                              hint: "questions are asked in a consultation edition ('kind: consultation'); rename the heading '\(heading)' here"))
                    break
                }
                guard let number = question.number else {
                    log.add(.error(at.file, line: at.line, column: at.column,
                                              "a question under '\(heading)' is in a bulleted list, so it has no number",
                                              hint: "write the questions as a numbered list ('1. …'), numbered on from the questions of earlier chapters"))
                    continue
                }
                let place = "\(chapter.chapter.fileName):\(at.line)"
                if let first = seen[number] {
                    log.add(.error(at.file, line: at.line, column: at.column,
                                              "question Q\(number) is numbered like the question at \(first)",
                                              hint: "every question of the edition needs its own number: number each chapter's questions on from the last chapter's"))
                } else {
                    seen[number] = place
                }
            }
        }
    }

    /// `outcome:` naming an edition that is not listed after this one, or a summary that is not there.
    private static func outcomeProblems(_ outcome: ConsultationOutcome, edition: Edition, site: RenderedPublication, log: DiagnosticLog) {
        let ids = site.config.editionIDs
        if let followed = outcome.edition {
            let later = ids.firstIndex(of: edition.id).map { Array(ids[($0 + 1)...]) } ?? []
            if !later.contains(followed) {
                log.add(.error(outcome.file, line: outcome.editionPosition.line, column: outcome.editionPosition.column,
                                          "'edition: \(followed)' in 'outcome' is not an edition listed after '\(edition.id)' in routemap.yml",
                                          hint: later.isEmpty ? "list the edition that followed in 'editions:' in routemap.yml" : "use one of: \(later.joined(separator: ", "))"))
            }
        }
        let wrong: String? = switch site.linkResolver.resolve(outcome.summary, onPage: SitePaths.contents(edition.id)) {
        case .missingChapter: "is not a chapter"
        case .file(let contentPath) where !(site.publication.edition(String(contentPath.prefix { $0 != "/" }))?.assets
            .contains(String(contentPath.drop { $0 != "/" }.dropFirst())) ?? false): "is not a file in the content folder"
        case .outsideContent: "points outside the content folder"
        case .samePage: "is a place on a page, not a page"
        case .external where !(outcome.summary.hasPrefix("https://") || outcome.summary.hasPrefix("http://")): "is not a web address"
        default: nil
        }
        if let wrong {
            log.add(.error(outcome.file, line: outcome.summaryPosition.line, column: outcome.summaryPosition.column,
                                      "'summary: \(outcome.summary)' in 'outcome' \(wrong)",
                                      hint: "name the summary of responses: a chapter such as '../final/responses.md', a file beside the chapters, or an address starting https://"))
        }
    }
}
