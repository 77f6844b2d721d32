/// One problem found in the content or theme, located precisely enough for an editor to fix it.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Codable {
    public enum Severity: String, Sendable, Codable {
        case error, warning
    }

    public var severity: Severity
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    /// What the editor can do about it.
    public var hint: String?

    public init(_ severity: Severity, file: String, line: Int = 1, column: Int = 1, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    public static func error(_ file: String, line: Int = 1, column: Int = 1, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, file: file, line: line, column: column, message, hint: hint)
    }

    public static func warning(_ file: String, line: Int = 1, column: Int = 1, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, column: column, message, hint: hint)
    }

    /// The same problem as an error, for `--strict`.
    public var asError: Diagnostic { var error = self; error.severity = .error; return error }

    /// `path:line:column: error: message`, then the hint on its own indented line. Each part may
    /// quote content, so its control characters are escaped (`PrintableText`).
    public var description: String {
        var text = "\(PrintableText.escaping(file)):\(line):\(column): \(severity.rawValue): \(PrintableText.escaping(message))"
        if let hint { text += "\n    hint: \(PrintableText.escaping(hint))" }
        return text
    }
}

extension [Diagnostic] {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }

    /// Ordered by file, then position, so a run's report reads top to bottom.
    public func sortedForReport() -> [Diagnostic] {
        sorted { ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message) }
    }

    /// Every problem on its lines, in report order.
    public var reportText: String {
        sortedForReport().map(\.description).joined(separator: "\n")
    }

    /// "2 errors, 1 warning(s)".
    public var counted: String {
        let errors = errors.count
        return "\(errors) error\(errors == 1 ? "" : "s"), \(count - errors) warning(s)"
    }
}
