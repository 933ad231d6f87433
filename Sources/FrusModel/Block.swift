/// Block content of a document, an attachment or a footnote.
///
/// A closed set of FRUS shapes plus `.container` for anything an importer does not map,
/// so that no text is ever dropped (pandoc's `Div`).
///
/// Not `indirect`: nested blocks are in arrays (references already), so a block needs no box
/// of its own — one allocation less per paragraph (see `Inline`).
public enum Block: Sendable, Hashable {
    /// A heading inside a document (not the document's own title).
    case heading([Inline])
    case paragraph([Inline], ParagraphStyle)
    /// Place and date of a document ("Washington, January 13, 1986").
    case dateline([Inline])
    /// "Dear Mr. President,"
    case salutation([Inline])
    /// Signature and closing lines ("Ronald Reagan"); lines separated by `.lineBreak`.
    case closer([Inline])
    /// A list; each item is a list of blocks. Its head, if any (TEI `<head>`: "PARTICIPANTS",
    /// a group's "Treasury"), is the `.heading` right before it; layout keeps the two together.
    case list(ListKind, [[Block]])
    case quote([Block])
    /// A simple grid: rows of cells of inlines.
    case table([[[Inline]]])
    /// An attached document: its own heading and blocks.
    case attachment(Attachment)
    /// An editorial note printed in the text, not as a footnote (e.g. "[text not declassified]",
    /// a document withheld from publication).
    case editorialNote([Inline])
    /// Content of an element no importer maps, kept with the element's name.
    case container(String, [Block])
}

public enum ParagraphStyle: String, Sendable, Hashable {
    case normal, centered, flushLeft, flushRight, sectionTitle, postscript
}

public enum ListKind: String, Sendable, Hashable {
    case plain, bulleted, ordered, subject, participants
}

/// An attachment: a document attached to the main one, with its own heading.
public struct Attachment: Sendable, Hashable {
    /// Label printed above the heading ("Attachment", "Tab A"), if any.
    public var label: [Inline]
    public var heading: [Inline]
    public var blocks: [Block]

    public init(label: [Inline] = [], heading: [Inline], blocks: [Block]) {
        self.label = label
        self.heading = heading
        self.blocks = blocks
    }
}
