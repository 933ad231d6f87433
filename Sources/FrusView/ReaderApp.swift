import FrusModel
import FrusReader
import FrusTheme

/// The reader as the terminal layer drives it: keys in, frames out. Wires the keymap, the pure
/// reducer and the pure view; owns no terminal.
public final class ReaderApp: TerminalApp {
    public private(set) var state: ReaderState
    public let themes: [Theme]
    public let keymap: Keymap

    /// - Parameters:
    ///   - corpus: the corpus to read.
    ///   - themes: from `ThemeLoader.loadAll(preferred:)`; its warnings are shown in the status line.
    ///   - start: the document to open first (volume id, number); the corpus' first document when nil.
    public init(
        corpus: Corpus, themes: ThemeSet = ThemeSet(themes: [ThemeLoader.compiledDefault]),
        start: (volume: String, number: String)? = nil, width: Int = 80, height: Int = 24,
        keymap: Keymap = .standard, layouter: Layouter = .standard
    ) {
        self.themes = themes.themes
        self.keymap = keymap
        state = ReaderState(
            corpus: corpus, width: width, height: height, themeNames: themes.themes.map(\.name),
            themeIndex: themes.initialIndex, layouter: layouter)
        state.start(volume: start?.volume, number: start?.number)
        if state.message == nil, let warning = themes.warnings.first {
            let more = themes.warnings.count > 1 ? " (+\(themes.warnings.count - 1) more)" : ""
            state.message = StatusMessage(warning + more, kind: .error)
        }
    }

    public var theme: Theme { themes[min(state.themeIndex, themes.count - 1)] }

    public func resize(width: Int, height: Int) {
        state.reduce(.resize(width: max(0, width), height: max(0, height)))
    }

    public func handle(_ key: Key) -> AppResponse {
        var response = AppResponse.continue
        for effect in state.press(key, keymap: keymap) {
            switch effect {
            case .quit(let code): return .quit(code)
            case .redraw: response = .redraw
            }
        }
        return response
    }

    public func draw(into grid: inout Grid) {
        ReaderView.draw(state, theme: theme, into: &grid)
    }
}
