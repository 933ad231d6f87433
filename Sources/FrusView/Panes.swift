import FrusLayout
import FrusModel
import FrusReader
import FrusTheme

extension Grid {
    /// Draws laid-out lines `first…` into `area`, each run in its style.
    mutating func drawLines(_ text: LaidOutText, from first: Int, in area: Rect, styles: ViewStyles) {
        guard area.width > 0 else { return }
        for row in 0..<area.height {
            let i = first + row
            guard i >= 0, i < text.lines.count else { break }
            var x = area.x
            for run in text.lines[i].runs {
                x = put(run.text, x: x, y: area.y + row, style: styles.style(of: run), limit: area.x + area.width)
            }
        }
    }

    /// Restyles the spans of a reference that are in view.
    mutating func highlight(_ ref: LaidOutReference, first: Int, in area: Rect, style: Style) {
        highlight(ref.spans, first: first, in: area, style: style)
    }

    /// Restyles the spans (of laid-out lines from `first`, drawn in `area`) that are in view.
    mutating func highlight(_ spans: [Span], first: Int, in area: Rect, style: Style) {
        for span in spans {
            let row = span.line - first
            guard row >= 0, row < area.height else { continue }
            let x0 = area.x + span.columns.lowerBound
            let w = Swift.min(span.columns.count, area.width - span.columns.lowerBound)
            guard w > 0 else { continue }
            for x in x0..<(x0 + w) where x < width { self[x, area.y + row].style = style }
        }
    }
}

/// The document pane: the laid-out document, its references styled by resolution, the
/// selection, and the position indicator in the border.
enum DocumentPane {
    static func draw(_ state: ReaderState, _ view: DocumentView, _ screen: ScreenLayout, _ styles: ViewStyles, _ grid: inout Grid) {
        let focused = state.focus == .document
        let layout = view.documentLayout
        let area = screen.documentText
        if screen.readingMode {
            // No border in reading mode: where the view is goes at the end of the title row.
            let where_ = " " + position(state, view) + " "
            let w = DisplayWidth.of(where_)
            if w < grid.width / 3 { grid.put(where_, x: grid.width - w, y: screen.titleRow.y, style: styles.title) }
        } else {
            grid.box(screen.document, style: focused ? styles.borderFocused : styles.border,
                     title: header(view.document), titleStyle: (focused ? styles.borderFocused : styles.border).patched(with: styles.paneTitle),
                     rightTitle: position(state, view))
        }
        grid.drawLines(layout, from: state.scroll, in: area, styles: styles)
        // Links that do not resolve look different before anyone selects them.
        for ref in layout.references {
            if case .link(_, let index) = ref.kind, view.navigator.indices.contains(index), !view.navigator[index].isResolved {
                grid.highlight(ref, first: state.scroll, in: area, style: styles.linkUnresolved)
            }
        }
        if let search = state.search {
            let current = search.currentInPane.flatMap { $0.pane == .document ? $0.index : nil }
            grid.highlightMatches(search.documentMatches, current: current, first: state.scroll, in: area, styles: styles)
        }
        guard let s = state.selection, view.selectables.indices.contains(s) else { return }
        switch view.selectables[s] {
        case .marker(_, let r):
            grid.highlight(layout.references[r], first: state.scroll, in: area, style: styles.markerSelected)
        case .bodyLink(_, let r):
            let resolved: Bool
            if case .link(_, let index) = layout.references[r].kind, view.navigator.indices.contains(index) {
                resolved = view.navigator[index].isResolved
            } else { resolved = true }
            grid.highlight(layout.references[r], first: state.scroll, in: area,
                           style: resolved ? styles.linkSelected : styles.linkUnresolvedSelected)
        case .footnoteLink(_, let n, _):
            // The link is drawn selected in the footnote pane; its marker here shows where it stands.
            if let m = view.selectableIndex(ofMarker: n), case .marker(_, let r) = view.selectables[m] {
                grid.highlight(layout.references[r], first: state.scroll, in: area, style: styles.markerSelected)
            }
        }
    }

    /// The one-line document header in the pane's top edge, under the title bar:
    /// "Document · Washington · 1986-01-14 · Secret; Sensitive" (what is known of it).
    static func header(_ doc: Document) -> String {
        let parts = [doc.place, DocumentDates.display(doc.date, doc.dateEnd), doc.classification]
            .compactMap { $0?.trimmingSpaces }.filter { !$0.isEmpty }
        let name = doc.kind == .document ? "Document" : (doc.kind == .front ? "Front matter" : "Back matter")
        return ([name] + parts).joined(separator: " · ")
    }

    /// "p. 766 · 42%": the printed page at the top of the view and how far down the view ends.
    static func position(_ state: ReaderState, _ view: DocumentView) -> String {
        let layout = view.documentLayout
        let total = max(1, layout.lines.count)
        let percent = min(100, (state.scroll + state.documentHeight) * 100 / total)
        var page = layout.page(atLine: state.scroll)
        if page == nil, let first = layout.pages.first?.page, let n = Int(first) {
            page = String(n - 1)  // before the first page tag: the page the document starts on
        }
        return (page.map { "p. \($0) · " } ?? "") + "\(percent)%"
    }
}

