/// Which kinds of address a page may link to. A link is relative or uses `https:`, `http:` or
/// `mailto:`; an image may also be a `data:` PNG, GIF, JPEG or WebP, as cmark-gfm's safe mode allows.
/// Anything else (`javascript:`, `vbscript:`, `data:text/html`, `file:`) would run script in the
/// reader's browser or lead into the reader's own disk, so it is an error wherever it is written:
/// in a chapter (whatever `raw_html` says) and in the settings files.
enum LinkScheme {
    static let allowed: Set<String> = ["https", "http", "mailto"]
    static let imageData = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]

    /// The scheme of `destination` as a browser reads it, lower-cased; nil for a relative link.
    /// Browsers drop leading spaces and controls and every tab and line break before they look,
    /// so `" java\tscript:"` is `javascript:` to them, and so it is here.
    static func scheme(of destination: String) -> String? {
        var scheme: [UInt8] = []
        guard readScheme(destination, { scheme.append($0 | 0x20) }) else { return nil }
        return String(decoding: scheme, as: UTF8.self)
    }

    /// Whether `destination` starts with a scheme (`https:`, `mailto:`, `javascript:`), as a browser
    /// reads it: then it leads out of the site, or is refused. Links are looked at for every chapter
    /// and page, so this reads the bytes and makes nothing.
    static func hasScheme(_ destination: String) -> Bool {
        readScheme(destination) { _ in }
    }

    /// A page's own address (`/…`, `//host/…`) or one with a scheme: not a file of the site relative to the page.
    static func leadsOutOfPage(_ destination: String) -> Bool {
        destination.utf8.first == UInt8(ascii: "/") || hasScheme(destination)
    }

    /// Hands `take` each byte of the scheme (an ASCII letter, then letters, digits, `+`, `-`, `.`)
    /// and says whether a `:` ends it. A scheme is ASCII, so the bytes are its characters.
    private static func readScheme(_ destination: String, _ take: (UInt8) -> Void) -> Bool {
        var started = false
        for byte in destination.utf8 {
            switch byte {
            case 0x09, 0x0A, 0x0D: continue
            case ...0x20 where !started: continue
            case UInt8(ascii: ":"): return started
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): break
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."): guard started else { return false }
            default: return false
            }
            started = true
            take(byte)
        }
        return false
    }

    /// What is wrong with linking to `destination`, or nil when nothing is.
    static func problem(with destination: String, isImage: Bool = false) -> String? {
        guard let scheme = scheme(of: destination), !allowed.contains(scheme) else { return nil }
        if isImage {
            let address = browserView(destination).lowercased()
            if imageData.contains(where: { address.hasPrefix($0 + ";") || address.hasPrefix($0 + ",") }) { return nil }
        }
        return "'\(scheme):' addresses are not allowed"
    }

    static let hint = "link to a web page (https://…), an e-mail address (mailto:…) or a file of the publication; a 'javascript:', 'data:' or 'file:' address would run in, or read from, the reader's own computer"

    private static func browserView(_ destination: String) -> String {
        if let first = destination.utf8.first, first > 0x20,
           !destination.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return destination }
        let isControlOrSpace = { (scalar: Unicode.Scalar) in scalar.value <= 0x20 }
        var scalars = Substring(destination).unicodeScalars
        while let first = scalars.first, isControlOrSpace(first) { scalars.removeFirst() }
        var cleaned = String.UnicodeScalarView()
        for scalar in scalars where scalar != "\t" && scalar != "\n" && scalar != "\r" { cleaned.append(scalar) }
        return String(cleaned)
    }
}
