import Foundation
import Templates

/// A theme: Mustache templates and static assets from `themes/<name>/`, with anything the theme
/// lacks taken from `themes/default/`.
public struct Theme: Sendable {
    public static let defaultName = "default"
    static let requiredTemplates = ["layout", "front", "contents", "chapter", "accessibility", "notfound", "search",
                                    "term", "overview", "changes", "chapter-changes", "print", "pdf"]

    let library: TemplateLibrary
    /// Each template's text by name: a page laid out by an earlier build is reused only under the same templates.
    let templateTexts: [String: String]
    /// Output path (under `assets/`) → file on disk.
    let assets: [(outputPath: String, sourcePath: String)]

    /// Loads `name` from `themesDirectory`, reporting unreadable templates with their line and column.
    public static func load(themesDirectory: String, name: String) -> (Theme?, [Diagnostic]) {
        let log = DiagnosticLog()
        let folders = (name == defaultName ? [defaultName] : [defaultName, name]).map { join(themesDirectory, $0) }
        for folder in folders where !FileManager.default.fileExists(atPath: folder) {
            let available = (try? FileManager.default.contentsOfDirectory(atPath: themesDirectory))?.sorted() ?? []
            log.add(.error(folder, "the theme folder does not exist\(didYouMean(name, available))",
                           hint: available.isEmpty ? "themes live in \(themesDirectory)/<name>/ with templates/ and assets/"
                                                   : "available themes: \(available.joined(separator: ", "))"))
        }
        guard !log.hasErrors else { return (nil, log.items) }

        var templates: [String: Template] = [:]
        var texts: [String: String] = [:]
        var assets: [String: String] = [:]
        for folder in folders {
            let templateFolder = join(folder, "templates")
            for file in listFiles(templateFolder) where file.hasSuffix(".mustache") {
                let path = join(templateFolder, file)
                guard let text = readText(path, log: log, missingHint: nil) else { continue }
                do throws(TemplateSyntaxError) {
                    templates[String(file.dropLast(".mustache".count))] = try Template(text)
                    texts[String(file.dropLast(".mustache".count))] = text
                } catch {
                    log.add(.error(path, line: error.line, column: error.column, "the template cannot be read: \(error.message)",
                                   hint: error.hint))
                }
            }
            let assetFolder = join(folder, SitePaths.assetsFolder)
            for file in listFiles(assetFolder) { assets[SitePaths.assetsFolder + "/" + file] = join(assetFolder, file) }
        }
        for required in requiredTemplates where templates[required] == nil && !log.hasErrors {
            log.add(.error(join(folders[0], "templates/\(required).mustache"), "the theme has no '\(required)' template",
                           hint: "restore it from themes/default/templates/"))
        }
        guard !log.hasErrors else { return (nil, log.items) }
        let theme = Theme(library: TemplateLibrary(templates), templateTexts: texts,
                          assets: assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        return (theme, log.items)
    }

    /// Renders `view` with the named template; an unknown name is a programming error in the build.
    func render(_ view: some TemplateFields, template: String) -> HTML {
        guard let html = library.renderHTML(view, template: template) else {
            preconditionFailure("template '\(template)' was not loaded; it must be listed in Theme.requiredTemplates")
        }
        return html
    }
}
