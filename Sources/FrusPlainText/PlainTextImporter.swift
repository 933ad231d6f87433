import FrusModel

/// Reads one FRUS document saved as a reader sees it on the web (the seed format, see
/// ../shared/seeds/README.md): a title line `N. TITLE [marker]`, an optional `•` subject line,
/// paragraphs separated by blank lines, `[Page N]` markers, attachments with their own heading,
/// salutations and signatures, and the footnote list `  N. text` at the end.
public enum PlainTextImporter {
    /// A document as read, with what was wrong in it.
    public struct Result: Sendable {
        public var document: Document
        public var diagnostics: [Diagnostic]
    }

    /// Reads `data` (the file's bytes). Throws a `Diagnostic` naming the file, the line and what
    /// is wrong when the file is not a document at all; defects of a document that can still be
    /// read (markers and footnote list that disagree) are warnings in the result.
    public static func read(_ data: [UInt8], path: String, volumeID: String) throws -> Result {
        let source = try SourceLines(data, path: path)
        var parser = DocumentParser(lines: source.lines, path: path, volumeID: volumeID)
        return try parser.parse()
    }
}

/// The structure of one document: which lines are the title, the subject, each paragraph (and
/// of what kind), the attachments and the footnote list.
struct DocumentParser {
    let lines: [SourceLines.Line]
    let path: String
    let volumeID: String
    var diagnostics: [Diagnostic] = []

    init(lines: [SourceLines.Line], path: String, volumeID: String) {
        self.lines = lines
        self.path = path
        self.volumeID = volumeID
    }

    /// A paragraph of the body: its lines and what it is.
    struct Unit {
        enum Kind { case paragraph, salutation, closer, dateline, attachmentLabel, attachmentHeading, pageOnly(String) }
        var kind: Kind
        var lines: [SourceLines.Line]
        var text: TextUnit
        var line: Int { lines.first?.number ?? 0 }
    }

    mutating func parse() throws -> PlainTextImporter.Result {
        guard let titleIndex = lines.firstIndex(where: { !$0.isBlank }) else {
            throw Diagnostic(.error, "empty document: no title line", at: SourceLocation(file: path, line: 1))
        }
        let titleLine = lines[titleIndex]
        guard let (number, titleText) = Self.titleParts(titleLine.trimmed) else {
            throw Diagnostic(
                .error,
                "expected the title line “NUMBER. TITLE” (e.g. “175. Memorandum From …”), found “\(Printable.excerpt(titleLine.trimmed))”",
                at: SourceLocation(file: path, line: titleLine.number))
        }
        let notesStart = footnoteListStart(after: titleIndex)
        let notes = footnoteEntries(from: notesStart)
        let noteNumbers = notes.map(\.number)

        var paragraphs = Self.paragraphs(lines[(titleIndex + 1)..<notesStart])
        var subject: String?
        if let first = paragraphs.first, let s = Self.subject(first.lines) {
            subject = s
            paragraphs.removeFirst()
        }
        let units = classify(paragraphs)

        // Footnote markers, chosen over the whole document in reading order.
        let title = TextUnit(titleText)
        var candidates: [FootnoteMarkers.Candidate] = []
        let titleTrailing = FootnoteMarkers.trailingCandidate(in: title.text, unit: -1)
        candidates += FootnoteMarkers.gluedCandidates(in: title.text, unit: -1).filter { $0.digits != titleTrailing?.digits }
        if let t = titleTrailing { candidates.append(t) }
        for (k, u) in units.enumerated() {
            if case .pageOnly = u.kind { continue }
            let glued = FootnoteMarkers.gluedCandidates(in: u.text.text, unit: k)
            if case .attachmentHeading = u.kind, let t = FootnoteMarkers.trailingCandidate(in: u.text.text, unit: k) {
                candidates += glued.filter { $0.digits != t.digits } + [t]
            } else {
                candidates += glued
            }
        }
        let (chosen, skipped) = FootnoteMarkers.choose(candidates, footnoteCount: noteNumbers.max() ?? 0)
        reportMarkers(chosen: chosen.map(\.value), skipped: skipped, notes: noteNumbers, titleLine: titleLine.number)
        let markersByUnit = Dictionary(grouping: chosen, by: \.unit)

        var titleInlines = title.inlines(markers: markersByUnit[-1] ?? [], volume: volumeID, document: number)
        titleInlines = Self.trimTrailingSpace(titleInlines)
        let blocks = buildBlocks(units, markers: markersByUnit, number: number)
        let footnotes = notes.map { note in
            Footnote(number: note.number, id: "d\(number)fn\(note.number)", blocks: note.paragraphs.map { p in
                .paragraph(TextUnit(p).inlines(markers: [], volume: volumeID, document: number), .normal)
            })
        }
        let dateline = blocks.lazy.compactMap { b -> String? in
            if case .dateline(let i) = b { return i.plainText } else { return nil }
        }.first
        var doc = Document(
            volumeID: volumeID, number: number, titleInlines: titleInlines, subject: subject,
            dateline: dateline, blocks: blocks, footnotes: footnotes,
            source: SourceLocation(file: path, line: titleLine.number))
        // The source note is the footnote the title's marker points at.
        if let n = titleInlines.lazy.compactMap({ i -> Int? in if case .footnoteRef(let n) = i { n } else { nil } }).first {
            doc.classification = doc.footnote(n).flatMap { Classification.marking(inSourceNote: $0.plainText) }
        }
        return PlainTextImporter.Result(document: doc, diagnostics: diagnostics)
    }

