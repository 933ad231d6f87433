/// Text made safe to print in a terminal.
///
/// A document is untrusted input: an ESC in it could recolour or move the cursor, a CR could
/// overwrite a line. Control characters are shown as visible placeholders instead — the
/// Control Pictures block for C0 ("␛" for ESC, "␀" for NUL) and DEL ("␡"), "�" for the C1
/// controls, which have no pictures — each one column wide.
public enum TerminalText {
    /// The placeholder shown instead of `character`, nil when it may be printed as it is.
    /// Tabs and line ends are not handled here: layout treats them as spaces between words.
    public static func replacement(for character: Character) -> Character? {
        guard let first = character.unicodeScalars.first else { return nil }
        let v = first.value
        if v < 0x20 { return Character(Unicode.Scalar(0x2400 + v)!) }
        if v == 0x7F { return "\u{2421}" }
        if v >= 0x80 && v < 0xA0 { return "\u{FFFD}" }
        return nil
    }

    /// `text` with every control character replaced by its placeholder and tabs, line feeds
    /// and carriage returns by spaces (for one-line uses such as a status line).
    public static func sanitize(_ text: String) -> String {
        // Checked on the contiguous bytes when the string has them (native strings do): `list`
        // checks tens of thousands of titles.
        let dirty = text.utf8.withContiguousStorageIfAvailable { needsSanitizing($0) } ?? needsSanitizing(text.utf8)
        if !dirty { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if character == "\t" || character == "\n" || character == "\r" || character == "\r\n" {
                out.append(" ")
            } else if let placeholder = replacement(for: character) {
                out.append(placeholder)
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// Whether UTF-8 bytes hold a C0 control, DEL or a C1 control (encoded C2 80…C2 9F).
    static func needsSanitizing<C: Collection>(_ utf8: C) -> Bool where C.Element == UInt8 {
        var afterC2 = false
        for byte in utf8 {
            if byte < 0x20 || byte == 0x7F || (afterC2 && byte < 0xA0 && byte >= 0x80) { return true }
            afterC2 = byte == 0xC2
        }
        return false
    }
}
