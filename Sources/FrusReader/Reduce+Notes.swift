import FrusFind
import FrusLayout
import FrusModel

/// The user's notes in the reader: `a` writes one (the app runs the editor or the status-line
/// prompt asks for it), and a document's notes are shown as footnotes of their own — a marker
/// `[n]` at the end of the anchored paragraph, the note in the footnote pane — so that Tab, Enter,
/// `/` and `n` reach them like any footnote.
extension ReaderState {
    /// `a`: a note on the selected reference, else on the paragraph at the top of the view.
    mutating func addNote() -> [Effect] {
        guard let view, let doc = document else {
            message = StatusMessage("No document is open.", kind: .error)
            return []
        }
        let (anchor, quote) = noteAnchor(view)
        let request = NoteRequest(
            volume: doc.volumeID, document: doc.number, anchor: anchor.description, quote: quote,
            title: doc.numberedTitle)
        return [.editNote(request)]
    }

    /// No editor: the note is typed on the status line.
    mutating func openNotePrompt(_ request: NoteRequest) {
        memory.pendingNote = request
        openPrompt(.note)
    }

    /// Enter on the note prompt.
    mutating func finishNotePrompt(_ text: String) -> [Effect] {
        commandLine = nil
        guard let request = memory.pendingNote else { return [] }
        memory.pendingNote = nil
        guard !text.trimmingSpaces.isEmpty else {
            message = StatusMessage("Empty note: nothing saved.")
            return []
        }
        return [.saveNote(request, text)]
    }

    /// The app saved a note: show it, in place.
    mutating func noteAdded(_ note: Note) {
        memory.notes["\(note.volume)/\(note.document)", default: []].append(note)
        message = StatusMessage("Note saved in \(note.file)")
        reopenWithNotes()
    }

    /// Lays the open document out again with its notes, keeping the place.
    mutating func reopenWithNotes() {
        guard let here = place else { return }
        recentLayouts = RecentLayouts()
        let kept = message
        restore(here)
        message = kept
        if let view { flagNotesInNavigator(view) }
    }

    /// The open document as shown: with its notes as footnotes.
    func withNotes(_ doc: Document) -> Document {
        NoteMarkers.annotate(doc, notes: memory.notes(volume: doc.volumeID, number: doc.number))
    }

    /// Navigator entries that lead to a document with notes get "✎", and the open document's
    /// own notes are listed under "Your notes".
    mutating func flagNotesInNavigator(_ current: DocumentView) {
        var v = current
        let own = memory.notes(volume: v.document.volumeID, number: v.document.number)
        if !own.isEmpty, !v.navigatorRows.contains(.header("Your notes")) {
            v.navigatorRows.append(.header("Your notes"))
            for (k, note) in own.enumerated() {
                let first = note.text.split(separator: "\n").first.map(String.init) ?? ""
                let anchor = note.anchor.isEmpty ? "" : note.anchor + ": "
                v.navigatorRows.append(.note("✎\(k + 1)  \(anchor)\(first)"))
            }
        }
        for i in v.navigator.indices {
            let target: (String, String)?
            switch v.navigator[i].kind {
            case .reference(_, .resolved(let r)): target = r.document.map { (r.volume, $0) }
            case .citedBy(let vol, let n): target = (vol, n)
            default: target = nil
            }
            if let (vol, n) = target, memory.hasNotes(volume: vol, number: n), !v.navigator[i].text.hasSuffix(" ✎") {
                v.navigator[i].text += " ✎"
            }
        }
        view = v
    }

    /// What a new note is anchored to, and the passage quoted.
    func noteAnchor(_ view: DocumentView) -> (NoteAnchor, String) {
        let doc = view.document
        if focus == .document, let s = selection, view.selectables.indices.contains(s) {
            switch view.selectables[s] {
            case .marker(let n, _), .footnoteLink(_, let n, _):
                if let own = NoteMarkers.note(numbered: n, in: doc, notes: memory.notes(volume: doc.volumeID, number: doc.number)) {
                    return (NoteAnchor(parsing: own.anchor), own.quote)
                }
                return (.footnote(n), NoteMarkers.excerpt(doc.footnote(n)?.plainText ?? ""))
            case .bodyLink(_, let r):
                if view.documentLayout.references.indices.contains(r),
                    case .link(_, let index) = view.documentLayout.references[r].kind
                {
                    let label = doc.references.indices.contains(index) ? doc.references[index].label : ""
                    return (.link(index + 1), label)
                }
            }
        }
        // The paragraph at the top of the view: the first text line shown, found in the body.
        // Lines of the heading are not in the body: the first body line in view is taken.
        let lines = view.documentLayout.lines
        for top in min(scroll, lines.count)..<min(scroll + documentHeight, lines.count) {
            if let p = NoteMarkers.paragraph(atLine: top, of: lines, in: doc) {
                return (.paragraph(p.index), NoteMarkers.excerpt(p.text))
            }
        }
        return (.document, doc.title)
    }

