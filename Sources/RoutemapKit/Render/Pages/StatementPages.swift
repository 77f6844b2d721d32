import Templates
import Foundation
import Templates
/// `accessibility.html`, the statement the accessibility regulations require, and `404.html`.
extension SiteLayout {
    func accessibilityStatementPage() -> PlannedFile? {
        guard let settings = config.accessibility else { return nil }
        return PlannedFile(SitePaths.accessibilityStatement, origin: publicationFile) { .html(layOutAccessibilityStatement(settings)) }
    }

    private func layOutAccessibilityStatement(_ settings: AccessibilitySettings) -> HTML {
        let page = SitePaths.accessibilityStatement
        let view = AccessibilityStatementView(
            publicationTitle: config.title,
            publisher: config.publisher,
            siteAddress: config.baseURL,
            contactEmail: settings.contactEmail,
            responseDays: settings.responseDays,
            fullyCompliant: settings.compliance == .full,
            partiallyCompliant: settings.compliance == .partial,
            notCompliant: settings.compliance == .not,
            knownIssues: settings.knownIssues,
            testing: settings.testing,
            lastReviewed: settings.lastReviewed.long
        )
        return layout(page: page, title: "Accessibility statement – \(config.shortTitle)",
                      description: "How accessible this website is, and how to report a problem.",
                      breadcrumbs: [LinkView(title: "Home", url: relativeURL(from: page, to: SitePaths.frontPage))],
                      content: render(view, template: "accessibility", page: page))
    }

    /// Servers show the 404 page at whatever address was asked for, so its links start from the
    /// site's own path (that of `base_url`, or `/`) rather than being relative.
    func notFoundPage() -> PlannedFile {
        PlannedFile(SitePaths.notFound, origin: publicationFile) { .html(layOutNotFoundPage()) }
    }

    private func layOutNotFoundPage() -> HTML {
        let root = config.baseURL.flatMap { URLPath.path(of: $0) } ?? "/"
        let current = site.publication.currentEdition
        let view = NotFoundView(
            homeURL: root + SitePaths.frontPage,
            currentEditionTitle: current?.title,
            currentEditionURL: current.map { root + SitePaths.contents($0.id) }
        )
        return layout(page: SitePaths.notFound, title: "Page not found – \(config.shortTitle)",
                      description: "The page you asked for does not exist.", breadcrumbs: [],
                      content: render(view, template: "notfound", page: SitePaths.notFound),
                      rootPath: root, inlineStyle: themeStylesheet)
    }

    /// The theme's `assets/style.css`, written into the 404 page itself: servers show that page at
    /// any address, under any path the site is served from, and it may be opened from disk, where no
    /// link to the stylesheet would find it.
    private var themeStylesheet: String? {
        theme.assets.first { $0.outputPath == SitePaths.assetsFolder + "/style.css" }
            .flatMap { $0.source.data.map { String(decoding: $0, as: UTF8.self) } }
            // Nothing in it may close the <style> element early.
            .map { $0.replacingOccurrences(of: "</", with: "<\\/") }
    }
}

/// `accessibility.mustache`.
struct AccessibilityStatementView: TemplateFields, Equatable {
    var publicationTitle: String
    var publisher: String
    var siteAddress: String?
    var contactEmail: String
    var responseDays: Int
    var fullyCompliant: Bool
    var partiallyCompliant: Bool
    var notCompliant: Bool
    var knownIssues: [String]
    var testing: String
    var lastReviewed: String
}

/// `notfound.mustache`.
struct NotFoundView: TemplateFields, Equatable {
    var homeURL: String
    var currentEditionTitle: String?
    var currentEditionURL: String?
}

enum URLPath {
    /// `https://example.org/routemap/` → `/routemap/`
    static func path(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let afterHost = url[schemeEnd.upperBound...].drop { $0 != "/" }
        return afterHost.isEmpty ? "/" : String(afterHost)
    }
}
