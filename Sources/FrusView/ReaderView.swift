import FrusLayout
import FrusModel
import FrusReader
import FrusTheme

/// The pure view: reader state + theme → every cell of the grid (ratatui's widgets: they draw
/// into a buffer and never touch the terminal).
public enum ReaderView {
    public static func render(_ state: ReaderState, theme: Theme, width: Int, height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        draw(state, theme: theme, into: &grid)
        return grid
    }

    public static func draw(_ state: ReaderState, theme: Theme, into grid: inout Grid) {
        draw(state, styles: ViewStyles(theme), into: &grid)
    }

    static func draw(_ state: ReaderState, styles: ViewStyles, into grid: inout Grid) {
        // The state's geometry (reading mode, text width) at the grid's size.
        let screen = state.screen.width == grid.width && state.screen.height == grid.height
            ? state.screen
            : ScreenLayout(width: grid.width, height: grid.height, readingMode: state.screen.readingMode,
                           maxTextWidth: state.screen.maxTextWidth)
        grid.fill(Rect(x: 0, y: 0, width: grid.width, height: grid.height), style: styles.text)
        guard grid.width > 0, grid.height > 0 else { return }
        if screen.isTooSmall {
            drawTooSmall(&grid, styles)
            return
        }
        drawTitle(state, screen, styles, &grid)
        if let view = state.view, screen.readingMode {
            DocumentPane.draw(state, view, screen, styles, &grid)
            FootnotePane.drawStrip(state, view, screen, styles, &grid)
        } else if let view = state.view {
            DocumentPane.draw(state, view, screen, styles, &grid)
            FootnotePane.draw(state, view, screen, styles, &grid)
            LinkPane.draw(state, view, screen, styles, &grid)
        } else {
            grid.box(screen.document, style: styles.borderFocused, title: "Document", titleStyle: styles.paneTitle)
            let text = ScreenLayout.textArea(of: screen.document)
            grid.put("No document to show.", x: text.x, y: text.y, style: styles.text, limit: text.x + text.width)
        }
        drawStatus(state, screen, styles, &grid)
        for overlay in state.overlays {
            switch overlay {
            case .help(let scroll): Overlays.drawHelp(state, scroll: scroll, screen, styles, &grid)
            case .tableOfContents(let toc): Overlays.drawTableOfContents(state, toc, screen, styles, &grid)
            case .searchResults: Overlays.drawSearchResults(state, screen, styles, &grid)
            case .mentionHints(let typed): Overlays.drawMentionHints(state, typed: typed, screen, styles, &grid)
            case .entry(let entry): Overlays.drawEntry(state, entry, screen, styles, &grid)
            case .entries(let list): Overlays.drawEntries(state, list, screen, styles, &grid)
            case .peek(let peek): Overlays.drawPeek(peek, screen, styles, &grid)
            case .marks(let list): MemoryOverlays.drawMarks(state, list, screen, styles, &grid)
            case .history(let list): MemoryOverlays.drawHistory(state, list, screen, styles, &grid)
            }
        }
    }

