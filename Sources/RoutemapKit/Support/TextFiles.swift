import Foundation
import RoutemapMarkdown

/// Reads a UTF-8 text file, normalising line endings; logs a missing, unreadable or non-UTF-8 file.
func readText(_ path: String, log: DiagnosticLog, missingHint: String?) -> String? {
    readUTF8(path, log: log, missingHint: missingHint).map { String(decoding: $0, as: UTF8.self) }
}

/// A text file's bytes, checked to be UTF-8, without a byte order mark, and with every line ending
/// made a line feed; logs a missing, unreadable or non-UTF-8 file. Chapters stay bytes on their way
/// to cmark-gfm: made Strings, every chapter was checked as UTF-8 twice more and copied twice.
func readUTF8(_ path: String, log: DiagnosticLog, missingHint: String?) -> [UInt8]? {
    guard var bytes = readBytes(path) else {
        log.add(.error(path, FileManager.default.fileExists(atPath: path) ? "the file cannot be read" : "the file does not exist",
                       hint: missingHint))
        return nil
    }
    // ASCII, which most chapters are, needs no validating at all.
    guard isASCII(bytes) || String(validating: bytes, as: UTF8.self) != nil else {
        let data = Data(bytes)
        let (line, column) = firstInvalidUTF8(data) ?? (1, 1)
        let utf16 = data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
        log.add(.error(path, line: line, column: column, utf16 ? "the file is saved as UTF-16, not UTF-8" : "the file is not valid UTF-8",
                       hint: "save it as UTF-8 (in most editors: Save As, then choose the UTF-8 encoding)"))
        return nil
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    // memchr: a byte-by-byte search through a chapter cost more than reading it.
    guard bytes.withUnsafeBytes({ $0.count > 0 && memchr($0.baseAddress!, Int32(UInt8(ascii: "\r")), $0.count) != nil }) else { return bytes }
    return lineFeedsOnly(bytes)
}

/// CR LF and lone CR made LF.
private func lineFeedsOnly(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var afterCR = false
    for byte in bytes {
        if byte == UInt8(ascii: "\n"), afterCR {
            afterCR = false
            continue
        }
        afterCR = byte == UInt8(ascii: "\r")
        out.append(afterCR ? UInt8(ascii: "\n") : byte)
    }
    return out
}

/// The bytes of a regular file, read with plain POSIX calls (FileManager's path handling cost as
/// much as the reading); nil when it cannot be opened or read, or is a folder.
private func readBytes(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return nil }
    // One byte more than the file holds, so that the read that finds its end needs no room made.
    var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
    var count = 0
    while true {
        // A file that grew since fstat (being saved) is read to its end.
        if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
        let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + count, $0.count - count) }
        if got < 0 {
            if errno == EINTR { continue }
            return nil
        }
        if got == 0 { break }
        count += got
    }
    bytes.removeSubrange(count...)
    return bytes
}

/// The line and column (in characters, 1-based) of the first byte that is not UTF-8, or nil when all are.
/// Lines end at LF, CR LF or CR, as editors count them.
private func firstInvalidUTF8(_ data: Data) -> (line: Int, column: Int)? {
    var iterator = data.makeIterator()
    var decoder = UTF8()
    var line = 1, column = 1
    var afterCR = false
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar):
            if scalar == "\n" {
                if !afterCR { line += 1 }
                column = 1
            } else if scalar == "\r" {
                line += 1
                column = 1
            } else if !(scalar == "\u{FEFF}" && line == 1 && column == 1) {
                column += 1
            }
            afterCR = scalar == "\r"
        case .emptyInput:
            return nil
        case .error:
            return (line, column)
        }
    }
}
