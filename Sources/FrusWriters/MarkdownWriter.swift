import FrusModel

extension Writers {
    /// The document as CommonMark with footnotes (the `[^1]` extension of GitHub, pandoc and
    /// markdown-it) and pipe tables: the title as a heading, subject and dateline, the body,
    /// the footnote definitions, the user's notes if any, and the citation last.
    ///
    /// Cross-references become links to their history.state.gov addresses; printed pages are
    /// `\[Page 766\]`, escaped so that no renderer takes them for links. Text is escaped so that
    /// nothing in a document is read as Markdown syntax.
    ///
    /// - Parameter citation: the citation printed at the end; when nil, the Chicago note form
    ///   (`ChicagoCitation`) from the volume's bibliography, or `simpleCitation` without a volume.
    /// - Parameter notes: the user's notes on the document, printed under "My notes".
    public static func markdown(
        _ doc: Document, volume: Volume?, citation: String? = nil, notes: [Note] = []
    ) -> String {
        let writer = MarkdownBlocks(doc: doc)
        var parts: [String] = []

        // Lines printed above the head (a file citation), then the title, with any printed
        // page that begins with the document above it.
        if !doc.headLabel.isEmpty { parts.append(writer.inlines(doc.headLabel, context: .paragraph)) }
        var title = doc.titleInlines[...]
        var leadingPages: [String] = []
        while let first = title.first, case .pageBreak(let p) = first {
            leadingPages.append(MarkdownInlines.pageTag(p))
            title = title.dropFirst()
        }
        if !leadingPages.isEmpty { parts.append(leadingPages.joined(separator: " ")) }
        let number = doc.number.isEmpty ? "" : MarkdownText.escape("\(doc.number). ")
        parts.append("# " + number + writer.inlines(Array(title), context: .heading))

        // Subject and dateline are metadata; when the body has them as blocks they are written
        // there, in place, not twice (as the reader's layout does).
        let hasSubjectBlock = doc.blocks.contains { if case .list(.subject, _) = $0 { return true } else { return false } }
        if let subject = doc.subject?.trimmingSpaces, !subject.isEmpty, !hasSubjectBlock {
            parts.append("**Subject:** " + MarkdownText.escapeLineStart(MarkdownText.escape(subject)))
        }
        let datelineBlocks = Set(doc.blocks.compactMap { b -> String? in
            if case .dateline(let i) = b { return i.plainText.trimmingSpaces } else { return nil }
        })
        if let dateline = doc.dateline?.trimmingSpaces, !dateline.isEmpty, !datelineBlocks.contains(dateline) {
            parts.append(MarkdownText.emphasised(MarkdownText.escape(dateline)))
        }

        parts += writer.blocks(doc.blocks, headingLevel: 2)

        for note in doc.footnotes {
            var body = writer.blocks(note.blocks, headingLevel: 3).joined(separator: "\n\n")
            if body.isEmpty { body = "(no text)" }
            parts.append("[^\(note.number)]: " + MarkdownText.indent(body, by: 4, first: false))
        }

        if !notes.isEmpty {
            parts.append("## My notes")
            for note in notes {
                let quote = note.quote.trimmingSpaces
                if !quote.isEmpty {
                    parts.append(MarkdownText.prefixLines(MarkdownText.escapeLineStart(MarkdownText.escape(quote)), with: "> "))
                }
                let text = note.text.trimmingSpaces
                if !text.isEmpty { parts.append(text) }
                let about = [note.anchor, note.created].map(\.trimmingSpaces).filter { !$0.isEmpty }
                if !about.isEmpty { parts.append(MarkdownText.emphasised(MarkdownText.escape(about.joined(separator: ", ")))) }
            }
        }

        let cited = citation
            ?? volume.map { ChicagoCitation.note(CitationSource(volume: $0, document: doc)) }
            ?? simpleCitation(doc, volume: volume)
        parts.append("**Citation:** " + MarkdownText.escape(cited))
        return parts.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    /// "Foreign Relations of the United States, 1981–1988, Volume V, …, Document 175.
    /// https://history.state.gov/historicaldocuments/frus1981-88v05/d175", for a document
    /// without its volume (no bibliography): the volume's title
    /// (or short title, or id), the document, and its address.
    public static func simpleCitation(_ doc: Document, volume: Volume?) -> String {
        let title = volume?.title.trimmingSpaces.nilIfEmpty ?? VolumeID(doc.volumeID).citation ?? doc.volumeID
        var s = title
        switch doc.kind {
        case .document: if !doc.number.isEmpty { s += ", Document \(doc.number)" }
        case .front, .back: if !doc.title.isEmpty { s += ", “\(doc.title)”" }
        }
        s += "."
        // The document's page on history.state.gov is named by its id ("d175", "preface").
        if !doc.id.isEmpty, let address = LinkTarget.volume(doc.volumeID, anchor: doc.id).webAddress {
            s += " " + address
        }
        return s
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
