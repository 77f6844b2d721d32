import Foundation
import Testing
@testable import TemplateFieldsGenerator

/// The generator reads views with a tokenizer, not Swift's parser: these are the declarations it
/// must read right (every stored property, nothing else) and those it must refuse at their place.
@Suite struct ViewScannerTests {
    private func fields(_ source: String) throws -> [String: [String]] {
        let views = try ViewScanner.views(in: source, file: "Views.swift")
        return Dictionary(uniqueKeysWithValues: views.map { ($0.name, $0.fields.map(\.name)) })
    }

    private func problem(_ source: String) -> SourceProblem? {
        do {
            _ = try ViewScanner.views(in: source, file: "Views.swift")
            return nil
        } catch {
            return error
        }
    }

    @Test func readsEveryStoredPropertyInOrder() throws {
        let source = """
        import Templates

        /// A link.
        struct LinkView: TemplateFields, Equatable {
            var title: String
            let url: String?
        }
        """
        #expect(try fields(source) == ["LinkView": ["title", "url"]])
        let view = try #require(try ViewScanner.views(in: source, file: "Views.swift").first)
        #expect(view.line == 4)
        #expect(view.fields == [.init(name: "title", line: 5, column: 9), .init(name: "url", line: 6, column: 9)])
    }

    @Test func bracesInCommentsAndStringsDoNotCount() throws {
        let source = #"""
        struct Tricky: Equatable, TemplateFields {
            // A closing brace in a comment: }
            var a: String = "}" // and { here
            /* a block comment { with /* a nested } one */ still } inside */
            var b = "\(["}"].map { "{\($0)}" }.joined())"
            var c = """
                }
                struct Fake: TemplateFields { var nope: Int }
                """
            var d = #"a raw "}" string"#
            var e: Character = "{"
        }
        struct After: TemplateFields { var f: Int }
        """#
        #expect(try fields(source) == ["Tricky": ["a", "b", "c", "d", "e"], "After": ["f"]])
    }

    @Test func readsTypesOverSeveralLines() throws {
        let source = """
        struct Wide: TemplateFields {
            var counts:
                [String: Int]
            var table: Dictionary<String,
                                  [Int]>
            var pair: (Int,
                       String)
            var nested: Array<Dictionary<String, Int>>?
            var last: Int
        }
        """
        #expect(try fields(source) == ["Wide": ["counts", "table", "pair", "nested", "last"]])
    }

    @Test func readsSeveralNamesInOneDeclaration() throws {
        let source = """
        struct Many: TemplateFields {
            let a, b: Int
            var c = 1, d = "x, y", e: [Int] = [1, 2]
            var f: Int; var g: Bool
        }
        """
        #expect(try fields(source) == ["Many": ["a", "b", "c", "d", "e", "f", "g"]])
    }

    @Test func readsDefaultValuesWithClosures() throws {
        let source = """
        struct Defaults: TemplateFields {
            var generator = Version.name
            var sorted = [3, 1, 2].sorted { $0 < $1 }
            var made: Int = {
                var total = 0
                for n in [1, 2] { total += n }
                return total
            }()
            var chained = "a"
                .uppercased()
            var words = ["a", "b"].map { word in
                word + "}"
            }
        }
        """
        #expect(try fields(source) == ["Defaults": ["generator", "sorted", "made", "chained", "words"]])
    }

    @Test func leavesOutComputedAndStaticProperties() throws {
        let source = """
        struct Mixed: TemplateFields, Equatable {
            static let shared = Mixed(a: 1)
            static var count: Int { 3 }
            var a: Int
            var doubled: Int { a * 2 }
            var both: Int {
                get { a }
                set { a = newValue }
            }
            var onNextLine: String
            {
                "x"
            }
            var observed: Int = 0 {
                didSet { print(oldValue) }
            }
            var watched: Bool { willSet { } }
            private(set) var readable: String
        }
        """
        #expect(try fields(source) == ["Mixed": ["a", "observed", "watched", "readable"]])
    }

    @Test func skipsFunctionsInitialisersAndNestedTypes() throws {
        let source = """
        struct Outer: TemplateFields {
            var a: Int
            init(a: Int) {
                var local = a
                local += 1
                self.a = local
            }
            func describe(separator: String = "}") -> String {
                let inner = "\\(a)"
                return inner
            }
            struct Inner: TemplateFields {
                var b: String
            }
            enum Kind { case one, two
                var label: String { "x" }
            }
            class Box { var c = 0 }
            @available(*, deprecated, message: "}")
            mutating func reset() { a = 0 }
            var z: Bool
        }
        extension Outer {
            struct Later: TemplateFields { var d: [Int] }
            var computed: Int { a }
        }
        """
        #expect(try fields(source) == ["Outer": ["a", "z"], "Outer.Inner": ["b"], "Outer.Later": ["d"]])
    }

    @Test func readsPropertyWrappersAndAttributes() throws {
        let source = """
        struct Wrapped: TemplateFields {
            @Clamped(0...10) var level: Int
            @usableFromInline
            var kept: String
            nonisolated(unsafe) var shared: Int = 0
            var `default`: Bool
        }
        """
        #expect(try fields(source) == ["Wrapped": ["level", "kept", "shared", "`default`"]])
    }

    @Test func leavesOtherTypesAlone() throws {
        let source = """
        struct Plain: Equatable { var x: Int }
        extension [Int] { var total: Int { reduce(0, +) } }
        protocol Shown: TemplateFields { var title: String { get } }
        final class Cache { private var entries: [String: Int] = [:]; lazy var y = 1 }
        enum State { case on, off }
        #if DEBUG
        struct Debug: TemplateFields { var d: Int }
        #endif
        """
        #expect(try fields(source) == ["Debug": ["d"]])
    }

    @Test func keepsTheStructsAccess() throws {
        let views = try ViewScanner.views(in: "public struct Shared: Equatable, TemplateFields { public var a: Int }", file: "V.swift")
        #expect(views.map(\.access) == ["public"])
        #expect(LookupSource.make(views, importing: "Templates").contains("    public func field(_ name: String) -> TemplateValue? {"))
    }

    // MARK: what it refuses, at its place

    @Test func refusesAConformanceInAnExtension() throws {
        let found = try #require(problem("struct A { var x: Int }\n\nextension A: Equatable, TemplateFields {}\n"))
        #expect(found.description.hasPrefix("Views.swift:3:25: error: A takes on TemplateFields in an extension"))
        #expect(found.hint.contains("struct A: TemplateFields"))
    }

    @Test(arguments: [
        ("struct V: TemplateFields {\n    lazy var x = 1\n}", 2, "lazy"),
        ("struct V: TemplateFields {\n    private var x: Int\n}", 2, "private"),
        ("struct V: TemplateFields {\n    var (x, y): (Int, Int)\n}", 2, "cannot read the name"),
        ("struct V: TemplateFields {\n    var x\n}", 2, "cannot read the type of x"),
        ("struct V: TemplateFields {\n    #if DEBUG\n    var x: Int\n    #endif\n}", 2, "conditional compilation"),
        ("struct V: TemplateFields {\n    var x: Int\n    func field(_ name: String) -> TemplateValue? { nil }\n}", 3, "declares field(_:) itself"),
        ("enum V: TemplateFields {\n    case a\n}", 1, "is an enum"),
        ("struct V<T>: TemplateFields {\n    var x: T\n}", 1, "generic"),
        ("private struct V: TemplateFields {\n    var x: Int\n}", 1, "private"),
        ("struct V: TemplateFields {\n    var x: Int = 1 ) \n}", 2, "past here"),
        ("struct V: TemplateFields {\n    subscript(i: Int) -> Int { i }\n    print(1)\n}", 3, "cannot read this member"),
        ("struct V: TemplateFields {\n    var x = \"open\n}", 2, "string is not closed"),
        ("struct V: TemplateFields {\n    var x: Int\n", 1, "not closed"),
    ])
    func refusesWhatItCannotReadWithCertainty(source: String, line: Int, words: String) throws {
        let found = try #require(problem(source), "read without a problem:\n\(source)")
        #expect(found.file == "Views.swift")
        #expect(found.line == line, "\(found)")
        #expect(found.message.contains(words), "\(found)")
        #expect(found.description.hasPrefix("Views.swift:\(line):\(found.column): error: "))
    }

    @Test func refusesTwoViewsOfOneName() throws {
        #expect(throws: SourceProblem.self) {
            try GenerateTemplateFields.generate(sources: [("A.swift", "struct V: TemplateFields { var a: Int }"),
                                                          ("B.swift", "struct V: TemplateFields { var b: Int }")])
        }
    }

    // MARK: what it writes

    @Test func writesOneSwitchPerViewAndTheirNames() throws {
        let source = try GenerateTemplateFields.generate(sources: [("V.swift", """
            struct LinkView: TemplateFields { var title: String; var url: String? }
            struct Empty: TemplateFields {}
            """)])
        #expect(source.hasSuffix("""
            import Templates

            extension Empty {
                func field(_ name: String) -> TemplateValue? {
                    switch name {
                    default: return nil
                    }
                }
            }

            extension LinkView {
                func field(_ name: String) -> TemplateValue? {
                    switch name {
                    case "title":
            #sourceLocation(file: "V.swift", line: 1)
                        return self.title.templateValue
            #sourceLocation()
                    case "url":
            #sourceLocation(file: "V.swift", line: 1)
                        return self.url.templateValue
            #sourceLocation()
                    default: return nil
                    }
                }
            }

            /// The views above by name, for the tests that compare each lookup with the view's stored properties.
            enum GeneratedTemplateFields {
                static let viewNames: [String] = [
                    "Empty",
                    "LinkView",
                ]
            }

            """))
        #expect(LookupSource.literal("a\"b\\") == #""a\"b\\""#)
    }

    /// The command as the plugin runs it: the output written once, left untouched when unchanged,
    /// and a problem reported with its place and a failing status.
    @Test func commandWritesTheOutputOrFailsAtThePlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("template-fields-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let view = folder + "/View.swift", output = folder + "/Out.swift"
        try "struct V: TemplateFields {\n    var a: Int\n}\n".write(toFile: view, atomically: true, encoding: .utf8)

        #expect(GenerateTemplateFields.run([output, view]) == (0, nil))
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("#sourceLocation(file: \"\(view)\", line: 2)\n            return self.a.templateValue\n"))
        let written = try FileManager.default.attributesOfItem(atPath: output)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.05)
        #expect(GenerateTemplateFields.run([output, view]) == (0, nil))
        #expect(try FileManager.default.attributesOfItem(atPath: output)[.modificationDate] as? Date == written)

        try "struct V: TemplateFields {\n    var a: Int\n    lazy var b = 2\n}\n".write(toFile: view, atomically: true, encoding: .utf8)
        let (status, message) = GenerateTemplateFields.run([output, view])
        #expect(status == 1)
        #expect(message?.hasPrefix("\(view):3:5: error: b in V is lazy") == true, "\(message ?? "")")
        #expect(GenerateTemplateFields.run([output, folder + "/Missing.swift"]).status == 1)
        #expect(GenerateTemplateFields.run([]).status == 2)
    }
}
