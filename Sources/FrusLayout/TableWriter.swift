import FrusModel

/// Tables as a simple grid: columns separated by " │ ", cells wrapped inside their column,
/// rules between rows when a cell takes several lines. When the columns cannot get
/// `minimumCellWidth` each, the table is stacked: each cell a paragraph, rows between rules.
extension TextWriter {
    static let minimumCellWidth = 6
    static let columnSeparator = " │ "

    mutating func table(_ rows: [[[Inline]]]) {
        let columns = rows.map(\.count).max() ?? 0
        guard columns > 0 else { return }
        let separatorWidth = DisplayWidth.of(Self.columnSeparator)
        let usable = textWidth - separatorWidth * (columns - 1)
        if columns == 1 || usable < columns * Self.minimumCellWidth {
            stackedTable(rows)
            return
        }
        let widths = Self.share(usable, among: naturalWidths(rows, columns: columns, limit: usable))

        // Lay out every cell in its column; links are numbered in reading order, row by row.
        var cells: [[TextWriter]] = []
        for row in rows {
            var laid: [TextWriter] = []
            for c in 0..<columns {
                var cell = TextWriter(width: widths[c], site: site, nextLinkIndex: nextLinkIndex)
                if c < row.count { cell.inlineBlock(row[c], role: .text) }
                nextLinkIndex = cell.nextLinkIndex
                laid.append(cell)
            }
            cells.append(laid)
        }
        let ruled = cells.contains { row in row.contains { $0.lines.count > 1 } }

        for (r, row) in cells.enumerated() {
            if r > 0 && ruled { rowRule(widths) }
            let height = max(1, row.map(\.lines.count).max() ?? 0)
            var firstLine = 0
            var columnStarts: [Int] = []
            for k in 0..<height {
                beginLine()
                if k == 0 { firstLine = lines.count }
                for c in 0..<columns {
                    if k == 0 { columnStarts.append(column) }
                    let start = column
                    if k < row[c].lines.count {
                        for run in row[c].lines[k].runs {
                            appendRun(run.text, width: run.width, role: run.role, styles: run.styles, isMention: run.isMention)
                        }
                    }
                    if c < columns - 1 {
                        let pad = widths[c] - (column - start)
                        if pad > 0 { appendRun(String(repeating: " ", count: pad), width: pad, role: .text) }
                        appendRun(Self.columnSeparator, width: separatorWidth, role: .tableBorder)
                    }
                }
                finishLine()
            }
            for c in 0..<columns {
                adopt(row[c], lineOffset: firstLine, columnOffset: columnStarts[c])
            }
        }
        separateNextBlock = true
    }

    /// Takes a cell's references and page tags, moved to where the cell is drawn.
    private mutating func adopt(_ cell: TextWriter, lineOffset: Int, columnOffset: Int) {
        for var reference in cell.references {
            reference.spans = reference.spans.map {
                Span(line: $0.line + lineOffset, columns: $0.columns.lowerBound + columnOffset..<$0.columns.upperBound + columnOffset)
            }
            references.append(reference)
        }
        for var mention in cell.mentions {
            mention.spans = mention.spans.map {
                Span(line: $0.line + lineOffset, columns: $0.columns.lowerBound + columnOffset..<$0.columns.upperBound + columnOffset)
            }
            mentions.append(mention)
        }
        for var page in cell.pages {
            page.span = Span(
                line: page.span.line + lineOffset,
                columns: page.span.columns.lowerBound + columnOffset..<page.span.columns.upperBound + columnOffset)
            pages.append(page)
        }
    }

    /// The widest line each column's cells need, up to `limit`.
    private func naturalWidths(_ rows: [[[Inline]]], columns: Int, limit: Int) -> [Int] {
        var natural = [Int](repeating: 1, count: columns)
        for row in rows {
            for (c, inlines) in row.enumerated() {
                var probe = TextWriter(width: limit, site: site, nextLinkIndex: nextLinkIndex)
                probe.inlineBlock(inlines, role: .text)
                let widest = probe.lines.map(\.width).max() ?? 0
                natural[c] = max(natural[c], widest)
            }
        }
        return natural
    }

    /// Column widths: every column its natural width if they fit; otherwise narrow columns
    /// keep theirs and the wide ones share what is left equally (water filling).
    static func share(_ usable: Int, among natural: [Int]) -> [Int] {
        if natural.reduce(0, +) <= usable { return natural }
        var widths = natural
        var remaining = usable
        var left = natural.count
        for c in natural.indices.sorted(by: { natural[$0] < natural[$1] }) {
            widths[c] = min(natural[c], remaining / left)
            remaining -= widths[c]
            left -= 1
        }
        return widths
    }

    private mutating func rowRule(_ widths: [Int]) {
        beginLine()
        for (c, w) in widths.enumerated() {
            appendRun(String(repeating: "─", count: w), width: w, role: .tableBorder)
            if c < widths.count - 1 { appendRun("─┼─", width: 3, role: .tableBorder) }
        }
        finishLine()
    }

    /// Too narrow for a grid: each cell a paragraph, a rule between rows.
    private mutating func stackedTable(_ rows: [[[Inline]]]) {
        for (r, row) in rows.enumerated() {
            if r > 0 {
                separateNextBlock = false
                rule(textWidth, role: .tableBorder)
            }
            for (c, cell) in row.enumerated() {
                if r > 0 || c > 0 { separateNextBlock = false }
                inlineBlock(cell, role: .text)
            }
        }
        separateNextBlock = true
    }
}
