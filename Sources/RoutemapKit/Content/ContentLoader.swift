import Foundation

/// Reads `content/`: the configuration, each edition's settings, its chapters and its other files.
/// Everything found wrong is reported together. The publication is returned whenever the
/// configuration could be read, with every edition and chapter loaded as far as it could be (see
/// `ChapterLoader`), so that the later stages can check it too; with errors it must not be published.
public enum ContentLoader {
    /// With a cache, chapters whose file and settings are unchanged since an earlier load are reused.
    /// The publication is nil only when routemap.yml cannot be read; check the diagnostics for errors.
    public static func load(contentDirectory: String, cache: ContentCache? = nil) -> (Publication?, [Diagnostic]) {
        cache?.beginBuild()
        defer { cache?.endBuild() }
        let log = DiagnosticLog()
        let configPath = join(contentDirectory, ConfigLoader.fileName)
        guard let configText = readText(configPath, log: log, missingHint: "create \(configPath) with the publication's title, vocabularies and editions"),
              let config = ConfigLoader.load(configText, file: configPath, log: log) else {
            return (nil, log.items)
        }
        var editions: [Edition] = []
        for editionID in config.editionIDs {
            editions.append(loadEdition(editionID, contentDirectory: contentDirectory, config: config, configText: configText,
                                        cache: cache, log: log))
        }
        warnAboutUnlistedFolders(contentDirectory, config: config, configPath: configPath, log: log)
        let publication = Publication(config: config, editions: editions, contentDirectory: contentDirectory)
        return (publication, log.items)
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
        // Front matter parsing dominates loading, so chapters are read on every core.
        let results = concurrentMap(chapterFiles) { [edition] fileName -> (Chapter?, [Diagnostic]) in
            let fileLog = DiagnosticLog()
            let path = join(folder, fileName)
            // Taken before reading: a save after it changes the stamp the next build sees.
            let stamp = cache == nil ? nil : FileStamp(path: path)
            if let unchanged = cache?.unchangedChapter(at: path, stamp: stamp, settings: chapterSettings) { return unchanged }
            guard let text = readUTF8(path, log: fileLog, missingHint: nil) else { return (nil, fileLog.items) }
            let load = { () -> (Chapter?, [Diagnostic]) in
                let chapter = ChapterLoader.load(text: text, fileName: fileName, sourcePath: path, edition: edition, config: config, log: fileLog)
                return (chapter, fileLog.items)
            }
            return cache?.chapter(at: path, text: text, stamp: stamp, settings: chapterSettings, load: load) ?? load()
        }
        for (_, diagnostics) in results { log.add(contentsOf: diagnostics) }
        edition.chapters = orderChapters(results.compactMap(\.0).map { withFolderPart($0, folderParts) }, log: log)
        return edition
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
        var firstWithID: [String: Chapter] = [:]
        var firstWithOrder: [Int: Chapter] = [:]
        for chapter in sorted {
            if let other = firstWithID[chapter.id] {
                log.add(.error(chapter.sourcePath, line: chapter.idPosition.line, column: chapter.idPosition.column, "chapter id '\(chapter.id)' is also used by \(other.sourcePath)",
                               hint: "ids must be unique within an edition: give one of them another 'id:'"))
            } else {
                firstWithID[chapter.id] = chapter
            }
            guard let order = chapter.order else { continue }
            if let other = firstWithOrder[order] {
                log.add(.error(chapter.sourcePath, line: chapter.orderPosition.line, column: chapter.orderPosition.column, "order \(order) is also used by \(other.sourcePath)",
                               hint: "give each chapter of an edition its own 'order:'"))
            } else {
                firstWithOrder[order] = chapter
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

/// Reads a UTF-8 text file, normalising line endings; logs a missing, unreadable or non-UTF-8 file.
func readText(_ path: String, log: DiagnosticLog, missingHint: String?) -> String? {
    readUTF8(path, log: log, missingHint: missingHint).map { String(decoding: $0, as: UTF8.self) }
}

/// A text file's bytes, checked to be UTF-8, without a byte order mark, and with every line ending
/// made a line feed; logs a missing, unreadable or non-UTF-8 file. Chapters stay bytes on their way
/// to cmark-gfm: made Strings, every chapter was checked as UTF-8 twice more and copied twice.
func readUTF8(_ path: String, log: DiagnosticLog, missingHint: String?) -> [UInt8]? {
    guard var bytes = readBytes(path) else {
        log.add(.error(path, FileManager.default.fileExists(atPath: path) ? "the file cannot be read" : "the file does not exist",
                       hint: missingHint))
        return nil
    }
    // ASCII, which most chapters are, needs no validating at all.
    guard isASCII(bytes) || String(validating: bytes, as: UTF8.self) != nil else {
        let data = Data(bytes)
        let (line, column) = firstInvalidUTF8(data) ?? (1, 1)
        let utf16 = data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
        log.add(.error(path, line: line, column: column, utf16 ? "the file is saved as UTF-16, not UTF-8" : "the file is not valid UTF-8",
                       hint: "save it as UTF-8 (in most editors: Save As, then choose the UTF-8 encoding)"))
        return nil
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    // memchr: a byte-by-byte search through a chapter cost more than reading it.
    guard bytes.withUnsafeBytes({ $0.count > 0 && memchr($0.baseAddress!, Int32(UInt8(ascii: "\r")), $0.count) != nil }) else { return bytes }
    return lineFeedsOnly(bytes)
}

/// CR LF and lone CR made LF.
private func lineFeedsOnly(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var afterCR = false
    for byte in bytes {
        if byte == UInt8(ascii: "\n"), afterCR {
            afterCR = false
            continue
        }
        afterCR = byte == UInt8(ascii: "\r")
        out.append(afterCR ? UInt8(ascii: "\n") : byte)
    }
    return out
}

/// Whether every byte is below 0x80, checked eight at a time.
func isASCII(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { raw in
        var index = 0
        var seen: UInt64 = 0
        while index + 8 <= raw.count {
            seen |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < raw.count {
            seen |= UInt64(raw[index])
            index += 1
        }
        return seen & 0x8080_8080_8080_8080 == 0
    }
}

/// The bytes of a regular file, read with plain POSIX calls (FileManager's path handling cost as
/// much as the reading); nil when it cannot be opened or read, or is a folder.
private func readBytes(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return nil }
    // One byte more than the file holds, so that the read that finds its end needs no room made.
    var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
    var count = 0
    while true {
        // A file that grew since fstat (being saved) is read to its end.
        if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
        let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + count, $0.count - count) }
        if got < 0 {
            if errno == EINTR { continue }
            return nil
        }
        if got == 0 { break }
        count += got
    }
    bytes.removeSubrange(count...)
    return bytes
}

/// The line and column (in characters, 1-based) of the first byte that is not UTF-8, or nil when all are.
/// Lines end at LF, CR LF or CR, as editors count them.
private func firstInvalidUTF8(_ data: Data) -> (line: Int, column: Int)? {
    var iterator = data.makeIterator()
    var decoder = UTF8()
    var line = 1, column = 1
    var afterCR = false
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar):
            if scalar == "\n" {
                if !afterCR { line += 1 }
                column = 1
            } else if scalar == "\r" {
                line += 1
                column = 1
            } else if !(scalar == "\u{FEFF}" && line == 1 && column == 1) {
                column += 1
            }
            afterCR = scalar == "\r"
        case .emptyInput:
            return nil
        case .error:
            return (line, column)
        }
    }
}

