/// Routes a key to an action: the command line and the topmost overlay take keys first
/// (gitui's event pump); otherwise the keymap decides.
public enum InputRouter {
    public static func action(for key: Key, in state: ReaderState, keymap: Keymap? = nil) -> Action? {
        let keymap = keymap ?? state.keymap
        if let text = state.commandLine {
            switch key {
            case .enter:
                switch state.prompt {
                case .command: return .command(text)
                case .find: return .find(text)
                case .corpusSearch: return .searchCorpus(text)
                case .note: return .finishNotePrompt(text)
                }
            case .escape: return .cancel
            case .up: return .commandHistory(-1)
            case .down: return .commandHistory(1)
            default: return .editCommandLine(key)
            }
        }
        switch state.topOverlay {
        case .tableOfContents(let toc)?:
            switch key {
            case .escape: return .cancel
            case .enter: return .openSelectedInTableOfContents
            case .tab: return .toggleTableOfContentsOrder
            case .down, .ctrl("n"): return .moveInTableOfContents(1)
            case .up, .backTab, .ctrl("p"): return .moveInTableOfContents(-1)
            case .pageDown: return .moveInTableOfContents(state.tableOfContentsHeight - 1)
            case .pageUp: return .moveInTableOfContents(-(state.tableOfContentsHeight - 1))
            case .home: return .moveInTableOfContents(-Int(Int32.max))
            case .end: return .moveInTableOfContents(Int(Int32.max))
            case .right: return .switchTableOfContentsVolume(1)
            case .left: return .switchTableOfContentsVolume(-1)
            // q closes, as everywhere, unless it is part of a filter being typed.
            case .char("q") where toc.filter.isEmpty: return .quit
            case .ctrl("l"): return .redraw
            default: return .editFilter(key)
            }
        case .searchResults?:
            switch key {
            case .escape, .char("q"): return .cancel
            case .enter: return .openSelectedSearchResult
            case .down, .char("j"), .tab, .ctrl("n"): return .moveInSearchResults(1)
            case .up, .char("k"), .backTab, .ctrl("p"): return .moveInSearchResults(-1)
            case .pageDown, .char(" "), .char("f"): return .moveInSearchResults(state.searchResultsHeight - 1)
            case .pageUp, .char("b"): return .moveInSearchResults(-(state.searchResultsHeight - 1))
            case .home, .char("g"): return .moveInSearchResults(-Int(Int32.max))
            case .end, .char("G"): return .moveInSearchResults(Int(Int32.max))
            // A new search from the results, as from the reader.
            case .char("S"): return .openCorpusSearch
            case .ctrl("l"): return .redraw
            default: return nil
            }
        case .help?:
            switch key {
            case .escape, .char("q"), .char("?"), .char("h"), .function(1), .enter: return .cancel
            case .char("j"), .down: return .scrollHelp(.lines(1))
            case .char("k"), .up: return .scrollHelp(.lines(-1))
            case .char(" "), .pageDown, .char("f"): return .scrollHelp(.pages(1))
            case .char("b"), .pageUp: return .scrollHelp(.pages(-1))
            case .char("g"), .home: return .scrollHelp(.top)
            case .char("G"), .end: return .scrollHelp(.bottom)
            case .ctrl("l"): return .redraw
            default: return nil
            }
        case .mentionHints?:
            switch key {
            case .escape: return .cancel
            case .ctrl("l"): return .redraw
            default: return .typeMentionHint(key)
            }
        case .entry?:
            switch key {
            case .escape, .char("q"): return .cancel
            case .enter: return .openSelectedMention
            case .down, .char("j"), .tab, .ctrl("n"): return .moveInEntry(1)
            case .up, .char("k"), .backTab, .ctrl("p"): return .moveInEntry(-1)
            case .pageDown, .char(" "), .char("f"): return .moveInEntry(state.entriesHeight - 1)
            case .pageUp, .char("b"): return .moveInEntry(-(state.entriesHeight - 1))
            case .home, .char("g"): return .moveInEntry(-Int(Int32.max))
            case .end, .char("G"): return .moveInEntry(Int(Int32.max))
            case .ctrl("l"): return .redraw
            default: return nil
            }
        case .entries(let list)?:
            switch key {
            case .escape: return .cancel
            case .enter: return .openSelectedEntry
            case .down, .tab, .ctrl("n"): return .moveInEntries(1)
            case .up, .backTab, .ctrl("p"): return .moveInEntries(-1)
            case .pageDown: return .moveInEntries(state.entriesHeight - 1)
            case .pageUp: return .moveInEntries(-(state.entriesHeight - 1))
            case .home: return .moveInEntries(-Int(Int32.max))
            case .end: return .moveInEntries(Int(Int32.max))
            case .char("q") where list.filter.isEmpty: return .quit
            case .ctrl("l"): return .redraw
            default: return .editEntriesFilter(key)
            }
        case .peek?:
            switch key {
            case .enter: return .followPeek
            case .escape, .char("q"), .char("p"): return .cancel
            case .ctrl("l"): return .redraw
            default: return nil
            }
        case .marks?, .history?:
            return MemoryKeys.action(for: key, in: state)
        case nil:
            if state.memory.pendingMarkKey != nil { return .markKey(key) }
            if let action = keymap.action(for: key) { return action }
            // Digits not bound to anything are a count: 5j, 3] (0 only after another digit).
            if case .char(let c) = key, let d = c.wholeNumberValue, c.isASCII, d > 0 || state.pendingCount != nil {
                return .countDigit(d)
            }
            return .unknownKey(key)
        }
    }
}

extension ReaderState {
    /// One key press: routed, then reduced.
    @discardableResult
    public mutating func press(_ key: Key, keymap: Keymap? = nil) -> [Effect] {
        guard let action = InputRouter.action(for: key, in: self, keymap: keymap) else { return [] }
        return reduce(action)
    }

    /// Several keys; typed text (`"175"`) as characters.
    @discardableResult
    public mutating func press(_ keys: [Key], keymap: Keymap? = nil) -> [Effect] {
        keys.flatMap { press($0, keymap: keymap) }
    }

    @discardableResult
    public mutating func type(_ text: String) -> [Effect] {
        press(text.map { Key.char($0) })
    }
}