    /// Notes matching a corpus search, as hits listed before the documents' (`S` searches the
    /// user's notes too).
    func noteHits(_ request: CorpusSearchRequest) -> [SearchHit] {
        let finder = TextFinder(.terms(request.query))
        var hits: [SearchHit] = []
        for key in memory.notes.keys.sorted() {
            for note in memory.notes[key] ?? [] {
                let ranges = finder.ranges(in: note.text)
                guard !ranges.isEmpty else { continue }
                var parts = [Snippet.Part(text: "✎ your note: ", isMatch: false)]
                var at = note.text.startIndex
                for r in ranges.prefix(8) where r.lowerBound >= at {
                    parts.append(.init(text: String(note.text[at..<r.lowerBound]), isMatch: false))
                    parts.append(.init(text: String(note.text[r]), isMatch: true))
                    at = r.upperBound
                }
                parts.append(.init(text: String(note.text[at...]), isMatch: false))
                let title = corpus.documentTitle(volume: note.volume, number: note.document)?.title ?? ""
                hits.append(SearchHit(
                    volumeID: note.volume, number: note.document, title: title,
                    snippet: Snippet(parts: parts.map { .init(text: $0.text.replacingOccurrences(of: "\n", with: " "), isMatch: $0.isMatch) }),
                    score: .infinity))
            }
        }
        return hits
    }
}

/// Notes as footnotes of the document shown (pure).
public enum NoteMarkers {
    /// `doc` with `notes` appended as footnotes numbered after its own, labelled ✎1, ✎2 …, and
    /// their markers at the end of the inline run each is anchored to (the title for a note on
    /// the whole document, or one whose anchor is no longer found).
    public static func annotate(_ doc: Document, notes: [Note]) -> Document {
        guard !notes.isEmpty else { return doc }
        var out = doc
        let base = doc.footnotes.map(\.number).max() ?? 0
        var markersByRun: [Int: [Int]] = [:]
        for (k, note) in notes.enumerated() {
            let number = base + k + 1
            markersByRun[run(of: NoteAnchor(parsing: note.anchor), in: doc), default: []].append(number)
            out.footnotes.append(Footnote(number: number, label: "✎\(k + 1)", blocks: blocks(of: note)))
        }
        if let title = markersByRun[0] { out.titleInlines += title.map(Inline.footnoteRef) }
        var index = 0
        out.blocks = doc.blocks.map { block in
            block.mapInlineLists { list in
                index += 1
                guard let markers = markersByRun[index] else { return list }
                return list + markers.map(Inline.footnoteRef)
            }
        }
        return out
    }

    /// The user's note shown as footnote `n` of the annotated `doc`, if it is one.
    static func note(numbered n: Int, in doc: Document, notes: [Note]) -> Note? {
        guard let f = doc.footnote(n), f.label.hasPrefix("✎"), let k = Int(f.label.dropFirst()) else { return nil }
        return notes.indices.contains(k - 1) ? notes[k - 1] : nil
    }

    static func blocks(of note: Note) -> [Block] {
        var head = "Your note"
        if !note.anchor.isEmpty { head += " on \(note.anchor)" }
        if !note.created.isEmpty { head += ", \(note.created.prefix(10))" }
        var out: [Block] = [.paragraph([.styled(.italic, [.text(head + ":")])], .normal)]
        let paragraphs = note.text.components(separatedBy: "\n\n")
        for p in paragraphs {
            let lines = p.split(separator: "\n").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            guard !lines.isEmpty else { continue }
            var inlines: [Inline] = []
            for (i, line) in lines.enumerated() {
                if i > 0 { inlines.append(.lineBreak) }
                inlines.append(.text(line.split(whereSeparator: \.isWhitespace).joined(separator: " ")))
            }
            out.append(.paragraph(inlines, .normal))
        }
        return out
    }

