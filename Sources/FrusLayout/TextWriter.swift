import FrusModel

/// Lays out blocks and inlines into lines: the small state of a pandoc-style writer (the
/// output so far, the indent frames, whether a blank line is due) plus reusable scratch
/// buffers for the paragraph being filled.
struct TextWriter {
    /// Below this many columns of text, indents give way (see `IndentFrame.collapsed`).
    static let minimumTextWidth = 10

    let width: Int
    var site: ReferenceSite
    /// Position in `Document.references` order of the next link met.
    var nextLinkIndex: Int

    var lines: [LaidOutLine] = []
    var references: [LaidOutReference] = []
    var pages: [LaidOutPage] = []
    var mentions: [LaidOutMention] = []
    /// Index in `mentions` of the mention whose text is being walked, or -1.
    var currentMention = -1
    var footnoteLines: [Int: Range<Int>] = [:]
    var frames: [IndentFrame] = []
    /// A blank line is due before the next line written (blocks are separated lazily, so a
    /// block that produces nothing leaves no double blank).
    var separateNextBlock = false

    // The paragraph being tokenized.
    /// The paragraph's text, sanitized, as UTF-8; fragments are ranges of it.
    var paragraphBytes: [UInt8] = []
    var fragments: [Fragment] = []
    /// The document's own Strings of the huge plain pieces of the paragraph: a line cut from
    /// one is copied from it (`String(Substring)`, no UTF-8 validation) rather than made again
    /// from bytes (validation costs ~15 ms for 11 MB of CJK: a third of what libxml2 takes).
    var textSources: [TextSource] = []
    /// Bytes measured or cut a `Character` at a time (grapheme breaking, ~70 ns a grapheme)
    /// rather than by `PlainGraphemes` on bytes: tests check that huge plain text adds none.
    var slowPathBytes = 0
    var words: [Word] = []
    var wordStart = 0
    var wordWidth = 0
    /// Page tags met inside a word: they are set after the word, which stays whole.
    var pendingPages: [Int] = []
    var pendingBreaks = 0
    /// What each footnote marker shows, by footnote number (`Footnote.markerLabel`): "*", "†",
    /// a repeated "1". A number not listed shows itself.
    var markerLabels: [Int: String] = [:]
    /// Titles and headings keep a space before a marker ("Reagan [1]"); running text glues it.
    var markerSpacing = false

    // The line being built.
    /// Its finished runs; the last run is built in `runBytes` until its look changes.
    var current = LaidOutLine()
    var runBytes: [UInt8] = []
    var runRole = StyleRole.text
    var runStyles = StyleMask.none
    var runMention = false
    var runWidth = 0
    var runOpen = false
    var column = 0
    var lineOpen = false
    var linePrefixWidth = 0
    var prefixRunCount = 0
    var alignment = Alignment.left
    /// Spans and page tags begun on the current line, to shift when it is centred.
    var touchedSpans: [(reference: Int, span: Int)] = []
    var touchedPages: [Int] = []
    var touchedMentionSpans: [(mention: Int, span: Int)] = []

    init(width: Int, site: ReferenceSite = .body, nextLinkIndex: Int = 0) {
        self.width = max(1, width)
        self.site = site
        self.nextLinkIndex = nextLinkIndex
    }

    var result: LaidOutText {
        LaidOutText(
            width: width, lines: lines, references: references, pages: pages, footnoteLines: footnoteLines,
            mentions: mentions)
    }

    // MARK: Indent frames

    var activePrefixWidth: Int {
        var total = 0
        for frame in frames where !frame.collapsed { total += frame.width }
        return total
    }

    /// Columns left for text inside the current frames (always at least 1).
    var textWidth: Int { width - activePrefixWidth }

    mutating func pushFrame(_ first: String, role: StyleRole) {
        let frameWidth = DisplayWidth.of(first)
        let collapsed = width - (activePrefixWidth + frameWidth) < min(width, Self.minimumTextWidth)
        frames.append(IndentFrame(first: first, role: role, width: frameWidth, collapsed: collapsed))
    }

