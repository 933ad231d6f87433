import FrusFind
import FrusLayout

/// The in-document search (`/`, `n`, `N`): a pattern and where it matches in the open document's
/// two laid-out texts, the body (document pane) and the footnotes (footnote pane).
///
/// Matches are computed once per pattern, document and layout width (never per frame or key),
/// in reading order: the body's, then the footnotes' — the order `frusread show` prints them.
public struct FindState: Sendable, Hashable {
    public enum Pane: Sendable, Hashable { case document, footnotes }

    public var pattern: FindPattern
    /// How messages name the search: what was typed after `/`, or the corpus query.
    public var label: String
    public private(set) var documentMatches: [LaidOutMatch] = []
    public private(set) var footnoteMatches: [LaidOutMatch] = []
    /// The current match, an index in reading order (body matches first). nil while none is
    /// chosen: a document opened after a search shows the pattern's matches until `n` or `N`.
    public var current: Int?
    /// The layout widths the matches belong to, to know when a relayout needs new ones.
    private var documentWidth = -1, footnoteWidth = -1

    public init(pattern: FindPattern, label: String, view: DocumentView?) {
        self.pattern = pattern
        self.label = label
        if let view { recompute(for: view) }
    }

    public var count: Int { documentMatches.count + footnoteMatches.count }

    /// Match `i` in reading order and the pane it is drawn in.
    public func match(_ i: Int) -> (pane: Pane, match: LaidOutMatch) {
        i < documentMatches.count
            ? (.document, documentMatches[i]) : (.footnotes, footnoteMatches[i - documentMatches.count])
    }

    /// The current match's index within its own pane's list (what the view highlights).
    public var currentInPane: (pane: Pane, index: Int)? {
        guard let c = current, c < count else { return nil }
        return c < documentMatches.count ? (.document, c) : (.footnotes, c - documentMatches.count)
    }

    /// "match 3 of 11".
    public var status: String {
        guard let c = current else { return count == 1 ? "1 match" : "\(count) matches" }
        return "match \(c + 1) of \(count)"
    }

    /// Finds the pattern again in `view` when its document or a layout width changed (the
    /// current match kept by order, as the matches are the same text at another width).
    public mutating func recompute(for view: DocumentView) {
        let finder = TextFinder(pattern)
        documentMatches = finder.matches(in: view.documentLayout)
        footnoteMatches = finder.matches(in: view.footnoteLayout)
        (documentWidth, footnoteWidth) = (view.documentLayout.width, view.footnoteLayout.width)
        if let c = current { current = count == 0 ? nil : min(c, count - 1) }
    }

    /// Whether the matches were computed for `view`'s layout widths.
    public func isCurrent(for view: DocumentView) -> Bool {
        documentWidth == view.documentLayout.width && footnoteWidth == view.footnoteLayout.width
    }
}

extension ReaderState {
    /// Enter on the `/` prompt: searches the document and its footnotes from where the reader
    /// is, forward. An empty prompt repeats the last search (as in vim and less).
    mutating func find(_ text: String) {
        if text.isEmpty {
            guard let previous = search else { return }
            search = FindState(pattern: previous.pattern, label: previous.label, view: view)
        } else {
            let pattern = FindPattern.literal(text)
            guard !pattern.isEmpty else { return }
            search = FindState(pattern: pattern, label: text, view: view)
        }
        stepMatch(forward: true)
    }

    /// `n` (forward) / `N`: the next or previous match, wrapping at either end. From a current
    /// match that is in view, the one after it; else the first one after the view's top (the
    /// last one before it for `N`), as Tab does with references.
    mutating func stepMatch(forward: Bool) {
        guard var s = search else {
            message = StatusMessage("No search yet: / searches this document, S every volume.")
            return
        }
        guard let view else { return }
        if !s.isCurrent(for: view) { s.recompute(for: view) }
        guard s.count > 0 else {
            s.current = nil
            search = s
            message = StatusMessage("No match for “\(s.label)” in this document or its footnotes.", kind: .error)
            return
        }
        let next: Int
        var wrapped = false
        if let c = s.current, c < s.count, isVisible(s.match(c)) {
            next = forward ? (c + 1) % s.count : (c - 1 + s.count) % s.count
            wrapped = forward ? next <= c : next >= c
        } else {
            let start = firstMatch(atOrAfterViewIn: s)
            if forward {
                wrapped = start == s.count
                next = start % s.count
            } else {
                wrapped = start == 0
                next = (start - 1 + s.count) % s.count
            }
        }
        s.current = next
        search = s
        revealCurrentMatch()
        let note = wrapped ? (forward ? " · wrapped to the top" : " · wrapped to the bottom") : ""
        message = StatusMessage("/\(s.label): \(s.status)\(note)")
    }

    /// The index (in reading order) of the first match at or after the top of the focused
    /// pane's view: the footnote pane's when it has the focus, else the document pane's.
    /// `count` when there is none after it.
    func firstMatch(atOrAfterViewIn s: FindState) -> Int {
        let bodyCount = s.documentMatches.count
        if focus == .footnotes {
            let i = s.footnoteMatches.firstIndex { $0.firstLine >= footnoteScroll }
            return i.map { bodyCount + $0 } ?? s.count
        }
        return s.documentMatches.firstIndex { $0.firstLine >= scroll } ?? bodyCount
    }

    func isVisible(_ m: (pane: FindState.Pane, match: LaidOutMatch)) -> Bool {
        switch m.pane {
        case .document: return m.match.firstLine >= scroll && m.match.firstLine < scroll + documentHeight
        case .footnotes: return m.match.firstLine >= footnoteScroll && m.match.firstLine < footnoteScroll + footnotesHeight
        }
    }

    /// Scrolls the current match's pane so that the match is in view (a third of the way down
    /// when it was not).
    mutating func revealCurrentMatch() {
        guard let view, let s = search, let c = s.current, c < s.count else { return }
        let (pane, m) = s.match(c)
        switch pane {
        case .document:
            scroll = Self.reveal(m.firstLine...m.lastLine, offset: scroll, height: documentHeight,
                                 total: view.documentLayout.lines.count)
            followCurrentFootnote()
        case .footnotes:
            footnoteScroll = Self.reveal(m.firstLine...m.lastLine, offset: footnoteScroll, height: footnotesHeight,
                                         total: view.footnoteLayout.lines.count)
        }
    }

    /// Esc with nothing else to close: stop highlighting the search (vim's :nohlsearch). `n`
    /// would start it again, so the pattern is forgotten too.
    mutating func clearSearch() {
        guard search != nil else { return }
        search = nil
        message = StatusMessage("Search cleared.")
    }
}
