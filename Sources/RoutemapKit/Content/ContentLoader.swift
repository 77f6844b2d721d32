import Foundation

/// Reads `content/`: the configuration, each edition's settings, its chapters and its other files.
/// Everything found wrong is reported together, in `log`. The publication is returned whenever the
/// configuration could be read, with every edition and chapter loaded as far as it could be (see
/// `ChapterLoader`), so that the later stages can check it too; with errors it must not be published.
public enum ContentLoader {
    /// With a cache, chapters whose file and settings are unchanged since an earlier load are reused.
    /// The publication is nil only when routemap.yml cannot be read; the log tells whether it has errors.
    public static func load(contentDirectory: String, cache: ContentCache? = nil, log: DiagnosticLog) -> Publication? {
        cache?.beginBuild()
        defer { cache?.endBuild() }
        let configPath = join(contentDirectory, ConfigLoader.fileName)
        guard let configText = readText(configPath, log: log, missingHint: "create \(configPath) with the publication's title, vocabularies and editions"),
              let config = ConfigLoader.load(configText, file: configPath, log: log) else {
            return nil
        }
        var editions: [Edition] = []
        for editionID in config.editionIDs {
            editions.append(loadEdition(editionID, contentDirectory: contentDirectory, config: config, configText: configText,
                                        cache: cache, log: log))
        }
        warnAboutUnlistedFolders(contentDirectory, config: config, configPath: configPath, log: log)
        return Publication(config: config, editions: editions, contentDirectory: contentDirectory)
    }

