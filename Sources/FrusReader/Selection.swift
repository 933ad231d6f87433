import FrusLayout
import FrusModel

extension ReaderState {
    /// The footnote highlighted in the footnote pane: that of the selection (in the focused
    /// pane, else the document pane's), or when nothing is selected, of the first marker in view.
    public var currentFootnote: Int? {
        guard let view else { return nil }
        if focus == .footnotes, let s = footnoteSelection, view.footnoteLayout.references.indices.contains(s),
            case .footnote(let n) = view.footnoteLayout.references[s].site
        {
            return n
        }
        if focus == .links, let s = linkSelection, view.navigator.indices.contains(s),
            case .reference(let r, _) = view.navigator[s].kind, case .footnote(let n) = r.site
        {
            return n
        }
        if let s = selection, view.selectables.indices.contains(s), let n = view.selectables[s].footnote {
            return n
        }
        return view.firstMarker(in: scroll..<(scroll + documentHeight))
    }

    /// The selected link of the focused pane (what Enter follows and the status line names).
    public var selectedTarget: LinkTarget? {
        guard let view else { return nil }
        switch focus {
        case .document:
            guard let s = selection, view.selectables.indices.contains(s) else { return nil }
            return view.selectables[s].target
        case .footnotes:
            guard let s = footnoteSelection, view.footnoteLayout.references.indices.contains(s),
                case .link(let t, _) = view.footnoteLayout.references[s].kind
            else { return nil }
            return t
        case .links:
            guard let s = linkSelection, view.navigator.indices.contains(s) else { return nil }
            switch view.navigator[s].kind {
            case .reference(let r, _): return r.target
            case .citedBy(let v, let n): return .document(volume: v, number: n)
            }
        }
    }

    /// Tab / Shift-Tab in the focused pane. From a selection out of view, starts again from
    /// the first (Tab) or last (Shift-Tab) reference in view.
    mutating func moveSelection(by delta: Int) {
        guard let view else { return }
        switch focus {
        case .document:
            let lines = view.selectables.map { view.documentLine(of: $0) ?? 0 }
            selection = Self.step(selection, delta, lines: lines, visible: scroll..<(scroll + documentHeight))
            if selection == nil { message = StatusMessage("No links or footnote markers in this document.") }
            ensureDocumentSelectionVisible()
            if let s = selection, case .footnoteLink(_, _, let r) = view.selectables[s] {
                revealFootnoteLines(view.footnoteLayout.references[r].firstLine..<(view.footnoteLayout.references[r].firstLine + 1))
            }
            followCurrentFootnote()
        case .footnotes:
            let lines = view.footnoteLayout.references.map(\.firstLine)
            footnoteSelection = Self.step(footnoteSelection, delta, lines: lines, visible: footnoteScroll..<(footnoteScroll + footnotesHeight))
            if footnoteSelection == nil { message = StatusMessage("No links in the footnotes.") }
            ensureFocusedSelectionVisible()
        case .links:
            let lines = view.navigator.indices.map { view.navigatorRow(ofEntry: $0) ?? 0 }
            linkSelection = Self.step(linkSelection, delta, lines: lines, visible: linkScroll..<(linkScroll + linksHeight))
            if linkSelection == nil { message = StatusMessage("No links.") }
            ensureFocusedSelectionVisible()
        }
    }

    /// The next selection among items drawn at `lines` (in reading order).
    static func step(_ current: Int?, _ delta: Int, lines: [Int], visible: Range<Int>) -> Int? {
        guard !lines.isEmpty else { return nil }
        if let c = current, lines.indices.contains(c), visible.contains(lines[c]) {
            return min(max(0, c + delta), lines.count - 1)
        }
        if delta > 0 {
            return lines.firstIndex { $0 >= visible.lowerBound } ?? lines.count - 1
        }
        return lines.lastIndex { $0 < visible.upperBound } ?? 0
    }

    /// Scrolls the focused pane so its selection is in view.
    mutating func ensureFocusedSelectionVisible() {
        guard let view else { return }
        switch focus {
        case .document: ensureDocumentSelectionVisible()
        case .footnotes:
            guard let s = footnoteSelection, view.footnoteLayout.references.indices.contains(s) else { return }
            let ref = view.footnoteLayout.references[s]
            let last = ref.spans.last?.line ?? ref.firstLine
            footnoteScroll = Self.reveal(ref.firstLine...last, offset: footnoteScroll, height: footnotesHeight,
                                         total: view.footnoteLayout.lines.count)
        case .links:
            guard let s = linkSelection, let row = view.navigatorRow(ofEntry: s) else { return }
            linkScroll = Self.reveal(row...row, offset: linkScroll, height: linksHeight, total: view.navigatorRows.count)
        }
    }

    mutating func ensureDocumentSelectionVisible() {
        guard let view, let s = selection, view.selectables.indices.contains(s),
            let line = view.documentLine(of: view.selectables[s])
        else { return }
        var last = line
        switch view.selectables[s] {
        case .marker(_, let r), .bodyLink(_, let r): last = view.documentLayout.references[r].spans.last?.line ?? line
        case .footnoteLink: break
        }
        // In reading mode the footnote strip covers the bottom of the text when a marker is
        // selected: the selection must stand above it.
        let covered = screen.readingMode && view.selectables[s].footnote != nil ? screen.footnotes.height : 0
        scroll = Self.reveal(line...last, offset: scroll, height: max(1, documentHeight - covered), total: view.documentLayout.lines.count)
    }

    /// The offset that shows `lines`: unchanged when they are in view, else with them a third
    /// of the way down (some context above).
    static func reveal(_ lines: ClosedRange<Int>, offset: Int, height: Int, total: Int) -> Int {
        let height = max(1, height)
        if lines.lowerBound >= offset && lines.upperBound < offset + height { return offset }
        let target = lines.lowerBound - height / 3
        return min(max(0, target), max(0, total - height))
    }

    /// Scrolls the footnote pane to the current footnote, unless the reader is working in it.
    mutating func followCurrentFootnote() {
        guard focus != .footnotes, let view, let n = currentFootnote,
            let range = view.footnoteLayout.footnoteLines[n]
        else { return }
        revealFootnoteLines(range)
    }

    /// Scrolls the footnote pane so that `range` is in view (its top, when it is taller).
    mutating func revealFootnoteLines(_ range: Range<Int>) {
        guard let view, !range.isEmpty else { return }
        let height = footnotesHeight
        let total = view.footnoteLayout.lines.count
        if range.lowerBound >= footnoteScroll && range.upperBound <= footnoteScroll + height { return }
        footnoteScroll = min(max(0, range.lowerBound), max(0, total - height))
    }
}
