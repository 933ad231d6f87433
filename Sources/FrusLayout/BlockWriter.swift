import FrusModel

/// Blocks: each kind set off so a reader can tell them apart in a plain terminal; a blank
/// line between blocks.
extension TextWriter {
    /// One run of inlines as a block of its own: tokenized, then filled.
    mutating func inlineBlock(
        _ inlines: [Inline], role: StyleRole, alignment: Alignment = .left, markerSpacing: Bool = false
    ) {
        // A page tag in a centred or right-aligned block would push its text off its place:
        // the tags go on a line of their own above it.
        if alignment != .left, inlines.contains(where: { if case .pageBreak = $0 { return true } else { return false } }) {
            let pages = inlines.filter { if case .pageBreak = $0 { return true } else { return false } }
            let rest = inlines.filter { if case .pageBreak = $0 { return false } else { return true } }
            inlineBlock(pages, role: .text)
            separateNextBlock = false
            inlineBlock(rest, role: role, alignment: alignment, markerSpacing: markerSpacing)
            return
        }
        beginInlines(markerSpacing: markerSpacing)
        walk(inlines, role: role, styles: .none, reference: -1)
        endWord()
        fill(role: role, alignment: alignment)
        separateNextBlock = true
    }

    /// `role` is the look of running text here: `.text`, or `.quote` inside a quotation.
    mutating func block(_ item: Block, role: StyleRole = .text) {
        switch item {
        case .heading(let inlines):
            inlineBlock(inlines, role: .heading, markerSpacing: true)
        case .paragraph(let inlines, let style):
            switch style {
            case .centered: inlineBlock(inlines, role: role, alignment: .center)
            case .flushRight: inlineBlock(inlines, role: role, alignment: .right)
            case .sectionTitle: inlineBlock(inlines, role: .heading, markerSpacing: true)
            case .normal, .flushLeft, .postscript: inlineBlock(inlines, role: role)
            }
        case .dateline(let inlines):
            inlineBlock(inlines, role: .dateline)
        case .salutation(let inlines):
            inlineBlock(inlines, role: .salutation)
        case .closer(let inlines):
            inlineBlock(inlines, role: .closer)
        case .editorialNote(let inlines):
            inlineBlock(inlines, role: .editorial)
        case .list(let kind, let items):
            list(kind, items, role: role)
        case .quote(let blocks):
            pushFrame("    ", role: .quote)
            self.blocks(blocks, role: .quote)
            popFrame()
            separateNextBlock = true
        case .table(let rows):
            table(rows)
        case .attachment(let attachment):
            self.attachment(attachment)
        case .container(_, let blocks):
            self.blocks(blocks, role: role)
        }
    }

    /// Blocks in order. A list's head (TEI `<head>`, which importers give as the `.heading`
    /// right before its `.list`) stands with its items: no blank line between them.
    mutating func blocks(_ items: [Block], role: StyleRole = .text) {
        for (i, item) in items.enumerated() {
            block(item, role: role)
            if case .heading = item, i + 1 < items.count, case .list = items[i + 1] { separateNextBlock = false }
        }
    }

    /// An item opening with a list's head: a group of a participants list ("Treasury" over
    /// "Secretary Baker"), set off from the item before it by a blank line.
    static func opensGroup(_ item: [Block]) -> Bool {
        guard item.count >= 2, case .heading = item[0], case .list = item[1] else { return false }
        return true
    }