    /// Removes the innermost frame; if nothing was written inside it, its label still shows.
    mutating func popFrame() {
        if let frame = frames.last, frame.pendingFirst, !frame.label.isEmpty {
            beginLine()
            if frame.collapsed { appendRun(frame.label, width: DisplayWidth.of(frame.label), role: frame.role) }
            finishLine()
        }
        frames.removeLast()
    }

    // MARK: Lines

    /// Starts a line: the due blank line, then the frames' prefixes.
    mutating func beginLine() {
        if separateNextBlock {
            if !lines.isEmpty { lines.append(LaidOutLine()) }
            separateNextBlock = false
        }
        current = LaidOutLine()
        runBytes.removeAll(keepingCapacity: true)
        runWidth = 0
        runOpen = false
        column = 0
        lineOpen = true
        touchedSpans.removeAll(keepingCapacity: true)
        touchedPages.removeAll(keepingCapacity: true)
        touchedMentionSpans.removeAll(keepingCapacity: true)
        for i in frames.indices where !frames[i].collapsed {
            if frames[i].pendingFirst {
                appendPrefix(frames[i].first, width: frames[i].width, role: frames[i].role)
            } else {
                appendPrefix(String(repeating: " ", count: frames[i].width), width: frames[i].width, role: .text)
            }
        }
        for i in frames.indices { frames[i].pendingFirst = false }
        linePrefixWidth = column
        prefixRunCount = current.runs.count
    }

    private mutating func appendPrefix(_ text: String, width: Int, role: StyleRole) {
        current.runs.append(StyledRun(text: text, role: role, width: width))
        column += width
    }

    /// Ends the current line, aligning it if the paragraph asks.
    mutating func finishLine() {
        closeRun()
        if alignment != .left {
            let free = width - column
            let pad = alignment == .center ? free / 2 : free
            if pad > 0 {
                current.runs.insert(
                    StyledRun(text: String(repeating: " ", count: pad), role: .text, width: pad),
                    at: prefixRunCount)
                for (reference, span) in touchedSpans {
                    let c = references[reference].spans[span].columns
                    references[reference].spans[span].columns = c.lowerBound + pad..<c.upperBound + pad
                }
                for (mention, span) in touchedMentionSpans {
                    let c = mentions[mention].spans[span].columns
                    mentions[mention].spans[span].columns = c.lowerBound + pad..<c.upperBound + pad
                }
                for page in touchedPages {
                    let c = pages[page].span.columns
                    pages[page].span.columns = c.lowerBound + pad..<c.upperBound + pad
                }
                column += pad
            }
        }
        trimTrailingSpaces()
        lines.append(current)
        lineOpen = false
    }

    /// Drops spaces at the end of the line (an empty last table cell, a lone prefix): they
    /// are never part of a span, and a copied or diffed line should not carry them.
    private mutating func trimTrailingSpaces() {
        while var run = current.runs.last, run.text.utf8.last == 0x20 {
            current.runs.removeLast()
            while run.text.utf8.last == 0x20 {
                run.text.removeLast()
                run.width -= 1
            }
            if !run.text.isEmpty {
                current.runs.append(run)
                break
            }
        }
    }

    /// Appends text to the current line, recording where a reference or page tag is drawn.
    mutating func appendRun(
        _ text: String, width: Int, role: StyleRole, styles: Set<TextStyle> = [],
        reference: Int = -1, page: Int = -1, mention: Int = -1, isMention: Bool? = nil
    ) {
        record(width: width, reference: reference, page: page, mention: mention)
        openRun(role: role, styles: StyleMask(styles), mention: isMention ?? (mention >= 0))
        runBytes.append(contentsOf: text.utf8)
        runWidth += width
        column += width
    }

    /// Appends a fragment's bytes to the current line.
    mutating func append(_ f: Fragment) {
        if f.end - f.start >= Self.hugePiece, appendFromSource(f) { return }
        record(width: f.width, reference: f.reference, page: f.page, mention: f.mention)
        openRun(role: f.role, styles: f.styles, mention: f.mention >= 0)
        runBytes.append(contentsOf: paragraphBytes[f.start..<f.end])
        runWidth += f.width
        column += f.width
    }

