/// A struct that declares `TemplateFields` and the names of its stored properties, in order.
struct ViewDeclaration: Equatable {
    struct Field: Equatable {
        /// As written, backquotes kept: `title`, `` `default` ``.
        var name: String
        /// Where it is declared, which the compiler names should its type be one templates cannot show.
        var line: Int
        var column: Int
    }

    /// As written in an extension: `SidebarView`, or `Outer.Inner` for a nested struct.
    var name: String
    /// `public`, `package` or nil (internal): the generated lookup has the struct's own access.
    var access: String?
    var fields: [Field]
    var file: String
    var line: Int
}

/// Finds the views in one Swift file by reading its declarations: type declarations and the
/// members of views, nothing inside a function or a property's body. Anything in a view it cannot
/// read with certainty is a `SourceProblem` at its place, so that a field is never silently lost.
struct ViewScanner {
    private let tokens: [Token]
    private let file: String
    private var index = 0
    private(set) var views: [ViewDeclaration] = []

    static let protocolName = "TemplateFields"

    /// Words that start a declaration, or a modifier before one: a line starting with one ends the
    /// declaration before it (a property's type or initial value runs on until then).
    static let declarationWords: Set<String> = [
        "var", "let", "func", "init", "deinit", "subscript", "struct", "class", "enum", "actor", "protocol", "extension",
        "typealias", "associatedtype", "case", "import", "operator", "precedencegroup", "macro",
        "public", "private", "fileprivate", "internal", "package", "open", "static", "final", "lazy", "weak", "unowned",
        "mutating", "nonmutating", "override", "required", "convenience", "dynamic", "nonisolated", "indirect", "optional",
        "isolated", "distributed", "prefix", "postfix", "infix", "consuming", "borrowing", "__consuming",
    ]

    private static let modifiers: Set<String> = [
        "public", "private", "fileprivate", "internal", "package", "open", "static", "class", "final", "lazy", "weak",
        "unowned", "mutating", "nonmutating", "override", "required", "convenience", "dynamic", "nonisolated", "indirect",
        "optional", "distributed", "prefix", "postfix", "infix", "consuming", "borrowing", "__consuming",
    ]

    private static let typeKeywords: Set<String> = ["struct", "class", "enum", "actor", "protocol", "extension"]

    init(text: String, file: String) throws(SourceProblem) {
        tokens = try SwiftTokenizer.tokens(of: text, file: file)
        self.file = file
    }

    /// The views declared in `text`, read from `file`.
    static func views(in text: String, file: String) throws(SourceProblem) -> [ViewDeclaration] {
        var scanner = try ViewScanner(text: text, file: file)
        try scanner.scanScope(typePath: [], view: nil)
        return scanner.views
    }

    // MARK: tokens

    private var current: Token? { index < tokens.count ? tokens[index] : nil }

    private func isPunctuation(_ text: String, _ token: Token?) -> Bool {
        token.map { $0.kind == .punctuation && $0.text == text } ?? false
    }

    private func problem(_ message: String, hint: String, at token: Token?) -> SourceProblem {
        let place = token ?? tokens.last
        return SourceProblem(file: file, line: place?.line ?? 1, column: place?.column ?? 1, message: message, hint: hint)
    }

    /// From an opening `{`, `(` or `[` to past its closing one.
    private mutating func skipGroup() throws(SourceProblem) {
        let opening = tokens[index]
        var depth = 0
        while let token = current {
            index += 1
            guard token.kind == .punctuation else { continue }
            switch token.text {
            case "{", "(", "[": depth += 1
            case "}", ")", "]":
                depth -= 1
                if depth == 0 { return }
            default: break
            }
        }
        throw problem("this '\(opening.text)' is not closed", hint: "the file does not compile as it is", at: opening)
    }

    /// Whether `class` at `index` modifies a member (`class func`) rather than starting a class.
    private var classIsModifier: Bool {
        index + 1 < tokens.count && tokens[index + 1].kind == .word && Self.declarationWords.contains(tokens[index + 1].text)
            && !Self.typeKeywords.contains(tokens[index + 1].text)
    }

    /// Whether the token at `index` starts another declaration, or closes the scope.
    private func endsDeclaration(_ token: Token) -> Bool {
        if isPunctuation("}", token) || isPunctuation(";", token) { return true }
        guard token.startsLine else { return false }
        switch token.kind {
        case .attribute, .directive: return true
        case .word: return Self.declarationWords.contains(token.text)
        default: return false
        }
    }

