import FrusTheme
import FrusView

/// Drives a `TerminalApp` on a `Screen`: sizes it, asks it for frames, renders them through
/// the diffing `Renderer`, and turns events into calls. Everything the run loop does except
/// reading the keyboard and handling signals, so it can be tested against `TestScreen`.
public final class ScreenDriver {
    public let app: TerminalApp
    public let screen: Screen
    public let renderer: Renderer
    /// A one-line message shown on the bottom row until the first key (e.g. the ASCII fallback).
    public private(set) var notice: String?
    private var size: ScreenSize

    public init(app: TerminalApp, screen: Screen, asciiOnly: Bool = false, notice: String? = nil) {
        self.app = app
        self.screen = screen
        self.renderer = Renderer(screen: screen, asciiOnly: asciiOnly)
        self.notice = notice
        self.size = screen.size
    }

    /// Sizes the app and draws the first frame.
    public func start() {
        screen.hideCursor()
        size = screen.size
        app.resize(width: size.width, height: size.height)
        drawFrame()
    }

    /// Handles one event; returns the exit code when the app quits.
    public func handle(_ event: TerminalEvent) -> Int32? {
        switch event {
        case .resize:
            resizeIfNeeded(force: true)
            drawFrame()
        case .key(let key):
            notice = nil
            switch app.handle(key) {
            case .quit(let code): return code
            case .redraw: repaintAll()
            case .handOver:
                screen.suspend()
                app.runHandedOver()
                repaintAll()
            case .continue: drawFrame()
            }
            for text in app.takeClipboardRequests() { screen.copyToClipboard(text) }
        }
        return nil
    }

    /// No key came: lets the app show background progress, drawing a frame if it asks.
    public func idle() {
        if app.idle() { drawFrame() }
    }

    /// Clears the screen and repaints every cell (Ctrl-L, back from Ctrl-Z), taking in a size
    /// change that happened meanwhile.
    public func repaintAll() {
        resizeIfNeeded(force: false)
        renderer.invalidate()
        drawFrame()
    }

    private func resizeIfNeeded(force: Bool) {
        let now = screen.size
        guard force || now != size else { return }
        size = now
        app.resize(width: now.width, height: now.height)
        renderer.invalidate()
    }

    private func drawFrame() {
        renderer.renderFrame(width: size.width, height: size.height) { grid in
            app.draw(into: &grid)
            if let notice { Self.overlay(notice, onLastRowOf: &grid) }
        }
    }

    /// Writes `text` over the bottom row in reverse video, clipped to the width.
    static func overlay(_ text: String, onLastRowOf grid: inout Grid) {
        guard grid.height > 0, grid.width > 0 else { return }
        let y = grid.height - 1
        let chars = Array(text)
        for x in 0..<grid.width {
            grid[x, y] = Cell(x < chars.count ? String(chars[x]) : " ", style: Style(attributes: [.reverse]))
        }
    }
}
