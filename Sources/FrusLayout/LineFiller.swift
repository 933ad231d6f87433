import FrusModel

/// Greedy word wrap of the tokenized paragraph into lines of the text width.
extension TextWriter {
    /// Fills the words of the current paragraph into lines. `role` styles the spaces between
    /// words of different looks.
    mutating func fill(role: StyleRole, alignment: Alignment) {
        self.alignment = alignment
        defer { self.alignment = .left }
        let available = textWidth
        var previousFragment = -1
        for word in words {
            if word.breaksBefore > 0 {
                if lineOpen { finishLine() }
                for _ in 1..<word.breaksBefore { lines.append(LaidOutLine()) }
            }
            if lineOpen, column - linePrefixWidth + 1 + word.width <= available {
                let space = spaceLook(after: previousFragment, before: word.start, role: role)
                appendSpace(role: space.role, styles: space.styles, reference: space.reference, mention: space.mention)
                place(word)
            } else {
                if lineOpen { finishLine() }
                beginLine()
                if word.width <= available { place(word) } else { placeBroken(word, available: available) }
            }
            previousFragment = word.end - 1
        }
        if lineOpen { finishLine() }
    }

    private mutating func place(_ word: Word) {
        for i in word.start..<word.end { append(fragments[i]) }
    }

    /// A word wider than the line is broken at grapheme boundaries, as many as fit per line.
    private mutating func placeBroken(_ word: Word, available: Int) {
        for i in word.start..<word.end {
            let f = fragments[i]
            if column - linePrefixWidth + f.width > available, f.width <= available, column > linePrefixWidth {
                // Break between fragments where one fits whole: "follow." / "[2]", not "follow.[" / "2]".
                finishLine()
                beginLine()
            }
            if column - linePrefixWidth + f.width <= available {
                append(f)
                continue
            }
            if available >= 2, placeBrokenPlain(f, available: available) { continue }
            slowPathBytes += f.end - f.start
            let styles = f.styles.set
            let text = String(decoding: paragraphBytes[f.start..<f.end], as: UTF8.self)
            var piece = ""
            var pieceWidth = 0
            for character in text {
                var glyph = character
                var w = DisplayWidth.of(character)
                // A wide glyph cannot be drawn on a one-column line: show a stand-in
                // rather than overflow.
                if w > available {
                    glyph = "?"
                    w = 1
                }
                if column - linePrefixWidth + pieceWidth + w > available {
                    if !piece.isEmpty {
                        appendRun(piece, width: pieceWidth, role: f.role, styles: styles, reference: f.reference, page: f.page, mention: f.mention)
                        piece = ""
                        pieceWidth = 0
                    }
                    finishLine()
                    beginLine()
                }
                piece.append(glyph)
                pieceWidth += w
            }
            if !piece.isEmpty {
                appendRun(piece, width: pieceWidth, role: f.role, styles: styles, reference: f.reference, page: f.page, mention: f.mention)
            }
        }
    }

    /// `placeBroken` for a fragment made only of `PlainGraphemes` scalars (Latin text with or
    /// without combining accents, CJK, kana, Hangul syllables): its clusters are found on the
    /// bytes and each line's piece is copied as a byte range, without grapheme breaking or a
    /// String per piece — an 11 MB paragraph of CJK took 1.3 s a Character at a time, one of
    /// accented letters 0.8 s. False (nothing placed) for any other fragment.
    private mutating func placeBrokenPlain(_ f: Fragment, available: Int) -> Bool {
        guard f.plain else { return false }
        let source = source(of: f)
        var position = f.start
        while position < f.end {
            // On a fresh line at least one cluster (at most 2 wide) is taken, whatever the room.
            let room = column == linePrefixWidth ? max(2, available) : available - (column - linePrefixWidth)
            let (end, width): (Int, Int)
            if f.uniform != 0 {
                let (w, l) = (Int(f.uniform >> 2), Int(f.uniform & 3))
                let count = min(room / w, (f.end - position) / l)
                (end, width) = (position + count * l, count * w)
            } else {
                (end, width) = paragraphBytes.withUnsafeBufferPointer {
                    PlainGraphemes.prefix($0, from: position, to: f.end, fitting: room)
                }
            }
            if end > position {
                if let source {
                    appendFinishedRun(source.string(position..<end), width: width, of: f)
                } else {
                    appendBytes(position..<end, width: width, of: f)
                }
                position = end
            }
            if position < f.end {
                finishLine()
                beginLine()
            }
        }
        return true
    }

    /// The look of the space between two words: inside one link label it is part of the link
    /// (so its span is one piece); between words of the same look it keeps that look
    /// (underline continues); otherwise it is plain.
    private func spaceLook(after a: Int, before b: Int, role: StyleRole)
        -> (role: StyleRole, styles: StyleMask, reference: Int, mention: Int)
    {
        guard a >= 0 else { return (role, .none, -1, -1) }
        let x = fragments[a]
        let y = fragments[b]
        let styles = x.styles.intersection(y.styles)
        // Inside one name ("Malcolm Baldrige") the space is part of the mention: one span.
        let mention = x.mention >= 0 && x.mention == y.mention ? x.mention : -1
        if x.reference >= 0, x.reference == y.reference, x.role == .link {
            return (.link, styles, x.reference, mention)
        }
        if x.role == y.role, x.reference < 0, y.reference < 0, x.role != .page {
            return (x.role, styles, -1, mention)
        }
        return (role, styles, -1, -1)
    }
}