    /// Skips tokens up to the end of the declaration: balanced groups whole, up to `;`, the scope's
    /// `}`, or a line starting with a declaration word.
    private mutating func skipToEndOfDeclaration() throws(SourceProblem) {
        while let token = current {
            if index > 0, endsDeclaration(token) { return }
            if token.kind == .punctuation, ["{", "(", "["].contains(token.text) { try skipGroup() } else { index += 1 }
        }
    }

    /// Skips a function, initialiser or subscript after its keyword: its signature, then its body
    /// (none in a protocol), so that whatever follows the body is read as a declaration of its own.
    private mutating func skipFunction() throws(SourceProblem) {
        while let token = current {
            if endsDeclaration(token) { return }
            if isPunctuation("{", token) {
                try skipGroup()
                return
            }
            if token.kind == .punctuation, ["(", "["].contains(token.text) { try skipGroup() } else { index += 1 }
        }
    }

    // MARK: declarations

    /// Reads declarations up to the `}` that closes the scope (left unread) or the end of the file.
    /// `view` collects the stored properties of the view whose body this is.
    private mutating func scanScope(typePath: [String], view: ViewDeclaration?) throws(SourceProblem) {
        var view = view
        defer { if let view { views.append(view) } }
        while let token = current {
            if isPunctuation("}", token) { return }
            if isPunctuation(";", token) {
                index += 1
                continue
            }
            let start = token
            var modifiers: [String] = []
            // Attributes and modifiers, `private(set)` and `@available(…)` with their parentheses.
            while let next = current {
                if next.kind == .attribute {
                    index += 1
                    if let open = current, isPunctuation("(", open), !open.spaceBefore { try skipGroup() }
                } else if next.kind == .word, Self.modifiers.contains(next.text), next.text != "class" || classIsModifier {
                    index += 1
                    if let open = current, isPunctuation("(", open) {
                        let setOnly = index + 2 < tokens.count && tokens[index + 1].text == "set" && isPunctuation(")", tokens[index + 2])
                        try skipGroup()
                        modifiers.append(setOnly ? next.text + "(set)" : next.text)
                    } else {
                        modifiers.append(next.text)
                    }
                } else {
                    break
                }
            }
            guard let keyword = current else {
                throw problem("a declaration ends before its name", hint: "the file does not compile as it is", at: start)
            }
            switch (keyword.kind, keyword.text) {
            case (.word, "struct"), (.word, "class"), (.word, "enum"), (.word, "actor"), (.word, "protocol"), (.word, "extension"):
                try scanType(keyword: keyword, modifiers: modifiers, typePath: typePath)
            case (.word, "var"), (.word, "let"):
                index += 1
                let names = try scanBindings(of: keyword, startingAt: start, modifiers: modifiers, view: view)
                view?.fields += names
            case (.word, "func") where view != nil:
                index += 1
                if let name = current, name.text == "field" {
                    throw problem("\(view!.name) declares field(_:) itself, where its lookup is generated from its stored properties",
                                  hint: "remove it: every stored property is a template field", at: keyword)
                }
                try skipFunction()
            case (.directive, "#if"), (.directive, "#elseif"), (.directive, "#else"), (.directive, "#endif"):
                if let view {
                    throw problem("\(view.name) has conditional compilation among its members",
                                  hint: "keep a view's stored properties outside #if: its lookup is generated from them", at: keyword)
                }
                // The condition runs to the end of its line.
                index += 1
                while let next = current, !next.startsLine { index += 1 }
            default:
                if let view, keyword.kind != .word || !["func", "init", "deinit", "subscript", "typealias"].contains(keyword.text) {
                    throw problem("cannot read this member of \(view.name)",
                                  hint: "a view holds stored properties ('var name: Type'), and may have functions and computed properties",
                                  at: keyword)
                }
                // Functions, initialisers, statements at the top of a file: skipped whole.
                index += 1
                if keyword.kind == .word, ["func", "init", "deinit", "subscript"].contains(keyword.text) {
                    try skipFunction()
                } else {
                    try skipToEndOfDeclaration()
                }
            }
        }
    }