    /// The inline run (1-based, body order; 0 the title) an anchor points into.
    static func run(of anchor: NoteAnchor, in doc: Document) -> Int {
        var runs: [[Inline]] = []
        doc.blocks.forEach { $0.forEachInlineList { runs.append($0) } }
        switch anchor {
        case .document: return 0
        case .paragraph(let p): return runs.indices.contains(p - 1) ? p : 0
        case .footnote(let n):
            return runs.firstIndex { list in contains(list) { $0 == .footnoteRef(n) } }.map { $0 + 1 } ?? 0
        case .link(let l):
            var seen = 0
            for inline in doc.titleInlines { inline.forEach { if case .link = $0 { seen += 1 } } }
            if l <= seen { return 0 }
            for (i, list) in runs.enumerated() {
                list.forEach { $0.forEach { if case .link = $0 { seen += 1 } } }
                if seen >= l { return i + 1 }
            }
            return 0
        }
    }

    static func contains(_ list: [Inline], _ test: (Inline) -> Bool) -> Bool {
        var found = false
        list.forEach { $0.forEach { if test($0) { found = true } } }
        return found
    }

    /// The words of a laid-out line, without markers ("[3]"), page tags ("[Page 766]") and
    /// bullets, as they are in the document's text.
    static func words(_ line: String) -> [String] {
        line.split(whereSeparator: \.isWhitespace).compactMap { token in
            var s = Substring(token)
            if s.hasSuffix("]") {
                guard let open = s.firstIndex(of: "[") else { return nil }
                s = s[..<open]
            }
            guard !s.hasPrefix("["), s.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
            return String(s)
        }
    }

    /// The inline run of the body that laid-out line `top` shows: the first words of the line,
    /// found in the runs as often as they occur in the lines above it (a word sequence that
    /// repeats is told apart by how many times it came before).
    static func paragraph(atLine top: Int, of lines: [LaidOutLine], in doc: Document) -> (index: Int, text: String)? {
        // The document's heading (title, subject) is laid out above the body but is no run of it.
        func isHeading(_ line: LaidOutLine) -> Bool { line.runs.contains { $0.role == .title || $0.role == .subject } }
        guard !isHeading(lines[top]) else { return nil }
        let needle = Array(words(lines[top].text).prefix(4))
        guard !needle.isEmpty else { return nil }
        let before = occurrences(of: needle, in: lines[..<top].filter { !isHeading($0) }.flatMap { words($0.text) })
        var seen = 0
        var index = 0
        var found: (Int, String)?
        for block in doc.blocks where found == nil {
            block.forEachInlineList { list in
                index += 1
                guard found == nil else { return }
                let text = list.plainText
                seen += occurrences(of: needle, in: words(text))
                if seen > before { found = (index, text) }
            }
        }
        return found
    }

    static func occurrences(of needle: [String], in words: [String]) -> Int {
        guard words.count >= needle.count else { return 0 }
        var count = 0
        for i in 0...(words.count - needle.count) where words[i] == needle[0] {
            if Array(words[i..<(i + needle.count)]) == needle { count += 1 }
        }
        return count
    }

    /// The start of a passage, for a note's `quote` (at most 200 characters, whole words).
    static func excerpt(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > 200 else { return flat }
        let cut = flat.prefix(200)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + " …"
    }
}

extension Block {
    /// The block with each inline run changed by `transform`, in `forEachInlineList` order.
    func mapInlineLists(_ transform: ([Inline]) -> [Inline]) -> Block {
        switch self {
        case .heading(let i): return .heading(transform(i))
        case .paragraph(let i, let s): return .paragraph(transform(i), s)
        case .dateline(let i): return .dateline(transform(i))
        case .salutation(let i): return .salutation(transform(i))
        case .closer(let i): return .closer(transform(i))
        case .editorialNote(let i): return .editorialNote(transform(i))
        case .list(let kind, let items): return .list(kind, items.map { $0.map { $0.mapInlineLists(transform) } })
        case .quote(let b): return .quote(b.map { $0.mapInlineLists(transform) })
        case .container(let name, let b): return .container(name, b.map { $0.mapInlineLists(transform) })
        case .table(let rows): return .table(rows.map { $0.map(transform) })
        case .attachment(var a):
            a.label = transform(a.label)
            a.heading = transform(a.heading)
            a.blocks = a.blocks.map { $0.mapInlineLists(transform) }
            return .attachment(a)
        }
    }
}
