/// Keys → actions, with the help text generated from the same table (helix's keymap: named
/// commands, one source for bindings and help).
public struct Keymap: Sendable {
    /// A group of keys doing one thing, as the help screen lists it.
    public struct Binding: Sendable, Hashable {
        public var keys: [Key]
        public var action: Action
        public var help: String
    }

    public var bindings: [Binding]
    private var table: [Key: Action]

    public init(bindings: [Binding]) {
        self.bindings = bindings
        var table: [Key: Action] = [:]
        for b in bindings { for k in b.keys where table[k] == nil { table[k] = b.action } }
        self.table = table
    }

    public func action(for key: Key) -> Action? { table[key] }

    /// The default bindings (issue 3's table).
    public static let standard = Keymap(bindings: [
        .init(keys: [.char("j"), .down], action: .scroll(.lines(1)), help: "scroll down a line"),
        .init(keys: [.char("k"), .up], action: .scroll(.lines(-1)), help: "scroll up a line"),
        .init(keys: [.char(" "), .pageDown, .char("f")], action: .scroll(.pages(1)), help: "page down"),
        .init(keys: [.char("b"), .pageUp], action: .scroll(.pages(-1)), help: "page up"),
        .init(keys: [.char("d")], action: .scroll(.halfPages(1)), help: "half a page down"),
        .init(keys: [.char("u")], action: .scroll(.halfPages(-1)), help: "half a page up"),
        .init(keys: [.char("g"), .home], action: .scroll(.top), help: "top"),
        .init(keys: [.char("G"), .end], action: .scroll(.bottom), help: "bottom"),
        .init(keys: [.tab], action: .selectNext, help: "select the next reference (link or footnote marker)"),
        .init(keys: [.backTab], action: .selectPrevious, help: "select the previous reference"),
        .init(keys: [.enter], action: .activate, help: "follow the link / show the marker's footnote"),
        .init(keys: [.backspace, .left, .ctrl("o")], action: .back, help: "back"),
        .init(keys: [.right], action: .forward, help: "forward"),
        .init(keys: [.char("]")], action: .nextDocument, help: "next document of the volume"),
        .init(keys: [.char("[")], action: .previousDocument, help: "previous document of the volume"),
        .init(keys: [.char("w"), .ctrl("w")], action: .cycleFocus, help: "focus: document → footnotes → links"),
        .init(keys: [.char(":")], action: .openCommandLine, help: "command line (:175, :d 175, :d VOLUME/150, :p 766, :q)"),
        .init(keys: [.char("t")], action: .openTableOfContents, help: "table of contents (type to filter, Enter opens)"),
        .init(keys: [.char("?"), .char("h"), .function(1)], action: .openHelp, help: "this help"),
        .init(keys: [.char("c")], action: .nextTheme, help: "next colour theme"),
        .init(keys: [.ctrl("l")], action: .redraw, help: "redraw the screen"),
        .init(keys: [.escape], action: .cancel, help: "close an overlay / cancel the command line"),
        .init(keys: [.char("q")], action: .quit, help: "quit (closes an open overlay first)"),
        .init(keys: [.char("/")], action: .openFind,
              help: "search this document and its footnotes, forward (Enter alone: again)"),
        .init(keys: [.char("n")], action: .findNext, help: "next match (wraps)"),
        .init(keys: [.char("N")], action: .findPrevious, help: "previous match (wraps)"),
        .init(keys: [.char("S")], action: .openCorpusSearch,
              help: "search every volume and your notes (Enter alone: the last results again)"),
        .init(keys: [.char("m")], action: .startMarkKey(.set), help: "m + letter: mark this place (kept across sessions)"),
        .init(keys: [.char("'")], action: .startMarkKey(.jump), help: "' + letter: go to the mark; '' back to where the last jump started"),
        .init(keys: [.char("M")], action: .openMarks, help: "the marks (Enter opens, d deletes)"),
        .init(keys: [.char("H")], action: .openHistory, help: "the history of documents opened (Enter opens)"),
        .init(keys: [.char("a")], action: .addNote,
              help: "add a note on the selected reference or the paragraph at the top ($VISUAL/$EDITOR)"),
    ])

    /// The help screen's lines: "keys  what they do", one per binding, plus the commands.
    public var helpLines: [(keys: String, help: String)] {
        bindings.map { ($0.keys.map(\.displayName).joined(separator: " "), $0.help) } + [
            (":175  :d 175", "go to document 175 of this volume"),
            (":d frus1981-88v04/150", "go to document 150 of another volume"),
            (":p 766", "go to printed page 766"),
            (":search WORDS", "search every volume (as S)"),
            (":q", "quit"),
        ]
    }

    /// The whole help screen, headings with an empty help: the keys, then how the overlays and
    /// queries work. The reducer scrolls it and the view draws it, from this one list.
    public var helpScreen: [(keys: String, help: String)] {
        [("Keys", "")] + helpLines + [
            ("", ""), ("Table of contents", ""),
            ("type", "filter; ↑ ↓ choose; Enter opens; Esc closes"),
            ("← →", "the previous / next volume of the corpus"),
            ("", ""), ("Search", ""),
            ("/ text", "case matters only with a capital; accents and apostrophes never"),
            ("S words", "all must occur; \"a phrase\"  prefix*  a OR b  -word  NOT word"),
            ("results", "↑ ↓ j k choose; Enter opens at the first match, then n / N; Esc closes"),
            ("Esc", "with nothing open: clear the search highlight"),
            ("", ""), ("Marks, history, notes", ""),
            ("M  H", "↑ ↓ j k choose; Enter opens (a jump); d deletes a mark; Esc closes"),
            ("a", "the note goes to notes/VOLUME/NUMBER.md; shown as a ✎ footnote, found by / and S"),
        ]
    }
}

extension Key {
    /// How the help screen writes the key: "j", "Space", "Ctrl-o", "PgDn", "F1".
    public var displayName: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(c)"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .escape: return "Esc"
        case .delete: return "Delete"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .function(let n): return "F\(n)"
        }
    }
}
