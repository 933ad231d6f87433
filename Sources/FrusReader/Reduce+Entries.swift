import FrusFind
import FrusLayout
import FrusModel

/// Persons and terms: `K` (hints on the mentions in view), the entry overlay with the documents
/// mentioning it, `P` (every entry of the volume, filtered by typing), `:who`.
extension ReaderState {
    /// The volume of the open document, when its lists have entries; else says why not.
    mutating func volumeWithEntries() -> Volume? {
        guard let doc = document, let volume = corpus.volume(doc.volumeID) else {
            message = StatusMessage("No volume is open.", kind: .error)
            return nil
        }
        guard !volume.persons.isEmpty || !volume.terms.isEmpty else {
            message = StatusMessage("This volume has no persons or terms lists (plain-text volumes have none).")
            return nil
        }
        return volume
    }

    /// `K`: one mention in view opens its entry; several get hint letters.
    mutating func showMentionHints() {
        guard volumeWithEntries() != nil else { return }
        let hints = mentionHints
        switch hints.count {
        case 0: message = StatusMessage("No person or term is mentioned in view.")
        case 1: openEntry(hints[0].mention)
        default:
            overlays.append(.mentionHints(typed: ""))
            message = StatusMessage("K: \(hints.count) persons and terms in view · type the letters beside one · Esc cancels")
        }
    }

    /// A letter typed while the hints show.
    mutating func typeMentionHint(_ key: Key) {
        guard case .mentionHints(let typed)? = topOverlay else { return }
        var text = typed
        switch key {
        case .char(let c): text.append(contentsOf: c.lowercased())
        case .backspace, .delete:
            if text.isEmpty { overlays.removeLast(); return }
            text.removeLast()
        default: return
        }
        let hints = mentionHints
        if let hit = hints.first(where: { $0.label == text }) {
            overlays.removeLast()
            openEntry(hit.mention)
        } else if hints.contains(where: { $0.label.hasPrefix(text) }) {
            overlays[overlays.count - 1] = .mentionHints(typed: text)
            message = StatusMessage("K \(text)… · Esc cancels")
        } else {
            overlays.removeLast()
            message = StatusMessage("No mention is marked “\(text)”.", kind: .error)
        }
    }

    /// Opens the entry overlay of `mention` in the open document's volume, the open document
    /// selected among those mentioning it.
    mutating func openEntry(_ mention: Mention) {
        guard let doc = document, let volume = corpus.volume(doc.volumeID) else { return }
        let row = Entries.row(mention, in: volume)
            ?? EntryRow(mention: mention, name: mention.entryID, description: "Not in the volume's persons or terms list.")
        var entry = EntryState(volume: volume.id, entry: row, mentionedIn: Entries.mentionedIn(mention, volume: volume))
        entry.selection = entry.mentionedIn.firstIndex { $0.number == doc.number } ?? 0
        // Other volumes know the entry by its name only: the search index is asked for it (once
        // a session per entry), unless this volume is the whole corpus.
        if corpus.sources.count > 1, let request = Entries.elsewhereRequest(for: row, volume: volume.id) {
            if let hits = elsewhereFound[request] {
                entry.elsewhere = .found(request, hits)
                entry.elsewhereDates = dates(of: hits)
            } else {
                entry.elsewhere = .searching(request)
                elsewhereToAsk = request
            }
        }
        overlays.append(.entry(entry))
    }

    /// The index answered: the entry overlays waiting for it (open or under another) show it.
    mutating func finishElsewhere(_ request: ElsewhereRequest, _ hits: [SearchHit]?, failure: String? = nil) {
        let outcome: ElsewhereMentions
        if let hits {
            // The index ranks its hits; the entry's own volume is left out here as well, so
            // that the list never repeats "Mentioned in".
            let others = hits.filter { $0.volumeID != request.volume }
            elsewhereFound[request] = others
            outcome = .found(request, others)
        } else {
            outcome = .unavailable(failure.map { "the search failed: \($0)" }
                ?? "no search index yet (S builds it; then K shows the other volumes too)")
        }
        for i in overlays.indices {
            guard case .entry(var entry) = overlays[i], case .searching(let asked) = entry.elsewhere, asked == request
            else { continue }
            entry.elsewhere = outcome
            entry.elsewhereDates = dates(of: entry.elsewhereHits)
            overlays[i] = .entry(entry)
        }
    }

    /// Each hit's document date, from its volume's outline (the index keeps it).
    private func dates(of hits: [SearchHit]) -> [String?] {
        var outlines: [String: VolumeOutline?] = [:]
        return hits.map { hit in
            if outlines[hit.volumeID] == nil { outlines[hit.volumeID] = corpus.outline(ofVolume: hit.volumeID) }
            return outlines[hit.volumeID]??.document(number: hit.number)?.date
        }
    }

