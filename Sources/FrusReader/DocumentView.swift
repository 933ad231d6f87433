import FrusLayout
import FrusModel

/// Something the document pane's Tab visits. Reading order: each footnote marker is followed by
/// the links of its footnote (read beside the text in the footnote pane), so "See Document 168"
/// in footnote 2 is reached by Tab from the text without changing panes.
public enum Selectable: Sendable, Hashable {
    /// Footnote marker `footnote`; `reference` indexes `documentLayout.references`.
    case marker(footnote: Int, reference: Int)
    /// A link in the body; `reference` indexes `documentLayout.references`.
    case bodyLink(LinkTarget, reference: Int)
    /// A link in footnote `footnote`; `reference` indexes `footnoteLayout.references`.
    case footnoteLink(LinkTarget, footnote: Int, reference: Int)

    public var target: LinkTarget? {
        switch self {
        case .marker: return nil
        case .bodyLink(let t, _), .footnoteLink(let t, _, _): return t
        }
    }

    /// The footnote this selection belongs to (its marker, or the footnote a link stands in).
    public var footnote: Int? {
        switch self {
        case .marker(let n, _), .footnoteLink(_, let n, _): return n
        case .bodyLink: return nil
        }
    }
}

/// A row of the link navigator.
public enum NavigatorRow: Sendable, Hashable {
    /// Entry `index` of `navigatorTargets`.
    case entry(Int)
    case header(String)
    /// A line of explanation ("none in the volumes loaded").
    case note(String)
}

/// An entry of the link navigator: a reference of this document, or a document citing it.
public struct NavigatorEntry: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case reference(Reference, LinkResolution)
        case citedBy(volume: String, number: String)
    }
    public var kind: Kind
    /// "¶", "note 3", "←"
    public var site: String
    /// "→ 168. Letter From President Reagan …", "✗ Document 136 is not in this corpus"
    public var text: String
    public var isResolved: Bool
    /// Cited by: the footnote of the citing document where the citation stands (nil: its text).
    public var citingFootnote: Int? = nil
}

/// The open document and everything derived from it for the current pane widths: computed when
/// the document or a width changes, so that keys stay fast.
public struct DocumentView: Sendable {
    public var document: Document
    public var volumeShortTitle: String
    public var documentLayout: LaidOutText
    public var footnoteLayout: LaidOutText
    public var selectables: [Selectable]
    public var navigator: [NavigatorEntry]
    public var navigatorRows: [NavigatorRow]

    public init(document: Document, corpus: Corpus, screen: ScreenLayout, layouter: Layouter) {
        self.document = document
        volumeShortTitle = VolumeID(document.volumeID).citation ?? document.volumeID
        documentLayout = layouter.document(document, max(1, screen.documentText.width))
        footnoteLayout = layouter.footnotes(document, max(1, screen.footnotesText.width))
        selectables = Self.selectables(documentLayout, footnoteLayout)
        (navigator, navigatorRows) = Self.navigator(document, corpus: corpus)
    }

    /// A document shown before at the same widths: its kept layouts, a new navigator.
    init(document: Document, corpus: Corpus, reusing kept: RecentLayouts.Entry) {
        self.document = document
        volumeShortTitle = VolumeID(document.volumeID).citation ?? document.volumeID
        documentLayout = kept.documentLayout
        footnoteLayout = kept.footnoteLayout
        selectables = kept.selectables
        (navigator, navigatorRows) = Self.navigator(document, corpus: corpus)
    }

    /// The navigator made again (a volume was read since: cited-by, link targets' titles),
    /// the layouts kept.
    public func renavigated(corpus: Corpus) -> DocumentView {
        var copy = self
        (copy.navigator, copy.navigatorRows) = Self.navigator(document, corpus: corpus)
        return copy
    }

    /// The same document laid out for another screen size (navigator kept: it has no width).
    public func relaidOut(for screen: ScreenLayout, layouter: Layouter) -> DocumentView {
        var copy = self
        let docWidth = max(1, screen.documentText.width)
        let notesWidth = max(1, screen.footnotesText.width)
        if docWidth != documentLayout.width || notesWidth != footnoteLayout.width {
            if docWidth != documentLayout.width { copy.documentLayout = layouter.document(document, docWidth) }
            if notesWidth != footnoteLayout.width { copy.footnoteLayout = layouter.footnotes(document, notesWidth) }
            copy.selectables = Self.selectables(copy.documentLayout, copy.footnoteLayout)
        }
        return copy
    }

    static func selectables(_ doc: LaidOutText, _ notes: LaidOutText) -> [Selectable] {
        var linksByFootnote: [Int: [Selectable]] = [:]
        var noteOrder: [Int] = []
        for (i, ref) in notes.references.enumerated() {
            guard case .link(let target, _) = ref.kind, case .footnote(let n) = ref.site else { continue }
            if linksByFootnote[n] == nil { noteOrder.append(n) }
            linksByFootnote[n, default: []].append(.footnoteLink(target, footnote: n, reference: i))
        }
        var out: [Selectable] = []
        var placed = Set<Int>()
        for (i, ref) in doc.references.enumerated() {
            switch ref.kind {
            case .marker(let n):
                out.append(.marker(footnote: n, reference: i))
                if placed.insert(n).inserted { out += linksByFootnote[n] ?? [] }
            case .link(let target, _):
                out.append(.bodyLink(target, reference: i))
            }
        }
        // Links of footnotes with no marker in the text still get a place: at the end.
        for n in noteOrder where !placed.contains(n) { out += linksByFootnote[n] ?? [] }
        return out
    }

