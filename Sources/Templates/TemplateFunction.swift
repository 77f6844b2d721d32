import Foundation

/// The functions a template can apply to a name, as swift-mustache names them: `{{^empty(themes)}}`.
/// A function that does not fit its value (`count` of a text) gives nothing, and the section is skipped.
enum TemplateFunction: String, CaseIterable, Sendable {
    case empty, count, first, last, reversed
    case uppercased, lowercased, capitalized
    case plusone, minusone, equalzero, odd, even

    func apply(_ value: TemplateValue) -> TemplateValue? {
        if case .bytes(let bytes) = value { return apply(.text(String(decoding: bytes, as: UTF8.self))) }
        return switch (self, value) {
        case (.empty, .list(let items)): .flag(items.isEmpty)
        case (.empty, .text(let text)): .flag(text.isEmpty)
        case (.count, .list(let items)): .number(items.count)
        case (.first, .list(let items)): items.first
        case (.last, .list(let items)): items.last
        case (.reversed, .list(let items)): .list(TemplateList(Array(items.reversed())))
        case (.reversed, .text(let text)): .text(String(text.reversed()))
        case (.uppercased, .text(let text)): .text(text.uppercased())
        case (.lowercased, .text(let text)): .text(text.lowercased())
        case (.capitalized, .text(let text)): .text(text.capitalized)
        case (.plusone, .number(let number)): .number(number + 1)
        case (.minusone, .number(let number)): .number(number - 1)
        case (.equalzero, .number(let number)): .flag(number == 0)
        case (.odd, .number(let number)): .flag(number % 2 != 0)
        case (.even, .number(let number)): .flag(number % 2 == 0)
        default: nil
        }
    }
}
