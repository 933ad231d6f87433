import FrusModel

/// Where a jump lands in the document it opens.
public enum Landing: Sendable, Hashable {
    case top
    /// Footnote `n` highlighted and its marker selected and in view.
    case footnote(Int)
    /// The line where printed page `p` begins.
    case page(String)
    /// The first match of the in-document search (a corpus search result opened).
    case firstMatch
    /// The first mention of a person or term (from an entry's "Mentioned in").
    case mention(Mention)
}

extension ReaderState {
    /// Opens the first document of the corpus (or `volume`/`number` when given and present),
    /// without recording history: the start of a session.
    public mutating func start(volume: String? = nil, number: String? = nil) {
        // What went wrong reading volumes (this one, ones its links name, ones passed over).
        defer { reportNewProblems() }
        if let volume, let number, corpus.openDocument(volume: volume, number: number) != nil {
            show(volume, number, landing: .top)
            return
        }
        if let volume, let number { message = unavailable(volume, number) }
        if let first = corpus.firstDocument() {
            show(first.volumeID, first.number, landing: .top)
        } else if message == nil {
            message = StatusMessage("No documents in \(corpus.location).", kind: .error)
        }
    }

    /// A jump: records where the reader is, drops the forward history, and opens the target.
    mutating func jump(to volume: String, _ number: String, landing: Landing) {
        guard corpus.openDocument(volume: volume, number: number) != nil else {
            message = unavailable(volume, number)
            return
        }
        if let here = place {
            back.append(here)
            forward.removeAll()
            memory.lastJumpStart = here
        }
        show(volume, number, landing: landing)
    }

    /// Opens a document without touching history.
    mutating func show(_ volume: String, _ number: String, landing: Landing) {
        guard let doc = corpus.openDocument(volume: volume, number: number).map(withNotes) else { return }
        recordVisit(doc)
        let widths = (document: max(1, screen.documentText.width), footnotes: max(1, screen.footnotesText.width))
        if let kept = recentLayouts.find(
            volume: doc.volumeID, number: doc.number, documentWidth: widths.document, footnoteWidth: widths.footnotes)
        {
            view = DocumentView(document: doc, corpus: corpus, reusing: kept)
        } else {
            view = DocumentView(document: doc, corpus: corpus, screen: screen, layouter: layouter)
        }
        if let view { recentLayouts.remember(view) }
        if let view, !memory.notes.isEmpty { flagNotesInNavigator(view) }
        scroll = 0
        selection = nil
        footnoteScroll = 0
        footnoteSelection = nil
        linkScroll = 0
        linkSelection = nil
        focus = .document
        // The search pattern stays (vim keeps it): its matches in this document are highlighted
        // and `n` goes to the first one; none is current until then.
        if var s = search, let view {
            s.current = nil
            s.recompute(for: view)
            search = s
        }
        switch landing {
        case .top, .firstMatch, .mention: break
        case .footnote(let n):
            selection = view?.selectableIndex(ofMarker: n)
            ensureDocumentSelectionVisible()
        case .page(let p):
            if let line = view?.documentLayout.line(ofPage: p) { scroll = line }
        }
        clampScrolls()
        followCurrentFootnote()
        // After following the footnotes: a mention in a footnote must stay in view.
        if case .mention(let m) = landing { revealFirstMention(m) }
        // After following the footnotes: a match in a footnote must stay in view.
        if landing == .firstMatch, let s = search {
            if s.count > 0 {
                search?.current = 0
                revealCurrentMatch()
                message = StatusMessage("/\(s.label): match 1 of \(s.count) · n next, N previous")
            } else {
                message = StatusMessage("No match for “\(s.label)” on this document's text.", kind: .error)
            }
        }
    }

    /// Restores a recorded place exactly.
    mutating func restore(_ p: Place) {
        show(p.volume, p.number, landing: .top)
        scroll = p.scroll
        selection = p.selection
        footnoteScroll = p.footnoteScroll
        footnoteSelection = p.footnoteSelection
        linkScroll = p.linkScroll
        linkSelection = p.linkSelection
        focus = p.focus
        clampScrolls()
    }

    mutating func goBack() {
        guard let previous = back.popLast() else {
            message = StatusMessage("Nothing to go back to.")
            return
        }
        if let here = place { forward.append(here) }
        restore(previous)
    }

    mutating func goForward() {
        guard let next = forward.popLast() else {
            message = StatusMessage("Nothing to go forward to.")
            return
        }
        if let here = place { back.append(here) }
        restore(next)
    }