    // MARK: - Title and subject

    /// "175. Memorandum From … Reagan 1" → ("175", "Memorandum From … Reagan 1").
    static func titleParts(_ t: [UInt8]) -> (String, [UInt8])? {
        let run = t.digitRun(from: 0)
        guard !run.isEmpty, run.count <= 6 else { return nil }
        var k = run.upperBound
        if k < t.count, isASCIILetter(t[k]) { k += 1 }  // "12a."
        guard k + 1 < t.count, t[k] == 0x2E, t[k + 1] == 0x20 else { return nil }
        let title = Array(t[(k + 2)...]).collapsingSpaces
        guard !title.isEmpty else { return nil }
        return (t.string(0..<k), title)
    }

    /// A subject line: "• Gorbachev Response …" or "SUBJECT: …".
    static func subject(_ lines: [SourceLines.Line]) -> String? {
        let t = joinedLines(lines)
        if t.starts(with: Array("•".utf8)) { return t.string(3..<t.count).trimmingSpaces }
        if t.matches("SUBJECT:", at: 0, caseInsensitive: true) { return t.string(8..<t.count).trimmingSpaces }
        return nil
    }

    // MARK: - Footnote list

    /// `  N. text`
    static func footnoteNumber(_ line: SourceLines.Line) -> (Int, [UInt8])? {
        let t = line.trimmed
        let run = t.digitRun(from: 0)
        guard !run.isEmpty, run.count <= 4, run.upperBound + 1 < t.count, t[run.upperBound] == 0x2E,
            t[run.upperBound + 1] == 0x20, let n = Int(t.string(run))
        else { return nil }
        return (n, Array(t[(run.upperBound + 2)...]))
    }

    /// Where the footnote list begins: the last numbered line "1." from which every numbered
    /// line to the end increases (or, when note 1 itself is missing, the earliest such line).
    func footnoteListStart(after title: Int) -> Int {
        var validStarts: [Int] = []
        var nextNumber = Int.max  // the number of the nearest numbered line below
        var valid = true
        for i in stride(from: lines.count - 1, to: title, by: -1) {
            guard let (n, _) = Self.footnoteNumber(lines[i]) else { continue }
            if n >= nextNumber { valid = false }
            if !valid { break }
            nextNumber = n
            validStarts.append(i)
        }
        // validStarts runs from the end backwards; prefer the nearest "1." to the end.
        if let one = validStarts.first(where: { Self.footnoteNumber(lines[$0])?.0 == 1 }) { return one }
        return validStarts.last ?? lines.count
    }

    struct NoteEntry {
        var number: Int
        var line: Int
        var paragraphs: [[UInt8]]
    }

    /// The notes from `start`: each numbered line, with the lines that continue it
    /// (a blank line before a continuation starts a new paragraph of the same note).
    func footnoteEntries(from start: Int) -> [NoteEntry] {
        var out: [NoteEntry] = []
        var blankBefore = false
        for line in lines[start...] {
            if line.isBlank { blankBefore = true; continue }
            if let (n, text) = Self.footnoteNumber(line) {
                out.append(NoteEntry(number: n, line: line.number, paragraphs: [text]))
            } else if !out.isEmpty {
                if blankBefore { out[out.count - 1].paragraphs.append(line.trimmed) }
                else { out[out.count - 1].paragraphs[out[out.count - 1].paragraphs.count - 1] += [0x20] + line.trimmed }
            }
            blankBefore = false
        }
        for i in out.indices { out[i].paragraphs = out[i].paragraphs.map(\.collapsingSpaces) }
        return out
    }

    // MARK: - Paragraphs

    struct RawParagraph {
        var lines: [SourceLines.Line]
        /// Blank lines before it (two or more set off attachments and signatures).
        var blanksBefore: Int
    }

