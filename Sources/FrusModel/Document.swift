/// One FRUS document: its number and title, body blocks and footnotes.
public struct Document: Sendable, Hashable {
    /// The volume this document belongs to ("frus1981-88v05").
    public var volumeID: String
    /// The number as printed ("175"; a string: some volumes number "12a" or use "ed1").
    public var number: String
    /// The source's id ("d175").
    public var id: String
    /// The title as inlines; may hold the source note's footnote marker.
    public var titleInlines: [Inline]
    /// The subject line ("Gorbachev Response to Your Human Rights Letter"), if any.
    public var subject: String?
    /// Place and date as printed ("Washington, January 13, 1986"), if any. Metadata: when the
    /// dateline also stands in `blocks` (as `.dateline`), that block is where it is drawn.
    public var dateline: String?
    /// The date as ISO 8601 ("1986-01-13" or a full timestamp), if known: the earliest the
    /// source gives (TEI `frus:doc-dateTime-min`, else the dateline's `date/@when|from|notBefore`).
    public var date: String?
    /// The latest date the source gives, when it gives a range (`frus:doc-dateTime-max`,
    /// `date/@to|notAfter`) that differs from `date`.
    public var dateEnd: String?
    /// Where the document stands in its volume: a document proper, or a section of the front or
    /// back matter (preface, sources, persons, index …), read and laid out the same way.
    public var kind: DocumentKind = .document
    /// Where it was written ("Washington", "Moscow"), from the dateline's `placeName`, if any.
    public var place: String?
    /// The classification marking parsed from the source note ("Secret; Sensitive"), if any.
    public var classification: String?
    /// Sender and recipient names as the source types them (TEI `persName type="from|to"`),
    /// used by older volumes whose heads read "Mr. Baker to Mr. Gresham."
    public var senders: [String] = []
    public var recipients: [String] = []
    /// The number as the head prints it ("No. 12."), when the head begins with it: the title
    /// is then the rest of the head, and the heading shows this instead of "12."; "" when the
    /// number is printed on a line of its own above the head (in `headLabel`).
    public var printedNumber: String?
    /// A catalogue entry of a scanned document (microfiche supplements): its page count and
    /// where the scan is, for a reader to open.
    public var scan: Scan?
    /// Lines the source prints above the heading, before the head: the file citation of
    /// older volumes ("500.A15a3/1208: Telegram", TEI `note rend="inline"` before `head`).
    /// Plain text, page breaks and styles only (no links, markers or mentions).
    public var headLabel: [Inline] = []
    public var blocks: [Block]
    public var footnotes: [Footnote]
    /// Where it was read from, for messages.
    public var source: SourceLocation?

    public init(
        volumeID: String, number: String, id: String? = nil, titleInlines: [Inline],
        subject: String? = nil, dateline: String? = nil, date: String? = nil,
        blocks: [Block], footnotes: [Footnote], source: SourceLocation? = nil
    ) {
        self.volumeID = volumeID
        self.number = number
        self.id = id ?? "d\(number)"
        self.titleInlines = titleInlines
        self.subject = subject
        self.dateline = dateline
        self.date = date
        self.blocks = blocks
        self.footnotes = footnotes
        self.source = source
    }

    /// The title as plain text.
    public var title: String { titleInlines.plainText.trimmingSpaces }

    /// "175. Memorandum From Secretary of State Shultz to President Reagan"; a section of the
    /// front or back matter by its title alone ("Preface").
    public var numberedTitle: String { kind == .document ? "\(number). \(title)" : title }

    /// The attachments, in order (they also stand in `blocks` where they occur).
    public var attachments: [Attachment] {
        blocks.compactMap { if case .attachment(let a) = $0 { return a } else { return nil } }
    }

    public func footnote(_ number: Int) -> Footnote? { footnotes.first { $0.number == number } }

    /// The footnote a link's footnote part names (`#d12fn2` → 2, "footnote 1 of Document 12"
    /// → 1): first the note whose source id is the document's id + "fn" + it (ids count notes
    /// in order even where printed labels repeat), then the only note printed with that label,
    /// then the note of that number.
    public func footnote(linkedAs n: Int) -> Footnote? {
        let anchor = "\(id)fn\(n)"
        if let byID = footnotes.first(where: { $0.id == anchor }) { return byID }
        let label = String(n)
        let labelled = footnotes.filter { $0.label == label }
        if labelled.count == 1 { return labelled[0] }
        return footnote(n)
    }

    /// "12. " or, for a head that prints its number, "No. 12. " — what the heading starts with;
    /// nothing when the number is printed on a line of its own above (`printedNumber` "").
    public var headingNumber: String {
        if let printedNumber { return printedNumber.isEmpty ? "" : printedNumber + " " }
        return number.isEmpty ? "" : "\(number). "
    }

    /// Every cross-reference of the document in reading order: title, body, then footnotes.
    public var references: [Reference] {
        var out: [Reference] = []
        for inline in titleInlines {
            inline.forEach { if case .link(let t, let l) = $0 { out.append(Reference(site: .body, target: t, label: l.plainText)) } }
        }
        for block in blocks {
            block.forEachInline {
                if case .link(let t, let l) = $0 { out.append(Reference(site: .body, target: t, label: l.plainText)) }
            }
        }
        for note in footnotes {
            for block in note.blocks {
                block.forEachInline {
                    if case .link(let t, let l) = $0 {
                        out.append(Reference(site: .footnote(note.number), target: t, label: l.plainText))
                    }
                }
            }
        }
        return out
    }

