import FrusModel

/// Writes a run of inlines as Markdown. A printed page that begins inside a word is written
/// after the word (as the reader's layout draws it), so the word stays whole.
struct MarkdownInlines {
    enum Context {
        /// A paragraph: line breaks are hard breaks (`\` at the end of the line).
        case paragraph
        /// A heading or a table cell: one line, so line breaks are spaces.
        case heading
    }

    /// Footnotes of the document: a marker with no footnote is written as text, not as a
    /// reference to a definition that does not exist.
    let footnotes: Set<Int>
    let context: Context

    private var out = ""
    /// Page tags waiting for the end of the word they fell in.
    private var pendingPages: [String] = []

    init(footnotes: Set<Int>, context: Context) {
        self.footnotes = footnotes
        self.context = context
    }

    /// "\[Page 766\]"
    static func pageTag(_ page: String) -> String { MarkdownText.escape("[Page \(page)]") }

    /// The inlines as Markdown, spaces at the ends trimmed and runs of spaces made one.
    static func write(_ inlines: [Inline], footnotes: Set<Int>, context: Context) -> String {
        var w = MarkdownInlines(footnotes: footnotes, context: context)
        w.add(inlines)
        w.flushPages()
        return w.finished()
    }

    private mutating func add(_ inlines: [Inline]) {
        for inline in inlines { add(inline) }
    }

    private mutating func add(_ inline: Inline) {
        switch inline {
        case .text(let s):
            appendText(MarkdownText.escape(s))
        case .styled(let style, let content):
            styled(style, content)
        case .footnoteRef(let n):
            append(footnotes.contains(n) ? "[^\(n)]" : MarkdownText.escape("[\(n)]"))
        case .pageBreak(let p):
            if let last = out.last, !last.isWhitespace {
                pendingPages.append(Self.pageTag(p))
            } else {
                append(Self.pageTag(p) + " ")
            }
        case .lineBreak:
            flushPages()
            switch context {
            case .paragraph:
                trimTrailingSpaces()
                // A break at the start, or a second one in a row, would be a stray backslash.
                if !out.isEmpty, !out.hasSuffix("\\\n") { out += "\\\n" }
            case .heading:
                append(" ")
            }
        case .link(let target, let label):
            link(target, label)
        case .mention(_, let content):
            add(content)
        }
    }

    /// Text, with pending page tags written at its first space (the end of the word).
    private mutating func appendText(_ text: String) {
        guard !pendingPages.isEmpty else { return append(text) }
        if let space = text.firstIndex(where: \.isWhitespace) {
            append(String(text[..<space]))
            flushPages()
            append(String(text[space...]))
        } else {
            append(text)
        }
    }

    private mutating func append(_ s: String) {
        out += s
    }

    private mutating func flushPages() {
        guard !pendingPages.isEmpty else { return }
        out += " " + pendingPages.joined(separator: " ") + " "
        pendingPages.removeAll()
    }

    private mutating func trimTrailingSpaces() {
        while out.last == " " { out.removeLast() }
    }

    /// Emphasis around the content, its outer spaces kept outside the delimiters.
    private mutating func styled(_ style: TextStyle, _ content: [Inline]) {
        let delimiter: String
        switch style {
        case .italic: delimiter = "*"
        case .bold: delimiter = "**"
        // CommonMark has no small capitals, super- or subscript, underline or strike-through:
        // the text is kept plain.
        case .smallCaps, .superscript, .subscript, .underline, .strikethrough, .roman: delimiter = ""
        }
        var inner = MarkdownInlines(footnotes: footnotes, context: context)
        inner.add(content)
        inner.flushPages()
        let text = inner.out
        guard !delimiter.isEmpty, !text.contains("\n") else { return appendText(text) }
        let core = text.trimmingSpaces
        guard !core.isEmpty else { return appendText(text) }
        if text.first?.isWhitespace == true { appendText(" ") }
        appendText(delimiter + core + delimiter)
        if text.last?.isWhitespace == true { appendText(" ") }
    }

    /// `[label](address)`; footnote markers inside the label are written after the link (a
    /// footnote reference inside link text is not portable), and a target with no address
    /// keeps its label as text.
    private mutating func link(_ target: LinkTarget, _ label: [Inline]) {
        var refs: [Int] = []
        let bare = label.flatMap { inline -> [Inline] in
            if case .footnoteRef(let n) = inline { refs.append(n); return [] }
            return [inline]
        }
        var inner = MarkdownInlines(footnotes: footnotes, context: .heading)
        inner.add(bare)
        inner.flushPages()
        let text = inner.finished()
        if let address = target.webAddress, !address.isEmpty {
            appendText("[" + (text.isEmpty ? MarkdownText.escape(address) : text) + "](" + Self.destination(address) + ")")
        } else {
            appendText(text)
        }
        for n in refs { add(.footnoteRef(n)) }
    }

    /// A link destination CommonMark reads as one: spaces, parentheses, angle brackets and
    /// controls percent-encoded.
    static func destination(_ address: String) -> String {
        var out = ""
        for scalar in address.unicodeScalars {
            switch scalar {
            case " ", "(", ")", "<", ">", "\\", "\"", "`":
                out += "%" + String(scalar.value, radix: 16, uppercase: true)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The text with spaces at the ends trimmed and runs of spaces made one (page tags and
    /// emphasis add spaces of their own).
    private func finished() -> String {
        var s = ""
        s.reserveCapacity(out.utf8.count)
        var lastSpace = true
        for c in out {
            if c == " " {
                if !lastSpace { s.append(c) }
                lastSpace = true
            } else {
                s.append(c)
                lastSpace = c == "\n"
            }
        }
        // No space or hard break at the end: a break there would be a stray backslash.
        while true {
            if s.hasSuffix("\\\n") {
                s.removeLast(2)
            } else if s.last == " " {
                s.removeLast()
            } else {
                break
            }
        }
        return s
    }
}
