import FrusModel

/// Turns inlines into words of fragments: where the text may break (at white space and
/// nowhere else), what each piece looks like, and which marker, link or page tag it is.
extension TextWriter {
    /// Clears the paragraph buffers. Labels of frames too narrow to indent come first, as words.
    mutating func beginInlines(markerSpacing: Bool) {
        paragraphBytes.removeAll(keepingCapacity: true)
        textSources.removeAll(keepingCapacity: true)
        fragments.removeAll(keepingCapacity: true)
        words.removeAll(keepingCapacity: true)
        wordStart = 0
        wordWidth = 0
        pendingPages.removeAll(keepingCapacity: true)
        pendingBreaks = 0
        self.markerSpacing = markerSpacing
        for i in frames.indices where frames[i].collapsed && frames[i].pendingFirst {
            let label = frames[i].label
            if !label.isEmpty {
                appendGenerated(label, role: frames[i].role)
                endWord()
            }
            frames[i].pendingFirst = false
        }
    }

    /// Walks inlines depth first, in the order `Document.references` lists links.
    mutating func walk(_ inlines: [Inline], role: StyleRole, styles: StyleMask, reference: Int) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                addText(text, role: role, styles: styles, reference: reference)
            case .styled(let style, let content):
                var inner = styles
                inner.insert(style)
                walk(content, role: role, styles: inner, reference: reference)
            case .footnoteRef(let number):
                addMarker(number, role: role)
            case .pageBreak(let page):
                addPage(page)
            case .lineBreak:
                endWord()
                pendingBreaks += 1
            case .link(let target, let label):
                let index = references.count
                references.append(
                    LaidOutReference(kind: .link(target, index: nextLinkIndex), spans: [], site: site))
                nextLinkIndex += 1
                let before = fragments.count
                walk(label, role: .link, styles: styles, reference: index)
                // A link with no visible label must still be drawn somewhere to be selectable.
                if fragments.count == before {
                    addText("[link]", role: .link, styles: styles, reference: index)
                }
            case .mention(let mention, let content):
                // The text keeps the look around it (a name in a heading stays bold); its
                // fragments carry the mention, which the view marks and `K` looks up.
                let outer = currentMention
                currentMention = mentions.count
                mentions.append(LaidOutMention(mention: mention, spans: []))
                walk(content, role: role, styles: styles, reference: reference)
                currentMention = outer
            }
        }
    }

    /// Splits text at white space; each piece joins the word being built.
    mutating func addText(_ text: String, role: StyleRole, styles: StyleMask, reference: Int) {
        var text = text
        var hugePieces: [(paragraph: Range<Int>, source: Int)] = []
        if text.utf8.count >= 1 << 16 {
            // Grown once, not by doubling through an 11 MB paragraph.
            let needed = paragraphBytes.count + text.utf8.count
            if paragraphBytes.capacity < needed { paragraphBytes.reserveCapacity(max(needed, paragraphBytes.capacity * 2)) }
        }
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var i = 0
            let n = bytes.count
            while i < n {
                if Self.isBreakingSpace(bytes[i]) {
                    endWord()
                    i += 1
                    continue
                }
                // One pass finds the piece's end and, for `PlainGraphemes` text (nearly all
                // text), its width.
                let start = i
                var printable = true
                while i < n {
                    let b = base[i]
                    if b >= 0x80 || Self.isBreakingSpace(b) { break }
                    if b < 0x20 || b == 0x7F { printable = false }
                    i += 1
                }
                let scan = i < n && base[i] >= 0x80
                    ? PlainGraphemes.scanWord(base, from: start, nonASCII: i, count: n, plain: printable)
                    : PlainGraphemes.WordScan(end: i, width: i - start, plain: printable, uniform: 1 << 2 | 1)
                i = scan.end
                var width = scan.width
                let plain = scan.plain
                let piece = UnsafeBufferPointer(rebasing: bytes[start..<i])
                let begin = paragraphBytes.count
                if plain {
                    paragraphBytes.append(contentsOf: piece)
                    if piece.count >= Self.hugePiece { hugePieces.append((begin..<paragraphBytes.count, start)) }
                } else {
                    slowPathBytes += piece.count
                    let (safe, measured) = Self.measuredSafeText(piece)
                    paragraphBytes.append(contentsOf: safe.utf8)
                    width = measured
                }
                appendFragment(Fragment(
                    start: begin, end: paragraphBytes.count, width: width, role: role, styles: styles,
                    plain: plain, uniform: plain ? scan.uniform : 0, reference: reference, mention: currentMention))
            }
        }
        for piece in hugePieces { textSources.append(TextSource(paragraph: piece.paragraph, text: text, start: piece.source)) }
    }

    /// Pieces of at least this many bytes keep their source text (`TextSource`).
    static let hugePiece = 4096

    /// Space, tab, line feed, carriage return: where lines may break. (Tabs become spaces;
    /// importers leave no newlines, but if one slips through it must not reach the terminal.)
    @inline(__always)
    static func isBreakingSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Text with controls replaced by visible placeholders, and its display width.
    static func measuredSafeText(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, Int) {
        let raw = String(decoding: bytes, as: UTF8.self)
        var width = 0
        if !TerminalText.needsSanitizingFast(bytes) {
            for character in raw { width += DisplayWidth.of(character) }
            return (raw, width)
        }
        var safe = ""
        for character in raw {
            if let placeholder = TerminalText.replacement(for: character) {
                safe.append(placeholder)
                width += 1
            } else {
                safe.append(character)
                width += DisplayWidth.of(character)
            }
        }
        return (safe, width)
    }

    mutating func appendFragment(_ fragment: Fragment) {
        fragments.append(fragment)
        wordWidth += fragment.width
    }

    /// Ends the word being built (if any), then sets the page tags that fell inside it.
    mutating func endWord() {
        closeWord()
        if !pendingPages.isEmpty {
            let due = pendingPages
            pendingPages.removeAll(keepingCapacity: true)
            for page in due {
                appendPageFragment(page)
                closeWord()
            }
        }
    }

    private mutating func closeWord() {
        guard fragments.count > wordStart else { return }
        words.append(Word(start: wordStart, end: fragments.count, width: wordWidth, breaksBefore: pendingBreaks))
        pendingBreaks = 0
        wordStart = fragments.count
        wordWidth = 0
    }

    /// A page break between words is a tag of its own; inside a word it waits for the word's
    /// end, so `unfortu` + page 744 + `nately` reads `unfortunately [Page 744]`.
    mutating func addPage(_ page: String) {
        let index = pages.count
        pages.append(LaidOutPage(page: page, span: Span(line: 0, columns: 0..<0)))
        if fragments.count > wordStart {
            pendingPages.append(index)
        } else {
            appendPageFragment(index)
            closeWord()
        }
    }

    private mutating func appendPageFragment(_ index: Int) {
        appendGenerated(TerminalText.sanitize("[Page \(pages[index].page)]"), role: .page, page: index)
    }

    /// Text layout adds (markers, page tags, labels) as a fragment.
    mutating func appendGenerated(
        _ text: String, role: StyleRole, styles: StyleMask = .none, reference: Int = -1, page: Int = -1
    ) {
        let begin = paragraphBytes.count
        paragraphBytes.append(contentsOf: text.utf8)
        // A page tag can hold a page name of megabytes: measured (and cut) on the bytes when it can be.
        let plainWidth = paragraphBytes.count - begin < Self.hugePiece ? nil : paragraphBytes.withUnsafeBufferPointer {
            PlainGraphemes.width(UnsafeBufferPointer(rebasing: $0[begin...]))
        }
        if plainWidth == nil, paragraphBytes.count - begin >= Self.hugePiece { slowPathBytes += text.utf8.count }
        appendFragment(Fragment(
            start: begin, end: paragraphBytes.count, width: plainWidth ?? DisplayWidth.of(text), role: role,
            styles: styles, plain: plainWidth != nil, reference: reference, page: page))
    }

    /// A footnote marker joins the word before it, so wrapping never leaves it alone at the
    /// start of a line: `Moscow.[2]`. If the text put a space before it, that word is reopened.
    mutating func addMarker(_ number: Int, role: StyleRole) {
        let index = references.count
        references.append(LaidOutReference(kind: .marker(number), spans: [], site: site))
        if fragments.count == wordStart, pendingPages.isEmpty, pendingBreaks == 0,
            let last = words.last, last.end == fragments.count, fragments[last.end - 1].page < 0
        {
            words.removeLast()
            wordStart = last.start
            wordWidth = last.width
            pendingBreaks = last.breaksBefore
        }
        if fragments.count > wordStart && markerSpacing {
            // A space that does not break: the marker still wraps with its word.
            appendGenerated(" ", role: role == .link ? .text : role)
        }
        appendGenerated("[\(markerLabels[number] ?? String(number))]", role: .marker, reference: index)
    }
}
