/// Text made safe to print in a terminal.
///
/// A document is untrusted input: an ESC in it could recolour or move the cursor, a CR could
/// overwrite a line, a right-to-left override (U+202E) could make the rest of a line read
/// backwards. Such characters are shown as visible placeholders instead — the Control Pictures
/// block for C0 ("␛" for ESC, "␀" for NUL) and DEL ("␡"), "�" for the C1 controls and the bidi
/// embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which have no
/// pictures — each one column wide. This is the one sanitising rule of frusread: the layout,
/// the reader's view and every CLI output (`Output`) use it.
public enum TerminalText {
    /// The placeholder shown instead of `character`, nil when it may be printed as it is.
    /// Tabs and line ends are not handled here: layout treats them as spaces between words.
    public static func replacement(for character: Character) -> Character? {
        guard let first = character.unicodeScalars.first else { return nil }
        return replacement(for: first)
    }

    /// The placeholder for one scalar, nil when it may be printed as it is.
    @inline(__always)
    public static func replacement(for scalar: Unicode.Scalar) -> Character? {
        let v = scalar.value
        if v < 0x20 { return Character(Unicode.Scalar(0x2400 + v)!) }
        if v == 0x7F { return "\u{2421}" }
        if v >= 0x80 && v < 0xA0 { return "\u{FFFD}" }
        if isBidiControl(v) { return "\u{FFFD}" }
        return nil
    }

    /// U+202A–U+202E (embeddings, overrides, pop) and U+2066–U+2069 (isolates): they change the
    /// direction of what follows them on the line, also text frusread prints after them.
    @inline(__always)
    public static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// `text` with every control character replaced by its placeholder and tabs, line feeds
    /// and carriage returns by spaces (for one-line uses such as a status line or a field).
    public static func sanitize(_ text: String) -> String { sanitize(text, keepingLines: false, keepingTabs: false) }

    /// `text` made safe, keeping its line feeds (`keepingLines`) and tabs (`keepingTabs`) as
    /// they are: for output of several lines or of tab-separated fields.
    public static func sanitize(_ text: String, keepingLines: Bool, keepingTabs: Bool) -> String {
        // Checked on the contiguous bytes when the string has them (native strings do): `list`
        // checks tens of thousands of titles.
        let dirty = text.utf8.withContiguousStorageIfAvailable {
            needsSanitizingFast($0, keepingLines: keepingLines, keepingTabs: keepingTabs)
        } ?? needsSanitizing(text.utf8, keepingLines: keepingLines, keepingTabs: keepingTabs)
        if !dirty { return text }
        // Scalar by scalar: a control is a grapheme of its own, and working on scalars keeps
        // this linear whatever the text (a million combining marks is one Character).
        var out = String.UnicodeScalarView()
        var lastWasCR = false
        for scalar in text.unicodeScalars {
            defer { lastWasCR = scalar == "\r" }
            switch scalar {
            case "\n":
                if keepingLines { out.append(scalar) } else if !lastWasCR { out.append(" ") }
            case "\t":
                out.append(keepingTabs ? scalar : " ")
            case "\r":
                out.append(" ")
            default:
                if let placeholder = replacement(for: scalar) {
                    out.append(contentsOf: placeholder.unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    /// Whether UTF-8 bytes hold a C0 control, DEL, a C1 control (encoded C2 80…C2 9F) or a bidi
    /// control (E2 80 AA…AE, E2 81 A6…A9).
    static func needsSanitizing<C: Collection>(_ utf8: C) -> Bool where C.Element == UInt8 {
        needsSanitizing(utf8, keepingLines: false, keepingTabs: false)
    }

    /// `needsSanitizing` eight bytes at a time: a word with no byte below 0x20, no DEL and no
    /// lead byte C2 or E2 (where C1 and bidi controls begin) is skipped whole. Every line
    /// `show` prints is checked: byte by byte this cost 15 ms on 11 MB of CJK.
    public static func needsSanitizingFast(
        _ utf8: UnsafeBufferPointer<UInt8>, keepingLines: Bool = false, keepingTabs: Bool = false
    ) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        let n = utf8.count
        var i = 0
        while i < n {
            if i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if !mayHoldControl(word) {
                    i += 8
                    continue
                }
            }
            let b = base[i]
            if b < 0x20 {
                if !((b == 0x0A && keepingLines) || (b == 0x09 && keepingTabs)) { return true }
            } else if b == 0x7F {
                return true
            } else if b == 0xC2 {
                if i + 1 < n, base[i + 1] >= 0x80, base[i + 1] < 0xA0 { return true }
            } else if b == 0xE2, i + 2 < n {
                let b1 = base[i + 1]
                let b2 = base[i + 2]
                if b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE { return true }
                if b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9 { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether one of the 8 bytes is below 0x20, 0x7F, 0xC2 or 0xE2 (exact: no false negative).
    @inline(__always)
    public static func mayHoldControl(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let below20 = (w &- ones &* 0x20) & ~w & highs != 0
        return below20 || hasZeroByte(w ^ (ones &* 0x7F)) || hasZeroByte(w ^ (ones &* 0xC2))
            || hasZeroByte(w ^ (ones &* 0xE2))
    }

    static func needsSanitizing<C: Collection>(_ utf8: C, keepingLines: Bool, keepingTabs: Bool) -> Bool
    where C.Element == UInt8 {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in utf8 {
            if byte < 0x20 {
                if !((byte == 0x0A && keepingLines) || (byte == 0x09 && keepingTabs)) { return true }
            } else if byte == 0x7F {
                return true
            } else if byte >= 0x80 && byte < 0xB0 {
                if previous == 0xC2 && byte < 0xA0 { return true }
                if beforePrevious == 0xE2 {
                    if previous == 0x80 && byte >= 0xAA && byte <= 0xAE { return true }
                    if previous == 0x81 && byte >= 0xA6 && byte <= 0xA9 { return true }
                }
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }
}
