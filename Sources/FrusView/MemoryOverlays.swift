import FrusLayout
import FrusModel
import FrusReader

/// The marks (`M`) and history (`H`) overlays: one row per entry, the selected one highlighted.
enum MemoryOverlays {
    static func drawMarks(
        _ state: ReaderState, _ list: MemoryListState, _ screen: ScreenLayout, _ styles: ViewStyles, _ grid: inout Grid
    ) {
        let rows = state.sortedMarks.map { entry -> String in
            let m = entry.mark
            let volume = m.place.volume == state.document?.volumeID ? "" : "\(VolumeID(m.place.volume).citation ?? m.place.volume) · "
            let date = m.date.map { "  \($0.prefix(10))" } ?? ""
            return "\(entry.letter)  \(volume)\(m.title)\(date)  · line \(m.place.scroll + 1) · set \(when(m.set))"
        }
        draw(rows, list, title: "Marks", hint: "Enter opens · d deletes · Esc closes", screen, styles, &grid)
    }

    static func drawHistory(
        _ state: ReaderState, _ list: MemoryListState, _ screen: ScreenLayout, _ styles: ViewStyles, _ grid: inout Grid
    ) {
        let rows = state.memory.history.reversed().map { v -> String in
            let volume = v.volume == state.document?.volumeID ? "" : "\(VolumeID(v.volume).citation ?? v.volume) · "
            return "\(when(v.time))  \(volume)\(v.document). \(v.title)"
        }
        draw(rows, list, title: "History (newest first)", hint: "Enter opens · Esc closes", screen, styles, &grid)
    }

    /// "2026-12-05 18:40" from an ISO 8601 time.
    static func when(_ iso: String) -> String {
        guard iso.count >= 16 else { return iso }
        return iso.prefix(10) + " " + iso.dropFirst(11).prefix(5)
    }

    static func draw(
        _ rows: [String], _ list: MemoryListState, title: String, hint: String, _ screen: ScreenLayout,
        _ styles: ViewStyles, _ grid: inout Grid
    ) {
        let box = Overlays.frame(screen, maxWidth: 110)
        grid.fill(box, style: styles.overlay)
        grid.box(box, style: styles.overlayTitle, title: title, titleStyle: styles.overlayTitle, rightTitle: hint)
        let area = ScreenLayout.textArea(of: box)
        guard area.height > 0 else { return }
        var first = list.scroll
        if list.selection < first { first = list.selection }
        if list.selection >= first + area.height { first = list.selection - area.height + 1 }
        for row in 0..<area.height {
            let i = first + row
            guard rows.indices.contains(i) else { break }
            let y = area.y + row
            let selected = i == list.selection
            if selected {
                grid.fill(Rect(x: area.x - 1, y: y, width: area.width + 2, height: 1), style: styles.overlaySelected)
            }
            grid.put(Grid.truncate(rows[i], to: area.width), x: area.x, y: y,
                     style: selected ? styles.overlaySelected : styles.overlay, limit: area.x + area.width)
        }
    }
}
