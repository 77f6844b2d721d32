import Testing
@testable import RoutemapKit
import Templates

/// Every view's `field(_:)` is generated at build time from its stored properties
/// (Plugins/TemplateFieldsPlugin). These tests read every view the fixture sites make, as templates
/// read them, and compare each field's answer with what Mirror sees in the view: a stored property
/// the layout missed, or a name it made up, fails here. No view is made by hand: the views are
/// those the library makes from the fixtures' content, so a new view is checked once a fixture
/// shows it, and a view no fixture shows fails.
@Suite struct TemplateLookupTests {
    /// The fixture sites built, and on which days: together they show every kind of page (the
    /// launch fixture's consultation at each stage, and in a preview its embargoed edition). With
    /// `pdf`, the pages are laid out as after `--pdf` made each edition's PDF, which they link.
    static let builds: [(fixture: String, day: String, preview: Bool, pdf: Bool)] = [
        ("two-editions", "2011-06-01", false, false), ("editions-compared", "2011-06-01", false, false),
        ("printable", "2011-06-01", false, true), ("long-edition", "2011-06-01", false, false), ("real-world", "2011-06-01", false, false),
        ("launch", "2011-03-07", true, false), ("launch", "2011-03-20", false, false), ("launch", "2011-04-20", false, false),
        ("launch", "2011-05-11", false, false),
    ]

    /// Every view given to a template while building the fixtures, by type, with at most a few of
    /// each kind (kinds told apart by which of their optionals are absent).
    static func madeViews() -> [String: [any TemplateFields]] {
        var found: [String: [any TemplateFields]] = [:]
        var kinds: Set<String> = []
        func visit(_ value: Any) {
            guard let view = value as? any TemplateFields else { return }
            let children = Mirror(reflecting: view).children
            let type = String(describing: Swift.type(of: view))
            let kind = type + children.map { isAbsent($0.value) ? "0" : "1" }.joined()
            if !kinds.contains(kind) || found[type, default: []].count < 3 {
                kinds.insert(kind)
                found[type, default: []].append(view)
            }
            for child in children { visitField(child.value) }
        }
        func visitField(_ value: Any) {
            if value is any TemplateFields { return visit(value) }
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional?:
                mirror.children.first.map { visitField($0.value) }
            case .collection?:
                // Lists of views; a list of anything else (HTML's bytes) is not entered.
                guard let first = mirror.children.first?.value else { return }
                let style = Mirror(reflecting: first).displayStyle
                guard first is any TemplateFields || style == .optional || style == .collection else { return }
                for item in mirror.children { visitField(item.value) }
            default:
                break
            }
        }
        for build in builds {
            let folder = Repository.fixtures + "/" + build.fixture
            var options = BuildOptions(contentDirectory: folder + "/content", outputDirectory: folder + "/unused",
                                       themesDirectory: Repository.themes, buildDate: CalendarDate(iso: build.day)!)
            options.preview = build.preview
            let cache = LayoutCache()
            options.layoutCache = cache
            guard var layout = SiteBuilder.stagesBeforeLayout(options, log: DiagnosticLog()).layout else { continue }
            if build.pdf {
                for edition in layout.site.editions {
                    layout.pdfs[edition.edition.id] = EditionPDF(path: "\(edition.edition.id)/routemap.pdf", byteCount: 412_000)
                }
            }
            // Every page, and the PDFs' source pages (made only with --pdf); the social cards are drawn outside the layout cache.
            let plan = layout.plan(printing: true)
            _ = plan.files()
            for source in plan.pdfSources { _ = source.laidOut?.outputFiles() }
            cache.views.forEach(visit)
            layout.socialCards(logo: nil).forEach { visit($0.view) }
        }
        return found
    }

    /// One test for every view, so that the fixtures are built once.
    @Test func everyViewsLookupAnswersWhatMirrorSees() throws {
        let made = Self.madeViews()
        let missing = Set(GeneratedTemplateFields.viewNames).subtracting(made.keys)
        #expect(missing.isEmpty, "no fixture makes \(missing.sorted()): show it in a fixture (social cards need rsvg-convert: `make test` installs it)")
        #expect(Set(made.keys).isSubset(of: GeneratedTemplateFields.viewNames), "views without a generated lookup")
        #expect(GeneratedTemplateFields.viewNames.count >= 46)
        for (type, views) in made.sorted(by: { $0.key < $1.key }) {
            for view in views {
                let fields = Mirror(reflecting: view).children
                #expect(!fields.isEmpty, "\(type) has no fields")
                for field in fields {
                    let label = try #require(field.label)
                    #expect(describe(view.field(label)) == describe(try mirrored(field.value)), "\(type).\(label)")
                }
                #expect(view.field("noSuchField") == nil, "\(type)")
                #expect(view.field("") == nil, "\(type)")
            }
        }
    }

    /// What the view's stored value is to a template, found through Mirror as the lookups once were.
    private func mirrored(_ value: Any) throws -> TemplateValue {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return .null }
            return try mirrored(wrapped)
        }
        return try #require(value as? TemplateRepresentable, "a \(Swift.type(of: value)) cannot be shown by templates").templateValue
    }

    private func describe(_ value: TemplateValue?) -> String {
        switch value {
        case nil: "missing"
        case .null?: "null"
        case .text(let text)?: "text(\(text))"
        case .bytes(let bytes)?: "bytes(\(String(decoding: bytes, as: UTF8.self)))"
        case .number(let number)?: "number(\(number))"
        case .flag(let flag)?: "flag(\(flag))"
        case .list(let items)?: "list(\(items.map { describe($0) }.joined(separator: ", ")))"
        case .fields(let fields)?: "\(fields.viewType)"
        }
    }
}

private func isAbsent(_ value: Any) -> Bool {
    let mirror = Mirror(reflecting: value)
    return mirror.displayStyle == .optional && mirror.children.isEmpty
}