    /// `struct Name: Protocols { … }` and the like, from its keyword to past its body.
    private mutating func scanType(keyword: Token, modifiers: [String], typePath: [String]) throws(SourceProblem) {
        index += 1
        if keyword.text == "extension", let sugar = current, isPunctuation("[", sugar) || isPunctuation("(", sugar) {
            // `extension [Diagnostic]`: an array, dictionary or tuple, which no view is.
            try skipGroup()
            while let token = current, !isPunctuation("{", token) { index += 1 }
            guard current != nil else { throw problem("this extension has no body", hint: "the file does not compile as it is", at: keyword) }
            try skipGroup()
            return
        }
        guard let nameToken = current, nameToken.kind == .word else {
            throw problem("\(keyword.text == "enum" || keyword.text == "extension" || keyword.text == "actor" ? "an" : "a") \(keyword.text) without a name",
                          hint: "the file does not compile as it is", at: current ?? keyword)
        }
        index += 1
        var name = nameToken.name
        // An extension's type may be qualified: `extension Outer.Inner`.
        while keyword.text == "extension", let dot = current, dot.kind == .operator, dot.text == ".",
              index + 1 < tokens.count, tokens[index + 1].kind == .word {
            name += "." + tokens[index + 1].name
            index += 2
        }
        // The header, up to the body: generic parameters, inherited types, a where clause.
        enum Part { case generics, inheritance, requirements }
        var part = Part.generics
        var generic = false
        var inherited: [Token] = []
        while let token = current, !isPunctuation("{", token) {
            if part == .generics, token.kind == .operator, token.text.hasPrefix("<") { generic = true }
            if part == .generics, isPunctuation(":", token) { part = .inheritance }
            if token.kind == .word, token.text == "where" { part = .requirements }
            if part == .inheritance, token.kind == .word { inherited.append(token) }
            if token.kind == .punctuation, ["(", "["].contains(token.text) { try skipGroup() } else { index += 1 }
        }
        guard current != nil else {
            throw problem("\(keyword.text) \(name) has no body", hint: "the file does not compile as it is", at: keyword)
        }
        let conformance = inherited.first { $0.name == Self.protocolName }
        let qualified = typePath + [name]
        var view: ViewDeclaration?
        if let conformance {
            switch keyword.text {
            case "struct":
                if generic {
                    throw problem("\(name) is generic, and its lookup is generated for one type",
                                  hint: "make the view a plain struct: its fields' types known", at: nameToken)
                }
                if modifiers.contains("private") || modifiers.contains("fileprivate") {
                    throw problem("\(name) is \(modifiers.contains("private") ? "private" : "fileprivate"), and its lookup is generated in another file",
                                  hint: "make it internal", at: keyword)
                }
                let access = modifiers.first { ["public", "package", "open"].contains($0) }
                view = ViewDeclaration(name: qualified.joined(separator: "."), access: access == "open" ? "public" : access, fields: [],
                                       file: file, line: nameToken.line)
            case "extension":
                throw problem("\(name) takes on \(Self.protocolName) in an extension, where its stored properties cannot be read",
                              hint: "declare it on the struct itself: 'struct \(name): \(Self.protocolName)'", at: conformance)
            case "protocol":
                break
            default:
                throw problem("\(name) is a\(keyword.text == "enum" || keyword.text == "actor" ? "n" : "") \(keyword.text); only a struct's lookup can be generated",
                              hint: "make the view a struct of stored properties", at: keyword)
            }
        }
        index += 1 // the body's {
        if keyword.text == "protocol" {
            index -= 1
            try skipGroup()
            return
        }
        // A nested type's members are its own, never its parent view's.
        try scanScope(typePath: keyword.text == "extension" ? [name] : qualified, view: view)
        guard let close = current, isPunctuation("}", close) else {
            throw problem("\(keyword.text) \(name) is not closed", hint: "the file does not compile as it is", at: keyword)
        }
        index += 1
    }

