import FrusFind
import FrusLayout
import FrusModel
import FrusReader
import FrusTheme

extension Grid {
    /// Paints the matches of the in-document search that are in view (`search.match`; the
    /// current one `search.match.current`). Matches are in text order and do not overlap, so a
    /// binary search finds the first one in view: a frame costs the visible matches, not all.
    mutating func highlightMatches(_ matches: [LaidOutMatch], current: Int?, first: Int, in area: Rect, styles: ViewStyles) {
        var lo = 0, hi = matches.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if matches[mid].lastLine < first { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < matches.count, matches[i].firstLine < first + area.height {
            highlight(matches[i].spans, first: first, in: area, style: i == current ? styles.searchMatchCurrent : styles.searchMatch)
            i += 1
        }
    }
}

extension Overlays {
    /// The corpus search results: per hit, the volume, number and title on one row and the
    /// snippet (its matches in `search.match`) on the next; best first, the selection in
    /// `overlay.selected`.
    static func drawSearchResults(_ state: ReaderState, _ screen: ScreenLayout, _ styles: ViewStyles, _ grid: inout Grid) {
        guard let results = state.searchResults else { return }
        let box = frame(screen, maxWidth: 110)
        grid.fill(box, style: styles.overlay)
        grid.box(box, style: styles.overlayTitle, title: "Search · all volumes", titleStyle: styles.overlayTitle,
                 rightTitle: "Enter opens · Esc closes")
        let area = ScreenLayout.textArea(of: box)
        guard area.height > 2, area.width > 4 else { return }
        let count = results.hits.count
        let header = "\(ReaderState.echo(results.request.text)): \(count) document\(count == 1 ? "" : "s"), best first"
        grid.put(Grid.truncate(header, to: area.width), x: area.x, y: area.y, style: styles.overlayHeading)
        let perScreen = max(1, (area.height - 1) / 2)
        // The reducer keeps the selection in view for its own idea of the height; recheck here.
        var first = min(results.scroll, max(0, count - 1))
        if results.selection < first { first = results.selection }
        if results.selection >= first + perScreen { first = results.selection - perScreen + 1 }
        for row in 0..<perScreen {
            let i = first + row
            guard i < count else { break }
            let hit = results.hits[i]
            let y = area.y + 1 + row * 2
            let selected = i == results.selection
            let style = selected ? styles.overlaySelected : styles.overlay
            if selected {
                grid.fill(Rect(x: area.x - 1, y: y, width: area.width + 2, height: 2), style: styles.overlaySelected)
            }
            let volume = VolumeID(hit.volumeID).citation ?? hit.volumeID
            // The date and volume at the right: results from several volumes look alike. The
            // title gives way to them when it is long.
            let date = results.dates.indices.contains(i) ? results.dates[i].map { $0 + " · " } ?? "" : ""
            // Measured as drawn: a control in an id is drawn as a one-column placeholder.
            let tag = "  " + date + TerminalText.sanitize(volume)
            let tagWidth = DisplayWidth.of(tag)
            let titleRoom = tagWidth <= area.width / 2 ? area.width - tagWidth : area.width
            let end = grid.put(Grid.truncate("\(hit.number). \(hit.title)", to: titleRoom), x: area.x, y: y,
                               style: selected ? style : styles.overlayTitle, limit: area.x + titleRoom)
            if end + tagWidth <= area.x + area.width {
                grid.put(tag, x: area.x + area.width - tagWidth, y: y, style: style, limit: area.x + area.width)
            }
            drawSnippet(hit.snippet, x: area.x + 2, y: y + 1, limit: area.x + area.width, base: style, styles, &grid)
        }
    }

    /// A snippet on one row, white space runs (line ends included) as single spaces, cut with
    /// "…" at `limit`.
    static func drawSnippet(_ snippet: Snippet, x: Int, y: Int, limit: Int, base: Style, _ styles: ViewStyles, _ grid: inout Grid) {
        var col = x
        var lastWasSpace = true
        for part in snippet.parts {
            var text = ""
            for c in part.text {
                if c.isWhitespace {
                    if !lastWasSpace { text.append(" ") }
                    lastWasSpace = true
                } else {
                    text.append(c)
                    lastWasSpace = false
                }
            }
            guard col < limit else { break }
            let room = limit - col
            let shown = DisplayWidth.of(text) > room ? Grid.truncate(text, to: room) : text
            col = grid.put(shown, x: col, y: y, style: part.isMatch ? styles.searchMatch : base, limit: limit)
        }
    }
}
