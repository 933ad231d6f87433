/// A footnote of a document: its identity in the document, the label printed with it, and its
/// content.
///
/// `number` identifies the note within its document and is what `.footnoteRef` points at: the
/// printed number for volumes numbered 1…N, else the note's place (1-based) in the document.
/// `label` is what is printed ("3", "a", "*", "†"), kept apart because older volumes label
/// notes with symbols and restart numbering inside a document (1, 1, 2).
public struct Footnote: Sendable, Hashable {
    public var number: Int
    /// As printed: "3", "*", "†" (empty when the source prints none).
    public var label: String
    /// The source's id for the note (TEI `xml:id`, e.g. "d175fn3"), if any.
    public var id: String?
    public var blocks: [Block]

    public init(number: Int, label: String? = nil, id: String? = nil, blocks: [Block]) {
        self.number = number
        self.label = label ?? String(number)
        self.id = id
        self.blocks = blocks
    }

    /// What a marker and the footnote list show: the label, or "#" and the note's number when
    /// the source prints none (so it is not taken for a printed "1" of another note).
    public var markerLabel: String { label.isEmpty ? "#\(number)" : label }

    /// The start of the note in a footnote list: "3. " for a number (also one with a letter
    /// after it, "11a. ", a note added between 11 and 12), "* " for a symbol, as printed books
    /// set them.
    public var listLabel: String {
        let shown = markerLabel
        let numbered = shown.first?.isNumber == true && shown.allSatisfy { $0.isNumber || $0.isLetter }
        return numbered ? "\(shown). " : "\(shown) "
    }

    /// The note as one line of plain text (paragraphs joined by a space).
    public var plainText: String { blocks.map(\.plainText).filter { !$0.isEmpty }.joined(separator: " ") }

    /// The cross-references this footnote holds, in order.
    public var links: [LinkTarget] { blocks.flatMap(\.linkTargets) }
}
