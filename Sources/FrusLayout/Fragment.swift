import FrusModel

/// A piece of a word with one look: plain text, a marker "[2]", a page tag, part of a link
/// label. Its text is a byte range of the paragraph buffer: no String, nothing reference
/// counted, so thousands of them cost no allocation (layout must take < 1 ms a document).
struct Fragment {
    /// UTF-8 byte range in `TextWriter.paragraphBytes`.
    var start: Int
    var end: Int
    var width: Int
    var role: StyleRole
    var styles: StyleMask
    // (The two below sit in the padding after `styles`: a fragment stays 56 bytes.)
    /// Made only of `PlainGraphemes` scalars: measured and cut without grapheme breaking.
    var plain = false
    /// When every scalar of a plain fragment is the same size and width, and so a cluster of its
    /// own (all ASCII, all CJK …): `width << 2 | byte length` (`PlainGraphemes.scalar`), else 0.
    /// Lines are then cut by arithmetic.
    var uniform: UInt8 = 0
    /// Index in `TextWriter.references` of the marker or link this piece belongs to, or -1.
    var reference: Int = -1
    /// Index in `TextWriter.pages` of the page tag this piece is, or -1.
    var page: Int = -1
    /// Index in `TextWriter.mentions` of the person or term mention this piece is part of, or -1.
    var mention: Int = -1
}

/// A piece of the paragraph buffer that is a verbatim copy of part of a String of the
/// document: bytes `start ..< start + paragraph.count` of `text`.
struct TextSource {
    var paragraph: Range<Int>
    var text: String
    var start: Int

    /// The String of the paragraph bytes `range` (inside `paragraph`, on scalar boundaries).
    func string(_ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: start + range.lowerBound - paragraph.lowerBound)
        let to = utf8.index(from, offsetBy: range.count)
        // Through the UTF-8 view: a Character-based slice would round a piece that begins with
        // a combining mark (after a space) back to the space.
        return String(Substring(utf8[from..<to]))
    }
}

/// A unit that wraps whole: consecutive fragments with no space between them
/// (`Moscow.` + `[2]`; `unfortu` + `nately`). Kept as a range into the fragment buffer so a
/// paragraph of thousands of words makes no array per word.
struct Word {
    var start: Int
    var end: Int
    var width: Int
    /// Forced line breaks (`.lineBreak`) before this word.
    var breaksBefore: Int
}

/// `Set<TextStyle>` as bits: compared and copied for free while filling lines; turned into a
/// set once per run.
struct StyleMask: Equatable {
    var bits: UInt16 = 0

    static let none = StyleMask()

    init() {}

    init(_ styles: Set<TextStyle>) {
        for style in styles { insert(style) }
    }

    mutating func insert(_ style: TextStyle) {
        bits |= 1 << UInt16(TextStyle.allCases.firstIndex(of: style)!)
    }

    func intersection(_ other: StyleMask) -> StyleMask {
        var mask = StyleMask()
        mask.bits = bits & other.bits
        return mask
    }

    var set: Set<TextStyle> {
        if bits == 0 { return [] }
        var styles: Set<TextStyle> = []
        for (i, style) in TextStyle.allCases.enumerated() where bits & (1 << UInt16(i)) != 0 { styles.insert(style) }
        return styles
    }
}

/// A hanging prefix on the lines of a block: a list bullet, a footnote number, the quote
/// indent, "Subject: ". Shown on the block's first line, then replaced by spaces.
struct IndentFrame {
    var first: String
    var role: StyleRole
    var width: Int
    var pendingFirst = true
    /// Too narrow a screen for the indent: the label is set as the first word instead, so
    /// text never gets squeezed to nothing (or past the edge).
    var collapsed: Bool
    var label: String { first.trimmingSpaces }
}

enum Alignment { case left, center, right }
