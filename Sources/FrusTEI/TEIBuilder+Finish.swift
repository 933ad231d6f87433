import FrusModel

/// What each closing element hands to its parent.
extension TEIBuilder {
    func finish(_ frame: inout Frame) {
        switch frame.role {
        case .transparent, .lineLike, .inlineLabel:
            break
        case .placeName:
            let place = String(decoding: placeText ?? [], as: UTF8.self)
                .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
                .trimmingTrailingSeparators
            placeText = nil
            if !place.isEmpty { draft?.place = place }
        case .outside(let kind):
            if kind == .header { inHeader = false }
            if kind == .front { inFront = false }
            if kind == .back { inBack = false }
            if kind == .titleStmt { inTitleStmt = false }
            if kind == .skippedSection { pendingPages.removeAll() }
            if kind == .body, elementsStarted != elementsBeforeBody { bodyHoldsElements = true }
        case .chapter(let i):
            chapterStack.removeLast()
            // A division without a head is known by its id.
            if chapters[i].title.isEmpty { chapters[i].title = chapters[i].id ?? "" }
        case .entryList:
            entryKind = nil
        case .capture(let kind):
            finishCapture(kind, &frame)
        case .document:
            finishDocument(&frame)
        case .container(let kind):
            finishContainer(kind, &frame)
        case .list(let kind):
            if !frame.label.isEmpty { emit(.heading(frame.label)) }
            if !frame.itemLabel.isEmpty { frame.items.append([.paragraph(frame.itemLabel, .normal)]) }
            if !frame.items.isEmpty { emit(.list(kind, frame.items)) }
            if kind == .subject, draft?.subject == nil, draft?.attachmentDepth == 0, draft?.footnoteDepth == 0 {
                let subject = frame.items.map { $0.map(\.plainText).joined(separator: " ") }
                    .filter { !$0.isEmpty }.joined(separator: "; ")
                if !subject.isEmpty { draft?.subject = subject }
            }
        case .table:
            if !frame.label.isEmpty { emit(.heading(frame.label)) }
            if !frame.rows.isEmpty { emit(.table(frame.rows)) }
        case .row:
            if blockTarget >= 0, case .table = frames[blockTarget].role {
                frames[blockTarget].rows.append(frame.cells)
            }
        case .root(let kind):
            frame.inlines.trimTrailing(lineBreaks: true)
            finishRoot(kind, frame.inlines)
        case .wrapper(let kind):
            finishWrapper(kind, frame.inlines)
        }
    }

    private func finishRoot(_ kind: RootKind, _ inlines: [Inline]) {
        switch kind {
        case .documentTitle:
            draft?.inTitle = false
            draft?.title = inlines
            draft?.hasTitle = true
        case .attachmentHeading:
            if blockTarget >= 0 { frames[blockTarget].heading = inlines }
        case .attachmentLabel:
            // Several lines before the head ("[Inclosure 1 in No. 12.]", "[Translation.]").
            guard blockTarget >= 0, !inlines.isEmpty else { return }
            if !frames[blockTarget].label.isEmpty { frames[blockTarget].label.append(.lineBreak) }
            frames[blockTarget].label += inlines
        case .listOrTableHead:
            guard blockTarget >= 0, !inlines.isEmpty else { return }
            if !frames[blockTarget].label.isEmpty { frames[blockTarget].label.append(.lineBreak) }
            frames[blockTarget].label += inlines
        case .cell:
            if blockTarget >= 0, case .row = frames[blockTarget].role {
                frames[blockTarget].cells.append(inlines)
            } else if !inlines.isEmpty {
                emit(.paragraph(inlines, .normal))
            }
        case .paragraph(let style):
            if !inlines.isEmpty { emit(.paragraph(inlines, style)) }
        case .implicitParagraph:
            if !inlines.isEmpty { emit(.paragraph(inlines, .normal)) }
        case .heading:
            if !inlines.isEmpty { emit(.heading(inlines)) }
        case .dateline:
            draft?.inDateline = false
            guard !inlines.isEmpty else { return }
            emit(.dateline(inlines))
            if draft?.dateline == nil, draft?.attachmentDepth == 0, draft?.footnoteDepth == 0 {
                draft?.dateline = inlines.plainText.trimmingSpaces
            }
        case .salutation:
            if !inlines.isEmpty { emit(.salutation(inlines)) }
        case .closer:
            if !inlines.isEmpty { emit(.closer(Self.joiningPunctuation(inlines))) }
        case .itemLabel:
            guard blockTarget >= 0, !inlines.isEmpty else { return }
            if !frames[blockTarget].itemLabel.isEmpty { frames[blockTarget].itemLabel.append(.text(" ")) }
            frames[blockTarget].itemLabel += inlines
        }
    }

