import Foundation

// Why a build-tool plugin and not a swift-syntax macro (`@TemplateFields struct LinkView { … }`):
// a macro needs swift-syntax, which SwiftPM compiles from source, for the host, before anything that
// uses it, in every clean build (CI's among them), and again, optimised, for a release build.
// Measured on this project's machine (2 cores, Swift 6.3.1, 4 December 2026), a clean build of a
// scratch package with one trivial expression macro on swift-syntax 603.0.1, against the same
// package without the macro:
//   debug:   81 s against 3 s (95 s of CPU against 2 s);
//   release: 374 s against 1 s (415 s of CPU).
// This plugin's own cost, measured the same day: the generator (no dependencies) compiles from
// nothing in 7 s (debug) or 8 s (release) and reads all of RoutemapKit's sources (500 KB) in 0.09 s
// (debug build) or 0.01 s (release); a clean `swift build -c release --product routemap` took 77 s
// with it against 74 s before (132 s of CPU both). A macro would have added five minutes to every
// clean release build, which `make test` and CI make. What the plugin gives up is Swift's own
// parser: it reads declarations with a tokenizer, only what views are (structs of stored
// properties), and stops the build at the place, with a hint, on anything in a view it cannot read
// with certainty (ViewScannerTests).

/// `TemplateFieldsGenerator OUTPUT SOURCE...`: writes to OUTPUT the `field(_:)` lookup of every
/// struct in the SOURCE files that declares `TemplateFields`. A problem stops the build with its
/// file:line:column; OUTPUT is rewritten only when its text changes, so that an edit elsewhere
/// leaves it as it was.
@main
struct GenerateTemplateFields {
    static func main() {
        let (status, message) = run(Array(CommandLine.arguments.dropFirst()))
        if let message { FileHandle.standardError.write(Data((message + "\n").utf8)) }
        exit(status)
    }

    /// What `main` does with `arguments`: its exit status, and what it has to say.
    static func run(_ arguments: [String]) -> (status: Int32, message: String?) {
        guard let output = arguments.first else { return (2, "usage: TemplateFieldsGenerator OUTPUT SOURCE...") }
        do {
            var sources: [(path: String, text: String)] = []
            for path in arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw SourceProblem(file: path, line: 1, column: 1, message: "cannot read this file", hint: "check that it exists")
                }
                sources.append((path, String(decoding: data, as: UTF8.self)))
            }
            let source = Data(try generate(sources: sources).utf8)
            if FileManager.default.contents(atPath: output) != source {
                try source.write(to: URL(fileURLWithPath: output))
            }
            return (0, nil)
        } catch let problem as SourceProblem {
            return (1, problem.description)
        } catch {
            return (1, "error: cannot write \(output): \(error)")
        }
    }

    /// The lookups of the views in `sources` (path and text).
    static func generate(sources: [(path: String, text: String)], importing module: String = "Templates") throws(SourceProblem) -> String {
        var views: [ViewDeclaration] = []
        for source in sources {
            views += try ViewScanner.views(in: source.text, file: source.path)
        }
        var seen: [String: ViewDeclaration] = [:]
        for view in views {
            if let other = seen[view.name] {
                throw SourceProblem(file: view.file, line: view.line, column: 1,
                                    message: "\(view.name) is declared twice, here and at \(other.file):\(other.line)",
                                    hint: "give one of them another name")
            }
            seen[view.name] = view
        }
        return LookupSource.make(views, importing: module)
    }
}
