import FrusModel

/// The table of contents overlay: the documents of a volume, grouped under its chapters; ← →
/// go through the other volumes of the corpus.
public struct TableOfContentsState: Sendable, Hashable {
    public var volume: String
    /// Typed text; documents whose numbered title contains it (case-insensitive) are shown.
    public var filter: String = ""
    /// Index among the shown documents (not rows: headers cannot be selected).
    public var selection: Int = 0
    /// First row shown.
    public var scroll: Int = 0
    /// Documents by date (`Tab`) rather than in volume order under their chapters.
    public var byDate = false

    public init(volume: String, filter: String = "", selection: Int = 0) {
        self.volume = volume
        self.filter = filter
        self.selection = selection
    }
}

/// A row of the table of contents.
public enum TableOfContentsRow: Sendable, Hashable {
    case chapter(title: String, depth: Int)
    /// `index`: its position among the shown documents.
    case document(number: String, title: String, isCurrent: Bool, index: Int)
}

public enum TableOfContents {
    /// The rows for `volume` with `filter` applied: chapter headings (when the volume has
    /// chapters, and only those with shown documents) and documents. Documents no chapter lists
    /// come last under "Other documents"; front matter sections first under "Front matter", back
    /// matter last under "Back matter".
    /// `byDate`: the documents in date order instead of under their chapters, undated ones last.
    /// The outline comes from the volume when it was read, else from the search index: another
    /// volume's contents show without parsing it.
    public static func rows(
        _ volume: VolumeOutline, filter: String, current: String?, byDate: Bool = false
    ) -> [TableOfContentsRow] {
        let needle = filter.lowercased()
        func shown(_ d: DocumentSummary) -> Bool {
            needle.isEmpty || "\(d.number). \(d.title)".lowercased().contains(needle)
        }
        func kind(_ d: DocumentSummary) -> DocumentKind { d.kind }
        var rows: [TableOfContentsRow] = []
        var index = 0
        func add(_ d: DocumentSummary) {
            rows.append(.document(number: d.number, title: d.title, isCurrent: d.number == current, index: index))
            index += 1
        }
        func group(_ title: String, _ docs: [DocumentSummary]) {
            guard !docs.isEmpty else { return }
            rows.append(.chapter(title: title, depth: 0))
            docs.forEach(add)
        }
        group("Front matter", volume.documents.filter { kind($0) == .front && shown($0) })
        let body = volume.documents.filter { kind($0) == .document }
        if byDate {
            let dated = body.enumerated().filter { $0.element.date != nil && shown($0.element) }
                .sorted { (a, b) in
                    let (x, y) = (DocumentDates.day(a.element.date!) ?? 0, DocumentDates.day(b.element.date!) ?? 0)
                    return x != y ? x < y : a.offset < b.offset
                }.map(\.element)
            let undated = body.filter { $0.date == nil && shown($0) }
            if !dated.isEmpty, !undated.isEmpty { rows.append(.chapter(title: "By date", depth: 0)) }
            dated.forEach(add)
            group("Undated", undated)
        } else if volume.chapters.isEmpty {
            body.filter(shown).forEach(add)
        } else {
            var listed = Set<String>()
            var pendingHeadings: [TableOfContentsRow] = []
            for chapter in volume.chapters {
                // Parent headings are kept until a document below them is shown.
                pendingHeadings.removeAll { if case .chapter(_, let depth) = $0 { return depth >= chapter.depth } else { return false } }
                pendingHeadings.append(.chapter(title: chapter.title, depth: chapter.depth))
                let docs = chapter.documentNumbers.compactMap { volume.document(number: $0) }.filter { kind($0) == .document }
                listed.formUnion(docs.map(\.number))
                let visible = docs.filter(shown)
                guard !visible.isEmpty else { continue }
                rows += pendingHeadings
                pendingHeadings.removeAll()
                visible.forEach(add)
            }
            group("Other documents", body.filter { !listed.contains($0.number) && shown($0) })
        }
        group("Back matter", volume.documents.filter { kind($0) == .back && shown($0) })
        return rows
    }

    /// The number of the shown document at `index`.
    public static func document(at index: Int, in rows: [TableOfContentsRow]) -> String? {
        for row in rows {
            if case .document(let number, _, _, let i) = row, i == index { return number }
        }
        return nil
    }

    public static func documentCount(_ rows: [TableOfContentsRow]) -> Int {
        rows.reduce(0) { if case .document = $1 { return $0 + 1 } else { return $0 } }
    }

    /// The row showing document `index`.
    public static func row(ofDocument index: Int, in rows: [TableOfContentsRow]) -> Int? {
        rows.firstIndex { if case .document(_, _, _, let i) = $0 { return i == index } else { return false } }
    }
}
