import FrusModel

/// The Chicago Manual of Style note form, as history.state.gov cites a document:
/// "Memorandum From … to …, Washington, January 14, 1986, in Foreign Relations of the United
/// States, 1981–1988, vol. V, Soviet Union, March 1985–October 1986, ed. Elizabeth C. Charles
/// (Washington: United States Government Publishing Office, 2020), Document 175, https://…/d175".
public enum ChicagoCitation {
    public static func note(_ s: CitationSource) -> String {
        // Older heads and datelines end with a period ("Mr. Baker to Mr. Gresham."); before the
        // note's commas it goes ("Mr. Baker to Mr. Gresham, Managua, March 8, 1894, in …").
        var parts: [String] = [Self.withoutClosingPeriod(CitationSource.oneLine(s.document.title))]
        if let dateline = s.document.dateline.map(CitationSource.oneLine), !dateline.isEmpty {
            parts.append(Self.withoutClosingPeriod(dateline))
        }
        parts.append("in " + book(s))
        var text = parts.joined(separator: ", ")
        if let imprint = imprint(s.bibliography) { text += " (\(imprint))" }
        text += ", " + locator(s)
        return text + ", " + s.url
    }

    /// "Washington: United States Government Publishing Office, 2020", with what is known.
    static func imprint(_ b: Bibliography) -> String? {
        let press = [b.publisher, b.year].compactMap { $0 }.joined(separator: ", ")
        switch (b.publicationPlace, press.isEmpty) {
        case (let place?, false): return "\(place): \(press)"
        case (let place?, true): return place
        case (nil, false): return press
        case (nil, true): return nil
        }
    }

    /// "Foreign Relations of the United States, 1981–1988, vol. V, Soviet Union, …, ed. …"
    static func book(_ s: CitationSource) -> String {
        let b = s.bibliography
        var parts: [String]
        // The series' parts when the header names them; an older header names only the series
        // ("…, 1894") beside its complete title ("…, 1894, Nicaragua (Mosquito Territory)").
        if let series = b.seriesTitle, b.subseriesTitle != nil || s.volumeNumber != nil || b.volumeTitle != nil {
            parts = [series]
            if let sub = b.subseriesTitle { parts.append(sub) }
            if let n = s.volumeNumber { parts.append("vol. " + n) }
            if let title = b.volumeTitle { parts.append(title) }
        } else {
            parts = [s.bookTitle]
        }
        let editors = b.volumeEditors
        if !editors.isEmpty {
            parts.append((editors.count == 1 ? "ed. " : "eds. ") + CitationSource.joinedNames(editors))
        }
        return parts.map(CitationSource.oneLine).joined(separator: ", ")
    }

    /// `text` without the period that closes it, unless that period ends an abbreviation
    /// ("U.S.", "Mr.", "Jr.", a single initial), which keeps it.
    static func withoutClosingPeriod(_ text: String) -> String {
        guard text.hasSuffix("."), !text.hasSuffix("..") else { return text }
        let word = text.dropLast().split(separator: " ").last.map(String.init) ?? ""
        if word.contains(".") || word.count == 1 || abbreviations.contains(word) { return text }
        return String(text.dropLast())
    }

    /// Words that end with a period of their own when they end a title.
    static let abbreviations: Set<String> = [
        "Mr", "Mrs", "Messrs", "Dr", "Jr", "Sr", "St", "Co", "Inc", "Ltd", "No", "Nos", "Esq", "Gen", "Adm",
        "Col", "Capt", "Lt", "Gov", "Sen", "Rep", "Amb", "Hon", "Rev", "etc", "al", "Bros", "Corp", "Dept",
    ]

    /// "Document 175", "Document 175, note 3"; by page where documents are not numbered:
    /// "765–767", "765n3".
    static func locator(_ s: CitationSource) -> String {
        if s.citedByNumber {
            var text = "Document \(s.document.number)"
            if let f = s.footnote { text += ", note \(f.label)" }
            return text
        }
        let page = s.pageRange() ?? s.document.title
        if let f = s.footnote { return "\(s.footnotePage ?? page)n\(f.label)" }
        return page
    }
}