    /// The footnote markers in the title and body, in reading order.
    public var markerNumbers: [Int] {
        var out: [Int] = []
        let visit: (Inline) -> Void = { if case .footnoteRef(let n) = $0 { out.append(n) } }
        titleInlines.forEach { $0.forEach(visit) }
        blocks.forEach { $0.forEachInline(visit) }
        return out
    }

    /// The printed pages that begin in this document (title, body and footnotes), in order.
    public var pageBreaks: [String] {
        var out: [String] = []
        let visit: (Inline) -> Void = { if case .pageBreak(let p) = $0 { out.append(p) } }
        headLabel.forEach { $0.forEach(visit) }
        titleInlines.forEach { $0.forEach(visit) }
        blocks.forEach { $0.forEachInline(visit) }
        return out
    }

    /// Title, subject and body as plain text (no footnotes).
    public var bodyText: String {
        ([headLabel.plainText.trimmingSpaces, title, subject ?? ""] + blocks.map(\.plainText)).filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

/// A cross-reference and where it stands.
public struct Reference: Sendable, Hashable {
    public var site: ReferenceSite
    public var target: LinkTarget
    /// The text of the reference ("Document 168").
    public var label: String

    public init(site: ReferenceSite, target: LinkTarget, label: String) {
        self.site = site
        self.target = target
        self.label = label
    }
}

extension Document {
    /// "body", "footnote 21": where a reference stands, a footnote named by its printed label
    /// (a volume's notes may be numbered 21, 22 … in a document whose first note is 21).
    public func describe(_ site: ReferenceSite) -> String {
        guard case .footnote(let n) = site, let note = footnote(n) else { return site.description }
        return "footnote \(note.markerLabel)"
    }
}

/// Where a reference stands: in the document's body or in one of its footnotes.
public enum ReferenceSite: Sendable, Hashable, CustomStringConvertible {
    case body
    case footnote(Int)

    /// "body", "footnote 3"
    public var description: String {
        switch self {
        case .body: return "body"
        case .footnote(let n): return "footnote \(n)"
        }
    }
}

/// A place in an input file, for messages.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// "path/to/file.txt:12:3"
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if let line = line, let column, line > 0 { s += ":\(column)" }
        return s
    }
}

extension String {
    /// The string without leading and trailing white space (Unicode White_Space: spaces,
    /// tabs, line ends, NEL, no-break spaces). Trims scalars, not Characters: linear and fast
    /// however much white space there is (a `<pb n="…">` of 9 MB of spaces took 1.3 s a
    /// Character at a time).
    public var trimmingSpaces: String {
        let utf8 = self.utf8
        // Most strings start and end with a printable ASCII byte: nothing to trim.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return self
        }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isWhiteSpace }) else { return "" }
        var end = scalars.endIndex
        while end > start {
            let before = scalars.index(before: end)
            if !scalars[before].isWhiteSpace { break }
            end = before
        }
        if start == scalars.startIndex && end == scalars.endIndex { return self }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}

extension Document {
    /// Where the markers and the footnote list disagree, as messages naming the marker:
    /// "footnote marker 3 is missing from the text (footnote 3 has no marker)".
    public var footnoteProblems: [String] {
        let markers = markerNumbers
        let markerSet = Set(markers)
        let notes = Set(footnotes.map(\.number))
        var out: [String] = []
        if footnotes.isEmpty, !markers.isEmpty {
            out.append("footnote markers \(markers.map(String.init).joined(separator: ", ")) but no footnote list")
            return out
        }
        for n in markers where !notes.contains(n) {
            out.append("footnote marker \(n) has no footnote in the list")
        }
        for n in footnotes.map(\.number) where !markerSet.contains(n) {
            out.append("footnote marker \(n) is missing from the text (footnote \(n) has no marker)")
        }
        return out
    }
}

/// A document known as a catalogue entry of a scan (microfiche supplements): `frus:page-count-
/// according-to-citation`, `frus:file`, `frus:pdf`.
public struct Scan: Sendable, Hashable {
    /// Pages of the scanned original, as the citation gives them.
    public var pages: Int?
    /// Where the scan is (a web address or a file name as the source gives it).
    public var address: String?

    public init(pages: Int? = nil, address: String? = nil) {
        self.pages = pages
        self.address = address
    }

    /// "71 pages, scanned: https://…"; "scanned: …" or "71 pages" when one is unknown.
    public var summary: String {
        var parts: [String] = []
        if let pages { parts.append(pages == 1 ? "1 page" : "\(pages) pages") }
        if let address { parts.append("scanned: \(address)") }
        return parts.joined(separator: ", ")
    }
}

/// Where a document stands in its volume (`list --json`'s `"kind"`).
public enum DocumentKind: String, Sendable, Hashable, CaseIterable {
    /// A document of the volume's body (or an appendix document read like one).
    case document
    /// A section of the front matter: preface, sources, abbreviations and terms, persons …
    case front
    /// A section of the back matter: an appendix, the index …
    case back
}

extension Unicode.Scalar {
    /// Unicode's White_Space property, answered without a table look-up for ASCII (the look-up
    /// costs ~100 ns: 9 MB of spaces took a second through it).
    @inline(__always)
    public var isWhiteSpace: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }
}
