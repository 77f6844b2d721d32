import Foundation
import RoutemapKit

/// Where `routemap build --preview` writes: a folder of its own, never the one a plain build
/// publishes to, so that an embargoed edition cannot go out with the site by accident.
enum PreviewFolder {
    /// The reason `preview` cannot be used while `output` is the publishing folder; nil when it can.
    static func problem(preview: String, output: String) -> String? {
        if canonical(preview) == canonical(output) || isInside(canonical(preview), canonical(output))
            || isInside(canonical(output), canonical(preview)) {
            return "the preview folder '\(preview)' is (or holds, or lies in) the output folder '\(output)' that a plain build publishes"
                + "\n    hint: write previews elsewhere with --preview-output (default: output-preview)"
        }
        return nil
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
