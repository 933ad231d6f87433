import FrusModel

/// `y`, `Y`, `o`: the citation and the history.state.gov address of what is being read.
extension ReaderState {
    /// The footnote the reader has picked: selected in the footnote pane, a selected marker (or
    /// a link in its footnote), or a footnote link in the navigator. Nil when none is: then the
    /// document is cited, not the footnote that happens to be highlighted.
    public var selectedFootnote: Int? {
        guard let view else { return nil }
        switch focus {
        case .footnotes:
            return currentFootnote
        case .links:
            guard let s = linkSelection, view.navigator.indices.contains(s),
                case .reference(let r, _) = view.navigator[s].kind, case .footnote(let n) = r.site
            else { return nil }
            return n
        case .document:
            guard let s = selection, view.selectables.indices.contains(s) else { return nil }
            return view.selectables[s].footnote
        }
    }

    /// "https://history.state.gov/historicaldocuments/frus1981-88v05/d175" (with "fn3" for a footnote).
    public func historyAddress(footnote: Int? = nil) -> String? {
        guard let doc = document else { return nil }
        var address = "https://history.state.gov/historicaldocuments/\(doc.volumeID)/\(doc.id)"
        if let n = footnote, let note = doc.footnote(n) {
            // The source's own id ("d175fn3") is the anchor; else the printed label.
            if let id = note.id, id.hasPrefix(doc.id) { address += id.dropFirst(doc.id.count) }
            else { address += "fn\(note.label)" }
        }
        return address
    }

    /// The citation `y` copies.
    public func citation(footnote: Int? = nil) -> String? {
        guard let doc = document, let address = historyAddress(footnote: footnote) else { return nil }
        let volume = corpus.loadedVolume(doc.volumeID)
        return ReaderCitation.chicago(doc, volume: volume, footnote: footnote.flatMap { doc.footnote($0)?.label }, address: address)
    }

    mutating func copyCitation() -> [Effect] {
        hand(citation(footnote: selectedFootnote), saying: "Copied: ", Effect.copyToClipboard)
    }

    mutating func copyAddress() -> [Effect] {
        hand(historyAddress(footnote: selectedFootnote), saying: "Copied: ", Effect.copyToClipboard)
    }

    mutating func openAddress() -> [Effect] {
        hand(historyAddress(footnote: selectedFootnote), saying: "Opening ", Effect.openURL)
    }

    /// The effect on `text`, told on the status line; nil text: there is no document.
    private mutating func hand(_ text: String?, saying prefix: String, _ effect: (String) -> Effect) -> [Effect] {
        guard let text else {
            message = StatusMessage("No document is open.", kind: .error)
            return []
        }
        message = StatusMessage(prefix + text)
        return [effect(text)]
    }
}

/// The Chicago note the reader copies. One call site: when FrusWriters has its Chicago writer,
/// `chicago` calls it instead of this short form.
enum ReaderCitation {
    static func chicago(_ doc: Document, volume: Volume?, footnote: String?, address: String) -> String {
        var parts: [String] = [doc.title]
        if let dateline = doc.dateline?.trimmingSpaces, !dateline.isEmpty { parts.append(dateline) }
        let book = volume?.title ?? doc.volumeID
        parts.append("in " + book)
        parts.append(doc.kind == .document ? "Document \(doc.number)" : doc.title)
        if let footnote { parts.append("note \(footnote)") }
        parts.append(address)
        return parts.joined(separator: ", ")
    }
}