/// Every non-hidden file below `folder`, as paths relative to it, sorted. Hidden files and
/// folders (names starting with '.') are left out; a symbolic link counts as the file it leads
/// to, and one that leads to a folder is not followed. With `root`, what cannot be published is
/// told to `problem` (path, what is wrong) and left out: a link that leads nowhere or out of
/// `root`, and anything that is neither a file nor a folder (a named pipe, a device, a socket).
func listFiles(_ folder: String, within root: String? = nil, problem: (String, String) -> Void = { _, _ in }) -> [String] {
    var files: [String] = []
    let realRoot = root.flatMap(OutputFolder.realPath)
    collectFiles(folder, prefix: "", root: realRoot, into: &files, problem: problem)
    return files.sorted()
}

/// readdir rather than FileManager's enumerator, which cost more than parsing the chapters' front matter.
private func collectFiles(_ folder: String, prefix: String, root: String?, into files: inout [String], problem: (String, String) -> Void) {
    guard let directory = opendir(folder) else { return }
    defer { closedir(directory) }
    let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    while let entry = readdir(directory) {
        // Read up to the name's end only: the record is often shorter than d_name's 256 bytes.
        let name = String(cString: UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
        if name.hasPrefix(".") { continue }
        let path = join(folder, name)
        let type = Int32(entry.pointee.d_type)
        if type == Int32(DT_DIR) {
            collectFiles(path, prefix: prefix + name + "/", root: root, into: &files, problem: problem)
            continue
        }
        if type == Int32(DT_REG) {
            files.append(prefix + name)
            continue
        }
        // A link, something else, or a file system that does not say: look (through a link) at what is there.
        var linkInfo = stat()
        guard lstat(path, &linkInfo) == 0 else { continue }
        let isLink = (linkInfo.st_mode & S_IFMT) == S_IFLNK
        var info = linkInfo
        if isLink {
            guard stat(path, &info) == 0, let target = OutputFolder.realPath(path) else {
                if root != nil { problem(path, "this symbolic link leads nowhere") }
                continue
            }
            if let root, !OutputFolder.isInside(target, root) {
                problem(path, "this symbolic link leads out of the content folder, to \(target), which is not published")
                continue
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR where !isLink:
            collectFiles(path, prefix: prefix + name + "/", root: root, into: &files, problem: problem)
        case S_IFDIR:
            continue
        case S_IFREG:
            files.append(prefix + name)
        default:
            if root != nil { problem(path, "this is not a regular file (a named pipe, socket or device), so it cannot be published") }
        }
    }
}

func join(_ folder: String, _ name: String) -> String {
    folder.isEmpty || folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
}

/// `transform` applied to every element, spread over all cores, results in order.
func concurrentMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    return concurrentMap(count: items.count, first: []) { transform(items[$0]) }
}
