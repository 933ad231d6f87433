import FrusView

/// Keeps the last frame and sends a `Screen` only what changed (ratatui's `Terminal`): no
/// flicker, and little output on slow links. The first frame, a frame of a new size, and any
/// frame after `invalidate()` (Ctrl-L, resume after Ctrl-Z) clear the screen and repaint
/// every cell.
public final class Renderer {
    public let screen: Screen
    /// Transliterate to ASCII (non-UTF-8 locale).
    public let asciiOnly: Bool
    private var previous: Grid?
    /// The grid the next frame is drawn into: the frame before last, reused, so that no
    /// frame allocates, copies or frees a whole grid (ratatui's two buffers).
    private var spare: Grid?

    public init(screen: Screen, asciiOnly: Bool = false) {
        self.screen = screen
        self.asciiOnly = asciiOnly
    }

    /// Forgets the last frame: the next `render` clears the screen and repaints everything.
    public func invalidate() { previous = nil }

    /// Draws a frame with `draw` into a reused grid of `width × height` (every cell is
    /// drawn), then paints what changed since the last frame and flushes.
    public func renderFrame(width: Int, height: Int, _ draw: (inout Grid) -> Void) {
        var grid = spare.flatMap { $0.width == width && $0.height == height ? $0 : nil }
            ?? Grid(width: width, height: height)
        spare = nil
        // Not blanked first: the app draws every cell (the TerminalApp contract, which
        // FrusViewTests.EveryCellDrawnTests checks), and blanking costs ~0.15 ms a frame.
        draw(&grid)
        let last = previous
        render(grid)
        // The frame before becomes the next frame's canvas once nothing else holds it.
        if let last, last.width == width, last.height == height { spare = last }
    }

    /// Paints `grid`, diffing against the last frame, and flushes.
    public func render(_ grid: Grid) {
        let changes: [GridDiff.Change]
        if let previous, previous.width == grid.width, previous.height == grid.height {
            changes = GridDiff.changes(from: previous, to: grid)
        } else {
            screen.clear()
            changes = GridDiff.all(grid)
        }
        if !changes.isEmpty { screen.draw(changes.map { update(for: $0, in: grid) }) }
        screen.flush()
        previous = grid
    }

    private func update(for change: GridDiff.Change, in grid: Grid) -> CellUpdate {
        let cell = GridDiff.normalized(grid, change.x, change.y)
        return CellUpdate(
            x: change.x, y: change.y,
            text: GlyphSanitizer.displayText(cell.grapheme, span: change.span, asciiOnly: asciiOnly),
            style: cell.style, span: change.span)
    }
}
