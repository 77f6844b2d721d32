import Foundation
import Synchronization
import Templates

/// A theme: Mustache templates and static assets. The default theme is built into the binary
/// (`DefaultThemeFiles`, generated from themes/default/), so the tool works from any folder; a
/// `themes/default/` folder beside the content replaces its files, and a theme of one's own
/// (`--theme name`, from `--themes`) replaces what it has and takes the rest from the default.
public struct Theme: Sendable {
    public static let defaultName = "default"
    static let requiredTemplates = ["layout", "front", "contents", "chapter", "accessibility", "notfound", "search",
                                    "term", "overview", "changes", "chapter-changes", "print", "social-card", "pdf"]

    /// Where an asset's bytes come from.
    enum AssetSource: Sendable {
        case file(String)
        case builtIn(String)

        /// The asset's bytes; nil when its file cannot be read.
        var data: Data? {
            switch self {
            case .file(let path): FileManager.default.contents(atPath: path)
            case .builtIn(let text): Data(text.utf8)
            }
        }
    }

    let library: TemplateLibrary
    /// Each template's text by name: a page laid out by an earlier build is reused only under the same templates.
    let templateTexts: [String: String]
    /// Output path (under `assets/`) → its file on disk, or its text built into the binary.
    let assets: [(outputPath: String, source: AssetSource)]

    /// Loads `name` from `themesDirectory` over the built-in default, reporting unreadable templates
    /// with their line and column in `log`; nil when the theme has errors.
    public static func load(themesDirectory: String, name: String, log: DiagnosticLog) -> Theme? {
        let errorsBefore = log.errorCount
        var hasErrors: Bool { log.errorCount > errorsBefore }
        var folders: [String] = []
        let ownDefault = join(themesDirectory, defaultName)
        if FileManager.default.fileExists(atPath: ownDefault) { folders.append(ownDefault) }
        if name != defaultName {
            let folder = join(themesDirectory, name)
            if FileManager.default.fileExists(atPath: folder) {
                folders.append(folder)
            } else {
                let available = (try? FileManager.default.contentsOfDirectory(atPath: themesDirectory))?.sorted() ?? []
                log.add(.error(folder, "the theme folder does not exist\(didYouMean(name, available))",
                               hint: available.isEmpty ? "themes live in \(themesDirectory)/<name>/ with templates/ and assets/ (give the folder with --themes); the default theme needs no folder"
                                                       : "available themes: \(available.joined(separator: ", "))"))
            }
        }
        guard !hasErrors else { return nil }

        var templates: [String: Template] = [:]
        var texts: [String: String] = [:]
        var assets: [String: AssetSource] = [:]
        func addTemplate(_ text: String, file: String, path: String) {
            let templateName = String(file.dropLast(".mustache".count))
            do throws(TemplateSyntaxError) {
                templates[templateName] = try parsed(text)
                texts[templateName] = text
            } catch {
                log.add(.error(path, line: error.line, column: error.column, "the template cannot be read: \(error.message)",
                               hint: error.hint))
            }
        }
        for (path, text) in DefaultThemeFiles.files.sorted(by: { $0.key < $1.key }) {
            if path.hasPrefix("templates/"), path.hasSuffix(".mustache") {
                addTemplate(text, file: String(path.dropFirst("templates/".count)), path: "(built in) themes/default/" + path)
            } else if path.hasPrefix(SitePaths.assetsFolder + "/") {
                assets[path] = .builtIn(text)
            }
        }
        for folder in folders {
            let templateFolder = join(folder, "templates")
            for file in listFiles(templateFolder) where file.hasSuffix(".mustache") {
                let path = join(templateFolder, file)
                guard let text = readText(path, log: log, missingHint: nil) else { continue }
                addTemplate(text, file: file, path: path)
            }
            let assetFolder = join(folder, SitePaths.assetsFolder)
            for file in listFiles(assetFolder) { assets[SitePaths.assetsFolder + "/" + file] = .file(join(assetFolder, file)) }
        }
        for required in requiredTemplates where templates[required] == nil && !hasErrors {
            log.add(.error(join(folders.last ?? ownDefault, "templates/\(required).mustache"), "the theme has no '\(required)' template",
                           hint: "restore it from themes/default/templates/"))
        }
        guard !hasErrors else { return nil }
        keepingParsedTemplates(atLeast: Set(texts.values))
        let theme = Theme(library: TemplateLibrary(templates), templateTexts: texts,
                          assets: assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        return theme
    }

    /// Templates parsed in this process, by text: the preview loads the theme again on every save,
    /// and its templates seldom change. Every version of a template edited during a long preview
    /// would stay here: past `parsedTemplatesKept`, only the latest load's are kept.
    private static let parsedTemplates = Mutex<[String: Template]>([:])
    static let parsedTemplatesKept = 200
    static var parsedTemplateCount: Int { parsedTemplates.withLock { $0.count } }

    private static func keepingParsedTemplates(atLeast used: Set<String>) {
        parsedTemplates.withLock { parsed in
            if parsed.count > parsedTemplatesKept { parsed = parsed.filter { used.contains($0.key) } }
        }
    }

    private static func parsed(_ text: String) throws(TemplateSyntaxError) -> Template {
        if let known = parsedTemplates.withLock({ $0[text] }) { return known }
        let template = try Template(text)
        parsedTemplates.withLock { $0[text] = template }
        return template
    }

    /// Renders `view` with the named template; an unknown name is a programming error in the build.
    func render(_ view: some TemplateFields, template: String) -> HTML {
        guard let html = library.renderHTML(view, template: template) else {
            preconditionFailure("template '\(template)' was not loaded; it must be listed in Theme.requiredTemplates")
        }
        return html
    }
}
