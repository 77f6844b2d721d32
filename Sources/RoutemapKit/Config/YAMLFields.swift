import Foundation
import Yams

/// Parses YAML, with SimpleYAML when it takes the text and with Yams otherwise, and reports a
/// syntax error at its line in the file (`lineOffset` is added for YAML that starts further
/// down, such as front matter). `trySimpleYAML: false` leaves it all to Yams, for tests.
func parseYAML(_ text: String, file: String, lineOffset: Int, log: DiagnosticLog, trySimpleYAML: Bool = true) -> FieldValue? {
    if trySimpleYAML, let value = SimpleYAML.compose(text) { return value }
    do {
        return try Yams.compose(yaml: text).map(FieldValue.init)
    } catch let error as YamlError {
        log.add(yamlDiagnostic(error, file: file, lineOffset: lineOffset))
        return nil
    } catch {
        log.add(.error(file, line: lineOffset + 1, "could not read YAML: \(error)"))
        return nil
    }
}

private func yamlDiagnostic(_ error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
    let hint = "check the indentation, and quote values that contain ': ', '#' or start with a special character such as '*', '&', '[' or '{'"
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
         .composer(let context, let problem, let mark, _):
        // The context (such as an unclosed quote) often starts lines above where the problem shows.
        let detail = context.map { "\(problem) (\($0.text) started at line \($0.mark.line + lineOffset), column \($0.mark.column))" } ?? problem
        return .error(file, line: mark.line + lineOffset, column: mark.column, "malformed YAML: \(detail)", hint: hint)
    case .reader(let problem, let offset, _, let yaml):
        let (line, column) = offset.map { lineAndColumn(ofCharacter: $0, in: yaml) } ?? (1, 1)
        return .error(file, line: line + lineOffset, column: column, "malformed YAML: \(problem)",
                      hint: "remove the invisible control character, or retype the text around it")
    case .duplicatedKeysInMapping(let duplicates, let context):
        let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
        return .error(file, line: context.mark.line + lineOffset, column: context.mark.column,
                      duplicates.count == 1 ? "the field \(names) is given more than once" : "the fields \(names) are each given more than once",
                      hint: "keep only one of them")
    default:
        return .error(file, line: lineOffset + 1, "malformed YAML: \(error)", hint: hint)
    }
}

/// 1-based line and column of the character at `offset` (in characters) in `text`.
private func lineAndColumn(ofCharacter offset: Int, in text: String) -> (Int, Int) {
    var line = 1, column = 1
    for character in text.prefix(offset) {
        if character == "\n" { line += 1; column = 1 } else { column += 1 }
    }
    return (line, column)
}

/// Reads typed fields from a YAML mapping, reporting every problem with its position in the file.
struct FieldReader {
    let file: String
    let lineOffset: Int
    /// The mapping's entries, in the order they are written.
    let fields: [FieldValue.Field]
    let log: DiagnosticLog

    /// Nil (with an error logged) when `value` is not a mapping.
    init?(_ value: FieldValue, file: String, lineOffset: Int, log: DiagnosticLog, what: String) {
        guard let fields = value.mapping else {
            log.add(.error(file, line: value.line + lineOffset, column: value.column,
                           "\(what) must be a mapping of 'name: value' lines, not \(value.kindName)",
                           hint: "write one field a line, such as 'title: Governance'"))
            return nil
        }
        self.file = file
        self.lineOffset = lineOffset
        self.fields = fields
        self.log = log
    }

    func position(of value: FieldValue) -> (line: Int, column: Int) {
        (value.line + lineOffset, value.column)
    }

    /// The first key written as `key`, for its position.
    func key(_ key: String) -> FieldValue? {
        fields.first { $0.key.text == key }?.key
    }

    /// The value of the field named `key`, the last one winning as in Yams. Every name looked up
    /// is a plain word, which YAML reads as text whether quoted or not, so this finds what Yams'
    /// `mapping[key]` would.
    func value(_ key: String) -> FieldValue? {
        fields.last { $0.name == key }?.value
    }

    func error(at value: FieldValue, _ message: String, hint: String? = nil) {
        let (line, column) = position(of: value)
        log.add(.error(file, line: line, column: column, message, hint: hint))
    }

    func warning(at value: FieldValue, _ message: String, hint: String? = nil) {
        let (line, column) = position(of: value)
        log.add(.warning(file, line: line, column: column, message, hint: hint))
    }

