import FrusTheme

/// One terminal cell: a grapheme and its style. A wide grapheme (2 columns) stands in its first
/// cell; the cell it covers holds `isContinuation == true` and is never drawn on its own.
///
/// A plain value: the grapheme is kept as a number (see `GraphemeCode`), so a frame's 12,000
/// cells are filled, copied and compared without touching a reference count.
public struct Cell: Sendable, Hashable {
    @usableFromInline var code: GraphemeCode
    public var style: Style
    public var isContinuation: Bool

    // Inlinable: the screen diff (another module) compares every cell of every frame.
    @inlinable
    public static func == (a: Cell, b: Cell) -> Bool {
        a.code == b.code && a.style == b.style && a.isContinuation == b.isContinuation
    }

    public init(_ grapheme: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.code = GraphemeCode(grapheme)
        self.style = style
        self.isContinuation = isContinuation
    }

    /// A printable ASCII character (the common case, with no string to look at).
    public init(ascii: UInt8, style: Style) {
        self.code = GraphemeCode(scalar: UInt32(ascii))
        self.style = style
        self.isContinuation = false
    }

    /// A scalar that is a grapheme on its own.
    public init(scalar: Unicode.Scalar, style: Style) {
        self.code = GraphemeCode(scalar: scalar.value)
        self.style = style
        self.isContinuation = false
    }

    public var grapheme: String {
        get { code.string }
        set { code = GraphemeCode(newValue) }
    }

    public static let blank = Cell()
}

/// A rectangle of cells: what a view draws and what the terminal layer flushes (ratatui's
/// Buffer). Row-major, `width × height` cells.
public struct Grid: Sendable, Hashable {
    public private(set) var width: Int
    public private(set) var height: Int
    public var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Every cell blank again, in place (no new storage).
    public mutating func clear() {
        cells.withUnsafeMutableBufferPointer { cells in
            for i in cells.indices { cells[i] = .blank }
        }
    }

    /// The rows as plain strings (continuation cells omitted), for tests and snapshots.
    public var lines: [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width where !self[x, y].isContinuation { s += self[x, y].grapheme }
            return s
        }
    }
}

/// What the terminal layer drives: a program that draws into a grid and answers keys.
/// `FrusTerminal` owns the loop; the app never sees the terminal.
public protocol TerminalApp: AnyObject {
    /// The screen size changed (also called once before the first draw).
    func resize(width: Int, height: Int)
    /// Handles one key; says whether to go on, quit, or redraw the whole screen.
    func handle(_ key: FrusReaderKey) -> AppResponse
    /// Draws the current state into `grid` (sized as the last `resize`), every cell.
    func draw(into grid: inout Grid)
    /// Called when no key came for a while (about every 100 ms): work running in the background
    /// (a corpus search, an index build) can show its progress. True asks for a new frame.
    func idle() -> Bool
    /// Texts the app asked to put on the clipboard since the last call (the terminal layer
    /// sends them with OSC 52), oldest first.
    func takeClipboardRequests() -> [String]
    /// After `.handOver`: the terminal is the app's to give to another program (an editor) until
    /// this returns; the screen is then repainted.
    func runHandedOver()
    /// The process is about to end without `q` (a terminating signal, the terminal gone): last
    /// chance to save.
    func willTerminate()
    /// The first frame is on the screen: work that must not delay it may start (the reader
    /// reads the rest of the open volume in the background).
    func firstFrameDrawn()
}

extension TerminalApp {
    public func idle() -> Bool { false }
    public func takeClipboardRequests() -> [String] { [] }
    public func runHandedOver() {}
    public func willTerminate() {}
    public func firstFrameDrawn() {}
}

import FrusReader
public typealias FrusReaderKey = Key

/// What the app asks of the terminal layer after a key.
public enum AppResponse: Sendable, Hashable {
    case `continue`
    /// Clear the terminal and repaint every cell (Ctrl-L).
    case redraw
    /// Leave the reader with this exit code.
    case quit(Int32)
    /// Leave curses mode, call the app's `runHandedOver` (it runs an editor on the terminal),
    /// then restore curses mode and repaint everything.
    case handOver
}
