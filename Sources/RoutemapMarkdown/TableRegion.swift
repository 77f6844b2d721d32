import CCmarkGFM
import HTMLText

extension MarkdownRenderer {
    /// Puts every table in a region that scrolls sideways when the table is wider than the page
    /// (the theme's `.table-region`), so that cells never have to break words to fit. The region is
    /// focusable and labelled, so that keyboard users can scroll it and screen readers name it
    /// (WCAG 2.1.1 and axe's scrollable-region-focusable). Done after paragraph numbering, which
    /// wraps the table itself.
    static func wrapTablesInRegions(_ document: OpaquePointer) {
        var tables: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  nodeTypeName(node) == "table" else { continue }
            tables.append(node)
        }
        cmark_iter_free(iterator)
        for table in tables {
            guard let region = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, arena) else { continue }
            let label = tableLabel(table)
            cmark_node_set_on_enter(region, "<div class=\"table-region\" role=\"region\" aria-label=\"\(escapeAttribute(label))\" tabindex=\"0\">")
            cmark_node_set_on_exit(region, "</div>")
            cmark_node_insert_before(table, region)
            cmark_node_unlink(table)
            cmark_node_append_child(region, table)
        }
    }

    /// "Table: Option, Cost, Risk": the table's column headings name it.
    static func tableLabel(_ table: OpaquePointer) -> String {
        var headings: [String] = []
        if let header = cmark_node_first_child(table) {
            var cell = cmark_node_first_child(header)
            while let current = cell {
                let text = TreeCollector(rewriteLink: { _ in nil }).plainText(of: current)
                    .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
                if !text.isEmpty { headings.append(text) }
                cell = cmark_node_next(current)
            }
        }
        var label = "Table"
        if !headings.isEmpty { label += ": " + headings.joined(separator: ", ") }
        if label.count > 100 { label = String(label.prefix(99)) + "…" }
        return label
    }
}

/// cmark-gfm's name for a node's type: "table", "table_row", "table_cell"…
func nodeTypeName(_ node: OpaquePointer) -> String {
    cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
}
