import Foundation
import Yams

/// A chapter file written by `routemap new chapter`.
public struct NewChapter: Sendable {
    /// Where the file was written.
    public var path: String
    public var id: String
    public var order: Int
}

/// Starts a chapter: a file named after its title in the edition's folder, with front matter that
/// loads as it is and the order after the edition's last chapter.
public enum ChapterScaffold {
    /// Nil, with the problem in `log`, when the configuration, the edition or the title will not do;
    /// throws when the file cannot be written.
    public static func create(title: String, edition editionID: String, contentDirectory: String,
                              log: DiagnosticLog) throws(OutputError) -> NewChapter? {
        let configPath = join(contentDirectory, ConfigLoader.fileName)
        guard let configText = readText(configPath, log: log, missingHint: "run this in the folder that holds content/, or give --content"),
              let config = ConfigLoader.load(configText, file: configPath, log: log) else { return nil }
        guard config.editionIDs.contains(editionID) else {
            log.add(.error(configPath, "there is no edition '\(editionID)'\(didYouMean(editionID, config.editionIDs))",
                           hint: "the editions are: \(config.editionIDs.joined(separator: ", "))"))
            return nil
        }
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        let base = asciiSlug(trimmed)
        guard !trimmed.isEmpty, !base.isEmpty else {
            log.add(.error(join(contentDirectory, editionID), "the title '\(title)' gives no file name",
                           hint: "give a title with letters or digits, such as \"Shared services\""))
            return nil
        }
        let folder = join(contentDirectory, editionID)
        // Several `new chapter` at once would each read the same last order: the edition folder
        // is locked from reading the chapters until the new file is written.
        let lock = open(folder, O_RDONLY | O_DIRECTORY)
        guard lock >= 0 else {
            throw OutputError(path: folder, reason: "the edition's folder cannot be opened: \(String(cString: strerror(errno)))",
                              hint: "create the folder \(folder), or check its permissions")
        }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw OutputError(path: folder, reason: "the edition's folder cannot be locked: \(String(cString: strerror(errno)))")
            }
        }
        let existing = existingChapters(in: folder)
        var id = base
        var counter = 2
        while existing.ids.contains(id) || FileManager.default.fileExists(atPath: join(folder, id + ".md")) {
            id = "\(base)-\(counter)"
            counter += 1
        }
        let order = (existing.orders.max() ?? 0) + 1
        let path = join(folder, id + ".md")
        let text = "---\ntitle: \(yamlQuoted(trimmed))\norder: \(order)\n---\n\n"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw OutputError(path: path, reason: "the chapter cannot be written: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var bytes = text
        let written = bytes.withUTF8 { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == text.utf8.count else {
            throw OutputError(path: path, reason: "the chapter cannot be written: \(String(cString: strerror(errno)))")
        }
        return NewChapter(path: path, id: id, order: order)
    }

    /// The orders the edition's chapters use, those in sub-folders included (orders are one
    /// sequence for the whole edition), and the ids of the chapters at its top, where the new one
    /// goes; files with broken front matter still count by name.
    private static func existingChapters(in folder: String) -> (orders: [Int], ids: Set<String>) {
        var orders: [Int] = []
        var ids = Set<String>()
        for name in listFiles(folder) where name.hasSuffix(".md") {
            let atTop = !name.contains("/")
            if atTop { ids.insert(String(name.dropLast(3))) }
            let log = DiagnosticLog()
            guard let text = readUTF8(join(folder, name), log: log, missingHint: nil),
                  let split = splitFrontMatter(text, file: name, log: log),
                  let mapping = (try? Yams.compose(yaml: split.yaml))?.mapping else { continue }
            if let order = mapping["order"]?.string.flatMap({ Int($0) }) { orders.append(order) }
            if atTop, let id = mapping["id"]?.string { ids.insert(id) }
        }
        return (orders, ids)
    }

    /// Lower-case ASCII letters and digits with `-` between words: a valid chapter id.
    static func asciiSlug(_ text: String) -> String {
        var out = ""
        var dash = false
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
        for scalar in folded.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if dash && !out.isEmpty { out += "-" }
                dash = false
                out.unicodeScalars.append(scalar)
            } else if scalar != "'" && scalar != "’" {
                dash = true
            }
        }
        return out
    }

    private static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