    private static func loadEdition(_ id: String, contentDirectory: String, config: PublicationConfig, configText: String,
                                    cache: ContentCache?, log: DiagnosticLog) -> Edition {
        let folder = join(contentDirectory, id)
        let settingsPath = join(folder, EditionLoader.fileName)
        let settingsText = readText(settingsPath, log: log, missingHint: "each edition listed in routemap.yml needs a folder with an edition.yml giving its title and kind")
        let settings = settingsText.flatMap { EditionLoader.load($0, id: id, file: settingsPath, config: config, log: log) }
        // When edition.yml is wrong, the edition stands in under its folder's name, so that its
        // chapters' problems, and links to them, are checked in the same run.
        var edition = settings ?? Edition(id: id, title: id, shortTitle: id, kind: .final, status: config.statuses.ids.first ?? "final",
                                          published: nil, consultation: nil, summary: nil, chapters: [], assets: [])
        let files = listFiles(folder, within: contentDirectory) { path, reason in
            log.add(.error(path, reason, hint: "put the file itself in the content folder, or remove it"))
        }
        // Chapters in sub-folders too: their folder is part of their id and page path.
        let chapterFiles = files.filter { $0.hasSuffix(".md") }
        edition.assets = files.filter { !$0.hasSuffix(".md") && $0 != EditionLoader.fileName && !isFolderSettings($0) }
        let folderParts = readFolderParts(files.filter(isFolderSettings), in: folder, log: log)

        // What a chapter is checked against: with the cache, a change to either file loads every chapter again.
        let chapterSettings = cache?.settings(for: folder, configText + "\u{0}" + (settingsText ?? "")) ?? ""
        let paths = chapterFiles.map { join(folder, $0) }
        // With the cache, each file's stamp, taken before reading: a save after it changes the
        // stamp the next build sees. Files whose stamps are unchanged are not read again.
        let stamps = cache == nil ? [] : fileStamps(chapterFiles, in: folder)
        let unchanged = cache?.unchangedChapters(at: paths, stamps: stamps, settings: chapterSettings) ?? []
        let toLoad = unchanged.isEmpty ? Array(paths.indices) : paths.indices.filter { unchanged[$0] == nil }
        // Every file unchanged, with the same files and parts: the chapters are the last build's, in its order.
        if let cache, toLoad.isEmpty,
           let ordered = cache.orderedChapters(in: folder, files: chapterFiles, settings: chapterSettings, folderParts: folderParts) {
            for loaded in unchanged where !loaded!.diagnostics.isEmpty { log.add(contentsOf: loaded!.diagnostics) }
            log.add(contentsOf: ordered.diagnostics)
            edition.chapters = ordered.chapters
            return edition
        }
        // Front matter parsing dominates loading, so chapters are read on every core.
        let loaded = concurrentMap(toLoad) { [edition] index -> LoadedChapter in
            let fileLog = DiagnosticLog()
            let path = paths[index], fileName = chapterFiles[index]
            let stamp = stamps.isEmpty ? nil : stamps[index]
            guard let text = readUTF8(path, log: fileLog, missingHint: nil) else { return LoadedChapter(chapter: nil, diagnostics: fileLog.items) }
            let load = { () -> LoadedChapter in
                let chapter = ChapterLoader.load(text: text, fileName: fileName, sourcePath: path, edition: edition, config: config, log: fileLog)
                return LoadedChapter(chapter: chapter, diagnostics: fileLog.items)
            }
            return cache?.chapter(at: path, text: text, stamp: stamp, settings: chapterSettings, load: load) ?? load()
        }
        // Only some files changed, each keeping what decides its place (id, order, part, and where they
        // are written): the last build's order holds, with those chapters put in their places.
        if let cache, !unchanged.isEmpty,
           var ordered = cache.takeOrderedChapters(in: folder, files: chapterFiles, settings: chapterSettings, folderParts: folderParts),
           let replacements = placesInOrder(loaded.map(\.chapter), files: toLoad.map { chapterFiles[$0] }, ordered, folderParts) {
            var next = 0
            for index in paths.indices {
                if let known = unchanged[index] {
                    log.add(contentsOf: known.diagnostics)
                } else {
                    log.add(contentsOf: loaded[next].diagnostics)
                    next += 1
                }
            }
            log.add(contentsOf: ordered.diagnostics)
            for (place, chapter) in replacements { ordered.chapters[place] = chapter }
            edition.chapters = ordered.chapters
            cache.storeOrder(ordered, in: folder)
            return edition
        }
        var results = unchanged.isEmpty ? loaded : []
        if !unchanged.isEmpty {
            results.reserveCapacity(paths.count)
            var next = 0
            for index in paths.indices {
                if let known = unchanged[index] {
                    results.append(known)
                } else {
                    results.append(loaded[next])
                    next += 1
                }
            }
        }
        for loaded in results { log.add(contentsOf: loaded.diagnostics) }
        let orderLog = DiagnosticLog()
        edition.chapters = orderChapters(results.compactMap(\.chapter).map { withFolderPart($0, folderParts) }, log: orderLog)
        log.add(contentsOf: orderLog.items)
        cache?.storeOrder(ContentCache.OrderedChapters(files: chapterFiles, settings: chapterSettings, folderParts: folderParts,
                                                       chapters: edition.chapters, diagnostics: orderLog.items,
                                                       positions: Dictionary(edition.chapters.indices.map { (edition.chapters[$0].fileName, $0) },
                                                                             uniquingKeysWith: { first, _ in first })), in: folder)
        return edition
    }

    /// Each reloaded chapter with its place in the last build's order and its number there, when
    /// none of them changed what decides its place or what ordering reports; nil otherwise.
    private static func placesInOrder(_ chapters: [Chapter?], files: [String], _ ordered: ContentCache.OrderedChapters,
                                      _ folderParts: [String: String]) -> [(Int, Chapter)]? {
        var placed: [(Int, Chapter)] = []
        for (loaded, file) in zip(chapters, files) {
            guard let loaded, let place = ordered.positions[file] else { return nil }
            var chapter = withFolderPart(loaded, folderParts)
            let old = ordered.chapters[place]
            guard chapter.id == old.id, chapter.order == old.order, chapter.part == old.part, chapter.sourcePath == old.sourcePath,
                  chapter.idPosition == old.idPosition, chapter.orderPosition == old.orderPosition else { return nil }
            chapter.number = old.number
            placed.append((place, chapter))
        }
        return placed
    }

    /// Each file's stamp, taken within its open folder on every core.
    private static func fileStamps(_ files: [String], in folder: String) -> [FileStamp?] {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
        defer { if descriptor >= 0 { close(descriptor) } }
        return concurrentMap(files) { file in
            descriptor >= 0 ? FileStamp(path: file, in: descriptor) : FileStamp(path: join(folder, file))
        }
    }

    /// A sub-folder's `folder.yml`: `part:`, the name under which the contents lists its chapters.
    static let folderSettingsName = "folder.yml"

