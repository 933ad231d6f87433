// Byte-level helpers. The importer scans UTF-8 bytes rather than Characters: every pattern it
// looks for ("[Page ", digits, "Document", "footnote") is ASCII, and bytes keep import fast.

@inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
@inline(__always) func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
@inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
/// A byte of a multi-byte UTF-8 sequence (letters with diacritics, curly quotes, dashes …).
@inline(__always) func isNonASCII(_ b: UInt8) -> Bool { b >= 0x80 }
/// Part of a word: ASCII letter or any non-ASCII character.
@inline(__always) func isWordByte(_ b: UInt8) -> Bool { isASCIILetter(b) || isNonASCII(b) }

extension Array where Element == UInt8 {
    /// Whether `pattern` stands at `offset`; `caseInsensitive` folds ASCII letters.
    func matches(_ pattern: StaticString, at offset: Int, caseInsensitive: Bool = false) -> Bool {
        let n = pattern.utf8CodeUnitCount
        guard offset >= 0, offset + n <= count else { return false }
        return pattern.withUTF8Buffer { p in
            for i in 0..<n {
                let a = self[offset + i], b = p[i]
                if a == b { continue }
                if caseInsensitive, isASCIILetter(a), isASCIILetter(b), a | 0x20 == b | 0x20 { continue }
                return false
            }
            return true
        }
    }

    /// The run of ASCII digits starting at `offset` (empty range if none).
    func digitRun(from offset: Int) -> Range<Int> {
        var j = offset
        while j < count, isDigit(self[j]) { j += 1 }
        return offset..<j
    }

    func string(_ range: Range<Int>) -> String { String(decoding: self[range], as: UTF8.self) }
}

extension String {
    var bytes: [UInt8] { Array(utf8) }
}