    /// Appends part of a fragment's bytes (whole grapheme clusters) to the current line.
    mutating func appendBytes(_ range: Range<Int>, width: Int, of f: Fragment) {
        record(width: width, reference: f.reference, page: f.page, mention: f.mention)
        openRun(role: f.role, styles: f.styles, mention: f.mention >= 0)
        runBytes.append(contentsOf: paragraphBytes[range])
        runWidth += width
        column += width
    }

    /// `append` of a huge plain fragment from its `TextSource`; false when it has none.
    /// Kept out of `append`, which every word of every document takes.
    @inline(never)
    mutating func appendFromSource(_ f: Fragment) -> Bool {
        guard let source = source(of: f) else { return false }
        appendFinishedRun(source.string(f.start..<f.end), width: f.width, of: f)
        return true
    }

    /// The document's String a huge plain fragment was copied from (`textSources`), if any.
    func source(of f: Fragment) -> TextSource? {
        guard f.end - f.start >= Self.hugePiece, f.plain else { return nil }
        return textSources.last { $0.paragraph == f.start..<f.end }
    }

    /// Appends a run of a fragment's look made from the document's own String (a slice of a
    /// `TextSource`), after the open run: a run of its own, so its text is not made again
    /// from bytes (UTF-8 validation) — only huge pieces take this path.
    mutating func appendFinishedRun(_ text: String, width: Int, of f: Fragment) {
        closeRun()
        record(width: width, reference: f.reference, page: f.page, mention: f.mention)
        current.runs.append(StyledRun(
            text: text, role: f.role, styles: f.styles.set, width: width, isMention: f.mention >= 0))
        column += width
    }

    /// Appends one space between words.
    mutating func appendSpace(role: StyleRole, styles: StyleMask, reference: Int, mention: Int = -1) {
        record(width: 1, reference: reference, page: -1, mention: mention)
        openRun(role: role, styles: styles, mention: mention >= 0)
        runBytes.append(0x20)
        runWidth += 1
        column += 1
    }

    /// Continues the open run if it has this look, else starts a new one.
    private mutating func openRun(role: StyleRole, styles: StyleMask, mention: Bool = false) {
        if runOpen && runRole == role && runStyles == styles && runMention == mention { return }
        closeRun()
        runOpen = true
        runRole = role
        runStyles = styles
        runMention = mention
    }

    /// Turns the open run's bytes into a `StyledRun`: one String per run, not per word.
    mutating func closeRun() {
        guard runOpen else { return }
        current.runs.append(StyledRun(
            text: String(decoding: runBytes, as: UTF8.self), role: runRole, styles: runStyles.set, width: runWidth,
            isMention: runMention))
        runBytes.removeAll(keepingCapacity: true)
        runWidth = 0
        runOpen = false
    }

    /// Notes the span of a reference or page tag about to be drawn at the current column.
    private mutating func record(width: Int, reference: Int, page: Int, mention: Int = -1) {
        let start = column
        let line = lines.count
        if mention >= 0 && width > 0 {
            if let last = mentions[mention].spans.last, last.line == line, last.columns.upperBound == start {
                mentions[mention].spans[mentions[mention].spans.count - 1].columns = last.columns.lowerBound..<start + width
            } else {
                mentions[mention].spans.append(Span(line: line, columns: start..<start + width))
                touchedMentionSpans.append((mention, mentions[mention].spans.count - 1))
            }
        }
        if reference >= 0 && width > 0 {
            if let last = references[reference].spans.last, last.line == line, last.columns.upperBound == start {
                references[reference].spans[references[reference].spans.count - 1].columns =
                    last.columns.lowerBound..<start + width
            } else {
                references[reference].spans.append(Span(line: line, columns: start..<start + width))
                touchedSpans.append((reference, references[reference].spans.count - 1))
            }
        }
        if page >= 0 && pages[page].span.columns.isEmpty {
            pages[page].span = Span(line: line, columns: start..<start + width)
            touchedPages.append(page)
        }
    }

    /// A horizontal rule across `count` columns of the text width.
    mutating func rule(_ count: Int, role: StyleRole) {
        beginLine()
        let n = max(1, min(count, width - column))
        appendRun(String(repeating: "─", count: n), width: n, role: role)
        finishLine()
    }
}