    /// Items start with a bullet or number and hang under it; no blank line between items.
    mutating func list(_ kind: ListKind, _ items: [[Block]], role: StyleRole) {
        let labels: [String] = items.indices.map { i in
            switch kind {
            case .ordered: return "\(i + 1)."
            case .bulleted, .subject: return "•"
            case .plain, .participants: return ""
            }
        }
        let labelWidth = labels.map { DisplayWidth.of($0) }.max() ?? 0
        for (i, item) in items.enumerated() {
            // Items follow one another; a group (its head and its names) has a blank line
            // before it, so a head never reads as belonging to the name above it.
            if Self.opensGroup(item) { separateNextBlock = true } else if i > 0 { separateNextBlock = false }
            if labelWidth > 0 {
                // Numbers right-aligned so the text of items 9 and 10 starts in one column.
                let label = labels[i]
                let pad = String(repeating: " ", count: labelWidth - DisplayWidth.of(label))
                pushFrame(pad + label + " ", role: role)
                blocks(item, role: role)
                popFrame()
            } else {
                blocks(item, role: role)
            }
        }
        separateNextBlock = true
    }

    /// A rule, the label and the heading, then the attached document's blocks.
    mutating func attachment(_ attachment: Attachment) {
        rule(width, role: .attachment)
        if !attachment.label.isEmpty {
            inlineBlock(attachment.label, role: .attachment, markerSpacing: true)
            separateNextBlock = false
        }
        inlineBlock(attachment.heading, role: .attachment, markerSpacing: true)
        blocks(attachment.blocks)
        separateNextBlock = true
    }

    /// "175. Title [1]", then "Subject: …" and the dateline on the lines right below it.
    mutating func heading(of doc: Document) {
        // Lines printed above the head (an older volume's file citation) come first, as printed.
        if !doc.headLabel.isEmpty {
            inlineBlock(doc.headLabel, role: .text)
            separateNextBlock = false
        }
        // A printed page that begins with the document (TEI: a <pb/> just before it) is drawn
        // as its own tag above the title, not inside it.
        var titleInlines = doc.titleInlines[...]
        var leadingPages: [Inline] = []
        while let first = titleInlines.first, case .pageBreak = first {
            leadingPages.append(first)
            titleInlines = titleInlines.dropFirst()
        }
        if !leadingPages.isEmpty {
            inlineBlock(leadingPages, role: .text)
            separateNextBlock = false
        }
        // Sections of the front and back matter are known by their titles alone; a head that
        // prints its number ("No. 12.") shows it as printed.
        var title: [Inline] = doc.headingNumber.isEmpty || doc.kind != .document ? [] : [.text(doc.headingNumber)]
        title += titleInlines
        inlineBlock(title, role: .title, markerSpacing: true)
        // Subject and dateline are metadata; when the body has them as blocks (TEI), they are
        // drawn there, in place, and not twice.
        let hasSubjectBlock = doc.blocks.contains { if case .list(.subject, _) = $0 { return true } else { return false } }
        if let subject = doc.subject, !subject.trimmingSpaces.isEmpty, !hasSubjectBlock {
            separateNextBlock = false
            pushFrame("Subject: ", role: .subject)
            inlineBlock([.text(subject)], role: .subject)
            popFrame()
        }
        // The dateline metadata is drawn only when no dateline block will draw it in place.
        let datelineBlocks = Set(doc.blocks.compactMap { b -> String? in
            if case .dateline(let i) = b { return i.plainText.trimmingSpaces } else { return nil }
        })
        if let dateline = doc.dateline, !dateline.trimmingSpaces.isEmpty, !datelineBlocks.contains(dateline.trimmingSpaces) {
            separateNextBlock = false
            inlineBlock([.text(dateline)], role: .dateline)
        }
        separateNextBlock = true
    }

    /// "N. text" hanging under its number; a footnote's paragraphs follow without blank
    /// lines, and a blank line comes before each footnote. Records the footnote's lines.
    mutating func footnote(_ note: Footnote) {
        site = .footnote(note.number)
        if !lines.isEmpty { lines.append(LaidOutLine()) }
        separateNextBlock = false
        let first = lines.count
        pushFrame(note.listLabel, role: .footnoteNumber)
        for b in note.blocks {
            separateNextBlock = false
            block(b)
        }
        popFrame()
        footnoteLines[note.number] = first..<lines.count
        separateNextBlock = true
        site = .body
    }
}
