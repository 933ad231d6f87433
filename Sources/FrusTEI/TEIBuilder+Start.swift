import FrusModel

/// What each start tag opens, by where it stands: outside documents, between blocks of a
/// document, or inside running text.
extension TEIBuilder {
    // MARK: Outside documents

    func startOutside(_ element: TEIElement, _ tag: XMLStartTag) {
        switch element {
        case .tei:
            if frames.isEmpty { sawTEIRoot = true }
            if rootID == nil {
                rootID = tag.attribute("id", prefix: "xml")
                // The root's id names the volume when the header does not (read next).
                if let id = rootID.flatMap(TEILinkTarget.volumeID) { volumeID = id }
            }
            pushOutside()
        case .teiHeader:
            inHeader = true
            pushOutside(.outside(.header))
        case .front:
            inFront = true
            pushOutside(.outside(.front))
        case .back:
            inBack = true
            pushOutside(.outside(.back))
        case .body where !inHeader:
            elementsBeforeBody = elementsStarted
            pushOutside(.outside(.body))
        case .title where inHeader && volumeTitle == nil && tag.attribute("type") == "complete":
            pushCapture(.volumeTitle)
        case .title where inTitleStmt:
            pushCapture(.bibliography(.title(type: tag.attribute("type") ?? "")))
        case .other where inHeader, .date where inHeader:
            if revisionStatus == nil, cStringEquals(tag.localName, "revisionDesc") { revisionStatus = tag.attribute("status") }
            startHeaderField(tag)
        case .idno where inHeader && headerID == nil && tag.attribute("type") == "frus":
            pushCapture(.volumeID)
        case .div:
            startDivOutside(tag)
        case .head:
            if let top = frames.indices.last, case .chapter(let i) = frames[top].role, chapters[i].title.isEmpty {
                pushCapture(.chapterTitle(i))
            } else {
                pushOutside()
            }
        case .item where entryKind != nil:
            pushCapture(.entry(entryKind!))
        case .pb where !inHeader:
            addPendingPage(tag)
            pushOutside()
        default:
            if inHeader, revisionStatus == nil, cStringEquals(tag.localName, "revisionDesc") {
                revisionStatus = tag.attribute("status")
            }
            pushOutside()
        }
    }

    private func startDivOutside(_ tag: XMLStartTag) {
        let type = tag.attribute("type")
        let id = tag.attribute("id", prefix: "xml")
        if type == "document" {
            startDocument(tag, id: id)
        } else if id == "persons" || id == "terms" || inFront || (inBack && !Self.holdsDocuments(type)) {
            startSection(tag, id: id)
        } else if !inFront && !inHeader {
            // Chapters, compilations, sections, and any other division of the body or back.
            chapters.append(Chapter(id: id, title: "", depth: chapterStack.count, documentNumbers: []))
            chapterStack.append(chapters.count - 1)
            pushOutside(.chapter(chapters.count - 1))
        } else {
            pushOutside()
        }
    }

    private func startDocument(_ tag: XMLStartTag, id: String?) {
        let line = location().line
        var number = tag.attribute("n")?.trimmingSpaces ?? ""
        if number.isEmpty {
            if let id, id.hasPrefix("d"), id.count > 1 { number = String(id.dropFirst()) }
            else if let id, !id.isEmpty { number = id }
            else { number = "\(documentCountBase + documents.count + 1)" }
            warn("document has no number (@n); using \"\(number)\"", line: line)
        }
        if let only = onlyDocument, number != only, id != only {
            ignoreDepth = 1  // not the document asked for: stream past it
            pendingPages.removeAll()
            return
        }
        if !documentNumbers.insert(number).inserted {
            warn("document number \(number) occurs more than once; links to it reach the first", line: line)
        }
        let min = tag.attribute("doc-dateTime-min", prefix: "frus")
        let max = tag.attribute("doc-dateTime-max", prefix: "frus")
        draft = DocumentDraft(
            number: number, id: id ?? "d\(number)", date: TEIRendition.documentDate(min: min, max: max),
            dateEnd: TEIRendition.documentDateEnd(min: min, max: max), line: line)
        if let chapter = chapterStack.last { chapters[chapter].documentNumbers.append(number) }
        pushContainer(.document)
    }

    /// Division types of the back matter that hold documents (the appendix); any other
    /// division there (the index) is a section read as a whole.
    static func holdsDocuments(_ type: String?) -> Bool {
        switch type {
        case "compilation", "chapter", "subchapter", "part": return true
        default: return false
        }
    }

