/// How many terminal columns text takes: the one measure every line, span and grid cell uses.
///
/// East Asian wide and fullwidth characters and emoji shown as pictures take 2 columns;
/// combining marks, format characters (zero-width space, joiners) and Hangul medial and final
/// jamo take 0; everything else 1. Widths are per grapheme (`Character`): a base letter with its
/// accents is one glyph, an emoji with its modifiers one picture. Control characters measure 0 —
/// they must never be printed; `TerminalText.sanitize` replaces them first.
public enum DisplayWidth {
    /// The columns `text` takes in a terminal.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        // Fast path: printable ASCII is one column a byte; most of a FRUS document is.
        var ascii = true
        var count = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte >= 0x7F { ascii = false; break }
            count += 1
        }
        if ascii { return count }
        if text.unicodeScalars.allSatisfy(isPlainNarrow) { return text.unicodeScalars.count }
        var width = 0
        for character in text { width += of(character) }
        return width
    }

    /// The columns one grapheme takes.
    public static func of(_ character: Character) -> Int {
        let utf8 = character.utf8
        if utf8.count == 1, let byte = utf8.first { return byte >= 0x20 && byte < 0x7F ? 1 : 0 }
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        var width = of(first)
        while let next = scalars.next() {
            if width == 0 {
                // A cluster that starts with a zero-width scalar takes the width of what follows.
                width = of(next)
            } else if next.value == 0xFE0F, first.properties.isEmoji {
                // Variation selector 16 asks for the emoji (picture) form, which is 2 wide
                // ("❤️", "1️⃣").
                width = 2
            }
        }
        return width
    }

    /// Whether `scalar` is always one column and a grapheme of its own when every scalar around
    /// it is such too: printable ASCII, Latin-1 and Latin Extended letters and signs, the
    /// dashes and quotes of General Punctuation — nearly all of a FRUS document — and the
    /// arrows, ✓ and ✗ of the reader's own lines. Text made only of these can be measured and
    /// drawn scalar by scalar, without grapheme breaking.
    @inline(__always)
    public static func isPlainNarrow(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x300 { return (v >= 0x20 && v < 0x7F) || v >= 0xA0 }
        return (v >= 0x2010 && v <= 0x2027) || (v >= 0x2190 && v <= 0x21FF) || v == 0x2713 || v == 0x2717
    }

    /// The width of a scalar that is a grapheme of its own whatever surrounds it (when its
    /// neighbours are such too) and whose width needs no table: `isPlainNarrow` ones (1), CJK
    /// ideographs, kana and Hangul syllables (2); nil for any other. Text made only of these is
    /// measured and broken scalar by scalar, without grapheme breaking.
    @inline(__always)
    public static func plainWidth(_ scalar: Unicode.Scalar) -> Int? {
        if isPlainNarrow(scalar) { return 1 }
        let v = scalar.value
        if (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0xAC00 && v <= 0xD7A3)
            || (v >= 0x3041 && v <= 0x3096) || (v >= 0x30A1 && v <= 0x30FA) { return 2 }
        return nil
    }

    /// The columns one scalar takes on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 }  // DEL and the C1 controls
        if v < 0x300 { return 1 }  // Latin-1 and Latin Extended: no marks, nothing wide
        // Common punctuation of FRUS text (dashes, curly quotes, bullets, ellipsis).
        if v >= 0x2010 && v <= 0x2027 { return 1 }
        // Without a look-up in Unicode's tables (each costs ~100 ns: an 11 MB paragraph of CJK
        // or accents took over a second): combining diacritics, and the wide blocks that hold
        // no mark — CJK ideographs, kana, Hangul syllables.
        if v >= 0x300 && v <= 0x36F { return 0 }
        if (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0xAC00 && v <= 0xD7A3)
            || (v >= 0x3041 && v <= 0x3096) || (v >= 0x30A1 && v <= 0x30FA) { return 2 }
        if isZeroWidth(scalar) { return 0 }
        if isWide(v) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        // Hangul medial vowels and final consonants join the preceding initial into one
        // (wide) syllable.
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// East Asian Width W and F (Unicode 15), without the emoji, which `isEmojiPresentation`
    /// covers. Sorted, for binary search.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
        0x16FF0...0x16FF1, 0x17000...0x18CFF, 0x18D00...0x18D08, 0x1AFF0...0x1B2FF,
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251,
        0x1F260...0x1F265, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    private static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if v < range.lowerBound { high = mid - 1 } else if v > range.upperBound { low = mid + 1 } else { return true }
        }
        return false
    }
}
