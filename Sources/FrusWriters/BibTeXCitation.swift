import FrusModel

/// A BibTeX `@incollection` entry: the document as a part of the volume.
public enum BibTeXCitation {
    public static func entry(_ s: CitationSource) -> String {
        let b = s.bibliography
        var fields: [(String, String)] = [("title", s.document.title)]
        fields.append(("booktitle", s.bookTitle))
        if let series = b.seriesTitle { fields.append(("series", series)) }
        if let n = s.volumeNumber { fields.append(("volume", n)) }
        let editors = b.volumeEditors
        if !editors.isEmpty { fields.append(("editor", editors.joined(separator: " and "))) }
        if let publisher = b.publisher { fields.append(("publisher", publisher)) }
        if let place = b.publicationPlace { fields.append(("address", place)) }
        if let year = b.year { fields.append(("year", year)) }
        if s.citedByNumber { fields.append(("number", s.document.number)) }
        if let pages = s.pageRange(dash: "--") { fields.append(("pages", pages)) }
        if let dateline = s.document.dateline, !dateline.isEmpty { fields.append(("note", dateline)) }
        if let f = s.footnote { fields.append(("addendum", "note \(f.label)")) }
        fields.append(("url", s.url))
        var out = "@incollection{\(key(s)),\n"
        for (name, value) in fields {
            let v = name == "url" ? escapeURL(value) : escape(CitationSource.oneLine(value))
            out += "  \(name) = {\(v)},\n"
        }
        return out + "}"
    }

    /// "frus1981-88v05-d175", "frus1981-88v05-d175fn3": letters, digits and "-" only.
    static func key(_ s: CitationSource) -> String {
        var key = "\(s.volumeID)-\(s.document.id)"
        if let f = s.footnote { key += "fn\(f.label)" }
        return String(key.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "-" })
    }

    /// TeX's special characters escaped, so the value's braces balance and nothing expands.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "&", "%", "$", "#", "_": out += "\\" + String(c)
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            default: out.append(c)
            }
        }
        return out
    }

    /// An address is taken verbatim by the url package; only braces would break the entry.
    static func escapeURL(_ s: String) -> String {
        String(s.filter { $0 != "{" && $0 != "}" && $0 != "\\" })
    }
}
