import Foundation
import PackagePlugin

/// Generates, at build time, the `field(_:)` lookup of every struct of the target that declares
/// `TemplateFields`, from its stored properties (TemplateFieldsGenerator): a field added to a view
/// is a field templates can name, with nothing else to write.
@main
struct TemplateFieldsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let sources = target.sourceFiles(withSuffix: "swift").map(\.url).sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("TemplateFields.generated.swift")
        return [
            .buildCommand(
                displayName: "Generating the template fields of \(target.name)'s views",
                executable: try context.tool(named: "TemplateFieldsGenerator").url,
                arguments: [output.path] + sources.map(\.path),
                inputFiles: sources,
                outputFiles: [output]
            ),
        ]
    }
}
