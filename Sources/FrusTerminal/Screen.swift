import FrusTheme

/// One cell to paint: what the `Renderer` sends a `Screen` (ratatui's `(x, y, &Cell)` update).
/// `text` is already safe to print (no control characters; ASCII when the locale needs it) and
/// `span` is the number of columns the cell owns (2 for a wide glyph and its continuation).
public struct CellUpdate: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var text: String
    public var style: Style
    public var span: Int

    public init(x: Int, y: Int, text: String, style: Style = .plain, span: Int = 1) {
        self.x = x
        self.y = y
        self.text = text
        self.style = style
        self.span = span
    }
}

/// The size of a screen in cells.
public struct ScreenSize: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
}

/// What the renderer needs from a terminal (ratatui's Backend): a tiny surface so that the
/// diffing and the run loop can be tested against `TestScreen` without a terminal.
public protocol Screen: AnyObject {
    /// The current size in cells.
    var size: ScreenSize { get }
    /// Paints these cells (not yet visible until `flush`).
    func draw(_ updates: [CellUpdate])
    /// Makes everything drawn so far visible.
    func flush()
    /// Blanks the whole screen and forces the terminal to repaint from scratch at the next flush.
    func clear()
    func hideCursor()
    func showCursor()
    /// Puts `text` on the system clipboard by the terminal (OSC 52), after the frame is flushed.
    func copyToClipboard(_ text: String)
    /// Leaves full-screen mode for a while (an editor runs on the terminal); the next `flush`
    /// comes back to it.
    func suspend()
}

extension Screen {
    public func copyToClipboard(_ text: String) {}
    public func suspend() {}
}