    /// A division of the front or back matter (preface, sources, persons, index …): read and
    /// laid out like a document, numbered by its id ("preface"), titled by its head.
    private func startSection(_ tag: XMLStartTag, id: String?) {
        let kind: DocumentKind = inBack ? .back : .front
        let number = id.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces }
            ?? "\(kind.rawValue)\(documentCountBase + documents.count + 1)"
        if let only = onlyDocument, number != only {
            // Not the section asked for: its text is passed over, but a document inside it
            // (an appendix of documents) is still found.
            pendingPages.removeAll()
            pushOutside(.outside(.skippedSection))
            return
        }
        if !documentNumbers.insert(number).inserted {
            warn("section \(number) occurs more than once; links to it reach the first")
        }
        // The persons and terms lists are sections too; their entries are also collected.
        if number == "persons" { entryKind = .person } else if number == "terms" { entryKind = .term }
        draft = DocumentDraft(number: number, id: number, date: nil, line: location().line, kind: kind)
        pushContainer(.document)
    }

    /// A field of the header's `titleStmt` or `publicationStmt`, for the bibliography.
    private func startHeaderField(_ tag: XMLStartTag) {
        if cStringEquals(tag.localName, "titleStmt") {
            inTitleStmt = true
            pushOutside(.outside(.titleStmt))
        } else if inTitleStmt, cStringEquals(tag.localName, "editor") {
            pushCapture(.bibliography(.editor(role: tag.attribute("role"))))
        } else if cStringEquals(tag.localName, "publisher"), bibliography.publisher == nil {
            pushCapture(.bibliography(.publisher))
        } else if cStringEquals(tag.localName, "pubPlace"), bibliography.publicationPlace == nil {
            pushCapture(.bibliography(.place))
        } else if cStringEquals(tag.localName, "date"), bibliography.year == nil,
            tag.attribute("type") == "publication-date" || tag.attribute("type") == nil
        {
            pushCapture(.bibliography(.year))
        } else {
            pushOutside()
        }
    }

    func addPendingPage(_ tag: XMLStartTag) {
        if let page = pageName(tag) { pendingPages.append(page) }
    }

    /// The page's name, as links name it: the `pg_` id's rest ("pg_1" → "1", also where the
    /// printed label is "[1]", a page printed without its number), else the label without
    /// brackets.
    func pageName(_ tag: XMLStartTag) -> String? {
        if let id = tag.attribute("id", prefix: "xml"), id.hasPrefix("pg_"), id.count > 3 {
            return String(id.dropFirst(3))
        }
        guard var n = tag.attribute("n")?.trimmingSpaces, !n.isEmpty else { return nil }
        if n.count > 2, n.first == "[", n.last == "]" { n = String(n.dropFirst().dropLast()) }
        return n
    }

    // MARK: Between blocks of a document

    func startBlock(_ element: TEIElement, _ tag: XMLStartTag) {
        switch element {
        case .label where receivesListItems:
            pushRoot(.itemLabel)
        case .label where startsItem():
            // `<item><label>1.</label> The second person …</item>`: the label inside its item
            // runs on with the item's text, as a label beside it does.
            openImplicitParagraph()
            push(.inlineLabel)
        case .seg where Self.isMarginNote(tag):
            openImplicitParagraph()
            startInline(element, tag)
        case .p, .seg, .ab, .label, .l, .byline, .docAuthor, .trailer, .addrLine:
            pushRoot(.paragraph(TEIRendition.paragraphStyle(tag.attribute("rend") ?? tag.attribute("rendition"))))
        case .date:
            // A date standing alone in an opener is the dateline.
            if draft?.dateline == nil, draft?.attachmentDepth == 0, draft?.footnoteDepth == 0 { draft?.inDateline = true }
            pushRoot(.dateline)
            noteDate(tag)
        case .placeName:
            pushRoot(.paragraph(.normal))
        case .graphic:
            emit(.editorialNote([.text(TEIRendition.imagePlaceholder(tag))]))
            pushTransparent()
        case .scanPages, .scanFile, .scanPDF:
            startScanPart(element, tag)
        case .problem:
            pushContainer(.container(.editorialNote))
        case .head:
            startHead()
        case .note:
            startNoteAtBlockLevel(tag)
        case .pb:
            addPendingPage(tag)
            pushTransparent()
        case .lb:
            pushTransparent()
        case .list:
            flushText()
            push(.list(TEIRendition.listKind(type: tag.attribute("type"), rend: tag.attribute("rend"))),
                 inline: -1, block: frames.count)
        case .item:
            pushContainer(.container(.item))
        case .table:
            push(.table, inline: -1, block: frames.count)
        case .row:
            if case .table = frames[blockTarget].role { push(.row, inline: -1, block: frames.count) }
            else { pushTransparent() }
        case .cell:
            if case .row = frames[blockTarget].role { pushRoot(.cell) } else { pushRoot(.paragraph(.normal)) }
        case .quote:
            pushContainer(.container(.quote))
        case .dateline:
            if draft?.dateline == nil, draft?.attachmentDepth == 0, draft?.footnoteDepth == 0 { draft?.inDateline = true }
            pushRoot(.dateline)
        case .salute:
            pushRoot(.salutation)
        case .closer, .signed:
            pushRoot(.closer)
        case .postscript:
            pushContainer(.container(.postscript))
        case .attachment:
            draft?.attachmentDepth += 1
            pushContainer(.container(.attachment))
        case .hi, .ref, .persName, .gloss, .term, .title, .idno, .gap:
            openImplicitParagraph()
            startInline(element, tag)
        case .div where tag.attribute("type") == "document" && sectionCanHoldDocuments():
            documentInsideSection(tag)
        case .other, .figure:
            // An element that may hold no text at all (a `figure` of page images): page
            // breaks waiting before it are placed here, not carried to the next text.
            if !pendingPages.isEmpty, draft?.footnoteDepth == 0 {
                emit(.paragraph(pendingPages.map { .pageBreak($0) }, .normal))
                pendingPages.removeAll()
            }
            pushContainer(.container(.named(tag.qualifiedName)))
        default:
            // div, opener, lg, … group blocks: their children take their place.
            pushTransparent()
        }
    }

    /// Whether a `div type="document"` met now stands in a section of the front or back
    /// matter (an appendix holding documents) with only divisions between them.
    private func sectionCanHoldDocuments() -> Bool {
        guard let draft, draft.kind != .document, draft.footnoteDepth == 0, draft.attachmentDepth == 0,
            let s = frames.lastIndex(where: { if case .document = $0.role { return true } else { return false } })
        else { return false }
        return frames[(s + 1)...].allSatisfy { if case .transparent = $0.role { return true } else { return false } }
    }

    /// A document inside a section of the front or back matter: the section so far is read
    /// as a section, the section becomes a division of the contents holding its documents,
    /// and the document is read as any other (text of the section after it is not kept).
    private func documentInsideSection(_ tag: XMLStartTag) {
        guard let s = frames.lastIndex(where: { if case .document = $0.role { return true } else { return false } })
        else { return pushTransparent() }
        flushText()
        let title = draft?.title.plainText.trimmingSpaces ?? ""
        let sectionID = draft?.id
        var section = frames[s]
        finish(&section)  // emits the section read so far
        chapters.append(Chapter(id: sectionID, title: title, depth: chapterStack.count, documentNumbers: []))
        chapterStack.append(chapters.count - 1)
        frames[s].role = .chapter(chapters.count - 1)
        frames[s].blocks.removeAll()
        // The divisions inside the section now stand outside documents.
        for i in (s + 1)..<frames.count {
            frames[i].savedInlineTarget = -1
            frames[i].savedBlockTarget = -1
        }
        inlineTarget = -1
        blockTarget = -1
        startDocument(tag, id: tag.attribute("id", prefix: "xml"))
    }

    private func startHead() {
        switch frames[blockTarget].role {
        case .document where draft?.hasTitle == false:
            takeBlocksBeforeHead()
            draft?.inTitle = true
            pushRoot(.documentTitle)
        case .container(.attachment) where !frames[blockTarget].hasHeading:
            frames[blockTarget].hasHeading = true
            takeOpenerAsLabel()
            pushRoot(.attachmentHeading)
        case .list, .table:
            pushRoot(.listOrTableHead)
        default:
            pushRoot(.heading)
        }
    }

    /// A footnote (a `note` with `@n`, or the source note) other than an editorial one.
    func isFootnote(_ tag: XMLStartTag) -> Bool {
        if tag.attribute("rend") == "inline" { return false }
        return tag.attribute("n") != nil || tag.attribute("type") == "source"
    }

    private func startNoteAtBlockLevel(_ tag: XMLStartTag) {
        if isFootnote(tag) {
            // The marker goes at the end of the text just read, or opens a paragraph.
            let number = footnoteNumber(tag)
            if !appendToLastBlock(.footnoteRef(number)) {
                openImplicitParagraph()
                appendInline(.footnoteRef(number))
            }
            noteMarker(number)
            startFootnote(tag, number: number)
            return
        }
        if tag.attribute("rend") == "inline", case .container(.attachment) = frames[blockTarget].role,
            frames[blockTarget].blocks.isEmpty, frames[blockTarget].label.isEmpty, !frames[blockTarget].hasHeading
        {
            pushRoot(.attachmentLabel)
        } else {
            pushContainer(.container(.editorialNote))
        }
    }

    /// A footnote's number: its place in the document (1-based). Where notes are printed
    /// 1…N that is the printed number; where they are printed `*`, `†` or restart (1, 1, 2),
    /// the printed label is kept apart (`Footnote.label`) and the place stays the identity.
    func footnoteNumber(_ tag: XMLStartTag) -> Int {
        draft?.noteCount += 1
        return draft?.noteCount ?? 1
    }

    /// Records a marker placed in the title or body (not in a footnote), for the check that
    /// markers and notes pair up.
    private func noteMarker(_ number: Int) {
        if draft?.footnoteDepth == 0 { draft?.markers.append(number) }
    }

    func startFootnote(_ tag: XMLStartTag, number: Int) {
        if draft?.sourceNote == nil, draft?.footnoteDepth == 0, tag.attribute("type") == "source" {
            draft?.sourceNote = number
        }
        draft?.footnoteDepth += 1
        let label = tag.attribute("n")?.trimmingSpaces ?? ""
        pushContainer(.container(.footnote(number: number, label: label, id: tag.attribute("id", prefix: "xml"))))
    }

    /// Appends an inline to the last block of the current container if it is text; false if
    /// there is none.
    private func appendToLastBlock(_ inline: Inline) -> Bool {
        guard blockTarget >= 0, let last = frames[blockTarget].blocks.last else { return false }
        let updated: Block
        switch last {
        case .paragraph(let i, let s): updated = .paragraph(i + [inline], s)
        case .heading(let i): updated = .heading(i + [inline])
        case .dateline(let i): updated = .dateline(i + [inline])
        case .salutation(let i): updated = .salutation(i + [inline])
        case .closer(let i): updated = .closer(i + [inline])
        case .editorialNote(let i): updated = .editorialNote(i + [inline])
        default: return false
        }
        frames[blockTarget].blocks[frames[blockTarget].blocks.count - 1] = updated
        return true
    }

    // MARK: Inside running text

    func startInline(_ element: TEIElement, _ tag: XMLStartTag) {
        // A block element ends running text found directly in a container.
        if frames[frames.count - 1].isImplicitParagraph, isBlockLevel(element, tag) {
            popFrame()
            startBlock(element, tag)
            return
        }
        let inDocument = draft != nil
        switch element {
        case .hi:
            let styles = TEIRendition.textStyles(tag.attribute("rend"))
            if styles.isEmpty { pushTransparent() } else { pushWrapper(.styled(styles)) }
        case .seg where Self.isMarginNote(tag):
            breakLine()
            pushWrapper(.margin)
        case .table where splitParagraphBeforeBlock():
            push(.table, inline: -1, block: frames.count)
        case .cell:
            // A row read as a line of text: its cells are words apart ("Fiber 3499*", not
            // "Fiber3499*" where the source puts no space between `</cell><cell>`).
            if !atSpace {
                appendInline(.text(" "))
                atSpace = true
            }
            pushTransparent()
        case .ref:
            if let target = tag.attribute("target").flatMap({ TEILinkTarget.parse($0, volume: volumeID) }) {
                if draft != nil, target.volumeID == volumeID { draft?.localTargets.append(target) }
                pushWrapper(.link(target))
            } else {
                pushTransparent()
            }
        case .persName:
            let pointer = TEIRendition.pointer(tag.attribute("corresp"))
            if entryKind == .person, let id = tag.attribute("id", prefix: "xml") {
                pushWrapper(.entryName(id))
            } else if let from = partyType(tag) {
                pushWrapper(.party(from: from, mention: pointer.map { .person($0) }))
            } else if entryKind != .person, let id = pointer {
                // In the persons list only the entries' names are mentions: a link to an entry
                // lands on the first mention of its id, which must be its own name.
                pushWrapper(.mention(.person(id)))
            } else {
                pushTransparent()
            }
        case .gloss, .term:
            if entryKind == .term, let id = tag.attribute("id", prefix: "xml") {
                pushWrapper(.entryName(id))
            } else if let from = partyType(tag) {
                // "The <gloss type="from">Secretary of State</gloss> to …" (1900s–1950s heads).
                pushWrapper(.party(from: from, mention: TEIRendition.pointer(tag.attribute("target")).map { .term($0) }))
            } else if entryKind != .term, let id = TEIRendition.pointer(tag.attribute("target")) {
                pushWrapper(.mention(.term(id)))
            } else {
                pushTransparent()
            }
        case .note:
            if inDocument, isFootnote(tag) {
                let number = footnoteNumber(tag)
                appendInline(.footnoteRef(number))
                noteMarker(number)
                startFootnote(tag, number: number)
            } else if !inDocument {
                ignoreDepth = 1  // a footnote in a chapter title or a list entry is not its text
            } else {
                pushTransparent()
            }
        case .pb:
            if inDocument, let page = pageName(tag) {
                appendInline(.pageBreak(page))
            } else if !inHeader {
                addPendingPage(tag)
            }
            pushTransparent()
        case .lb:
            breakLine()
            // "Embassy of the French Republic,<lb/>Washington": the place's lines are words apart.
            if placeText != nil { placeText!.append(0x20) }
            pushTransparent()
        case .item where entryKind != nil && !inDocument:
            pushCapture(.entry(entryKind!))
        case .date:
            if inDocument { noteDate(tag) }
            pushTransparent()
        case .placeName where draft?.inDateline == true && draft?.place == nil && placeText == nil:
            // The dateline's place: its text runs on, and is kept as `Document.place`.
            placeText = []
            push(.placeName)
        case .graphic:
            appendInline(.text(TEIRendition.imagePlaceholder(tag)))
            pushTransparent()
        case .gap:
            appendInline(.text("[…]"))
            pushTransparent()
        case .scanPages, .scanFile, .scanPDF:
            startScanPart(element, tag)
        case .label:
            breakLine()
            push(.inlineLabel)
        case .item where continuesLabel():
            // "1) The existing laws …": the item runs on after its label, a space apart.
            appendInline(.text(" "))
            atSpace = true
            push(.lineLike)
        default:
            if element.isLineLike {
                breakLine()
                push(.lineLike)
            } else if element == .other, let from = partyType(tag) {
                // An `orgName`, `name` or `rs` typed as sender or recipient in the head.
                pushWrapper(.party(from: from, mention: nil))
            } else {
                pushTransparent()
            }
        }
    }

    /// A table written inside a paragraph (`<p>… include the following: <table>…</table></p>`,
    /// 1930s–40s volumes): the paragraph's text so far becomes a paragraph of its own, so the
    /// table stands as a table between it and the text after it. Only a table directly in a
    /// paragraph of a block container; false otherwise (its rows are then lines of the text).
    private func splitParagraphBeforeBlock() -> Bool {
        let top = frames.count - 1
        guard top >= 0, inlineTarget == top, case .root(.paragraph(let style)) = frames[top].role,
            blockTarget >= 0
        else { return false }
        switch frames[blockTarget].role {
        case .document, .container: break
        default: return false
        }
        flushText()
        var before = frames[top].inlines
        before.trimTrailing(lineBreaks: true)
        if !before.isEmpty { emit(.paragraph(before, style)) }
        frames[top].inlines.removeAll()
        atSpace = true
        return true
    }

    /// Whether nothing has been read yet in the item that receives blocks.
    private func startsItem() -> Bool {
        guard blockTarget >= 0, case .container(.item) = frames[blockTarget].role else { return false }
        return frames[blockTarget].blocks.isEmpty && text.isEmpty
    }

    /// `seg type="margin"` (also `place="margin"`): a note printed in the margin.
    static func isMarginNote(_ tag: XMLStartTag) -> Bool {
        tag.attribute("type") == "margin" || tag.attribute("place")?.hasPrefix("margin") == true
    }

    /// Whether an item starts right where an inline label ended (nothing between but space).
    private func continuesLabel() -> Bool {
        guard let end = labelEnd, end.frame == inlineTarget else { return false }
        labelEnd = nil
        if !text.isEmpty {
            // White space between label and item is collapsed to one space (atSpace set).
            guard text.count == 1, text.atSpace else { return false }
            text.clear()
        }
        return frames[inlineTarget].inlines.count == end.count
    }

    /// Whether a name in the document's head is typed as its sender (true) or recipient
    /// (false): `type="from"` / `type="to"` on `persName`, `gloss`, `orgName` …; nil otherwise.
    private func partyType(_ tag: XMLStartTag) -> Bool? {
        guard draft?.inTitle == true, let type = tag.attribute("type") else { return nil }
        return type == "from" ? true : type == "to" ? false : nil
    }

    /// Whether an element, met in running text found directly in a container, starts a new
    /// block rather than continuing the text.
    private func isBlockLevel(_ element: TEIElement, _ tag: XMLStartTag) -> Bool {
        switch element {
        case .hi, .ref, .persName, .gloss, .term, .lb, .pb, .title, .idno, .seg, .other, .date, .placeName,
            .graphic, .gap:
            return false
        case .note:
            return !isFootnote(tag)
        default:
            return true
        }
    }
}
