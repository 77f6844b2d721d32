/// The head of one HTTP/1.1 request: its request line and header fields.
struct RequestHead: Equatable, Sendable {
    struct Field: Equatable, Sendable {
        var name: String
        var value: String
    }

    var method: String
    /// As written: `/final/index.html?x=1`.
    var target: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    var version: String
    var fields: [Field]

    /// The first field of that name (names compare case-insensitively, as HTTP says).
    func field(_ name: String) -> String? {
        let wanted = name.lowercased()
        return fields.first { $0.name.lowercased() == wanted }?.value
    }
}

/// How much of a request head the preview reads before refusing it. Browsers send heads of a
/// few hundred bytes; the preview's own addresses are short.
struct HeadLimits: Sendable {
    /// Bytes in the request line (method, target, version): more is answered 414.
    var requestLine = 8 * 1024
    /// Bytes in the whole head: more is answered 431.
    var head = 16 * 1024
    /// Header fields: more is answered 431.
    var fields = 100
}

/// A head the preview will not read further, with the status that says why.
struct HeadRefusal: Error, Equatable {
    var status: Int
    var reason: String
    var message: String

    static func requestLineTooLong(_ limits: HeadLimits) -> HeadRefusal {
        HeadRefusal(status: 414, reason: "URI Too Long",
                    message: "Refused: the request line is longer than \(limits.requestLine) bytes. The preview's addresses are short.\n")
    }

    static func headTooLarge(_ limits: HeadLimits) -> HeadRefusal {
        HeadRefusal(status: 431, reason: "Request Header Fields Too Large",
                    message: "Refused: the request's header fields are larger than \(limits.head) bytes or more than \(limits.fields) fields.\n")
    }

    static func malformed(_ what: String) -> HeadRefusal {
        HeadRefusal(status: 400, reason: "Bad Request", message: "Refused: \(what).\n")
    }
}

/// Collects bytes as they arrive until a whole head is there, looking at each byte once (so the
/// time is linear in what is sent), and refuses a head past its limits as soon as it is.
struct HeadReader {
    let limits: HeadLimits
    private var bytes: [UInt8] = []
    /// Bytes looked at so far; all of them belong to the head being read.
    private var scanned = 0
    private var lineStart = 0
    private var lines: [Range<Int>] = []

    init(limits: HeadLimits = HeadLimits(), leftover: [UInt8] = []) {
        self.limits = limits
        bytes = leftover
    }

    /// Whether nothing of a request has arrived yet.
    var isEmpty: Bool { bytes.isEmpty }

    /// Adds `chunk`; returns the head once it is complete, with the bytes after it (the start of
    /// the next request, or a body).
    mutating func append(_ chunk: [UInt8]) throws(HeadRefusal) -> (head: RequestHead, rest: [UInt8])? {
        bytes += chunk
        while scanned < bytes.count {
            let byte = bytes[scanned]
            scanned += 1
            if byte == UInt8(ascii: "\n") {
                var end = scanned - 1
                if end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = lineStart..<end
                lineStart = scanned
                if line.isEmpty {
                    // Empty lines before the request line are allowed (RFC 9112 §2.2); after it, one ends the head.
                    if lines.isEmpty { continue }
                    return (try parse(), Array(bytes[scanned...]))
                }
                lines.append(line)
                if lines.count > limits.fields + 1 { throw .headTooLarge(limits) }
            } else if lines.isEmpty, scanned - lineStart > limits.requestLine {
                throw .requestLineTooLong(limits)
            }
            if scanned > limits.head { throw lines.isEmpty ? .requestLineTooLong(limits) : .headTooLarge(limits) }
        }
        return nil
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    private func parse() throws(HeadRefusal) -> RequestHead {
        let parts = text(lines[0]).split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw .malformed("the request line must be 'METHOD /path HTTP/1.1'")
        }
        guard parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0" else { throw .malformed("only HTTP/1.1 and HTTP/1.0 are served") }
        guard parts[1].hasPrefix("/") else { throw .malformed("the request's target must be a path starting with '/'") }
        var fields: [RequestHead.Field] = []
        for range in lines.dropFirst() {
            let line = text(range)
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                  !line[..<colon].contains(where: { $0 == " " || $0 == "\t" }) else {
                throw .malformed("a header line must be 'Name: value'")
            }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: [" ", "\t"])
            fields.append(RequestHead.Field(name: String(line[..<colon]), value: value))
        }
        return RequestHead(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), fields: fields)
    }
}
