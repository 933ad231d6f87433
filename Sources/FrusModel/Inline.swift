/// Inline content: the runs of a paragraph, heading or footnote.
///
/// Like pandoc's `Inline`, notes and links stay where they stand in the text: a footnote
/// marker is `.footnoteRef` at its position, a cross-reference is `.link` around its label.
///
/// Not `indirect` as a whole: the nested cases hold arrays, which are references already, and
/// boxing every inline cost an allocation per run of text (freeing the volumes read for the
/// search index took half the time without the boxes). Only `.link` is boxed: its target would
/// make every inline 56 bytes instead of 32.
public enum Inline: Sendable, Hashable {
    /// Plain text. Importers normalise white space: no newlines, no runs of spaces.
    case text(String)
    /// Text with a typographic style (italic, bold, small caps …).
    case styled(TextStyle, [Inline])
    /// The marker of footnote `number` of the enclosing document.
    case footnoteRef(Int)
    /// The start of printed page `page` ("766", "xii").
    case pageBreak(String)
    /// A forced line break inside a block (TEI `lb`, the lines of a signature).
    case lineBreak
    /// A cross-reference around its label.
    indirect case link(LinkTarget, [Inline])
    /// A mention of a person or term of the volume's lists (TEI `persName`, `gloss`).
    case mention(Mention, [Inline])
}

public enum TextStyle: String, Sendable, Hashable, CaseIterable {
    case italic, bold, smallCaps, superscript, `subscript`, underline, strikethrough, roman
}

/// A mention of an entry of the volume's persons or terms list, by its id there.
public enum Mention: Sendable, Hashable {
    case person(String)
    case term(String)
}

extension Inline {
    /// The text a reader sees, without markers or page breaks; line breaks become spaces.
    public var plainText: String {
        switch self {
        case .text(let s): return s
        case .styled(_, let c), .link(_, let c), .mention(_, let c): return c.plainText
        case .footnoteRef, .pageBreak: return ""
        case .lineBreak: return " "
        }
    }
}

extension Array where Element == Inline {
    public var plainText: String { map(\.plainText).joined() }
}
