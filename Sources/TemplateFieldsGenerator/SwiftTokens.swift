/// A Swift source file cut into the tokens the view scanner needs: names, keywords, punctuation and
/// operators, each with where it starts. Comments are dropped and a string literal (interpolations,
/// multi-line and raw strings included) becomes one token, so that braces inside either never count.
struct Token: Equatable {
    enum Kind: Equatable {
        /// A name or keyword; a backquoted name keeps its backquotes in `text`.
        case word
        /// `@name`: an attribute.
        case attribute
        /// `#name`: a compiler directive or macro (`#if`, `#warning`).
        case directive
        case string
        case number
        /// One of `{ } ( ) [ ] , : ;`.
        case punctuation
        /// A run of operator characters, `=` and `->` among them.
        case `operator`
    }

    var kind: Kind
    var text: String
    var line: Int
    var column: Int
    /// Whether a line break separates it from the token before: a declaration may end there.
    var startsLine: Bool
    /// Whether space or a comment separates it from the token before (`@attribute(…)` against `@attribute (x)`).
    var spaceBefore: Bool

    /// The name without backquotes.
    var name: String {
        text.hasPrefix("`") && text.hasSuffix("`") && text.count >= 2 ? String(text.dropFirst().dropLast()) : text
    }
}

/// Where a problem is, and what it is; `description` reads as the compiler's own messages do, so a
/// build log and an editor show it at its place.
struct SourceProblem: Error, Equatable, CustomStringConvertible {
    var file: String
    var line: Int
    var column: Int
    var message: String
    var hint: String

    var description: String { "\(file):\(line):\(column): error: \(message)\n    hint: \(hint)" }
}

struct SwiftTokenizer {
    private let bytes: [UInt8]
    private let file: String
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var sawNewline = true
    private var sawSpace = true

    init(_ text: String, file: String) {
        bytes = Array(text.utf8)
        self.file = file
    }

    /// Every token of the file, in order.
    static func tokens(of text: String, file: String) throws(SourceProblem) -> [Token] {
        var tokenizer = SwiftTokenizer(text, file: file)
        var tokens: [Token] = []
        while let token = try tokenizer.next() { tokens.append(token) }
        return tokens
    }

    private var column: Int { index - lineStart + 1 }

    private func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func advance() {
        if bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        index += 1
    }

    private func problem(_ message: String, hint: String, line: Int, column: Int) -> SourceProblem {
        SourceProblem(file: file, line: line, column: column, message: message, hint: hint)
    }

    mutating func next() throws(SourceProblem) -> Token? {
        try skipSpaceAndComments()
        guard let byte = peek() else { return nil }
        let (startLine, startColumn, start) = (line, column, index)
        let startsLine = sawNewline, spaceBefore = sawSpace
        sawNewline = false
        sawSpace = false
        func token(_ kind: Token.Kind) -> Token {
            Token(kind: kind, text: String(decoding: bytes[start..<index], as: UTF8.self), line: startLine, column: startColumn,
                  startsLine: startsLine, spaceBefore: spaceBefore)
        }

        switch byte {
        case UInt8(ascii: "\""):
            try skipString(hashes: 0)
            return token(.string)
        case UInt8(ascii: "#"):
            var hashes = 0
            while peek(hashes) == UInt8(ascii: "#") { hashes += 1 }
            if peek(hashes) == UInt8(ascii: "\"") {
                for _ in 0..<hashes { advance() }
                try skipString(hashes: hashes)
                return token(.string)
            }
            advance()
            while let next = peek(), isIdentifierByte(next) { advance() }
            return token(.directive)
        case UInt8(ascii: "@"):
            advance()
            while let next = peek(), isIdentifierByte(next) { advance() }
            return token(.attribute)
        case UInt8(ascii: "`"):
            advance()
            while let next = peek(), next != UInt8(ascii: "`"), next != UInt8(ascii: "\n") { advance() }
            guard peek() == UInt8(ascii: "`") else {
                throw problem("a backquoted name is not closed", hint: "close it with `", line: startLine, column: startColumn)
            }
            advance()
            return token(.word)
        case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"):
            advance()
            return token(.punctuation)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            while let next = peek(), isIdentifierByte(next) || next == UInt8(ascii: ".") && peek(1).map(isDigit) == true { advance() }
            return token(.number)
        default:
            if isIdentifierByte(byte) {
                while let next = peek(), isIdentifierByte(next) { advance() }
                return token(.word)
            }
            if isOperatorByte(byte) {
                // `.` starts an operator only when followed by another; `a.b` is a name, a dot and a name.
                if byte == UInt8(ascii: ".") {
                    advance()
                    while peek() == UInt8(ascii: ".") { advance() }
                } else {
                    while let next = peek(), isOperatorByte(next), next != UInt8(ascii: "."),
                          !(next == UInt8(ascii: "/") && (peek(1) == UInt8(ascii: "/") || peek(1) == UInt8(ascii: "*"))) { advance() }
                }
                return token(.operator)
            }
            // Anything else (a non-ASCII character outside a name, a backslash) stands alone.
            advance()
            while let next = peek(), next & 0xC0 == 0x80 { advance() }
            return token(.operator)
        }
    }

