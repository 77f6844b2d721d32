/// The anchor for a heading's text: lower-case letters and digits kept, every run of anything
/// else becomes one `-`, none at either end. "What must change and why" → `what-must-change-and-why`.
public func slug(_ text: String) -> String {
    var result = ""
    var pendingDash = false
    for character in text.lowercased() {
        if character.isLetter || character.isNumber {
            if pendingDash && !result.isEmpty { result.append("-") }
            pendingDash = false
            result.append(character)
        } else {
            pendingDash = true
        }
    }
    return result.isEmpty ? "section" : result
}

/// Hands out ids unique within one page: a second "how" becomes "how-2".
public struct SlugRegistry: Sendable {
    private var used: Set<String>

    public init(reserved: Set<String> = []) {
        used = reserved
    }

    public mutating func claim(_ wanted: String) -> String {
        var candidate = wanted
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(wanted)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}
