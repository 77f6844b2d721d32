import Foundation

// Why a build-tool plugin and not a swift-syntax macro (`@TemplateFields struct LinkView { … }`):
// a macro needs swift-syntax, which the build then compiles from source, for the host, before
// anything of ours. Measured on this machine (2 cores; a scratch package with one trivial macro
// against the same package without it, swift-syntax 603.0.1, Swift 6.3.1): see
// docs/guide/code.md, "How a field reaches templates", for the figures. This generator is ~500 lines
// without dependencies, compiles in seconds, and reads every RoutemapKit source in milliseconds.
// What it gives up: it reads declarations with a tokenizer rather than Swift's own parser, so it
// reads only what views are (structs of stored properties) and stops the build, at the place,
// on anything in a view it cannot read with certainty.

/// `TemplateFieldsGenerator OUTPUT SOURCE...`: writes to OUTPUT the `field(_:)` lookup of every
/// struct in the SOURCE files that declares `TemplateFields`. A problem stops the build with its
/// file:line:column; OUTPUT is rewritten only when its text changes, so an unrelated edit does
/// not recompile it.
@main
struct GenerateTemplateFields {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 1 else {
            FileHandle.standardError.write(Data("usage: TemplateFieldsGenerator OUTPUT SOURCE...\n".utf8))
            exit(2)
        }
        do {
            let source = try generate(sources: arguments.dropFirst().map { path in
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw SourceProblem(file: path, line: 1, column: 1, message: "cannot read this file", hint: "check that it exists")
                }
                return (path, String(decoding: data, as: UTF8.self))
            })
            let output = arguments[0]
            if FileManager.default.contents(atPath: output) != Data(source.utf8) {
                try Data(source.utf8).write(to: URL(fileURLWithPath: output))
            }
        } catch let problem as SourceProblem {
            FileHandle.standardError.write(Data((problem.description + "\n").utf8))
            exit(1)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(1)
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
