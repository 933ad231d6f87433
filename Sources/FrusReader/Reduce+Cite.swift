import FrusModel
import FrusWriters

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

    /// What a citation of the open document (or of its footnote `footnote`) is made from.
    func citationSource(footnote: Int? = nil) -> CitationSource? {
        guard let doc = document, let volume = corpus.volume(doc.volumeID) else { return nil }
        return CitationSource(volume: volume, document: doc, footnote: footnote)
    }

    /// "https://history.state.gov/historicaldocuments/frus1981-88v05/d175" (…`/d175fn3` for a footnote).
    public func historyAddress(footnote: Int? = nil) -> String? { citationSource(footnote: footnote)?.url }

    /// The Chicago note `y` copies (FrusWriters' `ChicagoCitation`, as `frusread cite` prints).
    public func citation(footnote: Int? = nil) -> String? {
        citationSource(footnote: footnote).map(ChicagoCitation.note)
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

