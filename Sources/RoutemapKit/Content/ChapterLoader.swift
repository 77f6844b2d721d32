/// Turns one chapter file's UTF-8 into a `Chapter`, checking its metadata against the vocabularies.
enum ChapterLoader {
    static let knownFields = ["title", "id", "order", "part", "theme", "audience", "status", "summary", "updated", "moved_anchors"]

    /// `trySimpleYAML: false` reads the front matter with Yams alone, for tests that hold SimpleYAML to it.
    ///
    /// A chapter with errors is still loaded as far as it can be, so that one run reports every
    /// problem: with front matter that cannot be read, it stands in under its file name (title and
    /// id), the edition's status and no themes or audiences, with whatever body follows the front
    /// matter; a field that is wrong is left out. Such a chapter is marked `isIncomplete`, and the
    /// errors logged stop the build. Nil only when the chapter cannot have a page (no usable id).
    static func load(text: [UInt8], fileName: String, sourcePath: String, edition: Edition,
                     config: PublicationConfig, log: DiagnosticLog, trySimpleYAML: Bool = true) -> Chapter? {
        let errorsBefore = log.errorCount
        let defaultID = String(fileName.dropLast(3))
        guard let split = splitFrontMatter(text, file: sourcePath, log: log) else {
            // No front matter: the whole file is Markdown. One never closed: no body can be told from it.
            let firstLine = text.prefix { $0 != UInt8(ascii: "\n") }
            let hasOpeningFence = firstLine.reversed().drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.reversed().elementsEqual("---".utf8)
            return standIn(id: defaultID, body: hasOpeningFence ? [] : text, bodyLineOffset: 0, sourcePath: sourcePath,
                           fileName: fileName, edition: edition)
        }
        guard let root = parseYAML(split.yaml, file: sourcePath, lineOffset: split.yamlLineOffset, log: log, trySimpleYAML: trySimpleYAML) else {
            if log.errorCount == errorsBefore {
                log.add(.error(sourcePath, line: 2, "the front matter has no fields",
                               hint: "add at least 'title: The chapter's title' between the '---' lines"))
            }
            return standIn(id: defaultID, body: split.body, bodyLineOffset: split.bodyLineOffset, sourcePath: sourcePath,
                           fileName: fileName, edition: edition)
        }
        guard let fields = FieldReader(root, file: sourcePath, lineOffset: split.yamlLineOffset, log: log, what: "the front matter") else {
            return standIn(id: defaultID, body: split.body, bodyLineOffset: split.bodyLineOffset, sourcePath: sourcePath,
                           fileName: fileName, edition: edition)
        }
        fields.warnUnknownFields(known: knownFields, what: "the front matter")

        let title = fields.requiredString("title", at: root, hint: "add 'title: The chapter's title' to the front matter")
        // A chapter in a sub-folder keeps its folder in its id, and so in its page's path (see `folderOf`).
        var id = fields.string("id").map { folderOf(fileName) + $0 } ?? defaultID
        if !isValidID(id) {
            fields.error(at: fields.value("id") ?? root, "'\(id)' cannot be a chapter id: it becomes the page's address",
                         hint: fields.value("id") == nil
                             ? "rename the file, or add 'id:' with lower-case letters, digits and '-', such as 'id: \(slugID(String(id.split(separator: "/").last ?? "")))'"
                             : "use lower-case letters, digits and '-', such as '\(slugID(id))'")
            id = defaultID
        } else if reservedIDs.contains(id) {
            fields.error(at: fields.value("id") ?? root, "'\(id)' cannot be a chapter id: \(id).html is the edition's contents page",
                         hint: fields.value("id") == nil
                             ? "rename the file, or add 'id:' with another id, such as 'id: introduction'"
                             : "choose another id, such as 'introduction'")
            id = defaultID
        }
        // An id that cannot be used, and a file name that cannot stand in for it: the chapter can have no page.
        guard isUsableID(id) else { return nil }
        var status = fields.string("status") ?? edition.status
        if let written = fields.value("status"), !checkTerm(status, at: written, in: config.statuses, field: "status", fields) {
            status = edition.status
        }

        return Chapter(Chapter.Fields(
            id: id,
            title: title ?? defaultID,
            order: fields.int("order"),
            part: fields.string("part"),
            themes: terms("theme", in: config.themes, fields),
            audiences: terms("audience", in: config.audiences, fields),
            status: status,
            summary: fields.string("summary"),
            updated: fields.date("updated"),
            sourcePath: sourcePath,
            fileName: fileName,
            body: split.body,
            bodyLineOffset: split.bodyLineOffset,
            movedAnchors: MovedAnchor.read(fields),
            idPosition: filePosition(fields.value("id") ?? root, fields),
            orderPosition: filePosition(fields.value("order") ?? root, fields),
            updatedPosition: filePosition(fields.value("updated") ?? root, fields),
            isIncomplete: log.errorCount != errorsBefore
        ))
    }

