/// One form for a volume id, wherever it is read: a TEI header peeked at or read in full, the
/// search index's copy, a plain-text folder's `volume.json`. Without it, an id with a trailing
/// NEL (U+0085, white space to Unicode but not to a byte-level split) was one id in `volumes`
/// and another in `list`, and links resolved against the wrong one.
extension VolumeID {
    /// `raw` without white space (Unicode White_Space: NEL, no-break and ideographic spaces
    /// too) at either end, and each run of it inside made one space. Works on scalars: linear
    /// whatever the text.
    public static func normalized(_ raw: String) -> String {
        if raw.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return raw }  // every real id
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in raw.unicodeScalars {
            if scalar.isWhiteSpace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `id` is made only of the characters FRUS ids use: A–Z, a–z, 0–9, ".", "_", "-".
    /// Others (spaces, controls, non-Latin letters) are allowed, with a warning: they are hard
    /// to type in `VOLUME/N` and links.
    public static func isPlain(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == 0x2E || b == 0x5F || b == 0x2D
        }
    }
}
