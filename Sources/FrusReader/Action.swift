import FrusFind
import FrusModel

/// What the reader can be asked to do. Keys map to actions (`Keymap`); `reduce` applies them.
public enum Action: Sendable, Hashable {
    /// Scroll the focused pane (in the link navigator: move the selection).
    case scroll(Scroll)
    /// Select the next / previous reference of the focused pane in reading order.
    case selectNext, selectPrevious
    /// Enter: follow the selected link, or show the selected marker's footnote.
    case activate
    case back, forward
    case nextDocument, previousDocument
    /// Document → footnotes → links → document.
    case cycleFocus
    case openCommandLine, openTableOfContents, openHelp
    case nextTheme
    /// Repaint the whole terminal.
    case redraw
    /// Esc: close the topmost overlay or cancel the command line.
    case cancel
    /// q: close the topmost overlay, else quit.
    case quit
    /// `/` and `S`: open the status-line prompt for an in-document or a corpus search.
    case openFind, openCorpusSearch
    /// `n` / `N`: the next / previous match of the in-document search.
    case findNext, findPrevious
    /// Enter on the `/` prompt: search the document and its footnotes.
    case find(String)
    /// Enter on the `S` prompt, `:search`: search every volume (empty: reopen the last results).
    case searchCorpus(String)
    /// From the app running a corpus search: how its index build is going, its hits, or why it failed.
    case corpusSearchProgress(IndexingProgress)
    case corpusSearchFinished(CorpusSearchRequest, [SearchHit], indexed: IndexingProgress?)
    case corpusSearchFailed(CorpusSearchRequest, String)
    /// The app's answer to `Effect.searchElsewhere`: the documents of other volumes naming an
    /// entry; nil when there is no search index to ask.
    case elsewhereFound(ElsewhereRequest, [SearchHit]?)
    case elsewhereFailed(ElsewhereRequest, String)
    /// Move the results overlay's selection by hits (±1, pages; ±Int32.max for the ends).
    case moveInSearchResults(Int)
    case openSelectedSearchResult
    case resize(width: Int, height: Int)
    /// Run a command-line command (the text after ":").
    case command(String)
    /// Open a document (a jump, recorded in history).
    case open(volume: String, number: String)
    /// A key typed while the command line is open.
    case editCommandLine(Key)
    /// A key typed in the table of contents' filter.
    case editFilter(Key)
    /// Move the table of contents' selection by rows (±1) or pages (±1000 for ends).
    case moveInTableOfContents(Int)
    /// Show the table of contents of the next (+1) or previous (-1) volume of the corpus.
    case switchTableOfContentsVolume(Int)
    case openSelectedInTableOfContents
    case scrollHelp(Scroll)
    /// `K`: hint letters on the persons and terms mentioned in view (one alone: its entry).
    case showMentionHints
    /// A key typed while the hints show.
    case typeMentionHint(Key)
    /// The entry overlay's "Mentioned in" selection (±1, pages; ±Int32.max for the ends).
    case moveInEntry(Int)
    /// Enter on a "Mentioned in" line: that document at its first mention of the entry.
    case openSelectedMention
    /// `P`: every person and term of the volume, filtered by typing.
    case openEntries
    case editEntriesFilter(Key)
    case moveInEntries(Int)
    case openSelectedEntry
    /// `Tab` in the table of contents: volume order ↔ date order.
    case toggleTableOfContentsOrder
    /// `y` / `Y`: copy the citation / the history.state.gov address (of the selected footnote
    /// when there is one) to the clipboard; `o`: open that address in a browser.
    case copyCitation, copyAddress, openAddress
    /// From the app: how an effect went (a browser started or not), for the status line.
    case report(StatusMessage)
    /// Space: a page down; at the end of the document, says so, and a second Space opens the
    /// next document (as info and epy do).
    case pageOrNext
    /// `z`: the reading mode (the document fills the screen) on or off.
    case toggleReadingMode
    /// A digit typed before a key: the count it repeats (`5j`, `3]`).
    case countDigit(Int)
    /// A key nothing is bound to: the status line says so.
    case unknownKey(Key)
    /// `p`: the selected link's target in an overlay, not followed; Enter in it follows.
    case peek
    case followPeek
    /// ↑ / ↓ on the command line: an earlier / a later command.
    case commandHistory(Int)
    /// `m` / `'`: the next key names a mark to set / go to (`''`: where the last jump started).
    case startMarkKey(MarkKey)
    /// The key after `m` or `'`.
    case markKey(Key)
    /// `M` / `H`: the marks / history overlay; moving in it, Enter, `d` (delete a mark).
    case openMarks, openHistory
    case moveInMemoryList(Int)
    case openSelectedMemoryEntry
    case deleteSelectedMark
    /// `a`: write a note on the selected reference or the paragraph at the top of the view.
    case addNote
    /// From the app: no editor, so the note is typed on the status line.
    case openNotePrompt(NoteRequest)
    /// Enter on the note prompt.
    case finishNotePrompt(String)
    /// From the app: the note was saved (shown at once), or why it was not.
    case noteAdded(Note)
    case noteFailed(String)
}

/// How far to scroll.
public enum Scroll: Sendable, Hashable {
    case lines(Int)
    case pages(Int)
    case halfPages(Int)
    case top, bottom

    /// The new first line of a pane `height` tall over `total` lines, from `offset`.
    public func apply(to offset: Int, height: Int, total: Int) -> Int {
        move(from: offset, page: height, last: total - max(1, height))
    }

    /// Where position `from` goes, kept within `0...last`, when `page` lines or items are in
    /// view: a pane's first line (`apply`), or the selection in a list (the link navigator).
    public func move(from position: Int, page: Int, last: Int) -> Int {
        let page = max(1, page)
        let last = max(0, last)
        let target: Int
        switch self {
        case .lines(let n): target = position + n
        case .pages(let n): target = position + n * max(1, page - 1)
        case .halfPages(let n): target = position + n * max(1, page / 2)
        case .top: target = 0
        case .bottom: target = last
        }
        return min(max(0, target), last)
    }
}
