/// Keys → actions, with the help text generated from the same table (helix's keymap: named
/// commands, one source for bindings and help). Every action a key can trigger has a stable
/// name ("scroll-down", "follow"): the names `config.toml`'s `[keys]` binds keys to.
public struct Keymap: Sendable {
    /// A group of keys doing one thing, as the help screen lists it.
    public struct Binding: Sendable, Hashable {
        /// The action's stable name (`[keys]` in config.toml, `frusread keys`).
        public var name: String
        public var keys: [Key]
        public var action: Action
        public var help: String

        public init(_ name: String, _ keys: [Key], _ action: Action, _ help: String) {
            self.name = name
            self.keys = keys
            self.action = action
            self.help = help
        }

        /// A binding named after its action's case (`.nextTheme` → "next-theme").
        public init(keys: [Key], action: Action, help: String) {
            self.init(Keymap.derivedName(of: action), keys, action, help)
        }
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

    /// The binding of an action name.
    public func binding(named name: String) -> Binding? { bindings.first { $0.name == name } }

    /// The keys bound to the action `name` ("j ↓"), as the help writes them; nil when none.
    public func keyNames(of name: String) -> String? {
        guard let b = binding(named: name), !b.keys.isEmpty else { return nil }
        return b.keys.map(\.displayName).joined(separator: " ")
    }

    /// The keymap with `key` bound to the action `name` (taken from whatever it did before);
    /// nil when no action has that name. The name "none" unbinds the key.
    public func binding(_ key: Key, to name: String) -> Keymap? {
        guard name == "none" || binding(named: name) != nil else { return nil }
        var out = bindings
        for i in out.indices { out[i].keys.removeAll { $0 == key } }
        if let i = out.firstIndex(where: { $0.name == name }) { out[i].keys.append(key) }
        return Keymap(bindings: out)
    }

    /// "nextTheme" → "next-theme": the name of an action without a name of its own.
    static func derivedName(of action: Action) -> String {
        let base = String(describing: action).prefix { $0 != "(" }
        var out = ""
        for c in base {
            if c.isUppercase { out += "-" + c.lowercased() } else { out.append(c) }
        }
        return out
    }

    /// The default bindings. One line per action: its name, keys, action and help.
    public static let standard = Keymap(bindings: [
        .init("scroll-down", [.char("j"), .down, .ctrl("e")], .scroll(.lines(1)), "scroll down a line (5j: five)"),
        .init("scroll-up", [.char("k"), .up, .ctrl("y")], .scroll(.lines(-1)), "scroll up a line"),
        .init("page-down-or-next", [.char(" ")], .pageOrNext,
              "page down; at the end, Space again opens the next document"),
        .init("page-down", [.pageDown, .char("f"), .ctrl("f")], .scroll(.pages(1)), "page down"),
        .init("page-up", [.char("b"), .pageUp, .ctrl("b")], .scroll(.pages(-1)), "page up"),
        .init("half-page-down", [.char("d"), .ctrl("d")], .scroll(.halfPages(1)), "half a page down"),
        .init("half-page-up", [.char("u"), .ctrl("u")], .scroll(.halfPages(-1)), "half a page up"),
        .init("top", [.char("g"), .home], .scroll(.top), "top (g or gg)"),
        .init("bottom", [.char("G"), .end], .scroll(.bottom), "bottom"),
        .init("select-next", [.tab], .selectNext, "select the next reference (link or footnote marker)"),
        .init("select-previous", [.backTab], .selectPrevious, "select the previous reference"),
        .init("follow", [.enter], .activate, "follow the link / show the marker's footnote"),
        .init("peek", [.char("p")], .peek, "peek at the selected link's target without following it"),
        .init("back", [.backspace, .left, .ctrl("o")], .back, "back"),
        .init("forward", [.right], .forward, "forward"),
        .init("next-document", [.char("]")], .nextDocument, "next document of the volume (3]: the third)"),
        .init("previous-document", [.char("[")], .previousDocument, "previous document of the volume"),
        .init("cycle-focus", [.char("w"), .ctrl("w")], .cycleFocus, "focus: document → footnotes → links"),
        .init("reading-mode", [.char("z")], .toggleReadingMode,
              "reading mode: the document fills the screen, the selected marker's note below"),
        .init("command-line", [.char(":")], .openCommandLine,
              "command line (:175, :d 175, :d VOLUME/150, :p 766, :q; ↑ ↓ history)"),
        .init("contents", [.char("t")], .openTableOfContents, "table of contents (type to filter, Enter opens)"),
        .init("help", [.char("?"), .char("h"), .function(1)], .openHelp, "this help"),
        .init("next-theme", [.char("c")], .nextTheme, "next colour theme (remembered)"),
        .init("redraw", [.ctrl("l")], .redraw, "redraw the screen"),
        .init("cancel", [.escape], .cancel, "close an overlay / cancel the command line / back to the document pane"),
        .init("quit", [.char("q")], .quit, "quit (closes an open overlay first)"),
        .init("find", [.char("/")], .openFind, "search this document and its footnotes, forward (Enter alone: again)"),
        .init("find-next", [.char("n")], .findNext, "next match (wraps)"),
        .init("find-previous", [.char("N")], .findPrevious, "previous match (wraps)"),
        .init("search", [.char("S")], .openCorpusSearch, "search every volume and your notes (Enter alone: last results)"),
        .init("look-up", [.char("K")], .showMentionHints,
              "look up a person or term in view: letters mark each, type one (one alone opens)"),
        .init("persons-and-terms", [.char("P")], .openEntries, "the volume's persons and terms (type to filter)"),
        .init("copy-citation", [.char("y")], .copyCitation,
              "copy the citation (of the selected footnote, if any) to the clipboard"),
        .init("copy-address", [.char("Y")], .copyAddress, "copy the history.state.gov address"),
        .init("open-address", [.char("o")], .openAddress, "open the history.state.gov address in a browser"),
        .init("set-mark", [.char("m")], .startMarkKey(.set), "mark this place with a letter (kept between sessions)"),
        .init("go-to-mark", [.char("'")], .startMarkKey(.jump), "go to a mark ('a); '' back to where the jump began"),
        .init("marks", [.char("M")], .openMarks, "the marks (Enter opens, d deletes)"),
        .init("history", [.char("H")], .openHistory, "the documents opened, newest first (Enter opens)"),
        .init("add-note", [.char("a")], .addNote, "add a note here, in $VISUAL or $EDITOR"),
    ])

