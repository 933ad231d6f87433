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

/// Lays out documents: model + width → lines of styled runs.
public enum Layout {
    /// The document's heading, body (and footnotes if asked) as wrapped lines.
    public static func document(_ doc: Document, _ options: LayoutOptions) -> LaidOutText {
        // Placeholder: filled by the layout implementation.
        var out = LaidOutText(width: options.width)
        out.lines = [LaidOutLine(runs: [StyledRun(text: String(doc.numberedTitle.prefix(options.width)), role: .title, width: min(options.width, doc.numberedTitle.count))])]
        return out
    }

    /// The footnotes alone, for the side pane: each starts with "N. ", wrapped to width.
    public static func footnotes(_ doc: Document, width: Int) -> LaidOutText {
        LaidOutText(width: width)
    }
}
