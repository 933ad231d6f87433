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
        var trimmed: [UInt8] { Array(bytes.drop { $0 == 0x20 }) }
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
        if let bad = Self.firstInvalidUTF8(bytes) {
            let line = bytes[..<bad].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw Diagnostic(.error, "not valid UTF-8 text", at: SourceLocation(file: path, line: line))
        }
        var lines: [Line] = []
        var current: [UInt8] = []
        var number = 1
        var previousCR = false
        func finish() {
            while let l = current.last, l == 0x20 { current.removeLast() }
            lines.append(Line(number: number, bytes: current))
            current.removeAll(keepingCapacity: true)
            number += 1
        }
        for b in bytes {
            switch b {
            case 0x0A:
                if previousCR { previousCR = false; continue }  // the LF of a CRLF
                finish()
            case 0x0D:
                finish()
                previousCR = true
                continue
            case 0x09: current.append(0x20)
            default: current.append(b)
            }
            previousCR = false
        }
        if !current.isEmpty { finish() }
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