    /// A single value as text; an error when the field holds a list or mapping.
    func string(_ key: String) -> String? {
        guard let value = value(key), !value.isNull else { return nil }
        guard let text = value.text else {
            error(at: value, "'\(key)' must be a single value, not \(value.kindName)",
                  hint: "write it on one line, such as '\(key): value'; quote it if it starts with '[', '{' or '-'")
            return nil
        }
        return text
    }

    /// A field that must be present and not blank.
    func requiredString(_ key: String, at whole: FieldValue?, hint: String) -> String? {
        guard let text = string(key) else {
            if value(key) == nil {
                let (line, column) = whole.map(position(of:)) ?? (lineOffset + 1, 1)
                log.add(.error(file, line: line, column: column, "missing '\(key)'", hint: hint))
            } else if let value = value(key), value.text != nil {
                let written = value.text!
                error(at: value, written.isEmpty ? "'\(key)' is empty" : "'\(key)' is empty: YAML reads '\(written)' as no value",
                      hint: written.isEmpty ? hint : hint + "; to use the text '\(written)' itself, quote it: \(key): \"\(written)\"")
            }
            return nil
        }
        if text.allSatisfy(\.isWhitespace) {
            error(at: value(key)!, "'\(key)' is empty", hint: hint)
            return nil
        }
        return text
    }

    /// One value or a list of values, each with where it is written, for error positions.
    func stringList(_ key: String) -> [(text: String, value: FieldValue)]? {
        guard let value = value(key) else { return nil }
        if let list = value.list {
            var items: [(String, FieldValue)] = []
            for item in list {
                guard let text = item.text else {
                    error(at: item, "each entry of '\(key)' must be a single value",
                          hint: "write '\(key): [first, second]' or one '- value' a line")
                    continue
                }
                items.append((text, item))
            }
            return items
        }
        if let text = value.text {
            return value.isNull || text.isEmpty ? [] : [(text, value)]
        }
        error(at: value, "'\(key)' must be a value or a list of values, not a mapping",
              hint: "write '\(key): value' or '\(key): [first, second]'")
        return nil
    }

    /// An address a page will link to: relative, or `https:`, `http:` or `mailto:` (see `LinkScheme`).
    func link(_ key: String) -> String? {
        guard let text = string(key) else { return nil }
        if let refused = LinkScheme.problem(with: text) {
            error(at: value(key)!, "'\(key)': \(refused)", hint: LinkScheme.hint)
            return nil
        }
        return text
    }

    func int(_ key: String) -> Int? {
        guard let value = value(key), let text = string(key) else { return nil }
        // Most numbers need no trimming, which goes through Foundation's character sets.
        guard let number = Int(text) ?? Int(text.trimmingCharacters(in: .whitespaces)) else {
            error(at: value, "'\(key)' must be a whole number, not '\(text)'", hint: "for example \(key): 3")
            return nil
        }
        return number
    }

    func bool(_ key: String) -> Bool? {
        guard let value = value(key), let text = string(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(at: value, "'\(key)' must be true or false, not '\(text)'", hint: "write \(key): true or \(key): false")
            return nil
        }
    }

    func date(_ key: String) -> CalendarDate? {
        guard let value = value(key), let text = string(key) else { return nil }
        guard let date = CalendarDate(iso: text) else {
            let shaped = text.split(separator: "-", omittingEmptySubsequences: false).map(\.count) == [4, 2, 2]
                && text.allSatisfy { $0 == "-" || $0.isASCII && $0.isNumber }
            error(at: value, shaped ? "'\(key)' is not a day of the calendar: '\(text)'" : "'\(key)' must be a date written YYYY-MM-DD, not '\(text)'",
                  hint: shaped ? "check the month (01 to 12) and the day of the month" : "for example \(key): 2011-03-08")
            return nil
        }
        return date
    }

    /// The mapping under `key`; nil when absent or null (`consultation: ~` is no consultation).
    func nested(_ key: String) -> FieldReader? {
        guard let value = value(key), !value.isNull else { return nil }
        return FieldReader(value, file: file, lineOffset: lineOffset, log: log, what: "'\(key)'")
    }

    /// Warns about every field not in `known`, suggesting the nearest known one.
    func warnUnknownFields(known: [String], what: String) {
        for field in fields {
            guard let name = field.key.text, !known.contains(name) else { continue }
            warning(at: field.key, "unknown field '\(name)' in \(what)\(didYouMean(name, known))",
                    hint: "known fields: \(known.joined(separator: ", "))")
        }
    }
}
