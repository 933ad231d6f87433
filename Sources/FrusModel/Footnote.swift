/// A footnote of a document: its number (as printed, 1…N per document) and its content.
public struct Footnote: Sendable, Hashable {
    public var number: Int
    /// The source's id for the note (TEI `xml:id`, e.g. "d175fn3"), if any.
    public var id: String?
    public var blocks: [Block]

    public init(number: Int, id: String? = nil, blocks: [Block]) {
        self.number = number
        self.id = id
        self.blocks = blocks
    }

    /// The note as one line of plain text (paragraphs joined by a space).
    public var plainText: String { blocks.map(\.plainText).filter { !$0.isEmpty }.joined(separator: " ") }

    /// The cross-references this footnote holds, in order.
    public var links: [LinkTarget] { blocks.flatMap(\.linkTargets) }
}