    private func finishWrapper(_ kind: WrapperKind, _ inlines: [Inline]) {
        guard !inlines.isEmpty, inlineTarget >= 0 else { return }
        switch kind {
        case .styled(let styles):
            var wrapped = inlines
            for style in styles.reversed() { wrapped = [.styled(style, wrapped)] }
            frames[inlineTarget].inlines += wrapped
        case .link(let target):
            frames[inlineTarget].inlines.append(.link(target, inlines))
        case .margin:
            // On a line of its own, marked as the margin's: "[Margin: Rhineland Commission]".
            frames[inlineTarget].inlines += [.text("[Margin: "), .styled(.italic, inlines), .text("]")]
        case .mention(let mention):
            frames[inlineTarget].inlines.append(.mention(mention, inlines))
        case .entryName(let id):
            pendingEntries.append((id, inlines.plainText.trimmingSpaces))
            // In the persons or terms section the entry's name is a mention of itself: the
            // place a link to the entry (`#p_DAF_1`) lands on.
            if draft != nil, let kind = entryKind {
                frames[inlineTarget].inlines.append(.mention(kind == .person ? .person(id) : .term(id), inlines))
            } else {
                frames[inlineTarget].inlines += inlines
            }
        case .party(let from, let mention):
            let name = inlines.plainText.trimmingSpaces
            if !name.isEmpty {
                if from { draft?.senders.append(name) } else { draft?.recipients.append(name) }
            }
            if let mention { frames[inlineTarget].inlines.append(.mention(mention, inlines)) }
            else { frames[inlineTarget].inlines += inlines }
        }
    }

    private func finishContainer(_ kind: ContainerKind, _ frame: inout Frame) {
        let blocks = frame.blocks
        switch kind {
        case .item:
            if let kind = entryKind, !pendingEntries.isEmpty {
                recordEntries(kind, text: blocks.map(\.plainText).joined(separator: " ").trimmingSpaces)
            }
            if blockTarget >= 0, case .list = frames[blockTarget].role {
                frames[blockTarget].items.append(Self.labelled(blocks, frames[blockTarget].itemLabel))
                frames[blockTarget].itemLabel = []
            } else {
                blocks.forEach(emit)
            }
        case .quote:
            if !blocks.isEmpty { emit(.quote(blocks)) }
        case .attachment:
            draft?.attachmentDepth -= 1
            emit(.attachment(Attachment(label: frame.label, heading: frame.heading, blocks: blocks)))
        case .postscript:
            for block in blocks {
                if case .paragraph(let i, .normal) = block { emit(.paragraph(i, .postscript)) } else { emit(block) }
            }
        case .editorialNote:
            emitEditorialNote(blocks)
        case .footnote(let number, let label, let id):
            draft?.footnoteDepth -= 1
            draft?.footnotes.append(Footnote(number: number, label: label, id: id, blocks: blocks))
        case .named(let name):
            if !blocks.isEmpty { emit(.container(name, blocks)) }
        }
    }

    /// An item after its printed label: "41. March 25 …".
    static func labelled(_ blocks: [Block], _ label: [Inline]) -> [Block] {
        guard !label.isEmpty else { return blocks }
        if case .paragraph(let inlines, let style)? = blocks.first {
            return [.paragraph(label + [.text(" ")] + inlines, style)] + blocks.dropFirst()
        }
        return [.paragraph(label, .normal)] + blocks
    }

    /// A closer's line breaks before punctuation go: `<signed>Seat</signed>, <lb/>…` reads
    /// "Seat," on one line, not a line holding only the comma.
    static func joiningPunctuation(_ inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        for inline in inlines {
            if case .text(let s) = inline, let c = s.first, ",.;:".contains(c), out.last == .lineBreak {
                out.removeLast()
            }
            out.append(inline)
        }
        return out
    }

    /// An editorial note printed in the text ("[Document withheld …]"): its paragraphs become
    /// lines of one note; a note with other blocks (a list) stays a container.
    private func emitEditorialNote(_ blocks: [Block]) {
        guard !blocks.isEmpty else { return }
        var lines: [Inline] = []
        for block in blocks {
            guard case .paragraph(let inlines, _) = block else {
                emit(.container("note", blocks))
                return
            }
            if !lines.isEmpty { lines.append(.lineBreak) }
            lines += inlines
        }
        emit(.editorialNote(lines))
    }

