import FrusLayout
import FrusModel

/// Keys readers bring from less, vim and info: counts, Space at the end, the reading mode.
extension ReaderState {
    /// The largest count kept (`99999j` scrolls as far as 9999j).
    static let countLimit = 9999

    /// The count typed before `action` (1 when none), forgotten once used; also forgets an
    /// armed Space at the end unless `action` is Space again. Background actions touch neither.
    mutating func takeCount(before action: Action) -> Int {
        switch action {
        case .resize, .redraw, .corpusSearchProgress, .corpusSearchFinished, .corpusSearchFailed,
            .elsewhereFound, .elsewhereFailed: return 1
        case .countDigit: return 1
        case .pageOrNext: break
        default: spaceAtEnd = false
        }
        defer { pendingCount = nil }
        return pendingCount ?? 1
    }

    mutating func addCountDigit(_ digit: Int) {
        let count = min(Self.countLimit, (pendingCount ?? 0) * 10 + digit)
        pendingCount = count
        message = StatusMessage("\(count)")
    }

    /// Space: a page down; at the end of the document it says what comes next, and Space again
    /// opens it. In the side panes, a page down.
    mutating func pageOrNext(_ count: Int) {
        guard let view, focus == .document else {
            scrollFocusedPane(.pages(count))
            return
        }
        let last = max(0, view.documentLayout.lines.count - documentHeight)
        if scroll >= last, spaceAtEnd {
            spaceAtEnd = false
            openNeighbour(1)
            return
        }
        scrollFocusedPane(.pages(count))
        guard scroll >= last else { return }
        let doc = view.document
        if let volume = corpus.volume(doc.volumeID), let i = volume.position(of: doc.number),
            volume.documents.indices.contains(i + 1)
        {
            spaceAtEnd = true
            message = StatusMessage("End of \(doc.number) — Space for \(volume.documents[i + 1].number)")
        } else {
            message = StatusMessage("End of \(doc.number), the last document of the volume.")
        }
    }

    /// `z`: the document takes the whole screen (or gives the side panes back). The place in
    /// the text is kept; the footnotes show in a strip below when a marker is selected.
    mutating func setReadingMode(_ on: Bool) {
        guard on != screen.readingMode else { return }
        apply(ScreenLayout(width: screen.width, height: screen.height, readingMode: on, maxTextWidth: screen.maxTextWidth))
        if on { focus = .document }
        message = StatusMessage(on ? "Reading mode · z gives the panes back" : "Panes back · z for reading mode")
    }

    /// The longest text line (config.toml `text-width`): the layouts follow.
    public mutating func setMaxTextWidth(_ columns: Int) {
        apply(ScreenLayout(width: screen.width, height: screen.height, readingMode: screen.readingMode, maxTextWidth: columns))
    }

    /// The help overlay's rows at its width: each description wrapped under itself.
    public var helpRows: [(keys: String, help: String)] {
        Keymap.wrap(keymap.helpScreen, keyWidth: Keymap.helpKeyWidth(keymap, area: screen.helpText.width),
                    width: screen.helpText.width)
    }
}

extension Keymap {
    /// The width of the help's key column.
    public static func helpKeyWidth(_ keymap: Keymap, area: Int) -> Int {
        min(max(keymap.helpLines.map { DisplayWidth.of($0.keys) }.max() ?? 0, 8), area / 2)
    }

    /// Rows of the help: descriptions longer than the room beside the keys go on in rows of
    /// their own with an empty key column. Headings (empty help) stay one row.
    public static func wrap(_ lines: [(keys: String, help: String)], keyWidth: Int, width: Int) -> [(keys: String, help: String)] {
        let room = max(10, width - keyWidth - 2)
        var out: [(keys: String, help: String)] = []
        for (keys, help) in lines {
            guard !help.isEmpty else {
                out.append((keys, help))
                continue
            }
            var first = true
            for row in wrapWords(help, room) {
                out.append((first ? keys : "", row))
                first = false
            }
        }
        return out
    }

    /// Words filled into rows of at most `width` columns (a longer word is cut).
    static func wrapWords(_ text: String, _ width: Int) -> [String] {
        var rows: [String] = []
        var row = ""
        var rowWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let w = DisplayWidth.of(String(word))
            if rowWidth > 0 && rowWidth + 1 + w > width {
                rows.append(row)
                row = ""
                rowWidth = 0
            }
            if rowWidth > 0 {
                row += " "
                rowWidth += 1
            }
            row += word
            rowWidth += w
        }
        if !row.isEmpty || rows.isEmpty { rows.append(row) }
        return rows
    }
}

extension Scroll {
    /// The scroll `count` times over (`5j`).
    func times(_ count: Int) -> Scroll {
        switch self {
        case .lines(let n): return .lines(n * count)
        case .pages(let n): return .pages(n * count)
        case .halfPages(let n): return .halfPages(n * count)
        case .top, .bottom: return self
        }
    }
}
