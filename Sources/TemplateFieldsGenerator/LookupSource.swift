/// The Swift source of every view's `field(_:)`: a switch over its stored properties' names, the
/// fastest lookup there is (as fast as the hand-written switches it replaces, and no reflection).
enum LookupSource {
    static func make(_ views: [ViewDeclaration], importing module: String) -> String {
        var out = """
        // Generated at build time by TemplateFieldsGenerator (Plugins/TemplateFieldsPlugin) from every struct
        // that declares `\(ViewScanner.protocolName)`: each stored property is a field templates can name.
        // Do not edit; add a stored property to the view instead.
        import \(module)

        """
        let sorted = views.sorted { $0.name < $1.name }
        for view in sorted {
            let access = view.access.map { $0 + " " } ?? ""
            out += "\nextension \(view.name) {\n"
            out += "    \(access)func field(_ name: String) -> TemplateValue? {\n"
            out += "        switch name {\n"
            // Each field's access is placed at its declaration, so that a type templates cannot show
            // ("value of type 'Date' has no member 'templateValue'") is reported at the view's own line.
            for field in view.fields {
                let bare = field.name.hasPrefix("`") ? String(field.name.dropFirst().dropLast()) : field.name
                out += "        case \(literal(bare)):\n"
                out += "#sourceLocation(file: \(literal(view.file)), line: \(field.line))\n"
                out += "            return self.\(field.name).templateValue\n"
                out += "#sourceLocation()\n"
            }
            out += "        default: return nil\n"
            out += "        }\n"
            out += "    }\n"
            out += "}\n"
        }
        out += """

        /// The views above by name, for the tests that compare each lookup with the view's stored properties.
        enum GeneratedTemplateFields {
            static let viewNames: [String] = [
        \(sorted.map { "        \(literal($0.name)),\n" }.joined())    ]
        }

        """
        return out
    }

    /// `text` as a Swift string literal.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
