import FrusLayout
import FrusModel
import FrusReader
import FrusTheme

/// Persons and terms: the hint letters of `K`, an entry with the documents mentioning it, and
/// the volume's list (`P`).
extension Overlays {
    /// The hint letters over the first cells of each mention in view (the letters typed so far
    /// drawn dimmer; hints they rule out not drawn).
    static func drawMentionHints(_ state: ReaderState, typed: String, _ screen: ScreenLayout, _ styles: ViewStyles, _ grid: inout Grid) {
        for hint in state.mentionHints where hint.label.hasPrefix(typed) {
            let rest = String(hint.label.dropFirst(typed.count))
            for place in hint.places {
                let (area, first) = place.pane == .document
                    ? (screen.documentText, state.scroll) : (screen.footnotesText, state.footnoteScroll)
                let row = place.span.line - first
                guard row >= 0, row < area.height else { continue }
                let x = area.x + place.span.columns.lowerBound
                grid.put(rest, x: x, y: area.y + row, style: styles.mentionHint, limit: area.x + area.width)
            }
        }
    }

    static func drawEntry(_ state: ReaderState, _ entry: EntryState, _ screen: ScreenLayout, _ styles: ViewStyles, _ grid: inout Grid) {
        let box = frame(screen, maxWidth: 90)
        grid.fill(box, style: styles.overlay)
        let kind = entry.entry.isPerson ? "Person" : "Term"
        grid.box(box, style: styles.overlayTitle, title: "\(kind) · \(entry.entry.id)", titleStyle: styles.overlayTitle,
                 rightTitle: "Enter opens · Esc closes")
        let area = ScreenLayout.textArea(of: box)
        guard area.height > 2, area.width > 4 else { return }
        var y = area.y
        let limit = area.x + area.width
        grid.put(Grid.truncate(entry.entry.name, to: area.width), x: area.x, y: y, style: styles.overlayTitle, limit: limit)
        y += 1
        // The description wrapped, leaving at least three rows for the documents.
        let description = wrap(entry.entry.description, width: area.width)
        for line in description.prefix(max(1, area.height - 5)) {
            grid.put(line, x: area.x, y: y, style: styles.overlay, limit: limit)
            y += 1
        }
        y += 1
        let rows = entryRows(entry, current: state.document.map { ($0.volumeID, $0.number) })
        let listHeight = area.y + area.height - y
        guard listHeight > 0 else { return }
        // The selected row kept in the middle where it can be; headings scroll with the rows.
        let selectedRow = rows.firstIndex { $0.selectable == entry.selection } ?? 0
        let first = max(0, min(selectedRow - listHeight / 2, rows.count - listHeight))
        let dateWidth = rows.compactMap { $0.date }.map(DisplayWidth.of).max() ?? 0
        for (offset, row) in rows.dropFirst(first).prefix(listHeight).enumerated() {
            let rowY = y + offset
            guard let index = row.selectable else {
                grid.put(Grid.truncate(row.text, to: area.width), x: area.x, y: rowY, style: styles.overlayHeading, limit: limit)
                continue
            }
            let selected = index == entry.selection
            if selected { grid.fill(Rect(x: area.x - 1, y: rowY, width: area.width + 2, height: 1), style: styles.overlaySelected) }
            let style = selected ? styles.overlaySelected : styles.overlay
            let date = dateWidth > 0 ? (row.date ?? "").padding(toDisplayWidth: dateWidth) + "  " : ""
            let room = area.width - DisplayWidth.of(row.trailer)
            grid.put(Grid.truncate(row.mark + date + row.text, to: room), x: area.x, y: rowY, style: style, limit: area.x + room)
            grid.put(row.trailer, x: area.x + room, y: rowY, style: style, limit: limit)
        }
    }

    /// A line of the entry overlay's list: a heading, or a document Enter opens.
    struct EntryListRow {
        var text: String
        /// Index among the rows Enter opens (`EntryState.selection`); nil for a heading.
        var selectable: Int?
        var mark = "  "
        var date: String?
        var trailer = ""
    }

