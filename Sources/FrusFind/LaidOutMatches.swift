import FrusLayout

/// A match on laid-out lines: one span per line it covers (a phrase can wrap), first to last.
public struct LaidOutMatch: Sendable, Hashable {
    public var spans: [Span]
    public init(spans: [Span]) { self.spans = spans }
    public var firstLine: Int { spans.first?.line ?? 0 }
    public var lastLine: Int { spans.last?.line ?? 0 }
}

extension TextFinder {
    /// The matches on the lines of a laid-out text, with display columns, so the view can
    /// paint them (`search.match`) and the reader can scroll to them.
    ///
    /// Footnote markers (`[2]`) and page tags (`[Page 766]`) are skipped: a phrase matches
    /// across them, as it does in the printed volume. Line ends count as white space.
    public func matches(in text: LaidOutText) -> [LaidOutMatch] {
        var folded = FoldedText(folding: pattern.folding)
        // Where each character is drawn: line, first column, columns.
        var places: [(line: Int, column: Int, width: Int)] = []
        for (lineIndex, line) in text.lines.enumerated() {
            var column = 0
            for run in line.runs {
                let skipped = run.role == .marker || run.role == .page
                for c in run.text {
                    let width = DisplayWidth.of(c)
                    if !skipped {
                        folded.append(c, origin: places.count)
                        places.append((lineIndex, column, width))
                    }
                    column += width
                }
            }
            // The line end: a space owned by the line's last character.
            if !places.isEmpty { folded.appendSpace(origin: places.count - 1) }
        }
        return matches(in: folded).map { m in
            var spans: [Span] = []
            for place in places[m.first...m.last] {
                let end = place.column + max(place.width, 1)
                if let last = spans.last, last.line == place.line {
                    spans[spans.count - 1].columns = last.columns.lowerBound..<max(last.columns.upperBound, end)
                } else {
                    spans.append(Span(line: place.line, columns: place.column..<end))
                }
            }
            return LaidOutMatch(spans: spans)
        }
    }
}

/// The reader's place among a document's matches: which one is current, moving with `n` / `N`
/// (wrapping at either end), and the status text ("match 3 of 11").
public struct MatchCursor: Sendable, Hashable {
    public private(set) var matches: [LaidOutMatch]
    /// Index of the current match; nil when there are none.
    public private(set) var current: Int?

    /// Starts at the first match at or below `line` (the top of the view, for a forward
    /// search), wrapping to the first match of the text when none is below.
    public init(matches: [LaidOutMatch], fromLine line: Int = 0) {
        self.matches = matches
        guard !matches.isEmpty else { current = nil; return }
        current = matches.firstIndex { $0.firstLine >= line } ?? 0
    }

    public var currentMatch: LaidOutMatch? { current.map { matches[$0] } }

    /// Whether wrapping happened on the last move (for a "search wrapped" hint).
    public private(set) var wrapped = false

    /// `n`: the next match, after the last one the first.
    public mutating func next() {
        guard let c = current else { return }
        wrapped = c + 1 == matches.count
        current = (c + 1) % matches.count
    }

    /// `N`: the previous match, before the first one the last.
    public mutating func previous() {
        guard let c = current else { return }
        wrapped = c == 0
        current = (c - 1 + matches.count) % matches.count
    }

    /// "match 3 of 11", or "no match".
    public var status: String {
        guard let c = current else { return "no match" }
        return "match \(c + 1) of \(matches.count)"
    }

    /// After a relayout (new width), the same match by order, the list replaced.
    public mutating func replaceMatches(_ new: [LaidOutMatch]) {
        matches = new
        if new.isEmpty { current = nil } else if let c = current { current = min(c, new.count - 1) } else { current = 0 }
    }
}