    /// `]` / `[`: the next or previous document of the volume.
    mutating func openNeighbour(_ delta: Int) {
        guard let doc = document, let volume = corpus.volume(doc.volumeID),
            let i = volume.position(of: doc.number)
        else { return }
        // A count past either end (`9]`) goes as far as there is.
        let j = min(max(0, i + delta), volume.documents.count - 1)
        guard j != i else {
            message = StatusMessage(delta > 0 ? "This is the last document of the volume." : "This is the first document of the volume.")
            return
        }
        jump(to: volume.id, volume.documents[j].number, landing: .top)
    }

    /// Follows a link: jumps when it resolves, else says why not and stays.
    mutating func follow(_ target: LinkTarget) {
        switch corpus.resolve(target) {
        case .resolved(let r):
            guard let number = r.document else {
                message = StatusMessage("\(r.description) has no documents.", kind: .error)
                return
            }
            let landing: Landing = r.footnote.map { .footnote($0) } ?? r.page.map { .page($0) } ?? .top
            jump(to: r.volume, number, landing: landing)
        case .external(let url):
            message = StatusMessage("Not followed: \(url) is a web address outside the corpus.", kind: .error)
        case .unresolved(let reason):
            // A volume that cannot be read: say why (its problem was told once, maybe long ago).
            if let v = target.volumeID, corpus.problem(ofVolume: v) != nil {
                message = StatusMessage("Not followed: \(unreadable(v).text)", kind: .error)
            } else {
                message = StatusMessage("Not followed: \(reason).", kind: .error)
            }
        }
    }

    /// Enter in the focused pane.
    mutating func activate() {
        guard let view else { return }
        switch focus {
        case .document:
            guard let s = selection, view.selectables.indices.contains(s) else {
                message = StatusMessage("Nothing selected: Tab selects a link or footnote marker.")
                return
            }
            switch view.selectables[s] {
            case .marker(let n, _):
                // Show that footnote in the footnote pane, focused, its first link selected.
                focus = .footnotes
                footnoteSelection = view.footnoteLayout.references.firstIndex { $0.site == .footnote(n) }
                if let range = view.footnoteLayout.footnoteLines[n] { revealFootnoteLines(range) }
            case .bodyLink(let t, _), .footnoteLink(let t, _, _):
                follow(t)
            }
        case .footnotes:
            guard let s = footnoteSelection, view.footnoteLayout.references.indices.contains(s) else {
                message = StatusMessage("Nothing selected: Tab selects a link in the footnotes.")
                return
            }
            switch view.footnoteLayout.references[s].kind {
            case .link(let t, _): follow(t)
            case .marker: break
            }
        case .links:
            guard let s = linkSelection, view.navigator.indices.contains(s) else {
                message = StatusMessage("Nothing selected: Tab or j/k selects an entry.")
                return
            }
            switch view.navigator[s].kind {
            case .reference(let r, _): follow(r.target)
            // At the citing footnote, its marker selected, as following a footnote link lands.
            case .citedBy(let v, let n): jump(to: v, n, landing: view.navigator[s].citingFootnote.map { .footnote($0) } ?? .top)
            }
        }
    }

    // MARK: - Table of contents

    mutating func openTableOfContents() {
        guard let doc = document, let volume = corpus.outline(ofVolume: doc.volumeID) else {
            message = StatusMessage("No volume is open.", kind: .error)
            return
        }
        var toc = TableOfContentsState(volume: volume.id)
        let rows = TableOfContents.rows(volume, filter: "", current: doc.number)
        for row in rows {
            if case .document(_, _, true, let i) = row { toc.selection = i }
        }
        overlays.append(.tableOfContents(toc))
        scrollTableOfContentsToSelection()
    }

    public var tableOfContentsRows: [TableOfContentsRow] {
        guard case .tableOfContents(let toc) = topOverlay else { return [] }
        return tableOfContentsRows(toc)
    }

    /// The rows of a table of contents overlay (open or under another overlay).
    public func tableOfContentsRows(_ toc: TableOfContentsState) -> [TableOfContentsRow] {
        guard let volume = corpus.outline(ofVolume: toc.volume) else { return [] }
        return TableOfContents.rows(
            volume, filter: toc.filter, current: currentNumber(in: toc.volume), byDate: toc.byDate)
    }

