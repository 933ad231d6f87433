/// Display columns of text in a terminal: 2 for East Asian wide and emoji graphemes, 0 for
/// graphemes made only of combining or format marks, 1 otherwise.
public enum DisplayWidth {
    public static func of(_ c: Character) -> Int {
        guard let first = c.unicodeScalars.first else { return 0 }
        let v = first.value
        if v < 0x300 { return 1 }  // fast path: Latin, controls (sanitized to one cell)
        if c.unicodeScalars.allSatisfy({ isZeroWidth($0) }) { return 0 }
        if isWide(v) { return 2 }
        // An emoji presentation selector makes a narrow symbol wide.
        if c.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return 1
    }

    public static func of(_ s: String) -> Int { s.reduce(0) { $0 + of($1) } }

    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return s.value == 0x200B
        }
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
            0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

/// Text from documents made safe to draw: C0 and C1 control characters and DEL become visible
/// placeholders, so that no escape sequence from a document reaches the terminal.
public enum Sanitizer {
    public static func grapheme(_ c: Character) -> String? {
        guard c.unicodeScalars.contains(where: isControl) else { return nil }
        return String(String.UnicodeScalarView(c.unicodeScalars.map(placeholder)))
    }

    public static func sanitize(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.map(placeholder)))
    }

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value)
    }

    /// ␀…␟ for C0, ␡ for DEL, � for C1.
    static func placeholder(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value < 0x20 { return Unicode.Scalar(0x2400 + s.value)! }
        if s.value == 0x7F { return "\u{2421}" }
        if (0x80...0x9F).contains(s.value) { return "\u{FFFD}" }
        return s
    }
}
