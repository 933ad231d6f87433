import FrusLayout
import FrusModel
import FrusReader
import FrusTheme

/// The help and table-of-contents overlays, drawn centred over the panes.
enum Overlays {
    static func frame(_ screen: ScreenLayout, maxWidth: Int) -> Rect {
        let width = min(maxWidth, screen.width - 4)
        let height = screen.height - 2
        return Rect(x: (screen.width - width) / 2, y: 1, width: width, height: height)
    }

    static func drawHelp(_ state: ReaderState, scroll: Int, _ screen: ScreenLayout, _ styles: ViewStyles, _ grid: inout Grid) {
        let box = screen.helpBox
        grid.fill(box, style: styles.overlay)
        grid.box(box, style: styles.overlayTitle, title: "Help", titleStyle: styles.overlayTitle, rightTitle: "Esc closes")
        let area = ScreenLayout.textArea(of: box)
        // From the keys in force (the user's [keys] included), descriptions wrapped.
        let keyWidth = Keymap.helpKeyWidth(state.keymap, area: area.width)
        let lines = Keymap.wrap(state.keymap.helpScreen, keyWidth: keyWidth, width: area.width)
        for row in 0..<area.height {
            let i = scroll + row
            guard i < lines.count else { break }
            let (keys, help) = lines[i]
            let y = area.y + row
            if help.isEmpty {
                grid.put(keys, x: area.x, y: y, style: styles.overlayHeading, limit: area.x + area.width)
                continue
            }
            grid.put(Grid.truncate(keys, to: keyWidth), x: area.x, y: y, style: styles.overlayTitle, limit: area.x + keyWidth)
            grid.put(Grid.truncate(help, to: area.width - keyWidth - 2), x: area.x + keyWidth + 2, y: y,
                     style: styles.overlay, limit: area.x + area.width)
        }
    }

    /// `p`: the target's title and date over its first lines; Enter follows, Esc closes.
    static func drawPeek(_ peek: Peek, _ screen: ScreenLayout, _ styles: ViewStyles, _ grid: inout Grid) {
        // As tall as what it shows, up to the peek box's height.
        var box = screen.peekBox
        let rows = 2 + 1 + (peek.date == nil ? 0 : 1) + 1 + peek.lines.count
        if rows < box.height { box = Rect(x: box.x, y: box.y + (box.height - rows) / 2, width: box.width, height: rows) }
        grid.fill(box, style: styles.overlay)
        grid.box(box, style: styles.overlayTitle, title: "Peek", titleStyle: styles.overlayTitle,
                 rightTitle: peek.target == nil ? "Esc closes" : "Enter follows · Esc closes")
        let area = ScreenLayout.textArea(of: box)
        guard area.height > 0 else { return }
        var y = area.y
        grid.put(Grid.truncate(peek.title, to: area.width), x: area.x, y: y, style: styles.overlayHeading, limit: area.x + area.width)
        y += 1
        if let date = peek.date, y < area.y + area.height {
            grid.put(Grid.truncate(date, to: area.width), x: area.x, y: y, style: styles.overlay, limit: area.x + area.width)
            y += 1
        }
        y += 1
        guard y < area.y + area.height else { return }
        let text = LaidOutText(width: area.width, lines: peek.lines)
        grid.drawLines(text, from: 0, in: Rect(x: area.x, y: y, width: area.width, height: area.y + area.height - y), styles: styles)
    }

    static func drawTableOfContents(
        _ state: ReaderState, _ toc: TableOfContentsState, _ screen: ScreenLayout, _ styles: ViewStyles, _ grid: inout Grid
    ) {
        let box = frame(screen, maxWidth: 100)
        grid.fill(box, style: styles.overlay)
        let volume = state.corpus.outline(ofVolume: toc.volume)
        let ids = state.corpus.volumeIDs
        let position = ids.count > 1 ? (ids.firstIndex(of: toc.volume).map { " (\($0 + 1) of \(ids.count))" } ?? "") : ""
        grid.box(box, style: styles.overlayTitle,
                 title: "Contents · " + (VolumeID(toc.volume).citation ?? toc.volume) + position,
                 titleStyle: styles.overlayTitle,
                 rightTitle: (toc.byDate ? "by date · " : "") + (ids.count > 1 ? "← → volume · Tab date order · Enter opens" : "Tab date order · Enter opens"))
        let area = ScreenLayout.textArea(of: box)
        guard area.height > 1, let volume else { return }
        let end = grid.put("Filter: ", x: area.x, y: area.y, style: styles.overlayHeading, limit: area.x + area.width)
        let after = grid.put(toc.filter, x: end, y: area.y, style: styles.overlay, limit: area.x + area.width)
        if after < area.x + area.width { grid[after, area.y] = Cell(" ", style: styles.overlay.patched(with: styles.cursor)) }
        let rows = state.tableOfContentsRows(toc)
        // Each document's date, a column before its number (undated: blank).
        var dates: [String: String] = [:]
        // Sections of the front and back matter go by their titles alone.
        var sections = Set<String>()
        for d in volume.documents {
            if let date = DocumentDates.display(d.date) { dates[d.number] = date }
            if d.kind != .document { sections.insert(d.number) }
        }
        let dateWidth = dates.values.map(DisplayWidth.of).max() ?? 0
        let listTop = area.y + 1
        let listHeight = area.height - 1
        if rows.isEmpty {
            grid.put("No document matches.", x: area.x, y: listTop, style: styles.overlay, limit: area.x + area.width)
            return
        }
        // The reducer keeps the selection in view for its own idea of the height; recheck here.
        var first = toc.scroll
        if let selRow = TableOfContents.row(ofDocument: toc.selection, in: rows) {
            if selRow < first { first = selRow }
            if selRow >= first + listHeight { first = selRow - listHeight + 1 }
        }
        for row in 0..<listHeight {
            let i = first + row
            guard i < rows.count else { break }
            let y = listTop + row
            switch rows[i] {
            case .chapter(let title, let depth):
                let indent = String(repeating: "  ", count: depth)
                grid.put(Grid.truncate(indent + title, to: area.width), x: area.x, y: y, style: styles.overlayHeading)
            case .document(let number, let title, let isCurrent, let index):
                let mark = isCurrent ? "▸ " : "  "
                let date = dateWidth > 0 ? (dates[number] ?? "").padding(toDisplayWidth: dateWidth) + "  " : ""
                let flag = state.memory.hasNotes(volume: toc.volume, number: number) ? " ✎" : ""
                let text = Grid.truncate(mark + date + (sections.contains(number) ? "" : "\(number). ") + title + flag, to: area.width)
                let selected = index == toc.selection
                if selected {
                    grid.fill(Rect(x: area.x - 1, y: y, width: area.width + 2, height: 1), style: styles.overlaySelected)
                }
                grid.put(text, x: area.x, y: y, style: selected ? styles.overlaySelected : styles.overlay, limit: area.x + area.width)
            }
        }
    }
}

extension String {
    /// The string with spaces after it up to `width` display columns.
    func padding(toDisplayWidth width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - DisplayWidth.of(self)))
    }
}
