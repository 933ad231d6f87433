import FrusModel

/// What every citation style needs of one document (or one of its footnotes): the volume's
/// bibliography and the document's title, dateline, number, pages and address.
public struct CitationSource: Sendable {
    public var volumeID: String
    /// The volume's full title, for volumes whose header gives no separate titles.
    public var volumeTitle: String
    public var bibliography: Bibliography
    public var document: Document
    /// The footnote cited, if any (`--footnote K`, `y` on a selected footnote).
    public var footnote: Footnote?
    /// The printed pages the document stands on, first to last (empty when unknown).
    public var pages: [String]

    public init(volume: Volume, document: Document, footnote: Int? = nil) {
        volumeID = volume.id
        volumeTitle = volume.title
        bibliography = volume.bibliography
        // The volume's own copy when it has one: a document read alone (the reader's lazy
        // opening, `show`) cannot know that a page break ending the document before it is
        // where this one begins.
        let document = volume.documents.first { $0.id == document.id && $0.number == document.number } ?? document
        self.document = document
        self.footnote = footnote.flatMap { document.footnote($0) }
        pages = Self.pages(of: document, in: volume)
    }

    /// Whether the document is cited by its number ("Document 175") or, in a volume whose
    /// documents are not numbered and for a section of the front or back matter, by page. A
    /// document on no known page (a microfiche catalogue entry) has only its number.
    public var citedByNumber: Bool {
        document.kind == .document && (bibliography.documentsNumbered || pages.isEmpty)
    }

    /// "1981–1988 vol. V": the volume number without its word ("V").
    public var volumeNumber: String? {
        guard var n = bibliography.volumeNumber?.trimmingSpaces, !n.isEmpty else { return nil }
        for prefix in ["Volume ", "Vol. ", "vol. "] where n.hasPrefix(prefix) { n.removeFirst(prefix.count) }
        return n
    }

    /// The book the document is in, as one title: "Foreign Relations of the United States,
    /// 1981–1988, Volume V, Soviet Union, March 1985–October 1986".
    public var bookTitle: String { bibliography.completeTitle ?? volumeTitle }

    /// The document's (or footnote's) address on history.state.gov.
    public var url: String {
        let base = "https://history.state.gov/historicaldocuments/\(volumeID)/"
        guard let footnote else { return base + document.id }
        // The footnote's own id ("d175fn3") is its address; else made the same way.
        return base + (footnote.id ?? "\(document.id)fn\(footnote.label)")
    }

    /// The printed page the cited footnote's marker stands on ("19" for a note of an
    /// inclosure two pages into the document), else the document's first page.
    public var footnotePage: String? {
        guard let footnote else { return nil }
        var page = document.startsAtPageBreak ? nil : pages.first
        var found: String??
        func visit(_ inline: Inline) {
            guard found == nil else { return }
            switch inline {
            case .pageBreak(let p): page = p
            case .footnoteRef(let n) where n == footnote.number: found = .some(page)
            default: break
            }
        }
        (document.headLabel + document.titleInlines).forEach { $0.forEach(visit) }
        for block in document.blocks where found == nil { block.forEachInline(visit) }
        return (found ?? nil) ?? pages.first
    }

    /// "765–767", "765", nil: the page range with the given dash.
    public func pageRange(dash: String = "–") -> String? {
        guard let first = pages.first else { return nil }
        guard let last = pages.last, last != first else { return first }
        return first + dash + last
    }

    /// "Elizabeth C. Charles", "A and B", "A, B, and C".
    public static func joinedNames(_ names: [String]) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        case 2: return "\(names[0]) and \(names[1])"
        default: return names.dropLast().joined(separator: ", ") + ", and " + names.last!
        }
    }

    /// A single-line value: line breaks and runs of white space become one space.
    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The pages of a document: those beginning inside it, after the page it starts on when
    /// it does not start at a page break (the last page begun before it in the volume).
    static func pages(of document: Document, in volume: Volume) -> [String] {
        var pages = document.pageBreaks
        if !document.startsAtPageBreak, let i = volume.position(of: document.number) {
            if let before = volume.documents[..<i].reversed().lazy.compactMap({ $0.pageBreaks.last }).first {
                pages.insert(before, at: 0)
            }
        }
        return pages
    }
}

extension Document {
    /// Whether the first thing in the document (lines above the head, title, body) is a page break.
    var startsAtPageBreak: Bool {
        var result: Bool?
        let visit: (Inline) -> Void = { inline in
            guard result == nil else { return }
            switch inline {
            case .pageBreak: result = true
            case .text(let s) where !s.trimmingSpaces.isEmpty: result = false
            default: break
            }
        }
        // In reading order: the lines drawn above the head (a number or "[Telegram.]" set
        // before it), the title, the body.
        for inline in headLabel + titleInlines { inline.forEach(visit) }
        for block in blocks where result == nil { block.forEachInline(visit) }
        return result ?? false
    }
}
