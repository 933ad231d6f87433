import FrusModel

/// Writes blocks as Markdown, one string per block (the caller joins them with blank lines).
struct MarkdownBlocks {
    let footnotes: Set<Int>

    init(doc: Document) {
        footnotes = Set(doc.footnotes.map(\.number))
    }

    func inlines(_ inlines: [Inline], context: MarkdownInlines.Context) -> String {
        MarkdownInlines.write(inlines, footnotes: footnotes, context: context)
    }

    /// A paragraph's text, safe at the start of each of its lines.
    private func paragraph(_ inlines: [Inline]) -> String {
        MarkdownText.escapeLineStart(self.inlines(inlines, context: .paragraph))
    }

    /// `headingLevel`: the level of a heading among these blocks (the document's title is 1,
    /// its headings 2, an attachment's heading 2 and the headings inside it 3 …, at most 6).
    func blocks(_ blocks: [Block], headingLevel: Int) -> [String] {
        blocks.map { block($0, headingLevel: headingLevel) }.filter { !$0.isEmpty }
    }

    func block(_ block: Block, headingLevel: Int) -> String {
        switch block {
        case .heading(let i):
            return heading(i, level: headingLevel)
        case .paragraph(let i, let style):
            switch style {
            case .sectionTitle: return heading(i, level: headingLevel)
            case .normal, .centered, .flushLeft, .flushRight, .postscript: return paragraph(i)
            }
        case .dateline(let i):
            return emphasisedParagraph(i)
        case .salutation(let i), .closer(let i), .editorialNote(let i):
            return paragraph(i)
        case .list(let kind, let items):
            return list(kind, items, headingLevel: headingLevel)
        case .quote(let b):
            return MarkdownText.prefixLines(blocks(b, headingLevel: headingLevel).joined(separator: "\n\n"), with: "> ")
        case .table(let rows):
            return table(rows)
        case .attachment(let a):
            var parts: [String] = []
            let label = inlines(a.label, context: .heading)
            if !label.isEmpty { parts.append("**" + label + "**") }
            if !a.heading.isEmpty { parts.append(heading(a.heading, level: headingLevel)) }
            parts += blocks(a.blocks, headingLevel: headingLevel + 1)
            return parts.filter { !$0.isEmpty }.joined(separator: "\n\n")
        case .container(_, let b):
            return blocks(b, headingLevel: headingLevel).joined(separator: "\n\n")
        }
    }

    private func heading(_ i: [Inline], level: Int) -> String {
        let text = inlines(i, context: .heading)
        guard !text.isEmpty else { return "" }
        return String(repeating: "#", count: min(max(level, 1), 6)) + " " + text
    }

    /// `_…_` around a one-line paragraph (a dateline); a paragraph of several lines is written
    /// plain.
    private func emphasisedParagraph(_ i: [Inline]) -> String {
        let text = paragraph(i)
        guard !text.contains("\n") else { return text }
        return MarkdownText.emphasised(text)
    }

    /// Items marked `-` (or `1.` … for ordered lists), their further lines indented under the
    /// marker; tight when every item is one paragraph line.
    private func list(_ kind: ListKind, _ items: [[Block]], headingLevel: Int) -> String {
        var written: [String] = []
        var tight = true
        for (n, item) in items.enumerated() {
            let marker = kind == .ordered ? "\(n + 1). " : "- "
            var body = blocks(item, headingLevel: headingLevel).joined(separator: "\n\n")
            if body.contains("\n") { tight = false }
            // An empty item would end the list in some renderers.
            if body.isEmpty { body = MarkdownText.escape("—") }
            written.append(marker + MarkdownText.indent(body, by: marker.count, first: false))
        }
        return written.joined(separator: tight ? "\n" : "\n\n")
    }

    /// A pipe table; the first row is its header (Markdown tables must have one).
    private func table(_ rows: [[[Inline]]]) -> String {
        let cells = rows.map { row in row.map { inlines($0, context: .heading) } }
        let columns = cells.map(\.count).max() ?? 0
        guard columns > 0 else { return "" }
        func line(_ row: [String]) -> String {
            let padded = row + Array(repeating: "", count: columns - row.count)
            return "| " + padded.joined(separator: " | ") + " |"
        }
        var lines = [line(cells[0]), line(Array(repeating: "---", count: columns))]
        lines += cells.dropFirst().map(line)
        return lines.joined(separator: "\n")
    }
}
