import Foundation

/// How text is compared when searching: diacritics never matter (`Sakharov` finds `Sáchárov`),
/// every apostrophe is the same apostrophe (’ ‘ ʼ ′ ') and every double quote the same quote,
/// white space runs (line ends included) are one space, and case matters only when asked
/// (smartcase: a query with a capital).
public struct TextFolding: Sendable, Hashable {
    public var caseSensitive: Bool

    public init(caseSensitive: Bool) { self.caseSensitive = caseSensitive }

    /// Smartcase: case-sensitive exactly when the query has an upper-case letter.
    public static func smartcase(for query: String) -> TextFolding {
        TextFolding(caseSensitive: query.contains { $0.isUppercase })
    }

    /// The folded form of a whole string (for queries and tests).
    public func fold(_ text: String) -> String {
        var folded = FoldedText(folding: self)
        for c in text { folded.append(c, origin: 0) }
        return String(String.UnicodeScalarView(folded.scalars))
    }

    /// Appends the folded scalars of one character to `out`; white space becomes nothing here
    /// (the caller collapses it).
    func appendFolded(_ c: Character, to out: inout [Unicode.Scalar]) {
        // Fast path: most of a FRUS document is ASCII.
        if let ascii = c.asciiValue {
            var scalar = Unicode.Scalar(ascii)
            if !caseSensitive, ascii >= 65, ascii <= 90 { scalar = Unicode.Scalar(ascii + 32) }
            if ascii == 0x60 { scalar = "'" }  // a backtick typed for an apostrophe
            out.append(scalar)
            return
        }
        if let first = c.unicodeScalars.first, c.unicodeScalars.count == 1 {
            switch first {
            case "\u{2019}", "\u{2018}", "\u{02BC}", "\u{2032}", "\u{00B4}", "\u{201B}": out.append("'"); return
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{2033}": out.append("\""); return
            default: break
            }
        }
        let options: String.CompareOptions = caseSensitive
            ? [.diacriticInsensitive] : [.diacriticInsensitive, .caseInsensitive]
        let folded = String(c).folding(options: options, locale: nil)
        for scalar in folded.unicodeScalars {
            // Folding leaves combining marks that have no precomposed base; drop them too.
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            out.append(scalar)
        }
    }
}

/// Text folded for matching, with where each folded scalar came from (an `origin` chosen by
/// the caller: a character index, or an index into a table of line/column positions).
struct FoldedText {
    let folding: TextFolding
    private(set) var scalars: [Unicode.Scalar] = []
    private(set) var origins: [Int] = []
    private var scratch: [Unicode.Scalar] = []
    /// Starts true so that leading white space is dropped.
    private var lastWasSpace = true

    init(folding: TextFolding, capacity: Int = 0) {
        self.folding = folding
        scalars.reserveCapacity(capacity)
        origins.reserveCapacity(capacity)
    }

    mutating func append(_ c: Character, origin: Int) {
        if c.isWhitespace {
            appendSpace(origin: origin)
            return
        }
        scratch.removeAll(keepingCapacity: true)
        folding.appendFolded(c, to: &scratch)
        for scalar in scratch {
            scalars.append(scalar)
            origins.append(origin)
        }
        if !scratch.isEmpty { lastWasSpace = false }
    }

    /// One printable ASCII byte (0x20…0x7E): the same as `append` of its character, faster.
    mutating func appendASCII(_ byte: UInt8, origin: Int) {
        if byte == 0x20 {
            appendSpace(origin: origin)
            return
        }
        var folded = byte
        if !folding.caseSensitive, byte >= 65, byte <= 90 { folded = byte + 32 }
        if byte == 0x60 { folded = 0x27 }  // a backtick typed for an apostrophe
        scalars.append(Unicode.Scalar(folded))
        origins.append(origin)
        lastWasSpace = false
    }

    /// A run of white space, or a line boundary: one space however many there are.
    mutating func appendSpace(origin: Int) {
        guard !lastWasSpace else { return }
        scalars.append(" ")
        origins.append(origin)
        lastWasSpace = true
    }

    /// The scalars without a trailing space (for queries).
    mutating func trimTrailingSpace() {
        if scalars.last == " " {
            scalars.removeLast()
            origins.removeLast()
        }
    }
}

extension Unicode.Scalar {
    /// A character of a word, as SQLite's `unicode61` tokenizer sees it (categories L*, N*, Co):
    /// everything else — spaces, punctuation, apostrophes, symbols — separates words.
    var isWordCharacter: Bool {
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }
}