    mutating func moveInEntry(_ delta: Int) {
        guard case .entry(var entry)? = topOverlay, entry.selectableCount > 0 else { return }
        entry.selection = min(max(0, entry.selection + delta), entry.selectableCount - 1)
        overlays[overlays.count - 1] = .entry(entry)
    }

    /// Enter on a "Mentioned in" line: that document, at its first mention of the entry (a jump);
    /// on a line of another volume, that document at its first match of the name.
    mutating func openSelectedMention() {
        guard case .entry(let entry)? = topOverlay, entry.selection < entry.selectableCount else { return }
        overlays.removeAll { $0.isEntryOverlay }
        if entry.mentionedIn.indices.contains(entry.selection) {
            jump(to: entry.volume, entry.mentionedIn[entry.selection].number, landing: .mention(entry.entry.mention))
            return
        }
        guard case .found(let request, let hits) = entry.elsewhere else { return }
        let hit = hits[entry.selection - entry.mentionedIn.count]
        guard corpus.document(volume: hit.volumeID, number: hit.number) != nil else {
            message = unavailable(hit.volumeID, hit.number)
            return
        }
        search = FindState(pattern: .terms(request.query), label: request.text, view: nil)
        jump(to: hit.volumeID, hit.number, landing: .firstMatch)
    }

    /// `P`: every person and term of the volume.
    mutating func openEntries(filter: String = "") {
        guard let volume = volumeWithEntries() else { return }
        overlays.append(.entries(EntriesState(volume: volume.id, all: Entries.rows(of: volume), filter: filter)))
    }

    mutating func editEntriesFilter(_ key: Key) {
        guard case .entries(var list)? = topOverlay else { return }
        switch key {
        case .char(let c): list.filter.append(c)
        case .backspace, .delete: if !list.filter.isEmpty { list.filter.removeLast() }
        case .ctrl("u"): list.filter = ""
        default: return
        }
        list.refilter()
        list.selection = 0
        list.scroll = 0
        overlays[overlays.count - 1] = .entries(list)
    }

    /// Rows the persons-and-terms list shows at once (the overlay's inner height, less the filter).
    public var entriesHeight: Int { max(1, screen.height - 7) }

    mutating func moveInEntries(_ delta: Int) {
        guard case .entries(var list)? = topOverlay, !list.shown.isEmpty else { return }
        list.selection = min(max(0, list.selection + delta), list.shown.count - 1)
        if list.selection < list.scroll { list.scroll = list.selection }
        if list.selection >= list.scroll + entriesHeight { list.scroll = list.selection - entriesHeight + 1 }
        overlays[overlays.count - 1] = .entries(list)
    }

    mutating func openSelectedEntry() {
        guard case .entries(let list)? = topOverlay else { return }
        guard list.shown.indices.contains(list.selection) else {
            message = StatusMessage("No person or term matches “\(list.filter)”.", kind: .error)
            return
        }
        openEntry(list.all[list.shown[list.selection]].mention)
    }

    /// `:who QUERY`: one entry opens; several open the list filtered by the query.
    mutating func who(_ query: String) {
        let query = query.trimmingSpaces
        guard !query.isEmpty else {
            openEntries()
            return
        }
        guard let volume = volumeWithEntries() else { return }
        let rows = Entries.rows(of: volume)
        let found = Entries.lookUp(query, in: rows)
        switch found.count {
        case 0: message = StatusMessage("No person or term in this volume matches “\(query)”.", kind: .error)
        case 1: openEntry(found[0].mention)
        default:
            var list = EntriesState(volume: volume.id, all: rows, filter: query)
            // Exact matches (two persons of one surname) may not all contain the query as typed.
            let wanted = Set(found.map(\.mention))
            list.shown = rows.indices.filter { wanted.contains(rows[$0].mention) }
            overlays.append(.entries(list))
            message = StatusMessage("\(found.count) persons and terms match “\(query)”.")
        }
    }

    /// Where a jump to an entry's mention lands: its first occurrence in the text, else in the
    /// footnotes (that footnote shown, its marker selected).
    mutating func revealFirstMention(_ mention: Mention) {
        guard let view else { return }
        if let m = view.documentLayout.mentions.first(where: { $0.mention == mention }) {
            let last = m.spans.last?.line ?? m.firstLine
            scroll = Self.reveal(m.firstLine...last, offset: scroll, height: documentHeight, total: view.documentLayout.lines.count)
            return
        }
        guard let m = view.footnoteLayout.mentions.first(where: { $0.mention == mention }),
            let (n, _) = view.footnoteLayout.footnoteLines.first(where: { $0.value.contains(m.firstLine) })
        else { return }
        selection = view.selectableIndex(ofMarker: n)
        ensureDocumentSelectionVisible()
        revealFootnoteLines(m.firstLine..<(m.firstLine + 1))
    }
}

extension Overlay {
    /// The overlays of persons and terms (closed together when a document opens from one).
    var isEntryOverlay: Bool {
        switch self {
        case .mentionHints, .entry, .entries: return true
        default: return false
        }
    }
}
