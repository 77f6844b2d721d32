/// routemap's own version: shown by `routemap --version`, in every page's generator meta tag and in
/// the PDFs' Creator. Raise it with each release.
public enum RoutemapVersion {
    public static let current = "0.5.0"
    /// "routemap 0.5.0", as the generator meta tag and the PDF's Creator name the tool.
    public static let generatorName = "routemap \(current)"
}