    static func paragraphs(_ body: ArraySlice<SourceLines.Line>) -> [RawParagraph] {
        var out: [RawParagraph] = []
        var blanks = 0
        var current: [SourceLines.Line] = []
        for line in body {
            if line.isBlank {
                if !current.isEmpty { out.append(RawParagraph(lines: current, blanksBefore: blanks)); current = []; blanks = 0 }
                blanks += 1
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { out.append(RawParagraph(lines: current, blanksBefore: blanks)) }
        return out
    }

    func classify(_ paragraphs: [RawParagraph]) -> [Unit] {
        var units: [Unit] = []
        let headings = paragraphs.indices.map { k in
            ParagraphKinds.isAttachmentHeading(paragraphs[k], isLast: k == paragraphs.count - 1, isFirst: k == 0)
        }
        for (k, p) in paragraphs.enumerated() {
            let joined = joinedLines(p.lines)
            let text = TextUnit(joined)
            let isLast = k == paragraphs.count - 1
            let nextIsHeading = k + 1 < paragraphs.count && headings[k + 1]
            var kind: Unit.Kind = .paragraph
            if let page = PageMarkers.standalone(joined) {
                kind = .pageOnly(page)
            } else if headings[k] {
                kind = .attachmentHeading
                // "Attachment" / "Tab A" above the real heading is the attachment's label.
                if let prev = units.last, case .attachmentHeading = prev.kind, ParagraphKinds.isLabel(prev.text.text) {
                    units[units.count - 1].kind = .attachmentLabel
                }
            } else if ParagraphKinds.isSalutation(joined) {
                kind = .salutation
            } else if ParagraphKinds.isDateline(joined) {
                kind = .dateline
            } else if ParagraphKinds.isClosing(joined) || (ParagraphKinds.isSignature(p) && (isLast || nextIsHeading)) {
                kind = .closer
            }
            units.append(Unit(kind: kind, lines: p.lines, text: text))
        }
        return units
    }

    // MARK: - Blocks

    func buildBlocks(_ units: [Unit], markers: [Int: [FootnoteMarkers.Candidate]], number: String) -> [Block] {
        var blocks: [Block] = []
        var attachment: Attachment?
        var label: [Inline] = []
        func emit(_ b: Block) {
            if attachment != nil { attachment!.blocks.append(b) } else { blocks.append(b) }
        }
        for (k, u) in units.enumerated() {
            let inl: [Inline]
            if case .pageOnly(let page) = u.kind {
                inl = [.pageBreak(page)]
            } else {
                inl = Self.trimTrailingSpace(u.text.inlines(markers: markers[k] ?? [], volume: volumeID, document: number))
            }
            switch u.kind {
            case .attachmentLabel:
                if let a = attachment { blocks.append(.attachment(a)); attachment = nil }
                label = inl
            case .attachmentHeading:
                if let a = attachment { blocks.append(.attachment(a)) }
                attachment = Attachment(label: label, heading: inl, blocks: [])
                label = []
            case .paragraph, .pageOnly: emit(.paragraph(inl, .normal))
            case .salutation: emit(.salutation(inl))
            case .dateline: emit(.dateline(inl))
            case .closer:
                // A signature's lines stay lines.
                if u.lines.count > 1 {
                    var lined: [Inline] = []
                    for (i, line) in u.lines.enumerated() {
                        if i > 0 { lined.append(.lineBreak) }
                        lined += TextUnit(line.trimmed.collapsingSpaces).inlines(markers: [], volume: volumeID, document: number)
                    }
                    emit(.closer(markers[k] == nil ? lined : inl))
                } else {
                    emit(.closer(inl))
                }
            }
        }
        if !label.isEmpty { emit(.paragraph(label, .normal)) }
        if let a = attachment { blocks.append(.attachment(a)) }
        return blocks
    }

    static func trimTrailingSpace(_ inlines: [Inline]) -> [Inline] {
        var out = inlines
        if case .text(let s)? = out.last, s.utf8.last == 0x20 {
            var t = Substring(s)
            while t.utf8.last == 0x20 { t = t.dropLast() }
            if t.isEmpty { out.removeLast() } else { out[out.count - 1] = .text(String(t)) }
        }
        return out
    }

    // MARK: - Marker diagnostics

    mutating func reportMarkers(chosen: [Int], skipped: [Int], notes: [Int], titleLine: Int) {
        let at = SourceLocation(file: path, line: titleLine)
        let noteSet = Set(notes)
        let markerSet = Set(chosen)
        for n in skipped where noteSet.contains(n) {
            diagnostics.append(Diagnostic(.warning, "footnote marker \(n) is missing from the text (footnote \(n) is in the list)", at: at))
        }
        if notes.isEmpty, !chosen.isEmpty {
            diagnostics.append(Diagnostic(.warning, "footnote markers \(Self.spanText(chosen)) but no footnote list", at: at))
        } else {
            for n in chosen where !noteSet.contains(n) {
                diagnostics.append(Diagnostic(.warning, "footnote marker \(n) has no footnote in the list", at: at))
            }
        }
        for n in notes where !markerSet.contains(n) && !skipped.contains(n) {
            diagnostics.append(Diagnostic(.warning, "footnote marker \(n) is missing from the text (footnote \(n) has no marker)", at: at))
        }
        var seen = Set<Int>()
        for n in notes where !seen.insert(n).inserted {
            diagnostics.append(Diagnostic(.warning, "footnote \(n) appears twice in the list", at: at))
        }
    }

    static func spanText(_ n: [Int]) -> String {
        guard let f = n.first, let l = n.last else { return "" }
        return f == l ? "\(f)" : "\(f)–\(l)"
    }
}
