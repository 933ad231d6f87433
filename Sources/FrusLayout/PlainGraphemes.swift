/// Grapheme clusters and their widths read straight from UTF-8, for text whose scalars all
/// break by one rule: exactly as Swift's `Character` iteration (Unicode's extended grapheme
/// clusters) and `DisplayWidth.of(_: Character)` do, without their cost (~70 ns a grapheme,
/// which made an 11 MB paragraph of accented letters take a second in `show`).
///
/// The scalars accepted (anything else: nil or false, and callers take the general path):
/// - narrow bases, `DisplayWidth.isPlainNarrow` (ASCII, Latin-1 and Latin Extended, dashes and
///   quotes, arrows): Grapheme_Cluster_Break Other, 1 column — except U+00AD SOFT HYPHEN,
///   which is Control: a cluster of its own whatever follows;
/// - wide bases: CJK ideographs, kana, Hangul syllables (Other, LV or LVT: they join only
///   Hangul jamo, which are not accepted), 2 columns;
/// - combining diacritical marks U+0300–U+036F: Extend, 0 columns, joined to the cluster
///   before them (GB9) unless it is U+00AD or nothing (the start of the text).
///
/// So a cluster is one base (or, at the start, one mark) and the marks after it, and its
/// width is its base's: the width of a text is the sum of its scalars' widths.
/// (`PlainGraphemesTests` checks this against Swift on random and adversarial strings.)
public enum PlainGraphemes {
    /// The width of text made only of accepted scalars (valid UTF-8); nil for any other.
    public static func width(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let p = bytes.baseAddress else { return 0 }
        let n = bytes.count
        var i = 0
        var width = 0
        while i < n {
            let b0 = p[i]
            if b0 < 0x80 {
                // Printable ASCII, one column each: most bytes of most text.
                guard b0 >= 0x20 && b0 < 0x7F else { return nil }
                width += 1
                i += 1
                continue
            }
            let info = scalar(p, i, n)
            guard info != 0 else { return nil }
            width += info >> 2
            i += info & 3
        }
        return width
    }

    /// What `scanWord` finds.
    struct WordScan {
        /// Where the word ends: at the first space, tab, line feed or carriage return, or `count`.
        var end: Int
        /// Its width, when `plain`.
        var width: Int
        /// Made only of accepted scalars.
        var plain: Bool
        /// When every scalar is the same size and width, and so a cluster of its own (all
        /// ASCII, all CJK …): `width << 2 | byte length`, as `scalar` packs it; else 0.
        var uniform: UInt8
    }

    /// The word of the layout's tokenizer that starts at `start`, in one pass: its end, and
    /// whether it is plain, its width and whether it is uniform.
    @inline(__always)
    static func scanWord(_ p: UnsafePointer<UInt8>, from start: Int, count n: Int) -> WordScan {
        var i = start
        var plain = true
        // ASCII first, counted at the end: most words are only that.
        while i < n {
            let b = p[i]
            if b >= 0x80 || b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { break }
            if b < 0x20 || b == 0x7F { plain = false }
            i += 1
        }
        return scanWord(p, from: start, nonASCII: i, count: n, plain: plain)
    }

    /// `scanWord` from `i`, where the ASCII that starts the word ends (`plain`: that ASCII was
    /// printable): the tokenizer runs its ASCII loop itself, inline, and calls this only for
    /// words with other scalars.
    static func scanWord(_ p: UnsafePointer<UInt8>, from start: Int, nonASCII i: Int, count n: Int, plain: Bool)
        -> WordScan
    {
        var i = i
        var plain = plain
        var width = i - start
        // The first non-ASCII scalar's info, and whether another one differs.
        var firstInfo = 0
        var mixed = false
        while i < n {
            let b = p[i]
            if b < 0x80 {
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { break }
                if b < 0x20 || b == 0x7F { plain = false }
                width += 1
                i += 1
                // A letter's combining marks, as the branch below takes them (info 2), inline.
                if plain, i + 1 < n, isMark(p[i], p[i + 1]) {
                    if firstInfo == 0 { firstInfo = 2 } else if firstInfo != 2 { mixed = true }
                    i = skipMarks(p, i, n)
                }
            } else if plain, case let info = scalar(p, i, n), info != 0 {
                width += info >> 2
                i += info & 3
                if info != firstInfo {
                    if firstInfo == 0 { firstInfo = info } else { mixed = true }
                }
                if info == 2 { i = skipMarks(p, i, n) }
                if info == wideInfo { i = skipWide(p, i, n, width: &width) }
            } else {
                plain = false
                i += 1
            }
        }
        var uniform: UInt8 = 0
        if plain {
            if firstInfo == 0 {
                uniform = 1 << 2 | 1  // ASCII only
            } else {
                // Marks (width 0) are not clusters of their own; ASCII among the others shows
                // as count × W ≠ width × L (the two are equal only when W = L, never here).
                let (w, l) = (firstInfo >> 2, firstInfo & 3)
                if !mixed, w > 0, (i - start) * w == width * l { uniform = UInt8(firstInfo) }
            }
        }
        return WordScan(end: i, width: width, plain: plain, uniform: uniform)
    }