    /// The entry's documents in this volume under their heading, then those of other volumes
    /// (or what is known of them) under theirs.
    static func entryRows(_ entry: EntryState, current: (volume: String, number: String)?) -> [EntryListRow] {
        var rows: [EntryListRow] = []
        let total = entry.mentionedIn.reduce(0) { $0 + $1.count }
        let count = entry.mentionedIn.count
        rows.append(EntryListRow(text: count == 0
            ? "Mentioned in no document of this volume"
            : "Mentioned in \(count) document\(count == 1 ? "" : "s") of this volume (\(total) time\(total == 1 ? "" : "s"))"))
        for (i, m) in entry.mentionedIn.enumerated() {
            let here = current.map { $0.volume == entry.volume && $0.number == m.number } ?? false
            rows.append(EntryListRow(
                text: "\(m.number). \(m.title)", selectable: i, mark: here ? "▸ " : "  ",
                date: DocumentDates.display(m.date), trailer: "  ×\(m.count)"))
        }
        switch entry.elsewhere {
        case .notAsked: break
        case .searching(let request):
            rows.append(EntryListRow(text: ""))
            rows.append(EntryListRow(text: "Other volumes: looking for \(request.text) in the search index…"))
        case .unavailable(let why):
            rows.append(EntryListRow(text: ""))
            rows.append(EntryListRow(text: "Other volumes: \(why)"))
        case .found(let request, let hits):
            rows.append(EntryListRow(text: ""))
            let volumes = Set(hits.map(\.volumeID)).count
            let many = hits.count >= ElsewhereSearchJob.limit ? "the first \(hits.count)" : "\(hits.count)"
            rows.append(EntryListRow(text: hits.isEmpty
                ? "\(request.text) is in no other volume (search index)"
                : "\(request.text) in \(many) document\(hits.count == 1 ? "" : "s") of \(volumes) other volume\(volumes == 1 ? "" : "s") (search index)"))
            for (i, hit) in hits.enumerated() {
                let date = entry.elsewhereDates.indices.contains(i) ? entry.elsewhereDates[i] : nil
                rows.append(EntryListRow(
                    text: "\(hit.volumeID)/\(hit.number). \(hit.title)", selectable: count + i,
                    date: DocumentDates.display(date)))
            }
        }
        return rows
    }

    static func drawEntries(_ state: ReaderState, _ list: EntriesState, _ screen: ScreenLayout, _ styles: ViewStyles, _ grid: inout Grid) {
        let box = frame(screen, maxWidth: 100)
        grid.fill(box, style: styles.overlay)
        let title = "Persons and terms · " + (VolumeID(list.volume).citation ?? list.volume)
        grid.box(box, style: styles.overlayTitle, title: title, titleStyle: styles.overlayTitle,
                 rightTitle: "\(list.shown.count) of \(list.all.count) · Enter shows · Esc closes")
        let area = ScreenLayout.textArea(of: box)
        guard area.height > 1, area.width > 4 else { return }
        let limit = area.x + area.width
        let end = grid.put("Filter: ", x: area.x, y: area.y, style: styles.overlayHeading, limit: limit)
        let after = grid.put(list.filter, x: end, y: area.y, style: styles.overlay, limit: limit)
        if after < limit { grid[after, area.y] = Cell(" ", style: styles.overlay.patched(with: styles.cursor)) }
        let listTop = area.y + 1
        let listHeight = area.height - 1
        if list.shown.isEmpty {
            grid.put("No person or term matches.", x: area.x, y: listTop, style: styles.overlay, limit: limit)
            return
        }
        var first = list.scroll
        if list.selection < first { first = list.selection }
        if list.selection >= first + listHeight { first = list.selection - listHeight + 1 }
        let nameWidth = min(32, area.width / 3)
        for row in 0..<listHeight {
            let i = first + row
            guard i < list.shown.count else { break }
            let entry = list.all[list.shown[i]]
            let y = listTop + row
            let selected = i == list.selection
            if selected { grid.fill(Rect(x: area.x - 1, y: y, width: area.width + 2, height: 1), style: styles.overlaySelected) }
            let style = selected ? styles.overlaySelected : styles.overlay
            grid.put(Grid.truncate(entry.name, to: nameWidth), x: area.x, y: y, style: selected ? style : styles.overlayTitle,
                     limit: area.x + nameWidth)
            grid.put(Grid.truncate(entry.description, to: area.width - nameWidth - 2), x: area.x + nameWidth + 2, y: y,
                     style: style, limit: limit)
        }
    }

    /// Greedy word wrap to `width` columns (a word wider than that is cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in text.split(separator: " ") {
            let w = DisplayWidth.of(String(word))
            if used > 0, used + 1 + w > width {
                lines.append(line)
                line = ""
                used = 0
            }
            if used > 0 {
                line += " "
                used += 1
            }
            line += Grid.truncate(String(word), to: width)
            used += min(w, width)
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