    /// The help screen's lines: "keys  what they do", one per binding, plus the commands.
    public var helpLines: [(keys: String, help: String)] {
        bindings.filter { !$0.keys.isEmpty }.map { ($0.keys.map(\.displayName).joined(separator: " "), $0.help) } + [
            ("1–9 …", "a count before a key: 5j, 3], 2 Space"),
            (":175  :d 175", "go to document 175 of this volume"),
            (":d frus1981-88v04/150", "go to document 150 of another volume"),
            (":p 766", "go to printed page 766"),
            (":search WORDS", "search every volume (as S)"),
            (":who NAME", "a person's or term's entry (name, part of one, abbreviation, id)"),
            (":date 1985-11-19", "the document of this volume nearest that date"),
            (":q", "quit"),
        ]
    }

    /// The whole help screen, headings with an empty help: the keys, then how the overlays and
    /// queries work. The reducer scrolls it and the view draws it, from this one list.
    public var helpScreen: [(keys: String, help: String)] {
        [("Keys", "")] + helpLines + [
            ("", ""), ("Command line", ""),
            ("← → Home End", "move; Ctrl-a Ctrl-e start / end; Ctrl-u Ctrl-w delete to the start / a word"),
            ("↑ ↓", "earlier / later commands (kept between sessions)"),
            ("", ""), ("Table of contents", ""),
            ("type", "filter; ↑ ↓ choose; Enter opens; Esc closes"),
            ("← →", "the previous / next volume of the corpus"),
            ("Tab", "volume order / date order"),
            ("", ""), ("Persons and terms", ""),
            ("K letters", "the entry of the mention marked with those letters"),
            ("entry", "↑ ↓ j k choose a Mentioned in line; Enter opens it at the mention; Esc closes"),
            ("P", "type to filter; ↑ ↓ choose; Enter shows the entry; Esc closes"),
            ("", ""), ("Search", ""),
            ("/ text", "case matters only with a capital; accents and apostrophes never"),
            ("S words", "all must occur; \"a phrase\"  prefix*  a OR b  -word  NOT word"),
            ("results", "↑ ↓ j k choose; Enter opens at the first match, then n / N; Esc closes"),
            ("Esc", "with nothing open: clear the search highlight"),
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

    /// A key from its name in config.toml: "j", "Space", "Ctrl-f" (or "C-f"), "Enter", "Tab",
    /// "Shift-Tab", "Backspace", "Esc", "Delete", "Up"/"↑", "PgDn", "Home", "F1" (case does
    /// not matter for names longer than one character).
    public init?(name: String) {
        if name.count == 1, let c = name.first {
            if c == " " { self = .char(" ") } else if c.isWhitespace || c.unicodeScalars.first!.properties.generalCategory == .control {
                return nil
            } else { self = .char(c) }
            return
        }
        let lower = name.lowercased()
        for prefix in ["ctrl-", "c-", "ctrl+"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, c.isLetter, c.isASCII else { return nil }
            self = .ctrl(c)
            return
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) {
            self = .function(n)
            return
        }
        let named: [String: Key] = [
            "space": .char(" "), "enter": .enter, "return": .enter, "tab": .tab, "shift-tab": .backTab,
            "backtab": .backTab, "backspace": .backspace, "esc": .escape, "escape": .escape, "delete": .delete,
            "del": .delete, "up": .up, "down": .down, "left": .left, "right": .right, "pgup": .pageUp,
            "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end,
            "↑": .up, "↓": .down, "←": .left, "→": .right,
        ]
        guard let key = named[lower] else { return nil }
        self = key
    }
}
