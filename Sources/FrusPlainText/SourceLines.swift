import FrusModel

/// The lines of a plain-text document, cleaned of what the format tolerates: a byte-order
/// mark, CRLF or CR line ends, tabs, trailing spaces.
struct SourceLines {
    struct Line {
        /// 1-based line number in the file.
        var number: Int
        var bytes: [UInt8]
        var isBlank: Bool { bytes.isEmpty }
        /// Leading spaces (after tabs became spaces).
        var indent: Int { bytes.prefix { $0 == 0x20 }.count }
        var trimmed: [UInt8] { bytes.first == 0x20 ? Array(bytes.drop { $0 == 0x20 }) : bytes }
    }

    var lines: [Line]

    /// Splits `data`; throws when it is not a text document (binary data, invalid UTF-8).
    init(_ data: [UInt8], path: String) throws {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let nul = bytes.firstIndex(of: 0) {
            let line = bytes[..<nul].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw Diagnostic(.error, "binary data (a NUL byte), not a plain-text FRUS document", at: SourceLocation(file: path, line: line))
        }
        // The standard library's validation is fast; find where it fails only when it does.
        if String(validating: bytes, as: UTF8.self) == nil, let bad = Self.firstInvalidUTF8(bytes) {
            let line = bytes[..<bad].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw Diagnostic(.error, "not valid UTF-8 text", at: SourceLocation(file: path, line: line))
        }
        // Cut at line ends with slices (fast); clean a line only when it needs it.
        var lines: [Line] = []
        lines.reserveCapacity(bytes.count / 60)
        var start = bytes.startIndex
        var number = 1
        while start < bytes.endIndex {
            var end = start
            while end < bytes.endIndex, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            var line = Array(bytes[start..<end])
            if line.contains(0x09) { line = line.map { $0 == 0x09 ? 0x20 : $0 } }
            while line.last == 0x20 { line.removeLast() }
            lines.append(Line(number: number, bytes: line))
            number += 1
            // CRLF, CR or LF ends a line.
            if end < bytes.endIndex, bytes[end] == 0x0D, end + 1 < bytes.endIndex, bytes[end + 1] == 0x0A { end += 1 }
            start = end + 1
        }
        self.lines = lines
    }

    /// The offset of the first byte that is not valid UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var offset = bytes.startIndex
        // Track the start offset of each scalar to report where the error is.
        var consumed = bytes.startIndex
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s):
                consumed += UTF8.width(s)
                offset = consumed
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

/// The lines of a paragraph as one text: trimmed, joined by single spaces.
func joinedLines(_ lines: [SourceLines.Line]) -> [UInt8] {
    if lines.count == 1 { return lines[0].trimmed.collapsingSpaces }
    var out: [UInt8] = []
    for line in lines {
        if !out.isEmpty { out.append(0x20) }
        out += line.trimmed
    }
    return out.collapsingSpaces
}
