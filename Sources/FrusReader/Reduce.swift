import FrusModel

/// What the loop outside the pure state must do after an action.
public enum Effect: Sendable, Hashable {
    case quit(Int32)
    /// Clear and repaint the whole terminal.
    case redraw
    /// Run a corpus search (with the app's `CorpusSearching`) and report back with
    /// `.corpusSearchFinished` / `.corpusSearchFailed` (and `.corpusSearchProgress` meanwhile).
    case searchCorpus(CorpusSearchRequest)
    /// Put this text on the system clipboard (the terminal layer writes OSC 52).
    case copyToClipboard(String)
    /// Open this web address with the user's browser, detached from the terminal.
    case openURL(String)
    /// Keep the `:` history (`ReaderState.commandHistory`) for the next session.
    case saveCommandHistory([String])
    /// Remember the theme chosen with `c` for the next session.
    case saveTheme(String)
    /// Write a note: the app runs `$VISUAL`/`$EDITOR` with the terminal handed over, or, with
    /// no editor, answers `.openNotePrompt`; then `.saveNote`.
    case editNote(NoteRequest)
    /// Save this note text (the app adds the time, appends it to the notes file and answers
    /// `.noteAdded` or `.noteFailed`).
    case saveNote(NoteRequest, String)
    /// Look for an entry's name in the corpus's other volumes with the search index as it
    /// stands (never building one), and answer `.elsewhereFound` / `.elsewhereFailed`.
    case searchElsewhere(ElsewhereRequest)
}

extension ReaderState {
    /// Applies an action (TEA's update). Pure apart from reading the corpus, which may parse a
    /// volume on first use.
    @discardableResult
    public mutating func reduce(_ action: Action) -> [Effect] {
        let effects = reduceAction(action)
        // An entry opened by this action (K, P, :who, …) asks for its name in other volumes.
        guard let request = elsewhereToAsk else { return effects }
        elsewhereToAsk = nil
        return effects + [.searchElsewhere(request)]
    }

    private mutating func reduceAction(_ action: Action) -> [Effect] {
        switch action {
        // Neither a resize nor a search running in the background clears what the user reads.
        case .resize, .redraw, .corpusSearchProgress, .elsewhereFound, .elsewhereFailed: break
        default: message = nil
        }
        // Any action may read a volume (a jump, a link's target named): tell what went wrong.
        defer { reportNewProblems() }
        let count = takeCount(before: action)
        switch action {
        case .scroll(let s): scrollFocusedPane(s.times(count))
        case .selectNext: moveSelection(by: count)
        case .selectPrevious: moveSelection(by: -count)
        case .activate: activate()
        case .back: goBack()
        case .forward: goForward()
        case .nextDocument: openNeighbour(count)
        case .previousDocument: openNeighbour(-count)
        case .cycleFocus:
            // The side panes are hidden in reading mode: changing pane leaves it.
            if screen.readingMode { setReadingMode(false) }
            focus = focus.next
            ensureFocusedSelectionVisible()
        case .openCommandLine: openPrompt(.command)
        case .openFind: openPrompt(.find)
        case .openCorpusSearch: openPrompt(.corpusSearch)
        case .findNext: for _ in 0..<count { stepMatch(forward: true) }
        case .findPrevious: for _ in 0..<count { stepMatch(forward: false) }
        case .find(let text):
            commandLine = nil
            find(text)
        case .searchCorpus(let text):
            commandLine = nil
            return searchCorpus(text)
        case .corpusSearchProgress(let p): showIndexingProgress(p)
        case .corpusSearchFinished(let request, let hits, let indexed): finishCorpusSearch(request, hits, indexed: indexed)
        case .corpusSearchFailed(let request, let reason): failCorpusSearch(request, reason)
        case .elsewhereFound(let request, let hits): finishElsewhere(request, hits)
        case .elsewhereFailed(let request, let reason): finishElsewhere(request, nil, failure: reason)
        case .moveInSearchResults(let delta): moveInSearchResults(delta)
        case .openSelectedSearchResult: openSelectedSearchResult()
        case .openTableOfContents: openTableOfContents()
        case .openHelp:
            if case .help = topOverlay { overlays.removeLast() } else { overlays.append(.help(scroll: 0)) }
        case .nextTheme:
            themeIndex = (themeIndex + 1) % themeNames.count
            message = StatusMessage("Theme: \(themeNames[themeIndex])")
            return [.saveTheme(themeNames[themeIndex])]
        case .redraw: return [.redraw]
        case .cancel:
            if commandLine != nil { commandLine = nil }
            else if !overlays.isEmpty { overlays.removeLast() }
            else if focus != .document {
                // Esc in the footnote or link pane: back to the text.
                focus = .document
                ensureFocusedSelectionVisible()
            } else { clearSearch() }
        case .quit:
            if commandLine != nil { commandLine = nil }
            else if !overlays.isEmpty { overlays.removeLast() }
            else { return [.quit(0)] }
        case .resize(let w, let h): resize(width: w, height: h)
        case .command(let text):
            commandLine = nil
            let saved = remember(command: text)
            return saved + run(text)
        case .open(let volume, let number): jump(to: volume, number, landing: .top)
        case .editCommandLine(let key): editCommandLine(key)
        case .editFilter(let key): editFilter(key)
        case .moveInTableOfContents(let delta): moveInTableOfContents(delta)
        case .switchTableOfContentsVolume(let delta): switchTableOfContentsVolume(delta)
        case .openSelectedInTableOfContents: openSelectedInTableOfContents()
        case .scrollHelp(let s):
            if case .help(let offset) = topOverlay {
                let total = helpRows.count
                overlays[overlays.count - 1] = .help(scroll: s.apply(to: offset, height: max(1, screen.helpText.height), total: total))
            }
        case .showMentionHints: showMentionHints()
        case .typeMentionHint(let key): typeMentionHint(key)
        case .moveInEntry(let delta): moveInEntry(delta)
        case .openSelectedMention: openSelectedMention()
        case .openEntries: openEntries()
        case .editEntriesFilter(let key): editEntriesFilter(key)
        case .moveInEntries(let delta): moveInEntries(delta)
        case .openSelectedEntry: openSelectedEntry()
        case .toggleTableOfContentsOrder: toggleTableOfContentsOrder()
        case .copyCitation: return copyCitation()
        case .copyAddress: return copyAddress()
        case .openAddress: return openAddress()
        case .report(let m): message = m
        case .pageOrNext: pageOrNext(count)
        case .toggleReadingMode: setReadingMode(!screen.readingMode)
        case .countDigit(let d): addCountDigit(d)
        case .unknownKey(let key):
            message = StatusMessage("\(key.displayName) does nothing here · ? lists the keys", kind: .error)
        case .peek: peek()
        case .followPeek: followPeek()
        case .commandHistory(let delta): stepCommandHistory(delta)
        case .startMarkKey(let kind): startMarkKey(kind)
        case .markKey(let key): markKey(key)
        case .openMarks: openMarks()
        case .openHistory: openHistory()
        case .moveInMemoryList(let delta): moveInMemoryList(delta)
        case .openSelectedMemoryEntry: openSelectedMemoryEntry()
        case .deleteSelectedMark: deleteSelectedMark()
        case .addNote: return addNote()
        case .openNotePrompt(let request): openNotePrompt(request)
        case .finishNotePrompt(let text): return finishNotePrompt(text)
        case .noteAdded(let note): noteAdded(note)
        case .noteFailed(let reason): message = StatusMessage("Note not saved: \(reason)", kind: .error)
        }
        return []
    }

