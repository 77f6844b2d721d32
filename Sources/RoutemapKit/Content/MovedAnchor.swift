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
        guard let value = fields.value("moved_anchors") else { return [] }
        guard let entries = value.mapping else {
            fields.error(at: value, "'moved_anchors' must be a mapping of old anchor to new anchor",
                         hint: "write one entry a line, such as 'moved_anchors: {method: how}'")
            return []
        }
        var anchors: [MovedAnchor] = []
        for entry in entries {
            guard let old = entry.key.text, let new = entry.value.text, !old.isEmpty, !new.isEmpty else {
                fields.error(at: entry.value, "each entry of 'moved_anchors' must map one old anchor to one new anchor",
                             hint: "for example 'method: how' (without '#')")
                continue
            }
            let (line, column) = fields.position(of: entry.key)
            anchors.append(MovedAnchor(oldID: old.hasPrefix("#") ? String(old.dropFirst()) : old,
                                       newID: new.hasPrefix("#") ? String(new.dropFirst()) : new, line: line, column: column))
        }
        return anchors
    }
}
