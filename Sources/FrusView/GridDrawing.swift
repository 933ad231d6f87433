import FrusLayout
import FrusReader
import FrusTheme

extension Grid {
    /// Writes `text` from column `x` of row `y`, never past column `limit` (exclusive; default
    /// the right edge) nor outside the grid. Wide graphemes take two cells (the second a
    /// continuation); one that does not fit leaves a blank. Controls are drawn as placeholders.
    /// Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, limit: Int? = nil) -> Int {
        let end = Swift.min(limit ?? width, width)
        guard y >= 0, y < height else { return x }
        var col = x
        // Fast paths, nearly all text: printable ASCII, then also curly quotes, dashes and
        // accented letters — one column a scalar, no grapheme breaking.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return putNarrow(text.utf8, count: text.utf8.count, x: x, y: y, end: end) {
                Cell(ascii: $0, style: style)
            }
        }
        if text.unicodeScalars.allSatisfy(DisplayWidth.isPlainNarrow) {
            return putNarrow(text.unicodeScalars, count: text.unicodeScalars.count, x: x, y: y, end: end) {
                Cell(scalar: $0, style: style)
            }
        }
        for c in text {
            if col >= end { break }
            // Fast path, most characters: printable ASCII is one column and drawn as it is.
            if let a = c.asciiValue, a >= 0x20, a < 0x7F {
                if col >= 0 {
                    clearWide(at: col, y)
                    self[col, y] = Cell(ascii: a, style: style)
                }
                col += 1
                continue
            }
            // Controls become one-column placeholders (FrusLayout's TerminalText): nothing from a
            // document reaches the terminal as a control character.
            let placeholder = TerminalText.replacement(for: c)
            let w = placeholder == nil ? DisplayWidth.of(c) : 1
            if w == 0 { continue }
            if col < 0 { col += w; continue }
            if w == 2 && col + 1 >= end {
                self[col, y] = Cell(" ", style: style)
                col += 1
                break
            }
            let g = placeholder.map { String($0) } ?? String(c)
            clearWide(at: col, y)
            self[col, y] = Cell(g, style: style)
            if w == 2 {
                clearWide(at: col + 1, y)
                self[col + 1, y] = Cell("", style: style, isContinuation: true)
            }
            col += w
        }
        return col
    }

    /// Writes `count` one-column elements from column `x`, clipped to `0..<end`, straight into
    /// the row (one uniqueness check, not one per cell). Returns the column after the last.
    private mutating func putNarrow<C: Collection>(
        _ items: C, count: Int, x: Int, y: Int, end: Int, cell: (C.Element) -> Cell
    ) -> Int {
        let first = Swift.max(x, 0), last = Swift.min(x + count, end)
        guard first < last else { return Swift.max(x, Swift.min(x + count, end)) }
        // Only the run's two edges can cut a wide glyph: every cell between is overwritten.
        clearWide(at: first, y)
        clearWide(at: last - 1, y)
        let row = y * width
        cells.withUnsafeMutableBufferPointer { cells in
            var column = x
            for item in items {
                if column >= last { break }
                if column >= first { cells[row + column] = cell(item) }
                column += 1
            }
        }
        return last
    }

    /// One glyph known to take one column (box drawing), clipped to the grid.
    private mutating func glyph(_ g: String, x: Int, y: Int, style: Style) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        clearWide(at: x, y)
        self[x, y] = Cell(g, style: style)
    }

    /// Before overwriting a cell, blanks the other half of a wide grapheme it belongs to.
    private mutating func clearWide(at x: Int, _ y: Int) {
        if self[x, y].isContinuation, x > 0 { self[x - 1, y] = Cell(" ", style: self[x - 1, y].style) }
        if x + 1 < width, self[x + 1, y].isContinuation { self[x + 1, y] = Cell(" ", style: self[x + 1, y].style) }
    }

    /// Fills a rectangle (clipped to the grid) with blanks of `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let x0 = Swift.max(0, rect.x), y0 = Swift.max(0, rect.y)
        let x1 = Swift.min(width, rect.x + rect.width), y1 = Swift.min(height, rect.y + rect.height)
        guard x0 < x1, y0 < y1 else { return }
        // Every frame fills its panes: one cell value, stored row by row without per-cell checks.
        let blank = Cell(ascii: 0x20, style: style)
        let w = width
        cells.withUnsafeMutableBufferPointer { cells in
            for y in y0..<y1 {
                for i in (y * w + x0)..<(y * w + x1) { cells[i] = blank }
            }
        }
    }

    /// Draws `style` over the cells of a rectangle, keeping their text.
    public mutating func patch(_ rect: Rect, with style: Style) {
        let x0 = Swift.max(0, rect.x), y0 = Swift.max(0, rect.y)
        let x1 = Swift.min(width, rect.x + rect.width), y1 = Swift.min(height, rect.y + rect.height)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 { for x in x0..<x1 { self[x, y].style = self[x, y].style.patched(with: style) } }
    }

    /// Replaces the style of a rectangle's cells, keeping their text.
    public mutating func restyle(_ rect: Rect, with style: Style) {
        let x0 = Swift.max(0, rect.x), y0 = Swift.max(0, rect.y)
        let x1 = Swift.min(width, rect.x + rect.width), y1 = Swift.min(height, rect.y + rect.height)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 { for x in x0..<x1 { self[x, y].style = style } }
    }

    /// A box border with an optional title in the top edge: "┌ Title ───┐".
    public mutating func box(_ rect: Rect, style: Style, title: String? = nil, titleStyle: Style? = nil, rightTitle: String? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.x + rect.width - 1, bottom = rect.y + rect.height - 1
        // Box-drawing glyphs are one column each: set cell by cell, without measuring text.
        glyph("┌", x: rect.x, y: rect.y, style: style)
        glyph("└", x: rect.x, y: bottom, style: style)
        for x in (rect.x + 1)..<right {
            glyph("─", x: x, y: rect.y, style: style)
            glyph("─", x: x, y: bottom, style: style)
        }
        glyph("┐", x: right, y: rect.y, style: style)
        glyph("┘", x: right, y: bottom, style: style)
        if rect.height > 2 {
            for y in (rect.y + 1)..<bottom {
                glyph("│", x: rect.x, y: y, style: style)
                glyph("│", x: right, y: y, style: style)
            }
        }
        var used = rect.x + 1
        if let title, rect.width > 6 {
            used = put(" " + title + " ", x: rect.x + 1, y: rect.y, style: titleStyle ?? style, limit: right)
        }
        if let rightTitle {
            let text = " " + rightTitle + " "
            let w = DisplayWidth.of(text)
            let start = right - 1 - w
            if start > used { put(text, x: start, y: rect.y, style: style, limit: right) }
        }
    }

    /// `text` cut to `width` columns, with "…" when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        // Most titles are plain ASCII that fits: nothing to replace or cut.
        if text.utf8.count <= width, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        // Next: quotes, dashes, accents, arrows — one column a scalar, nothing to replace.
        if text.unicodeScalars.allSatisfy(DisplayWidth.isPlainNarrow) {
            let count = text.unicodeScalars.count
            if count <= width { return text }
            return String(String.UnicodeScalarView(text.unicodeScalars.prefix(width - 1))) + "…"
        }
        let text = TerminalText.sanitize(text)
        if DisplayWidth.of(text) <= width { return text }
        var out = ""
        var used = 0
        for c in text {
            let w = DisplayWidth.of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }
}