    // MARK: - Scrolling

    mutating func scrollFocusedPane(_ s: Scroll) {
        guard let view else { return }
        switch focus {
        case .document:
            scroll = s.apply(to: scroll, height: documentHeight, total: view.documentLayout.lines.count)
            followCurrentFootnote()
        case .footnotes:
            footnoteScroll = s.apply(to: footnoteScroll, height: footnotesHeight, total: view.footnoteLayout.lines.count)
        case .links:
            // The navigator is a list: keys move its selection, the view follows.
            let count = view.navigator.count
            guard count > 0 else { return }
            linkSelection = s.move(from: linkSelection ?? -1, page: linksHeight, last: count - 1)
            ensureFocusedSelectionVisible()
        }
    }

    // MARK: - Screen size

    mutating func resize(width: Int, height: Int) {
        apply(ScreenLayout(width: width, height: height, readingMode: screen.readingMode, maxTextWidth: screen.maxTextWidth))
    }

    /// A new screen geometry (size, reading mode, text width): the layouts follow.
    mutating func apply(_ newScreen: ScreenLayout) {
        screen = newScreen
        // Too small to read: keep the layout; it is redone when the screen grows again.
        guard let current = view, !screen.isTooSmall else { return }
        let oldLines = max(1, current.documentLayout.lines.count)
        let updated = current.relaidOut(for: screen, layouter: layouter)
        view = updated
        if updated.documentLayout.width != current.documentLayout.width {
            // Keep the same part of the text in view: the same fraction of it.
            scroll = scroll * updated.documentLayout.lines.count / oldLines
        }
        clampScrolls()
        ensureFocusedSelectionVisible()
        followCurrentFootnote()
        // The same matches at the new width: found again once per relayout, not per frame.
        if var s = search, !s.isCurrent(for: updated) {
            s.recompute(for: updated)
            search = s
        }
    }

    mutating func clampScrolls() {
        guard let view else { return }
        scroll = min(max(0, scroll), max(0, view.documentLayout.lines.count - documentHeight))
        footnoteScroll = min(max(0, footnoteScroll), max(0, view.footnoteLayout.lines.count - footnotesHeight))
        linkScroll = min(max(0, linkScroll), max(0, view.navigatorRows.count - linksHeight))
        if let s = selection, !view.selectables.indices.contains(s) { selection = nil }
        if let s = footnoteSelection, !view.footnoteLayout.references.indices.contains(s) { footnoteSelection = nil }
        if let s = linkSelection, !view.navigator.indices.contains(s) { linkSelection = nil }
    }

    // MARK: - Command line

    mutating func openPrompt(_ kind: PromptKind) {
        prompt = kind
        commandLine = ""
    }

    mutating func run(_ text: String) -> [Effect] {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { return [] }
        guard let command = Command(parsing: trimmed) else {
            message = StatusMessage("Not a command: :\(trimmed)  (try :175, :d 175, :p 766, :search WORDS, :q)", kind: .error)
            return []
        }
        switch command {
        case .quit: return [.quit(0)]
        case .search(let query): return searchCorpus(query)
        case .document(let volume, let number):
            guard let volume = volume ?? document?.volumeID ?? corpus.volumeIDs.first else {
                message = StatusMessage("No volume is open.", kind: .error)
                return []
            }
            jump(to: volume, number, landing: .top)
        case .who(let query): who(query)
        case .date(let text): openNearestDate(text)
        case .page(let page):
            guard let volumeID = document?.volumeID, let volume = corpus.volume(volumeID),
                let (doc, atMarker) = volume.locatePage(page)
            else {
                message = StatusMessage("Page \(page) is not in this volume.", kind: .error)
                return []
            }
            jump(to: volumeID, doc.number, landing: atMarker ? .page(page) : .top)
        }
        return []
    }
}