    private static func isFolderSettings(_ path: String) -> Bool {
        path.hasSuffix("/" + folderSettingsName)
    }

    /// Folder (such as `guides/`) → the part its chapters belong to, from its `folder.yml`.
    private static func readFolderParts(_ settings: [String], in folder: String, log: DiagnosticLog) -> [String: String] {
        var parts: [String: String] = [:]
        for file in settings {
            let path = join(folder, file)
            guard let text = readText(path, log: log, missingHint: nil),
                  let root = parseYAML(text, file: path, lineOffset: 0, log: log),
                  let fields = FieldReader(root, file: path, lineOffset: 0, log: log, what: folderSettingsName) else { continue }
            fields.warnUnknownFields(known: ["part"], what: folderSettingsName)
            if let part = fields.string("part") { parts[String(file.dropLast(folderSettingsName.count))] = part }
        }
        return parts
    }

    /// A chapter in a sub-folder without a `part:` of its own belongs to its folder's part: the one
    /// named in the `folder.yml` of its folder or the nearest folder above it, or else the folder's
    /// name made readable (`getting-started` → "Getting started").
    private static func withFolderPart(_ chapter: Chapter, _ parts: [String: String]) -> Chapter {
        let folder = ChapterLoader.folderOf(chapter.fileName)
        guard chapter.part == nil, !folder.isEmpty else { return chapter }
        var named = chapter
        // The nearest folder.yml up the folders names the part; without one, the folder's own name.
        var ancestor = Substring(folder.dropLast())
        var part: String?
        while part == nil, !ancestor.isEmpty {
            part = parts[ancestor + "/"]
            ancestor = ancestor[..<(ancestor.lastIndex(of: "/") ?? ancestor.startIndex)]
        }
        named.part = part ?? readableName(String(folder.dropLast().split(separator: "/").last ?? ""))
        return named
    }

    private static func readableName(_ folder: String) -> String {
        let words = folder.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// Sorts by `order` (chapters without one come last, by file name), numbers them, and
    /// reports two chapters sharing an id or an order.
    private static func orderChapters(_ chapters: [Chapter], log: DiagnosticLog) -> [Chapter] {
        var sorted = chapters.sorted { a, b in
            switch (a.order, b.order) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.fileName < b.fileName
            }
        }
        // The file of the first chapter with each id and each order.
        var firstWithID: [String: String] = [:]
        var firstWithOrder: [Int: String] = [:]
        firstWithID.reserveCapacity(sorted.count)
        firstWithOrder.reserveCapacity(sorted.count)
        for chapter in sorted {
            if let other = firstWithID[chapter.id] {
                log.add(.error(chapter.sourcePath, line: chapter.idPosition.line, column: chapter.idPosition.column, "chapter id '\(chapter.id)' is also used by \(other)",
                               hint: "ids must be unique within an edition: give one of them another 'id:'"))
            } else {
                firstWithID[chapter.id] = chapter.sourcePath
            }
            guard let order = chapter.order else { continue }
            if let other = firstWithOrder[order] {
                log.add(.error(chapter.sourcePath, line: chapter.orderPosition.line, column: chapter.orderPosition.column, "order \(order) is also used by \(other)",
                               hint: "give each chapter of an edition its own 'order:'"))
            } else {
                firstWithOrder[order] = chapter.sourcePath
            }
        }
        for index in sorted.indices { sorted[index].number = index + 1 }
        return sorted
    }

    private static func warnAboutUnlistedFolders(_ contentDirectory: String, config: PublicationConfig, configPath: String, log: DiagnosticLog) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: contentDirectory)) ?? []
        for entry in entries.sorted() where !entry.hasPrefix(".") && !config.editionIDs.contains(entry) {
            guard FileManager.default.fileExists(atPath: join(join(contentDirectory, entry), EditionLoader.fileName)) else { continue }
            log.add(.warning(configPath, "the edition folder '\(entry)' is not listed in 'editions', so it is not built",
                             hint: "add '\(entry)' to 'editions' in routemap.yml, oldest edition first"))
        }
    }
}

/// One chapter file as its own log saw it (chapters are loaded on every core): the chapter, nil when
/// the file could not be read, and the problems found in it, which the content cache keeps with it.
struct LoadedChapter {
    var chapter: Chapter?
    var diagnostics: [Diagnostic]
}