    /// Whether the UTF-8 bytes hold only accepted scalars.
    public static func accepts(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { width(bytes) != nil }

    /// The longest run of whole clusters from byte `start` (a cluster boundary: the start of
    /// the text or the end of a cluster) to at most `end` whose width is at most `room`: its
    /// end offset and width. The bytes must be accepted (see `width`).
    public static func prefix(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, fitting room: Int
    ) -> (end: Int, width: Int) {
        guard let p = bytes.baseAddress else { return (start, 0) }
        var i = start
        var width = 0
        while i < end {
            var j = i + 1
            var w = 1
            let b0 = p[i]
            if b0 >= 0x80 {
                let info = scalar(p, i, end)
                precondition(info != 0, "PlainGraphemes.prefix: bytes not accepted")
                w = info >> 2
                j = i + info & 3
                // U+00AD is a cluster of its own (GB4): the marks after it are not joined.
                if b0 == 0xC2 && p[i + 1] == 0xAD { if width + w > room { break }; width += w; i = j; continue }
            }
            // The marks after the base join its cluster (GB9).
            j = skipMarks(p, j, end)
            if width + w > room { break }
            width += w
            i = j
        }
        return (i, width)
    }

    /// The end of the run of combining marks (U+0300…U+036F) at `i`, before `n`: four of
    /// U+0300…U+033F (CC 80…BF) at a time while they last — a letter can carry millions.
    @inline(__always)
    /// `scalar`'s answer for a wide scalar: 2 columns, 3 bytes.
    static let wideInfo = 2 << 2 | 3

    /// From `start`, past the wide scalars of the commonest blocks (what `scalar` says of them,
    /// decided in a few instructions instead of its call): a paragraph of CJK is mostly these.
    /// Adds their width; stops at anything else, which the caller's loop takes as before.
    @inline(__always)
    static func skipWide(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int, width: inout Int) -> Int {
        var i = start
        while i + 2 < n {
            let b0 = p[i]
            let b1 = p[i + 1]
            guard b1 & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 else { break }
            // E5…E9, EB, EC: U+5000…U+9FFF, U+B000…U+CFFF; E4 but U+4DC0…U+4DFF; E3 from U+3400.
            guard b0 &- 0xE5 <= 4 || b0 &- 0xEB <= 1 || (b0 == 0xE4 && b1 != 0xB7) || (b0 == 0xE3 && b1 >= 0x90)
            else { break }
            width += 2
            i += 3
        }
        return i
    }

    static func skipMarks(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int) -> Int {
        var i = start
        // Most letters carry no mark or one (é as e + U+0301): decided before the wide loads.
        guard i + 1 < n, isMark(p[i], p[i + 1]) else { return i }
        i += 2
        guard i + 1 < n, isMark(p[i], p[i + 1]) else { return i }
        while i + 8 <= n {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            // Little-endian: each 16-bit lane is CC (low byte), then 80…BF.
            guard UInt64(littleEndian: w) & 0xC0FF_C0FF_C0FF_C0FF == 0x80CC_80CC_80CC_80CC else { break }
            i += 8
        }
        while i + 1 < n, isMark(p[i], p[i + 1]) { i += 2 }
        return i
    }

    /// Whether the two bytes encode a combining diacritical mark, U+0300 (CC 80) … U+036F (CD AF).
    @inline(__always)
    static func isMark(_ b0: UInt8, _ b1: UInt8) -> Bool {
        (b0 == 0xCC && b1 >= 0x80 && b1 <= 0xBF) || (b0 == 0xCD && b1 >= 0x80 && b1 <= 0xAF)
    }

    /// The accepted non-ASCII scalar at `i` (before `n`), packed as `width << 2 | byte length`;
    /// 0 when it is not accepted or not valid UTF-8. Decided mostly on the lead byte: the wide
    /// blocks fill whole lead bytes (E5…E9: U+5000…U+9FFF; EB, EC: U+B000…U+CFFF).
    @inline(__always)
    static func scalar(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        let b0 = p[i]
        if b0 < 0xE0 {
            guard b0 >= 0xC2, i + 1 < n else { return 0 }
            let b1 = p[i + 1]
            guard b1 & 0xC0 == 0x80 else { return 0 }
            if b0 < 0xCC { return b0 == 0xC2 && b1 < 0xA0 ? 0 : 1 << 2 | 2 }  // U+00A0…U+02FF
            if b0 == 0xCC || (b0 == 0xCD && b1 <= 0xAF) { return 2 }  // U+0300…U+036F, marks
            return 0
        }
        guard b0 < 0xEE, i + 2 < n else { return 0 }
        let b1 = p[i + 1]
        let b2 = p[i + 2]
        guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return 0 }
        let wide = 2 << 2 | 3
        switch b0 {
        case 0xE5...0xE9, 0xEB, 0xEC:
            return wide
        case 0xE4:  // U+4000…U+4FFF: all but U+4DC0…U+4DFF (Yijing hexagrams)
            return b1 == 0xB7 ? 0 : wide
        case 0xEA:  // U+AC00… Hangul syllables
            return b1 >= 0xB0 ? wide : 0
        case 0xED:  // … to U+D7A3
            return b1 < 0x9E || (b1 == 0x9E && b2 <= 0xA3) ? wide : 0
        case 0xE3:  // U+3400… CJK extension A; hiragana U+3041…U+3096; katakana U+30A1…U+30FA
            if b1 >= 0x90 { return wide }
            let v = 0x3000 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
            return (v >= 0x3041 && v <= 0x3096) || (v >= 0x30A1 && v <= 0x30FA) ? wide : 0
        case 0xE2:  // dashes and quotes, arrows, ✓ and ✗
            let v = 0x2000 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
            return (v >= 0x2010 && v <= 0x2027) || (v >= 0x2190 && v <= 0x21FF) || v == 0x2713 || v == 0x2717
                ? 1 << 2 | 3 : 0
        default:
            return 0
        }
    }
}
