import Templates
import Foundation
import Templates

/// `<edition>/respond.html`: a consultation draft's questions, each linked to where it is asked,
/// and while the consultation is open a way to answer them that needs no server: a form whose
/// answers become an e-mail to `respond.email` (composed by assets/respond.js), a plain `mailto:`
/// link without JavaScript, and the same form printed on paper.
extension SiteLayout {
    func respondPages() -> [PlannedFile] {
        site.editions.compactMap { rendered -> PlannedFile? in
            let edition = rendered.edition
            guard let state = consultations[edition.id], !state.questions.isEmpty else { return nil }
            return PlannedFile(SitePaths.respond(edition.id), origin: editionFile(edition)) { .html(layOutRespondPage(edition, state)) }
        }
    }

    private func layOutRespondPage(_ edition: Edition, _ state: ConsultationState) -> HTML {
        let page = SitePaths.respond(edition.id)
        let subject = "Response to the consultation: \(edition.title)"
        let email = state.stage == .open ? state.consultation.responseEmail : nil
        let view = RespondPageView(
            editionTitle: edition.title,
            contentsURL: relativeURL(from: page, to: SitePaths.contents(edition.id)),
            answering: email != nil,
            email: email,
            subject: subject,
            mailtoURL: email.map { "mailto:\($0)?subject=" + mailtoEncoded(subject) },
            scriptURL: relativeURL(from: page, to: SitePaths.assetsFolder + "/respond.js"),
            questions: state.questions.map { chapter, question in
                let number = "Q\(question.number ?? 0)"
                return QuestionView(number: number, anchor: question.anchor, text: question.text,
                                    chapterTitle: "\(chapter.number). \(chapter.title)",
                                    url: relativeURL(from: page, to: SitePaths.chapter(edition.id, chapter.id)) + "#" + question.anchor)
            }
        )
        return layout(page: page, title: "Respond – \(edition.shortTitle) – \(config.shortTitle)",
                      description: "The questions for consultation on the \(edition.shortTitle.lowercased()), and how to answer them.",
                      breadcrumbs: [LinkView(title: "Home", url: relativeURL(from: page, to: SitePaths.frontPage)),
                                    LinkView(title: edition.title, url: relativeURL(from: page, to: SitePaths.contents(edition.id)))],
                      content: render(view, template: "respond", page: page))
    }

    /// Percent-encodes a `mailto:` header value (RFC 6068): everything but unreserved characters.
    func mailtoEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? text
    }
}

/// `respond.mustache`.
struct RespondPageView: TemplateFields, Equatable {
    var editionTitle: String
    var contentsURL: String
    /// The consultation is open and has an address to answer to: the form is shown.
    var answering: Bool
    var email: String?
    var subject: String
    var mailtoURL: String?
    var scriptURL: String
    var questions: [QuestionView]
}

/// One question for consultation, as listed on the Respond page.
struct QuestionView: TemplateFields, Equatable {
    /// "Q4"
    var number: String
    /// "q4"
    var anchor: String
    var text: String
    /// "4. Capabilities"
    var chapterTitle: String
    /// The question in its chapter.
    var url: String
}
