/// A reader's note on a document: what they wrote, where in the document it belongs, and when.
///
/// The model's own type (not the notes file's) so that the reader, the writers (Markdown export
/// with `--notes`) and the user files share it; `FrusUserFiles.NotesStore` reads and writes them.
/// The JSON keys of `frusread notes --json` are these property names.
public struct Note: Sendable, Hashable, Codable {
    /// The volume id ("frus1981-88v05").
    public var volume: String
    /// The document number ("175").
    public var document: String
    /// Where in the document the note belongs: "paragraph 4" (the 4th run of text of the body,
    /// headings and list items counted), "footnote 2" (a footnote marker), "link 3" (the 3rd
    /// cross-reference of the body), or "" (the document as a whole).
    public var anchor: String
    /// The passage the note is about, as it read when the note was made (may be empty).
    public var quote: String
    /// When the note was made, ISO 8601 ("2026-12-05T18:40:00Z"), as written in the file.
    public var created: String
    /// The note itself (Markdown, as the reader wrote it).
    public var text: String
    /// The file the note was read from (empty for a note not yet written).
    public var file: String

    public init(
        volume: String, document: String, anchor: String = "", quote: String = "", created: String = "",
        text: String, file: String = ""
    ) {
        self.volume = volume
        self.document = document
        self.anchor = anchor
        self.quote = quote
        self.created = created
        self.text = text
        self.file = file
    }
}

/// Where a note is anchored, parsed from `Note.anchor`.
public enum NoteAnchor: Sendable, Hashable, CustomStringConvertible {
    /// The document as a whole.
    case document
    /// The n-th (1-based) run of inline text of the body, in reading order.
    case paragraph(Int)
    /// The marker of footnote n.
    case footnote(Int)
    /// The n-th (1-based) cross-reference of the title and body.
    case link(Int)

    public init(parsing text: String) {
        let words = text.split(separator: " ")
        guard words.count >= 2, let n = Int(words[1]), n > 0 else {
            self = .document
            return
        }
        switch words[0].lowercased() {
        case "paragraph": self = .paragraph(n)
        case "footnote": self = .footnote(n)
        case "link": self = .link(n)
        default: self = .document
        }
    }

    public var description: String {
        switch self {
        case .document: return ""
        case .paragraph(let n): return "paragraph \(n)"
        case .footnote(let n): return "footnote \(n)"
        case .link(let n): return "link \(n)"
        }
    }
}
