import FrusModel

/// Options for laying out a document.
public struct LayoutOptions: Sendable, Hashable {
    /// Display columns available (at least 1).
    public var width: Int
    /// Show the footnotes after the body (CLI `show`), or leave them to a side pane (reader).
    public var includeFootnotes: Bool

    public init(width: Int, includeFootnotes: Bool = false) {
        self.width = max(1, width)
        self.includeFootnotes = includeFootnotes
    }
}

/// Lays out documents: model + width → lines of styled runs, with where every footnote
/// marker, link and page tag is drawn. Pure: the screen and the CLI share it.
public enum Layout {
    /// Columns of the rule between the body and the footnotes.
    static let footnoteRuleWidth = 20

    /// The document's heading, body (and footnotes if asked) as wrapped lines.
    ///
    /// Links are numbered in `Document.references` order (title, body, footnotes), so
    /// `.link(_, index:)` maps to that list.
    public static func document(_ doc: Document, _ options: LayoutOptions) -> LaidOutText {
        writer(doc, options).result
    }

    /// The writer after laying out `doc` (tests read its `slowPathBytes`).
    static func writer(_ doc: Document, _ options: LayoutOptions) -> TextWriter {
        var writer = TextWriter(width: options.width)
        writer.markerLabels = markerLabels(doc)
        writer.heading(of: doc)
        writer.blocks(doc.blocks)
        if options.includeFootnotes && !doc.footnotes.isEmpty {
            writer.separateNextBlock = true
            writer.rule(footnoteRuleWidth, role: .tableBorder)
            for note in doc.footnotes { writer.footnote(note) }
        }
        return writer
    }

    /// The footnotes alone, for the side pane: each starts with "N. ", wrapped to width, a
    /// blank line between them; `footnoteLines[n]` is the lines of footnote n.
    public static func footnotes(_ doc: Document, width: Int) -> LaidOutText {
        var writer = TextWriter(width: width, nextLinkIndex: bodyLinkCount(doc))
        writer.markerLabels = markerLabels(doc)
        for note in doc.footnotes { writer.footnote(note) }
        return writer.result
    }

    /// The labels markers show, where they differ from the footnote's number.
    static func markerLabels(_ doc: Document) -> [Int: String] {
        var out: [Int: String] = [:]
        for note in doc.footnotes where note.markerLabel != String(note.number) { out[note.number] = note.markerLabel }
        return out
    }

    /// How many links the title and body hold: footnote links are numbered after them.
    static func bodyLinkCount(_ doc: Document) -> Int {
        var count = 0
        let visit: (Inline) -> Void = { if case .link = $0 { count += 1 } }
        for inline in doc.titleInlines { inline.forEach(visit) }
        for block in doc.blocks { block.forEachInline(visit) }
        return count
    }
}