    static func drawTooSmall(_ grid: inout Grid, _ styles: ViewStyles) {
        let lines = ["terminal too small", "(at least \(ScreenLayout.minimumWidth)×\(ScreenLayout.minimumHeight))"]
        let top = max(0, (grid.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < grid.height {
            let text = Grid.truncate(line, to: grid.width)
            let x = max(0, (grid.width - DisplayWidth.of(text)) / 2)
            grid.put(text, x: x, y: top + i, style: i == 0 ? styles.messageError : styles.text)
        }
    }

    static func drawTitle(_ state: ReaderState, _ screen: ScreenLayout, _ styles: ViewStyles, _ grid: inout Grid) {
        grid.fill(screen.titleRow, style: styles.title)
        guard let view = state.view else {
            grid.put(" frusread — \(state.corpus.location)", x: 0, y: 0, style: styles.title)
            return
        }
        let text = " \(view.volumeShortTitle) · \(view.document.numberedTitle)"
        // The date at the right, always shown: the title gives way to it.
        let date = DocumentDates.display(view.document.date, view.document.dateEnd).map { "  " + $0 + " " } ?? ""
        let dateWidth = DisplayWidth.of(date)
        let room = screen.width - (dateWidth < screen.width / 2 ? dateWidth : 0)
        grid.put(Grid.truncate(text, to: room), x: 0, y: 0, style: styles.title, limit: room)
        if room < screen.width { grid.put(date, x: room, y: 0, style: styles.title) }
    }

    static func drawStatus(_ state: ReaderState, _ screen: ScreenLayout, _ styles: ViewStyles, _ grid: inout Grid) {
        let row = screen.statusRow
        grid.fill(row, style: styles.status)
        if let command = state.commandLine {
            // The cursor is a reversed cell where the next character goes.
            let characters = Array(command)
            let at = min(max(0, state.commandCursor), characters.count)
            let before = state.prompt.prefix + String(characters[..<at])
            let x = grid.put(before, x: 0, y: row.y, style: styles.status)
            let under = at < characters.count ? String(characters[at]) : " "
            let next = grid.put(under, x: x, y: row.y, style: styles.status.patched(with: styles.cursor))
            if at + 1 < characters.count { grid.put(String(characters[(at + 1)...]), x: next, y: row.y, style: styles.status) }
            return
        }
        let hints = " ? help  t contents  q quit "
        let hintWidth = DisplayWidth.of(hints)
        let room = grid.width - (grid.width >= 70 ? hintWidth : 0)
        let (text, style) = statusText(state, styles)
        grid.put(Grid.truncate(" " + text, to: room), x: 0, y: row.y, style: style, limit: room)
        if room < grid.width { grid.put(hints, x: room, y: row.y, style: styles.statusKey) }
    }

    /// A message if there is one, else what the selection leads to (as lynx shows a link's
    /// address), else a hint.
    static func statusText(_ state: ReaderState, _ styles: ViewStyles) -> (String, Style) {
        if let m = state.message {
            return (m.text, m.kind == .error ? styles.messageError : styles.message)
        }
        guard let view = state.view else { return ("", styles.status) }
        // An overlay covers the panes: what is selected under it is not what the reader looks at.
        if let overlay = state.topOverlay { return (overlayHint(overlay), styles.status) }
        if let target = state.selectedTarget {
            switch state.corpus.resolve(target) {
            case .resolved(let r): return (r.description, styles.status)
            case .external(let url): return (url + " (web address outside the corpus)", styles.status)
            case .unresolved(let reason): return (unresolved(target, reason), styles.status)
            }
        }
        if state.focus == .document, let s = state.selection, view.selectables.indices.contains(s),
            case .marker(let n, _) = view.selectables[s]
        {
            // In reading mode the note is in the strip below already.
            return (state.screen.readingMode ? "Footnote \(n) · p shows it all · z gives the panes back"
                                             : "Footnote \(n) · Enter reads it in the footnote pane", styles.status)
        }
        // A search in progress says where it is, until the reader selects something.
        if let search = state.search {
            let found = search.count == 0 ? "no match in this document" : search.status
            return ("/\(search.label): \(found) · n next · N previous · Esc clears", styles.status)
        }
        switch state.focus {
        case .document: return ("Tab selects links and footnote markers · w changes pane", styles.status)
        case .footnotes: return ("Footnotes · Tab selects a link · w changes pane", styles.status)
        case .links: return ("Links · j/k select · Enter follows · w changes pane", styles.status)
        }
    }
}

extension ReaderView {
    /// "FRUS, 1981–1988, vol. V, Doc. 136 — Document 136 is not in this corpus"; when the reason
    /// names the volume too, it is not named again ("…, vol. IV, Doc. 150 — not in this corpus").
    static func unresolved(_ target: LinkTarget, _ reason: String) -> String {
        if let v = target.volumeID, let name = VolumeID(v).citation, reason.contains(name) {
            if reason.hasSuffix("is not in this corpus") { return Corpus.citation(target) + " — not in this corpus" }
            return Corpus.citation(target) + " — " + reason.replacingOccurrences(of: name, with: "the volume")
        }
        return Corpus.citation(target) + " — " + reason
    }

    /// The status line under an overlay: its keys.
    static func overlayHint(_ overlay: Overlay) -> String {
        switch overlay {
        case .help: return "Help · j/k scroll · Esc closes"
        case .tableOfContents: return "Contents · type to filter · ↑ ↓ choose · Enter opens · Esc closes"
        case .searchResults: return "Results · j/k choose · Enter opens · Esc closes"
        case .peek(let p): return p.target == nil ? "Peek · Esc closes" : "Peek · Enter follows · Esc closes"
        case .mentionHints: return "Look up · type the letters of a name or term · Esc cancels"
        case .entry: return "Entry · j/k choose · Enter opens at the first mention · Esc closes"
        case .entries: return "Persons and terms · type to filter · ↑ ↓ choose · Enter shows · Esc closes"
        case .marks: return "Marks · j/k choose · Enter opens · d deletes · Esc closes"
        case .history: return "History · j/k choose · Enter opens · Esc closes"
        }
    }
}

/// The theme's styles for one frame, looked up once (fallback along the dots is a dictionary
/// walk: not something to repeat for every cell).
struct ViewStyles {
    let theme: Theme
    let text, title, border, borderFocused, paneTitle, status, statusKey, message, messageError: Style
    let cursor, footnoteCurrent, navigatorSite, navigatorHeader, overlay, overlayTitle, overlaySelected, overlayHeading: Style
    let link, linkSelected, linkUnresolved, linkUnresolvedSelected, markerSelected: Style
    let searchMatch, searchMatchCurrent: Style
    /// Drawn over a mention's own look (`StyledRun.isMention`): only what the theme sets.
    let mention: Style
    /// The hint letters `K` puts on mentions in view.
    let mentionHint: Style
    private let roles: [StyleRole: Style]

    init(_ theme: Theme) {
        self.theme = theme
        let base = theme.style("text")
        func s(_ scope: String) -> Style { base.patched(with: theme.style(scope)) }
        text = base
        title = s("title"); border = s("border"); borderFocused = s("border.focused")
        paneTitle = s("pane.title"); status = s("status")
        statusKey = status.patched(with: theme.style("status.key"))
        message = status.patched(with: theme.style("message"))
        messageError = status.patched(with: theme.style("message.error"))
        cursor = theme.style("cursor"); footnoteCurrent = theme.style("footnote.current")
        navigatorSite = s("navigator.site"); navigatorHeader = s("navigator.header")
        overlay = s("overlay")
        overlayTitle = overlay.patched(with: theme.style("overlay.title"))
        overlaySelected = overlay.patched(with: theme.style("overlay.selected"))
        overlayHeading = overlay.patched(with: theme.style("overlay.heading"))
        link = s("link"); linkSelected = s("link.selected")
        linkUnresolved = s("link.unresolved"); linkUnresolvedSelected = s("link.unresolved.selected")
        markerSelected = s("marker.selected")
        searchMatch = s("search.match")
        // Looked up along the dots: a theme without it shows the current match as the others.
        searchMatchCurrent = s("search.match.current")
        mention = theme.definedStyle("mention") ?? Style(attributes: [])
        mentionHint = s("mention.hint")
        var roles: [StyleRole: Style] = [:]
        for role in StyleRole.allCases {
            let scope: String
            switch role {
            case .tableBorder: scope = "table.border"
            case .footnoteNumber: scope = "footnote.number"
            default: scope = role.rawValue
            }
            roles[role] = s(scope)
        }
        self.roles = roles
    }

    /// The style of a laid-out run: its role's, with the document's typography on top.
    func style(of run: StyledRun) -> Style {
        var style = roles[run.role] ?? text
        if run.isMention { style = style.patched(with: mention) }
        for t in run.styles {
            switch t {
            case .italic: style.insert(.italic)
            case .bold: style.insert(.bold)
            case .underline: style.insert(.underline)
            default: break
            }
        }
        return style
    }
}
