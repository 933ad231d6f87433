import FrusView

/// Which cells of a new frame must be painted, given the last one (ratatui's `Buffer::diff`).
///
/// A wide glyph stands in its first cell and owns the continuation cells after it. The diff
/// never paints a continuation cell on its own, and after a cell that was or is wide it repaints
/// the cells the wider glyph covered, so no half of an old glyph is left behind.
public enum GridDiff {
    /// A cell to paint and how many columns it owns.
    public struct Change: Sendable, Hashable {
        public var x: Int
        public var y: Int
        public var span: Int
        public init(x: Int, y: Int, span: Int) {
            self.x = x
            self.y = y
            self.span = span
        }
    }

    /// The changes from `old` to `new` (same size), row by row, left to right.
    public static func changes(from old: Grid, to new: Grid) -> [Change] {
        precondition(old.width == new.width && old.height == new.height, "diff of grids of different sizes")
        var changes: [Change] = []
        let width = new.width
        // Compare the cells in place (no copies of their strings and styles): this runs for
        // every cell of every frame.
        old.cells.withUnsafeBufferPointer { o in
            new.cells.withUnsafeBufferPointer { n in
                for y in 0..<new.height {
                    let row = y * width
                    var invalidated = 0  // columns still covered by a wide glyph of either frame
                    var toSkip = 0  // continuation columns of the glyph just painted
                    for x in 0..<width {
                        let currentSpan = span(n, row, x, width)
                        let differs = x == 0
                            ? normalized(new, 0, y) != normalized(old, 0, y)
                            : n[row + x] != o[row + x]
                        if toSkip == 0, differs || invalidated > 0 {
                            changes.append(Change(x: x, y: y, span: currentSpan))
                        }
                        toSkip = max(0, toSkip - 1, currentSpan - 1)
                        invalidated = max(0, max(currentSpan, span(o, row, x, width), invalidated) - 1)
                    }
                }
            }
        }
        return changes
    }

    @inline(__always)
    private static func span(_ cells: UnsafeBufferPointer<Cell>, _ row: Int, _ x: Int, _ width: Int) -> Int {
        var end = x + 1
        while end < width, cells[row + end].isContinuation { end += 1 }
        return end - x
    }

    /// Every cell of `grid` that is not a continuation: a full repaint.
    public static func all(_ grid: Grid) -> [Change] {
        var changes: [Change] = []
        for y in 0..<grid.height {
            var x = 0
            while x < grid.width {
                let s = span(of: grid, x, y)
                changes.append(Change(x: x, y: y, span: s))
                x += s
            }
        }
        return changes
    }

    /// Columns owned by the cell at (x, y): 1 plus the continuation cells right after it.
    /// A continuation cell itself (owned by the glyph before it) counts as 1.
    public static func span(of grid: Grid, _ x: Int, _ y: Int) -> Int {
        var end = x + 1
        while end < grid.width, grid[end, y].isContinuation { end += 1 }
        return end - x
    }

    /// A continuation with no glyph before it (first column) can only be drawn as a blank.
    static func normalized(_ grid: Grid, _ x: Int, _ y: Int) -> Cell {
        let cell = grid[x, y]
        return x == 0 && cell.isContinuation ? .blank : cell
    }
}