    static func navigator(_ doc: Document, corpus: Corpus) -> ([NavigatorEntry], [NavigatorRow]) {
        var entries: [NavigatorEntry] = []
        var rows: [NavigatorRow] = []
        let references = doc.references
        if references.isEmpty { rows.append(.note("No cross-references.")) }
        for ref in references {
            let resolution = corpus.resolve(ref.target)
            let site: String
            switch ref.site {
            case .body: site = "¶"
            case .footnote(let n): site = "note \(doc.footnote(n)?.markerLabel ?? String(n))"
            }
            rows.append(.entry(entries.count))
            entries.append(NavigatorEntry(
                kind: .reference(ref, resolution), site: site,
                text: Self.describe(ref.target, resolution, corpus: corpus), isResolved: resolution.isResolved))
        }
        rows.append(.header("Cited by"))
        // Only volumes read so far are searched: the open document's own volume may still be
        // being read (lazy opening); the navigator is made again once it is (`.volumeRead`).
        let citing = corpus.citedBy(doc)
        let reading = !corpus.isLoaded(doc.volumeID) && corpus.problem(ofVolume: doc.volumeID) == nil
        if reading {
            rows.append(.note("Reading the rest of the volume…"))
        } else if citing.isEmpty {
            rows.append(.note("No loaded document links here."))
        }
        for d in citing {
            for site in citingSites(in: d, of: doc, corpus: corpus) {
                rows.append(.entry(entries.count))
                entries.append(NavigatorEntry(
                    kind: .citedBy(volume: d.volumeID, number: d.number), site: "←",
                    text: citedByText(d, site: site, from: doc), isResolved: true, citingFootnote: site))
            }
        }
        return (entries, rows)
    }

    /// Where document `d` cites `doc`: its footnotes (nil: its text), each once, in order.
    static func citingSites(in d: Document, of doc: Document, corpus: Corpus) -> [Int?] {
        var sites: [Int?] = []
        for ref in d.references {
            guard case .resolved(let r) = corpus.resolve(ref.target), r.volume == doc.volumeID, r.document == doc.number else { continue }
            let site: Int?
            if case .footnote(let n) = ref.site { site = n } else { site = nil }
            if !sites.contains(site) { sites.append(site) }
        }
        // A page citation the index found but the references do not show: the document itself.
        return sites.isEmpty ? [nil] : sites
    }

    /// "175 n. 2 · Jan 13, 1986 · Memorandum From …": what cites, where, and when first, so that
    /// entries cut to the pane's width still differ.
    static func citedByText(_ d: Document, site: Int?, from doc: Document) -> String {
        var where_ = d.volumeID == doc.volumeID ? d.number : "\(VolumeID(d.volumeID).citation ?? d.volumeID) \(d.number)"
        if let n = site { where_ += " n. \(d.footnote(n)?.label ?? String(n))" }
        var parts = [where_]
        if let date = DocumentDates.display(d.date, d.dateEnd) { parts.append(date) }
        parts.append(d.title)
        return parts.joined(separator: " · ")
    }

    /// "→ 168. Letter From …" for a target in the corpus; "✗ reason" for one that is not.
    static func describe(_ target: LinkTarget, _ resolution: LinkResolution, corpus: Corpus) -> String {
        switch resolution {
        case .resolved(let r):
            // The title from the volume if it was read, else from its outline: naming a target
            // never parses its volume when the search index has the outline.
            guard let number = r.document, let doc = corpus.documentTitle(volume: r.volume, number: number) else {
                return "→ " + r.description
            }
            var text = "→ \(doc.number). \(doc.title)"
            if let f = r.footnote { text += ", note \(f)" }
            if let p = r.page { text += ", page \(p)" }
            return text
        case .external(let url): return "↗ " + url
        case .unresolved(let reason): return "✗ " + reason
        }
    }

    /// The line a selectable is seen at in the document pane (a footnote link: its marker's line).
    public func documentLine(of selectable: Selectable) -> Int? {
        switch selectable {
        case .marker(_, let r), .bodyLink(_, let r):
            return documentLayout.references.indices.contains(r) ? documentLayout.references[r].firstLine : nil
        case .footnoteLink(_, let n, _):
            return documentLayout.references.first { if case .marker(n) = $0.kind { return true } else { return false } }?.firstLine
        }
    }

    /// The position in `selectables` of footnote `n`'s marker.
    public func selectableIndex(ofMarker n: Int) -> Int? {
        selectables.firstIndex { if case .marker(n, _) = $0 { return true } else { return false } }
    }

    /// The row of the navigator that shows entry `index`.
    public func navigatorRow(ofEntry index: Int) -> Int? {
        navigatorRows.firstIndex(of: .entry(index))
    }

    /// The footnote of the first marker whose line is in `lines`.
    public func firstMarker(in lines: Range<Int>) -> Int? {
        for ref in documentLayout.references {
            if case .marker(let n) = ref.kind, lines.contains(ref.firstLine) { return n }
        }
        return nil
    }
}