    private mutating func skipSpaceAndComments() throws(SourceProblem) {
        while let byte = peek() {
            if byte == UInt8(ascii: "\n") {
                sawNewline = true
                sawSpace = true
                advance()
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                sawSpace = true
                advance()
            } else if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") {
                while let next = peek(), next != UInt8(ascii: "\n") { advance() }
                sawSpace = true
            } else if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                try skipBlockComment()
                sawSpace = true
            } else {
                return
            }
        }
    }

    /// `/* … */`, which may hold others.
    private mutating func skipBlockComment() throws(SourceProblem) {
        let (startLine, startColumn) = (line, column)
        var depth = 0
        repeat {
            guard let byte = peek() else {
                throw problem("a comment is not closed", hint: "close it with */", line: startLine, column: startColumn)
            }
            if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                depth += 1
                advance()
            } else if byte == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                depth -= 1
                advance()
            }
            advance()
        } while depth > 0
    }

    /// A string literal from its opening quote (after any `#`s): `"…"`, `"""…"""`, `#"…"#`, with
    /// `\(…)` interpolations, which may hold strings, comments and parentheses of their own.
    private mutating func skipString(hashes: Int) throws(SourceProblem) {
        let (startLine, startColumn) = (line, column)
        let multiline = peek(1) == UInt8(ascii: "\"") && peek(2) == UInt8(ascii: "\"")
        for _ in 0..<(multiline ? 3 : 1) { advance() }
        let quotes = multiline ? 3 : 1
        while let byte = peek() {
            if byte == UInt8(ascii: "\n"), !multiline { break }
            if byte == UInt8(ascii: "\\"), (0..<hashes).allSatisfy({ peek(1 + $0) == UInt8(ascii: "#") }) {
                for _ in 0...hashes { advance() }
                if peek() == UInt8(ascii: "(") {
                    try skipInterpolation()
                } else if peek() != nil {
                    advance()
                }
                continue
            }
            if byte == UInt8(ascii: "\""), (0..<quotes).allSatisfy({ peek($0) == UInt8(ascii: "\"") }),
               (0..<hashes).allSatisfy({ peek(quotes + $0) == UInt8(ascii: "#") }) {
                for _ in 0..<(quotes + hashes) { advance() }
                return
            }
            advance()
        }
        throw problem("a string is not closed", hint: "close it with \(String(repeating: "\"", count: quotes) + String(repeating: "#", count: hashes))",
                      line: startLine, column: startColumn)
    }

    /// From the `(` of `\(` to its `)`.
    private mutating func skipInterpolation() throws(SourceProblem) {
        let (newline, space) = (sawNewline, sawSpace)
        defer { (sawNewline, sawSpace) = (newline, space) }
        var depth = 0
        while peek() != nil {
            try skipSpaceAndComments()
            guard let byte = peek() else { break }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "#") {
                // A nested string; `#` alone (`#line`) is read as a token and dropped.
                _ = try next()
                continue
            }
            advance()
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return }
            }
        }
    }
}

private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

private func isIdentifierByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
         UInt8(ascii: "_"), UInt8(ascii: "$"): true
    default: byte >= 0x80 // names may hold any letter; operators outside ASCII are rare enough to read as names
    }
}

private func isOperatorByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "="), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "/"),
         UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "^"),
         UInt8(ascii: "~"), UInt8(ascii: "?"), UInt8(ascii: "."): true
    default: false
    }
}