    private func finishCapture(_ kind: CaptureKind, _ frame: inout Frame) {
        frame.inlines.trimTrailing(lineBreaks: true)
        let text = frame.inlines.plainText.trimmingSpaces
        switch kind {
        case .volumeTitle:
            volumeTitle = text
            if bibliography.completeTitle == nil, !text.isEmpty { bibliography.completeTitle = text }
        case .volumeID:
            // The same normalisation as the header peek (HeaderPeek), so both give one id.
            let id = VolumeID.normalized(text)
            if !id.isEmpty {
                headerID = id
                volumeID = id
            }
        case .chapterTitle(let i):
            chapters[i].title = text.isEmpty ? (chapters[i].id ?? "") : text
        case .scanPages, .scanAddress:
            finishScanCapture(kind, text: text)
        case .entry(let kind):
            recordEntries(kind, text: text)
        case .bibliography(let field):
            guard !text.isEmpty else { return }
            switch field {
            case .title(let type):
                switch type {
                case "complete": if bibliography.completeTitle == nil { bibliography.completeTitle = text }
                case "series": if bibliography.seriesTitle == nil { bibliography.seriesTitle = text }
                case "sub-series", "subseries": if bibliography.subseriesTitle == nil { bibliography.subseriesTitle = text }
                // "volumenumber" in some 2000s volumes' headers (frus1950-55Intel).
                case "volume-number", "volumenumber": if bibliography.volumeNumber == nil { bibliography.volumeNumber = text }
                case "volume": if bibliography.volumeTitle == nil { bibliography.volumeTitle = text }
                default: break
                }
            case .editor(let role): bibliography.editors.append(Bibliography.Editor(name: text, role: role))
            case .publisher: bibliography.publisher = text
            case .place: bibliography.publicationPlace = text
            case .year: bibliography.year = text
            }
        }
    }

    /// The entry just read (its text, `pendingEntries` its names) into the persons or terms.
    private func recordEntries(_ kind: EntryKind, text: String) {
        guard !pendingEntries.isEmpty else { return }
        let description = Self.entryDescription(text, names: pendingEntries.map(\.name))
        for (id, name) in pendingEntries {
            switch kind {
            case .person: persons[id] = Person(id: id, name: name, description: description)
            case .term: terms[id] = Term(id: id, term: name, description: description)
            }
        }
        pendingEntries.removeAll()
    }

    /// "Abrams, Elliott, Assistant Secretary …" with name "Abrams, Elliott" → "Assistant Secretary …";
    /// "PII or P–II, Pershing II missile" with names "PII", "P–II" → "Pershing II missile".
    static func entryDescription(_ text: String, names: [String]) -> String {
        var cursor = text.startIndex
        for name in names where !name.isEmpty {
            if let range = text[cursor...].firstRange(of: name) { cursor = range.upperBound }
        }
        var rest = text[cursor...]
        while let c = rest.first, c == "," || c == ":" || c == ";" || c == "—" || c == "–" || c.isWhitespace {
            rest.removeFirst()
        }
        return String(rest)
    }

