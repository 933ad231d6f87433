import FrusTheme
import FrusView

/// A `Screen` without a terminal (ratatui's TestBackend): it applies each draw to an in-memory
/// grid and records what was sent, so tests can assert on the visible screen, on exactly which
/// cells a frame repainted, and on clears.
public final class TestScreen: Screen {
    public private(set) var size: ScreenSize
    /// What the screen shows now (drawn text and styles; a wide glyph's span marked continuation).
    public private(set) var buffer: Grid
    /// The updates of every `draw`, in order.
    public private(set) var draws: [[CellUpdate]] = []
    /// The screen at every `flush`.
    public private(set) var frames: [Grid] = []
    public private(set) var clearCount = 0
    public private(set) var cursorVisible = true

    public init(width: Int, height: Int) {
        size = ScreenSize(width: width, height: height)
        buffer = Grid(width: width, height: height)
    }

    /// Changes the size, as a terminal resize would (the contents are lost, as after a clear).
    public func resize(width: Int, height: Int) {
        size = ScreenSize(width: width, height: height)
        buffer = Grid(width: width, height: height)
    }

    /// The visible rows as strings.
    public var lines: [String] { buffer.lines }

    /// The updates sent since the last flush before this one (the last frame's draw), if any.
    public var lastDraw: [CellUpdate] { draws.last ?? [] }

    public func draw(_ updates: [CellUpdate]) {
        draws.append(updates)
        for u in updates where u.y >= 0 && u.y < size.height && u.x >= 0 && u.x < size.width {
            buffer[u.x, u.y] = Cell(u.text, style: u.style)
            for c in (u.x + 1)..<min(size.width, u.x + max(1, u.span)) {
                buffer[c, u.y] = Cell("", style: u.style, isContinuation: true)
            }
        }
    }

    public func flush() { frames.append(buffer) }

    public func clear() {
        clearCount += 1
        buffer = Grid(width: size.width, height: size.height)
    }

    /// Texts sent to the clipboard, in order.
    public private(set) var clipboard: [String] = []
    public func copyToClipboard(_ text: String) { clipboard.append(text) }

    public func hideCursor() { cursorVisible = false }
    public func showCursor() { cursorVisible = true }
}
