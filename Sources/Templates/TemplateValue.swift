import Foundation

/// A value as a template sees it. Views hand these out through `TemplateFields`, so rendering
/// never has to discover a value's type at run time.
public enum TemplateValue {
    case text(String)
    /// Text held as its UTF-8 bytes, such as a chapter's HTML: written as `.text` would be, without
    /// ever becoming a String.
    case bytes([UInt8])
    case number(Int)
    case flag(Bool)
    case list(TemplateList)
    case fields(TemplateView)
    /// An optional that is absent: a template looks the name up in the enclosing views instead.
    case null
}

/// A view whose fields templates can name: `{{title}}`, `{{#chapters}}…{{/chapters}}`.
///
/// In RoutemapKit a view only declares it (`struct LinkView: TemplateFields, Equatable`): its
/// `field(_:)` is generated at build time from its stored properties (Plugins/TemplateFieldsPlugin).
public protocol TemplateFields: TemplateRepresentable {
    /// The field called `name`, or nil when the view has none by that name.
    func field(_ name: String) -> TemplateValue?
}

/// A view as the renderer holds it: by reference, so that looking names up and entering sections
/// copy a pointer rather than the view (copying views as `any TemplateFields` cost more than
/// finding their fields).
public class TemplateView {
    @usableFromInline init() {}

    /// The view's field called `name`, or nil when it has none by that name.
    public func field(_ name: String) -> TemplateValue? { nil }

    /// The type of the view held, for tests and messages.
    public var viewType: Any.Type { Never.self }
}

@usableFromInline final class HeldView<View: TemplateFields>: TemplateView {
    @usableFromInline let view: View

    @inlinable init(_ view: View) {
        self.view = view
    }

    @usableFromInline override func field(_ name: String) -> TemplateValue? { view.field(name) }
    @usableFromInline override var viewType: Any.Type { View.self }
}

extension TemplateFields {
    @inlinable public var templateValue: TemplateValue { .fields(HeldView(self)) }
}

/// A Swift value that stands for a template value: text, numbers, flags, lists, optionals, views.
public protocol TemplateRepresentable {
    var templateValue: TemplateValue { get }
}

extension String: TemplateRepresentable {
    @inlinable public var templateValue: TemplateValue { .text(self) }
}

extension Int: TemplateRepresentable {
    public var templateValue: TemplateValue { .number(self) }
}

extension Bool: TemplateRepresentable {
    public var templateValue: TemplateValue { .flag(self) }
}

extension Optional: TemplateRepresentable where Wrapped: TemplateRepresentable {
    @inlinable public var templateValue: TemplateValue {
        switch self {
        case .some(let wrapped): wrapped.templateValue
        case .none: .null
        }
    }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    @inlinable public var templateValue: TemplateValue { .list(TemplateList(self)) }
}

extension TemplateValue: TemplateRepresentable {
    public var templateValue: TemplateValue { self }
}

/// A list as templates see it. Its items become template values one at a time, as a section draws
/// them: `{{^empty(chapters)}}` makes nothing, where turning every view of a 2,000-chapter list into
/// a template value at each mention cost more than drawing the page.
public struct TemplateList: RandomAccessCollection {
    public let count: Int
    @usableFromInline let item: (Int) -> TemplateValue

    @inlinable public init<Items: TemplateRepresentable>(_ items: [Items]) {
        count = items.count
        item = { items[$0].templateValue }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public subscript(position: Int) -> TemplateValue { item(position) }
}

/// HTML made already (a chapter's, or another template's output), held as UTF-8 bytes and written
/// into pages as it is, without becoming a String on the way.
public struct HTML: TemplateRepresentable, Equatable, Sendable, ExpressibleByStringLiteral {
    public var utf8: [UInt8]

    public init(utf8: [UInt8]) {
        self.utf8 = utf8
    }

    public init(_ text: String) {
        utf8 = Array(text.utf8)
    }

    public init(stringLiteral text: String) {
        self.init(text)
    }

    public var text: String { String(decoding: utf8, as: UTF8.self) }
    public var templateValue: TemplateValue { .bytes(utf8) }
}
