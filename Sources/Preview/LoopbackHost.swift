/// The `Host` values the preview answers: only its own loopback names with its own port. A page
/// of another site whose name is made to resolve to 127.0.0.1 (DNS rebinding) sends its own name
/// as the host, and is refused, so it cannot read the preview.
enum LoopbackHost {
    static let names: Set<String> = ["127.0.0.1", "localhost", "[::1]"]

    /// Whether `host` (a `Host` header's value) names this server on `port`. Without a port
    /// the value means port 80, as in HTTP.
    static func allows(_ host: String?, port: UInt16) -> Bool {
        guard let host = host?.lowercased(), !host.isEmpty else { return false }
        let name: Substring
        let portText: Substring?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            name = host[...close]
            let rest = host[host.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return false }
            portText = rest.isEmpty ? nil : rest.dropFirst()
        } else {
            let parts = host.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            name = parts[0]
            portText = parts.count == 2 ? parts[1] : nil
        }
        guard names.contains(String(name)) else { return false }
        guard let portText else { return port == 80 }
        return !portText.isEmpty && portText.allSatisfy { $0.isASCII && $0.isNumber } && UInt16(portText) == port
    }
}
