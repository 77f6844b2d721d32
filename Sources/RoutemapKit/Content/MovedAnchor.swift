/// `moved_anchors: {old-id: new-id}` in a chapter's front matter: a heading anchor of the
/// previous edition's counterpart that now lives under another id in this chapter. The old
/// anchor is kept beside the new one, so links already published still arrive.
public struct MovedAnchor: Sendable, Hashable {
    public var oldID: String
    public var newID: String
    /// Where the entry is written, for diagnostics.
    public var line: Int
    public var column: Int

    static func read(_ fields: FieldReader) -> [MovedAnchor] {
        guard let node = fields.value("moved_anchors") else { return [] }
        guard let mapping = node.mapping else {
            fields.error(at: node, "'moved_anchors' must be a mapping of old anchor to new anchor",
                         hint: "write one entry a line, such as 'moved_anchors: {method: how}'")
            return []
        }
        var anchors: [MovedAnchor] = []
        for (key, value) in mapping {
            guard let old = key.string, let new = value.scalar?.string, !old.isEmpty, !new.isEmpty else {
                fields.error(at: value, "each entry of 'moved_anchors' must map one old anchor to one new anchor",
                             hint: "for example 'method: how' (without '#')")
                continue
            }
            let (line, column) = fields.position(of: key)
            anchors.append(MovedAnchor(oldID: old.hasPrefix("#") ? String(old.dropFirst()) : old,
                                       newID: new.hasPrefix("#") ? String(new.dropFirst()) : new, line: line, column: column))
        }
        return anchors
    }
}