    /// The names a `var` or `let` declares (after its keyword), when they are stored properties of
    /// a view: `var a: Int`, `let a, b: Int`, `var a = 1, b = "x"`, `var a: Int { didSet { … } }`.
    /// Computed properties and static ones give none.
    private mutating func scanBindings(of keyword: Token, startingAt start: Token, modifiers: [String],
                                       view: ViewDeclaration?) throws(SourceProblem) -> [ViewDeclaration.Field] {
        var names: [String] = []
        var stored: [ViewDeclaration.Field] = []
        // Names waiting for a type: in `let a, b: Int`, `a` takes the type written after `b`.
        var untyped: [Token] = []
        while true {
            guard let nameToken = current else {
                throw problem("'\(keyword.text)' without a name", hint: "the file does not compile as it is", at: keyword)
            }
            guard nameToken.kind == .word else {
                if let view {
                    throw problem("cannot read the name declared here in \(view.name)",
                                  hint: "declare each field by name ('var a: Int', 'let a, b: Int'); patterns such as tuples cannot be read",
                                  at: nameToken)
                }
                try skipToEndOfDeclaration()
                return []
            }
            index += 1
            names.append(nameToken.text)
            var computed = false
            var typed = false
            var initialised = false
            // The type annotation.
            if let colon = current, isPunctuation(":", colon) {
                index += 1
                typed = true
                try skipType()
            }
            // The initial value.
            if let equals = current, equals.kind == .operator, equals.text == "=" {
                index += 1
                initialised = true
                try skipExpression()
            }
            // Accessors: observers keep the property stored, anything else computes it.
            if let open = current, isPunctuation("{", open) {
                let first = index + 1 < tokens.count ? tokens[index + 1] : nil
                let observed = first.map { $0.kind == .word && ["willSet", "didSet"].contains($0.text) } ?? false
                if !observed {
                    if initialised, view != nil {
                        throw problem("cannot tell whether \(nameToken.name) in \(view!.name) is stored: a brace follows its initial value",
                                      hint: "put the value's closure in parentheses, or declare the property on one line", at: open)
                    }
                    computed = true
                }
                try skipGroup()
            }
            if !typed, !initialised, !computed { untyped.append(nameToken) } else if typed { untyped = [] }
            if !computed { stored.append(ViewDeclaration.Field(name: nameToken.text, line: nameToken.line, column: nameToken.column)) }
            if let comma = current, isPunctuation(",", comma) {
                index += 1
                continue
            }
            break
        }
        if let view, let name = untyped.first {
            throw problem("cannot read the type of \(name.name) in \(view.name)",
                          hint: "give a stored property a type ('var \(name.name): String') or an initial value", at: name)
        }
        if let after = current, !endsDeclaration(after) {
            if let view {
                throw problem("cannot read the declaration of \(names.joined(separator: ", ")) in \(view.name) past here",
                              hint: "a view's stored property reads 'var name: Type' or 'var name = value', with accessors in braces",
                              at: after)
            }
            try skipToEndOfDeclaration()
        }
        guard let view, !modifiers.contains("static"), !modifiers.contains("class") else { return [] }
        let storedNames = stored.map(\.name)
        if modifiers.contains("lazy"), !storedNames.isEmpty {
            throw problem("\(storedNames.joined(separator: ", ")) in \(view.name) is lazy, which a template cannot read without changing the view",
                          hint: "compute it when the view is made, or make it a computed property", at: start)
        }
        if let hidden = modifiers.first(where: { $0 == "private" || $0 == "fileprivate" }), !storedNames.isEmpty {
            throw problem("\(storedNames.joined(separator: ", ")) in \(view.name) is \(hidden), and the lookup that templates use is generated in another file",
                          hint: "make it internal; 'private(set)' is fine", at: start)
        }
        return stored
    }

    /// A type annotation: up to `=`, `,`, `{`, or the end of the declaration; commas inside `<…>`,
    /// `(…)` and `[…]` belong to the type.
    private mutating func skipType() throws(SourceProblem) {
        var angles = 0
        var any = false
        while let token = current {
            if any, angles == 0, endsDeclaration(token) { return }
            switch token.kind {
            case .punctuation:
                switch token.text {
                case "(", "[":
                    try skipGroup()
                    any = true
                    continue
                case ",", ":":
                    if angles == 0 { return }
                default:
                    return // `{`, or a closing one
                }
            case .operator where token.text != "->":
                if angles == 0, token.text == "=" { return }
                for character in token.text {
                    if character == "<" { angles += 1 }
                    if character == ">" { angles -= 1 }
                }
            default:
                break
            }
            index += 1
            any = true
        }
    }

    /// An initial value: up to a `,` outside any group, or the end of the declaration. Closures and
    /// trailing closures are skipped whole (a `{` after the value is read as the accessors only when
    /// it starts with `willSet` or `didSet`).
    private mutating func skipExpression() throws(SourceProblem) {
        var any = false
        while let token = current {
            if any, endsDeclaration(token) { return }
            if token.kind == .punctuation {
                switch token.text {
                case ",", ")", "]", "}", ";": return
                case "{":
                    let first = index + 1 < tokens.count ? tokens[index + 1] : nil
                    if any, let first, first.kind == .word, ["willSet", "didSet"].contains(first.text) { return }
                    try skipGroup()
                    any = true
                    continue
                case "(", "[":
                    try skipGroup()
                    any = true
                    continue
                default: break
                }
            }
            index += 1
            any = true
        }
    }
}