    /// The chapter as far as it can be known without its front matter; nil when its file name is no usable id.
    private static func standIn(id: String, body: [UInt8], bodyLineOffset: Int, sourcePath: String, fileName: String,
                                edition: Edition) -> Chapter? {
        guard isUsableID(id) else { return nil }
        return Chapter(Chapter.Fields(id: id, title: id, order: nil, part: nil, themes: [], audiences: [], status: edition.status, summary: nil,
                                      updated: nil, sourcePath: sourcePath, fileName: fileName, body: body, bodyLineOffset: bodyLineOffset,
                                      isIncomplete: true))
    }

    private static func isUsableID(_ id: String) -> Bool { isValidID(id) && !reservedIDs.contains(id) }

    /// The declared terms among the values; the others are reported and left out.
    private static func terms(_ key: String, in vocabulary: Vocabulary, _ fields: FieldReader) -> [String] {
        let values = fields.stringList(key) ?? []
        return values.filter { text, written in checkTerm(text, at: written, in: vocabulary, field: key, fields) }.map(\.text)
    }

    /// Whether the value is a declared term; reports it when not.
    @discardableResult
    private static func checkTerm(_ value: String, at written: FieldValue, in vocabulary: Vocabulary, field: String, _ fields: FieldReader) -> Bool {
        guard vocabulary.term(value) == nil else { return true }
        let article = field.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        fields.error(at: written, "'\(value)' is not \(article) \(field) declared in routemap.yml\(didYouMean(value, vocabulary.ids))",
                     hint: "use one of: \(vocabulary.ids.joined(separator: ", ")); or add it to '\(vocabulary.name)' in routemap.yml")
        return false
    }

    /// Ids whose page would overwrite another page of the edition.
    static let reservedIDs: Set<String> = ["index"]

    private static func filePosition(_ value: FieldValue, _ fields: FieldReader) -> FilePosition {
        let (line, column) = fields.position(of: value)
        return FilePosition(line: line, column: column)
    }

    /// `guides/intro.md` → `guides/`; `intro.md` → ``.
    static func folderOf(_ fileName: String) -> String {
        guard let slash = fileName.lastIndex(of: "/") else { return "" }
        return String(fileName[...slash])
    }

    /// Lower-case letters, digits, '-' and '_', in segments separated by '/' (the chapter's folders).
    static func isValidID(_ id: String) -> Bool {
        id.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { isValidSegment(String($0)) }
    }

    private static func isValidSegment(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.properties.isLowercase || ("0"..."9").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    private static func slugID(_ id: String) -> String {
        let candidate = slugForID(id)
        return candidate.isEmpty ? "my-chapter" : candidate
    }
}

/// ASCII-only slug for chapter ids suggested in hints.
private func slugForID(_ text: String) -> String {
    var out = ""
    var dash = false
    for scalar in text.lowercased().unicodeScalars {
        if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
            if dash && !out.isEmpty { out += "-" }
            dash = false
            out.unicodeScalars.append(scalar)
        } else {
            dash = true
        }
    }
    return out
}
