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
        // One entry per character; reserved up front (a 10-page document has ~60 000): growing
        // these arrays copied them and touched fresh memory several times over.
        var capacity = 0
        for line in text.lines { for run in line.runs { capacity += run.text.utf8.count } }
        var folded = FoldedText(folding: pattern.folding, capacity: capacity + text.lines.count)
        // Where each character is drawn, packed (line, first column, columns) into 8 bytes.
        var places: [Place] = []
        places.reserveCapacity(capacity)
        for (lineIndex, line) in text.lines.enumerated() {
            var column = 0
            for run in line.runs {
                let skipped = run.role == .marker || run.role == .page
                // Most of a FRUS text is printable ASCII: a byte is then one character of one
                // column, folded without Character's grapheme breaking and property lookups.
                // An ASCII byte followed by a non-ASCII one may start a longer grapheme (a
                // combining accent): that takes the general path.
                var bytes = run.text
                bytes.withUTF8 { utf8 in
                    var k = 0
                    while k < utf8.count {
                        let byte = utf8[k]
                        if byte >= 0x20, byte < 0x7F, k + 1 == utf8.count || utf8[k + 1] < 0x80 {
                            if !skipped {
                                folded.appendASCII(byte, origin: places.count)
                                places.append(Place(line: lineIndex, column: column, width: 1))
                            }
                            column += 1
                            k += 1
                            continue
                        }
                        let c = run.text[run.text.utf8.index(run.text.utf8.startIndex, offsetBy: k)]
                        let width = DisplayWidth.of(c)
                        if !skipped {
                            folded.append(c, origin: places.count)
                            places.append(Place(line: lineIndex, column: column, width: width))
                        }
                        column += width
                        k += c.utf8.count
                    }
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

/// Where a character is drawn: line, first column and columns, in one word.
private struct Place {
    private let bits: UInt64
    init(line: Int, column: Int, width: Int) {
        bits = UInt64(truncatingIfNeeded: line) << 32 | UInt64(truncatingIfNeeded: min(column, 0xFF_FFFF)) << 8
            | UInt64(truncatingIfNeeded: min(max(width, 0), 0xFF))
    }
    var line: Int { Int(bits >> 32) }
    var column: Int { Int((bits >> 8) & 0xFF_FFFF) }
    var width: Int { Int(bits & 0xFF) }
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
