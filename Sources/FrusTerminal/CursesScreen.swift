import CNcursesw
import FrusTheme
import Glibc

/// The real terminal, through ncursesw's wide-character API. It only paints the cells the
/// `Renderer` sends (curses then sends the terminal only what differs from what it shows)
/// and reads keys; it knows nothing of documents.
final class CursesScreen: Screen {
    private let window: UnsafeMutablePointer<WINDOW>
    private var colors: ColorMapper
    private var pairs: ColorPairTable
    private var ended = false

    /// Sets up the terminal (alternate screen via smcup, no echo, keypad decoding, 25 ms Esc
    /// delay, hidden cursor). Nil when curses cannot drive this terminal.
    init?(useColors: Bool) {
        guard cnc_newterm() != nil, let window = cnc_stdscr() else { return nil }
        self.window = window
        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        leaveok(window, true)
        set_escdelay(25)
        if useColors && has_colors() {
            start_color()
            let hasDefaults = use_default_colors() == OK
            colors = ColorMapper(depth: ColorDepth(colors: Int(cnc_colors())), hasDefaultColors: hasDefaults)
            pairs = ColorPairTable(capacity: Int(cnc_color_pairs()))
        } else {
            colors = ColorMapper(depth: .none)
            pairs = ColorPairTable(capacity: 0)
        }
    }

    var size: ScreenSize { ScreenSize(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    func draw(_ updates: [CellUpdate]) {
        for update in updates { draw(update) }
    }

    func flush() { wrefresh(window) }
    func clear() { wclear(window) }
    func hideCursor() { curs_set(0) }
    func showCursor() { curs_set(1) }

    /// OSC 52: the terminal (or tmux, with `set-clipboard on`) puts the text on the clipboard.
    func copyToClipboard(_ text: String) {
        cnc_write_raw(OSC52.sequence(for: text))
    }

    /// Waits up to `milliseconds` for a key.
    func readInput(milliseconds: Int32) -> RawInput? {
        wtimeout(window, milliseconds)
        var value: wint_t = 0
        switch wget_wch(window, &value) {
        case OK: return .character(value)
        case KEY_CODE_YES: return .keyCode(Int32(bitPattern: value))
        default: return nil  // timeout, or a signal interrupted the read
        }
    }

    /// Leaves curses mode: the normal screen and terminal modes come back. The next `flush`
    /// re-enters it with the modes saved here (after Ctrl-Z, or an editor run for a note).
    func suspend() {
        def_prog_mode()
        endwin()
    }

    /// Restores the terminal for good.
    func end() {
        guard !ended else { return }
        ended = true
        curs_set(1)
        endwin()
    }

    // MARK: Painting one cell

    private func draw(_ update: CellUpdate) {
        let attributes = self.attributes(update.style)
        let pair = self.pair(update.style)
        var x = update.x
        let end = update.x + max(1, update.span)
        for character in update.text where x < end {
            var width = Self.width(of: character)
            var shown = character
            // A glyph wider than the columns left would spill into the next cell and
            // desynchronise the screen from the grid: show a one-column placeholder instead.
            if x + width > end {
                shown = "\u{FFFD}"
                width = 1
            }
            put(shown, x: x, y: update.y, attributes: attributes, pair: pair)
            x += width
        }
        while x < end {  // a glyph narrower than its cell: blank the rest
            put(" ", x: x, y: update.y, attributes: attributes, pair: pair)
            x += 1
        }
    }

    private func put(_ character: Character, x: Int, y: Int, attributes: attr_t, pair: Int16) {
        var cell = cchar_t()
        var chars = character.unicodeScalars.prefix(Int(CCHARW_MAX) - 1).map { wchar_t(bitPattern: $0.value) }
        chars.append(0)
        if setcchar(&cell, chars, attributes, pair, nil) != OK {
            // More than one spacing character (an emoji sequence): keep the first.
            let first: [wchar_t] = [chars[0], 0]
            setcchar(&cell, first, attributes, pair, nil)
        }
        // At the bottom-right corner curses cannot advance the cursor and returns ERR after
        // drawing the character: nothing to handle.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
    }

    /// Columns the terminal gives `character` (wcwidth of its first scalar; at least 1, since
    /// the cell is painted anyway).
    static func width(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 1 }
        return max(1, Int(cnc_wcwidth(wchar_t(bitPattern: first.value))))
    }

    private func attributes(_ style: Style) -> attr_t {
        var a = cnc_a_normal()
        for attribute in Attribute.allCases where style.has(attribute) {
            switch attribute {
            case .bold: a |= cnc_a_bold()
            case .dim: a |= cnc_a_dim()
            case .italic: a |= cnc_a_italic()
            case .underline: a |= cnc_a_underline()
            case .reverse: a |= cnc_a_reverse()
            }
        }
        return a
    }

    private func pair(_ style: Style) -> Int16 {
        guard colors.depth != .none else { return 0 }
        return pairs.pair(
            foreground: colors.number(for: style.foreground, foreground: true),
            background: colors.number(for: style.background, foreground: false)
        ) { number, fg, bg in init_pair(number, fg, bg) }
    }
}
