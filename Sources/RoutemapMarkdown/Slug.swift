/// The anchor for a heading's text: lower-case letters and digits kept, every run of anything
/// else becomes one `-`, none at either end. "What must change and why" → `what-must-change-and-why`.
public func slug(_ text: String) -> String {
    asciiSlug(text) ?? characterSlug(text)
}

/// `slug` character by character, for any text.
func characterSlug(_ text: String) -> String {
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

/// `slug` for ASCII text, on bytes (where a letter or number is one of a–z, A–Z, 0–9): walking
/// characters cost more than the rest of collecting a heading. Nil for any other text.
func asciiSlug(_ text: String) -> String? {
    var result: [UInt8] = []
    result.reserveCapacity(text.utf8.count)
    var pendingDash = false
    for byte in text.utf8 {
        guard byte < 0x80 else { return nil }
        let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
        if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lower) {
            if pendingDash && !result.isEmpty { result.append(UInt8(ascii: "-")) }
            pendingDash = false
            result.append(lower)
        } else {
            pendingDash = true
        }
    }
    return result.isEmpty ? "section" : String(decoding: result, as: UTF8.self)
}

/// Hands out ids unique within one page: a second "how" becomes "how-2", a third "how-3" (the
/// first suffix from 2 up that is free).
///
/// Each wanted id remembers the last suffix it tried, so the next "how" starts there instead of
/// at 2: ids are only ever added, so every suffix below it is still taken. Each taken id is thus
/// skipped at most once, and n headings cost time linear in n (20,000 headings "How" made the
/// page wait half a minute when every claim started again at 2).
public struct SlugRegistry: Sendable {
    private var used: Set<String>
    /// The suffix to try next for each wanted id that has needed one.
    private var nextSuffix: [String: Int] = [:]
    /// How many candidates were looked up in `used`, for tests that hold the cost linear.
    public private(set) var lookups = 0

    public init(reserved: Set<String> = []) {
        used = reserved
    }

    public mutating func claim(_ wanted: String) -> String {
        lookups += 1
        guard used.contains(wanted) else {
            used.insert(wanted)
            return wanted
        }
        var counter = nextSuffix[wanted] ?? 2
        var candidate = "\(wanted)-\(counter)"
        lookups += 1
        while used.contains(candidate) {
            counter += 1
            candidate = "\(wanted)-\(counter)"
            lookups += 1
        }
        nextSuffix[wanted] = counter + 1
        used.insert(candidate)
        return candidate
    }
}