/// The footnote pane: the document's footnotes; the current one highlighted.
enum FootnotePane {
    static func draw(_ state: ReaderState, _ view: DocumentView, _ screen: ScreenLayout, _ styles: ViewStyles, _ grid: inout Grid) {
        let focused = state.focus == .footnotes
        let layout = view.footnoteLayout
        let area = screen.footnotesText
        let count = view.document.footnotes.count
        grid.box(screen.footnotes, style: focused ? styles.borderFocused : styles.border,
                 title: "Footnotes", titleStyle: (focused ? styles.borderFocused : styles.border).patched(with: styles.paneTitle),
                 rightTitle: count > 0 ? "\(count)" : nil)
        if layout.lines.isEmpty {
            grid.put(count == 0 ? "No footnotes." : "", x: area.x, y: area.y, style: styles.navigatorSite, limit: area.x + area.width)
            return
        }
        grid.drawLines(layout, from: state.footnoteScroll, in: area, styles: styles)
        if let n = state.currentFootnote, let range = layout.footnoteLines[n] {
            let top = max(range.lowerBound, state.footnoteScroll) - state.footnoteScroll
            let bottom = min(range.upperBound, state.footnoteScroll + area.height) - state.footnoteScroll
            if bottom > top {
                // The whole width inside the border, padding included, so the block reads as one.
                grid.patch(Rect(x: area.x - 1, y: area.y + top, width: area.width + 2, height: bottom - top),
                           with: styles.footnoteCurrent)
            }
        }
        for (i, ref) in layout.references.enumerated() {
            guard case .link(_, let index) = ref.kind else { continue }
            let resolved = view.navigator.indices.contains(index) ? view.navigator[index].isResolved : true
            let selected = isSelected(i, state, view)
            let style = selected
                ? (resolved ? styles.linkSelected : styles.linkUnresolvedSelected)
                : (resolved ? nil : styles.linkUnresolved)
            if let style {
                let current = state.currentFootnote.map { ref.site == .footnote($0) } ?? false
                grid.highlight(ref, first: state.footnoteScroll, in: area,
                               style: current && !selected ? style.patched(with: styles.footnoteCurrent) : style)
            }
        }
        if let search = state.search {
            let current = search.currentInPane.flatMap { $0.pane == .footnotes ? $0.index : nil }
            grid.highlightMatches(search.footnoteMatches, current: current, first: state.footnoteScroll, in: area, styles: styles)
        }
    }

    /// Reading mode: the note of the selected marker (or of the selected link's footnote) in a
    /// strip over the bottom of the text; nothing when no marker is selected.
    static func drawStrip(_ state: ReaderState, _ view: DocumentView, _ screen: ScreenLayout, _ styles: ViewStyles, _ grid: inout Grid) {
        guard let s = state.selection, view.selectables.indices.contains(s), let n = view.selectables[s].footnote,
            let range = view.footnoteLayout.footnoteLines[n]
        else { return }
        let layout = view.footnoteLayout
        let label = view.document.footnote(n)?.label ?? String(n)
        grid.fill(screen.footnotes, style: styles.text)
        grid.box(screen.footnotes, style: styles.borderFocused, title: "Footnote \(label)",
                 titleStyle: styles.borderFocused.patched(with: styles.paneTitle),
                 rightTitle: range.count > screen.footnotesText.height ? "p reads it all" : nil)
        let area = screen.footnotesText
        // The footnote's own lines only, from its first.
        var text = layout
        text.lines = Array(layout.lines[range.lowerBound..<min(range.upperBound, range.lowerBound + area.height)])
        grid.drawLines(text, from: 0, in: area, styles: styles)
        if case .footnoteLink(_, _, let r) = view.selectables[s], layout.references.indices.contains(r) {
            grid.highlight(layout.references[r], first: range.lowerBound, in: area, style: styles.linkSelected)
        }
    }

    static func isSelected(_ i: Int, _ state: ReaderState, _ view: DocumentView) -> Bool {
        if state.focus == .footnotes { return state.footnoteSelection == i }
        if state.focus == .document, let s = state.selection, view.selectables.indices.contains(s),
            case .footnoteLink(_, _, let r) = view.selectables[s]
        {
            return r == i
        }
        return false
    }
}

/// The link navigator: every reference with where it stands and where it leads, then the
/// documents citing this one.
enum LinkPane {
    static func draw(_ state: ReaderState, _ view: DocumentView, _ screen: ScreenLayout, _ styles: ViewStyles, _ grid: inout Grid) {
        let focused = state.focus == .links
        let area = screen.linksText
        // The count of what the pane lists: the references and the citing documents.
        grid.box(screen.links, style: focused ? styles.borderFocused : styles.border,
                 title: "Links", titleStyle: (focused ? styles.borderFocused : styles.border).patched(with: styles.paneTitle),
                 rightTitle: "\(view.navigator.count)")
        guard area.width > 0 else { return }
        let siteWidth = min(7, max(4, area.width / 4))
        for row in 0..<area.height {
            let i = state.linkScroll + row
            guard i < view.navigatorRows.count else { break }
            let y = area.y + row
            switch view.navigatorRows[i] {
            case .header(let text):
                grid.put(Grid.truncate(text, to: area.width), x: area.x, y: y, style: styles.navigatorHeader)
            case .note(let text):
                grid.put(Grid.truncate(text, to: area.width), x: area.x, y: y, style: styles.navigatorSite)
            case .entry(let e):
                let entry = view.navigator[e]
                let selected = focused && state.linkSelection == e
                let site = Grid.truncate(entry.site, to: siteWidth)
                grid.put(site, x: area.x, y: y, style: styles.navigatorSite, limit: area.x + siteWidth)
                let textX = area.x + siteWidth + 1
                let style = entry.isResolved ? styles.link : styles.linkUnresolved
                grid.put(Grid.truncate(entry.text, to: area.x + area.width - textX), x: textX, y: y,
                         style: style.patched(with: Style(attributes: [])), limit: area.x + area.width)
                if selected {
                    grid.restyle(Rect(x: area.x - 1, y: y, width: area.width + 2, height: 1),
                                 with: entry.isResolved ? styles.linkSelected : styles.linkUnresolvedSelected)
                }
            }
        }
    }
}