    /// `Tab` in the contents: volume order ↔ date order, the selected document kept.
    mutating func toggleTableOfContentsOrder() {
        guard case .tableOfContents(var toc) = topOverlay else { return }
        let selected = TableOfContents.document(at: toc.selection, in: tableOfContentsRows)
        toc.byDate.toggle()
        toc.scroll = 0
        overlays[overlays.count - 1] = .tableOfContents(toc)
        let rows = tableOfContentsRows
        toc.selection = rows.lazy.compactMap { row -> Int? in
            if case .document(let n, _, _, let i) = row, n == selected { return i } else { return nil }
        }.first ?? 0
        overlays[overlays.count - 1] = .tableOfContents(toc)
        scrollTableOfContentsToSelection()
        message = StatusMessage(toc.byDate ? "Contents by date · Tab: volume order" : "Contents in volume order · Tab: by date")
    }

    /// The open document's number if it is in `volume` (the one the contents mark).
    public func currentNumber(in volume: String) -> String? {
        document?.volumeID == volume ? document?.number : nil
    }

    /// Shows the contents of the next or previous volume (in corpus order, wrapping), keeping
    /// the filter; the open document is selected when it is there.
    mutating func switchTableOfContentsVolume(_ delta: Int) {
        guard case .tableOfContents(var toc) = topOverlay else { return }
        let ids = corpus.volumeIDs
        guard ids.count > 1, let at = ids.firstIndex(of: toc.volume) else {
            message = StatusMessage("This corpus has one volume.")
            return
        }
        // Volumes that cannot be read are passed over, not shown empty.
        var next = at
        repeat {
            next = (next + delta + ids.count) % ids.count
        } while next != at && corpus.outline(ofVolume: ids[next]) == nil
        guard next != at else {
            let others = ids.filter { $0 != toc.volume }
            message = others.count == 1
                ? unreadable(others[0])
                : StatusMessage("None of the other \(others.count) volumes can be read (frusread check says why).", kind: .error)
            return
        }
        toc.volume = ids[next]
        toc.scroll = 0
        overlays[overlays.count - 1] = .tableOfContents(toc)
        toc.selection = tableOfContentsRows.lazy.compactMap { row -> Int? in
            if case .document(_, _, true, let i) = row { return i } else { return nil }
        }.first ?? 0
        overlays[overlays.count - 1] = .tableOfContents(toc)
        scrollTableOfContentsToSelection()
    }

    /// Rows the table of contents shows at once (the overlay's inner height).
    public var tableOfContentsHeight: Int { max(1, screen.height - 6) }

    mutating func editFilter(_ key: Key) {
        guard case .tableOfContents(var toc) = topOverlay else { return }
        switch key {
        case .char(let c): toc.filter.append(c)
        case .backspace, .delete: if !toc.filter.isEmpty { toc.filter.removeLast() }
        case .ctrl("u"): toc.filter = ""
        default: return
        }
        toc.scroll = 0
        overlays[overlays.count - 1] = .tableOfContents(toc)
        // The current document stays selected while it matches; else the first match.
        toc.selection = tableOfContentsRows.lazy.compactMap { row -> Int? in
            if case .document(_, _, true, let i) = row { return i } else { return nil }
        }.first ?? 0
        overlays[overlays.count - 1] = .tableOfContents(toc)
        scrollTableOfContentsToSelection()
    }

    mutating func moveInTableOfContents(_ delta: Int) {
        guard case .tableOfContents(var toc) = topOverlay else { return }
        let count = TableOfContents.documentCount(tableOfContentsRows)
        guard count > 0 else { return }
        toc.selection = min(max(0, toc.selection + delta), count - 1)
        overlays[overlays.count - 1] = .tableOfContents(toc)
        scrollTableOfContentsToSelection()
    }

    mutating func scrollTableOfContentsToSelection() {
        guard case .tableOfContents(var toc) = topOverlay,
            let row = TableOfContents.row(ofDocument: toc.selection, in: tableOfContentsRows)
        else { return }
        let height = tableOfContentsHeight
        if row < toc.scroll { toc.scroll = row }
        if row >= toc.scroll + height { toc.scroll = row - height + 1 }
        // Show the chapter heading just above the first document when it fits.
        if toc.scroll > 0, row - toc.scroll < 1, toc.scroll == row { toc.scroll = max(0, row - 1) }
        overlays[overlays.count - 1] = .tableOfContents(toc)
    }

    mutating func openSelectedInTableOfContents() {
        guard case .tableOfContents(let toc) = topOverlay else { return }
        guard let number = TableOfContents.document(at: toc.selection, in: tableOfContentsRows) else {
            message = StatusMessage("No document matches “\(toc.filter)”.", kind: .error)
            return
        }
        overlays.removeLast()
        jump(to: toc.volume, number, landing: .top)
    }
}