    private func finishDocument(_ frame: inout Frame) {
        guard var d = draft else { return }
        draft = nil
        if d.kind != .document {
            entryKind = nil
            // A section without a head is known by its id.
            if !d.hasTitle { d.title = [.text(d.number)] }
        } else if !d.hasTitle {
            warn("document \(d.number) has no head (title)", line: d.line)
        }
        let head = d.title
        var printedNumber = d.kind == .document ? Self.takePrintedNumber(&d.title, number: d.number) : nil
        // "175." is the document's number; "No. 12." the older series' serial of its papers,
        // which are cited by page (as history.state.gov's citations of those volumes do).
        if d.title != head, printedNumber == nil { sawPrintedDocumentNumber = true }
        if d.kind == .document {
            let line = Self.takePrintedNumberLine(&d.headLabel, number: d.number)
            if line.taken, printedNumber == nil { printedNumber = line.printed }
        }
        d.footnotes.sort { $0.number < $1.number }
        var blocks = frame.blocks
        // A head holding only its number ("<head>No. 11.</head><head>Mr. A to Mr. B.</head>"):
        // the next head is the title.
        if d.kind == .document, d.title.plainText.trimmingSpaces.isEmpty, case .heading(let next)? = blocks.first {
            d.title += next
            blocks.removeFirst()
        }
        if d.scan != nil, d.scan?.address == nil, d.scanPDFWithoutAddress {
            d.scan?.address = Self.scanPDFAddress(volume: volumeID, id: d.id)
        }
        if let size = d.scanPDFSize { d.scanTexts.append("PDF, \(size)") }
        if let scan = d.scan, scan.pages != nil || scan.address != nil || d.scanPagesText != nil || !d.scanTexts.isEmpty {
            let block = Self.scanBlock(scan, pagesText: d.scanPagesText, texts: d.scanTexts)
            blocks.insert(block, at: min(d.scanBlockIndex ?? blocks.count, blocks.count))
        } else {
            d.scan = nil
        }
        var document = Document(
            volumeID: volumeID, number: d.number, id: d.id, titleInlines: d.title, subject: d.subject,
            dateline: d.dateline, date: d.date ?? d.datelineDate, blocks: blocks, footnotes: d.footnotes,
            source: SourceLocation(file: path, line: d.line))
        document.kind = d.kind
        document.dateEnd = d.date != nil ? d.dateEnd : d.datelineDateEnd
        document.place = d.place
        let sourceNote = d.sourceNote ?? d.title.firstFootnoteRef
        document.classification = sourceNote.flatMap { n in d.footnotes.first { $0.number == n } }
            .flatMap { Classification.marking(inSourceNote: $0.plainText) }
        document.printedNumber = printedNumber
        document.senders = d.senders
        document.recipients = d.recipients
        document.scan = d.scan
        document.headLabel = d.headLabel
        localTargets.append(d.localTargets)
        checkFootnotes(number: d.number, markers: d.markers, notes: d.footnotes.map(\.number), line: d.line)
        documents.append(document)
    }

    /// Markers and notes should pair up: a marker without its note, a note never marked, or a
    /// number used twice is worth a warning (the document is still read).
    private func checkFootnotes(number: String, markers: [Int], notes: [Int], line: Int) {
        let noteSet = Set(notes)
        let markerSet = Set(markers)
        for n in markerSet.subtracting(noteSet).sorted() {
            warn("document \(number): footnote marker \(n) has no footnote", line: line)
        }
        for n in noteSet.subtracting(markerSet).sorted() {
            warn("document \(number): footnote \(n) has no marker", line: line)
        }
        if noteSet.count != notes.count {
            warn("document \(number): footnote numbers repeat (\(notes.map(String.init).joined(separator: ", ")))", line: line)
        }
    }

    /// The divisions that hold documents, directly or in a division inside them: the back
    /// matter's index and other sections without documents are not chapters to go to.
    static func withDocuments(_ chapters: [Chapter]) -> [Chapter] {
        var keep = [Bool](repeating: false, count: chapters.count)
        for (i, chapter) in chapters.enumerated() where !chapter.documentNumbers.isEmpty {
            keep[i] = true
            // …and every division it sits in: the nearest earlier ones of smaller depth.
            var depth = chapter.depth
            var j = i - 1
            while j >= 0, depth > 0 {
                if chapters[j].depth < depth { keep[j] = true; depth = chapters[j].depth }
                j -= 1
            }
        }
        return chapters.indices.filter { keep[$0] }.map { chapters[$0] }
    }

    /// After the last event: page breaks still waiting belong at the end of the last document.
    func finishVolume() {
        let links = volumeDocuments.map { InVolumeLinks(volume: volumeID, numbersAndIDs: $0) }
            ?? InVolumeLinks(volume: volumeID, documents: documents)
        documents = links.fixing(documents, targets: localTargets)
        chapters = Self.withDocuments(chapters)
        if attachesTrailingPages, !pendingPages.isEmpty, !documents.isEmpty {
            var last = documents.removeLast()
            last.blocks.append(.paragraph(pendingPages.map { .pageBreak($0) }, .normal))
            documents.append(last)
            pendingPages.removeAll()
        }
    }
}

extension String {
    /// The text without the punctuation that separates it from what follows in a dateline
    /// ("London," → "London"): older volumes put the comma inside `placeName`.
    var trimmingTrailingSeparators: String {
        var out = Substring(self)
        while let c = out.last, c == "," || c == ";" || c == ":" || c == " " { out.removeLast() }
        return String(out)
    }
}
