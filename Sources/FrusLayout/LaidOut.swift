import FrusModel

// The output of layout: what a screen or the CLI draws. Pure values, no curses.
// The contract between FrusLayout (which fills it) and the view and CLI (which draw it).

/// The role of a run of text; the view maps roles to theme styles (helix-style scopes).
public enum StyleRole: String, Sendable, Hashable, CaseIterable {
    case text, title, heading, subject, dateline, salutation, closer
    case marker          // footnote marker "[2]"
    case link            // cross-reference label (resolution is styled by the view)
    case mention         // person / term mention (drawn over the role around it: see `StyledRun.isMention`)
    case page            // "[Page 766]" tag
    case attachment      // attachment label and heading
    case editorial       // editorial notes printed in the text
    case quote
    case tableBorder
    case footnoteNumber  // "3." at the start of a footnote
}

/// A run of text on one line with one role and text style.
public struct StyledRun: Sendable, Hashable {
    public var text: String
    public var role: StyleRole
    /// Typographic styles in effect (italic, bold …) from the document.
    public var styles: Set<TextStyle>
    /// Display columns of `text`.
    public var width: Int
    /// Part of a mention of a person or term: the view marks it (theme `mention`) over the
    /// look of the text around it, so a name in a bold heading stays bold.
    public var isMention: Bool

    public init(text: String, role: StyleRole, styles: Set<TextStyle> = [], width: Int, isMention: Bool = false) {
        self.text = text
        self.role = role
        self.styles = styles
        self.width = width
        self.isMention = isMention
    }
}

/// One display line: runs left to right. Its display width never exceeds the layout width.
public struct LaidOutLine: Sendable, Hashable {
    public var runs: [StyledRun]
    public init(runs: [StyledRun] = []) { self.runs = runs }
    public var text: String { runs.count == 1 ? runs[0].text : runs.map(\.text).joined() }
    public var width: Int { runs.reduce(0) { $0 + $1.width } }
}

/// A span of display columns on one line (end exclusive).
public struct Span: Sendable, Hashable {
    public var line: Int
    public var columns: Range<Int>
    public init(line: Int, columns: Range<Int>) {
        self.line = line
        self.columns = columns
    }
}

/// Something a reader can select: a footnote marker or a link, with where it is drawn.
/// A link whose label wraps has several spans, first to last.
public struct LaidOutReference: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The marker of footnote `n`.
        case marker(Int)
        /// A cross-reference; `index` is its position in `Document.references` order.
        case link(LinkTarget, index: Int)
    }
    public var kind: Kind
    public var spans: [Span]
    /// Where it stands: body, or footnote k (for footnote-pane layouts).
    public var site: ReferenceSite

    public init(kind: Kind, spans: [Span], site: ReferenceSite) {
        self.kind = kind
        self.spans = spans
        self.site = site
    }

    public var firstLine: Int { spans.first?.line ?? 0 }
}

/// A mention of a person or term of the volume's lists and where it is drawn (a name that
/// wraps has several spans), for the reader's look-up (`K`).
public struct LaidOutMention: Sendable, Hashable {
    public var mention: Mention
    public var spans: [Span]

    public init(mention: Mention, spans: [Span]) {
        self.mention = mention
        self.spans = spans
    }

    public var firstLine: Int { spans.first?.line ?? 0 }
}

/// A printed-page tag and where it is drawn.
public struct LaidOutPage: Sendable, Hashable {
    public var page: String
    public var span: Span
    public init(page: String, span: Span) {
        self.page = page
        self.span = span
    }
}

/// A laid-out text: lines, and the positions of references and page tags in reading order.
public struct LaidOutText: Sendable, Hashable {
    public var width: Int
    public var lines: [LaidOutLine]
    /// Markers and links in reading order.
    public var references: [LaidOutReference]
    public var pages: [LaidOutPage]
    /// For footnote layouts (and the footnotes of `includeFootnotes`): the lines of each
    /// footnote, by number, from its "N." line to its last line (the blank line after it excluded).
    public var footnoteLines: [Int: Range<Int>]
    /// Mentions of persons and terms in reading order.
    public var mentions: [LaidOutMention]

    public init(
        width: Int, lines: [LaidOutLine] = [], references: [LaidOutReference] = [],
        pages: [LaidOutPage] = [], footnoteLines: [Int: Range<Int>] = [:], mentions: [LaidOutMention] = []
    ) {
        self.width = width
        self.lines = lines
        self.references = references
        self.pages = pages
        self.footnoteLines = footnoteLines
        self.mentions = mentions
    }

    /// The printed page in effect at `line`: the last page tag at or above it.
    public func page(atLine line: Int) -> String? {
        pages.last { $0.span.line <= line }?.page
    }

    /// The line of a page tag.
    /// Also by `Volume.pageKey`: `:p VIII` finds the page printed "[VIII]".
    public func line(ofPage page: String) -> Int? {
        if let exact = pages.first(where: { $0.page == page }) { return exact.span.line }
        let key = Volume.pageKey(page)
        return pages.first { Volume.pageKey($0.page) == key }?.span.line
    }
}
