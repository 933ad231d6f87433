import FrusLayout
import FrusModel

/// What `p` shows: where the selected link leads — the document's title and date and its first
/// lines, the footnote's text, or the page's first lines — without going there.
public struct Peek: Sendable, Hashable {
    /// What Enter follows (nil: a marker's own footnote, nothing to follow).
    public var target: LinkTarget?
    /// "168. Letter From President Reagan …" (and ", note 3" / ", page 766").
    public var title: String
    /// "January 13, 1986", when the document has a date.
    public var date: String?
    /// The first lines of what the target shows, laid out at the overlay's width.
    public var lines: [LaidOutLine]
}

extension ReaderState {
    /// Lines a peek keeps (the overlay shows as many as fit).
    static let peekLineLimit = 40

    mutating func peek() {
        guard let view else { return }
        let width = max(1, screen.peekText.width)
        // A marker selected: its own footnote (in reading mode, the quickest way to read it).
        if focus == .document, let s = selection, view.selectables.indices.contains(s),
            case .marker(let n, _) = view.selectables[s], let note = view.document.footnote(n)
        {
            let text = Layout.footnotes(Document(volumeID: "", number: "", titleInlines: [], blocks: [], footnotes: [note]), width: width)
            overlays.append(.peek(Peek(target: nil, title: "Footnote \(note.label)", date: nil,
                                       lines: Array(text.lines.prefix(Self.peekLineLimit)))))
            return
        }
        guard let target = selectedTarget else {
            message = StatusMessage("Nothing to peek at: Tab selects a link.")
            return
        }
        switch corpus.resolve(target) {
        case .resolved(let r):
            guard let number = r.document, let doc = corpus.openDocument(volume: r.volume, number: number) else {
                message = StatusMessage("\(r.description) has no documents.", kind: .error)
                return
            }
            var title = doc.numberedTitle
            if r.volume != view.document.volumeID { title = (VolumeID(r.volume).citation ?? r.volume) + ", " + title }
            var lines: [LaidOutLine]
            if let f = r.footnote, let note = doc.footnote(f) {
                title += ", note \(note.label)"
                let one = Document(volumeID: doc.volumeID, number: doc.number, titleInlines: [], blocks: [], footnotes: [note])
                lines = Layout.footnotes(one, width: width).lines
            } else {
                let laid = layouter.document(doc, width)
                var first = 0
                if let p = r.page {
                    title += ", page \(p)"
                    first = laid.line(ofPage: p) ?? 0
                }
                lines = Array(laid.lines[min(first, laid.lines.count)...])
            }
            overlays.append(.peek(Peek(target: target, title: title, date: doc.date.flatMap(DateText.readable),
                                       lines: Array(lines.prefix(Self.peekLineLimit)))))
        case .external(let url):
            message = StatusMessage("\(url) is a web address outside the corpus.")
        case .unresolved(let reason):
            message = StatusMessage("Nothing to peek at: \(reason).", kind: .error)
        }
    }

    /// Enter in the peek: follow what it shows.
    mutating func followPeek() {
        guard case .peek(let p) = topOverlay else { return }
        overlays.removeLast()
        if let target = p.target { follow(target) }
    }
}

/// Dates as a reader writes them.
public enum DateText {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]

    /// "1986-01-13…" → "January 13, 1986"; "1986-01" → "January 1986"; "1986" → "1986";
    /// nil for anything else.
    public static func readable(_ iso: String) -> String? {
        let parts = iso.prefix(10).split(separator: "-")
        guard let year = parts.first, year.count == 4, Int(year) != nil else { return nil }
        guard parts.count > 1, let m = Int(parts[1]), (1...12).contains(m) else { return String(year) }
        guard parts.count > 2, let d = Int(parts[2]), (1...31).contains(d) else { return "\(months[m - 1]) \(year)" }
        return "\(months[m - 1]) \(d), \(year)"
    }

    /// "1986-01-13" → "Jan 13, 1986" (the navigator's narrow column).
    public static func short(_ iso: String) -> String? {
        guard let long = readable(iso) else { return nil }
        for m in months where long.hasPrefix(m) && m.count > 4 { return String(m.prefix(3)) + long.dropFirst(m.count) }
        return long
    }
}
