import FrusModel

/// A CSL-JSON item (`type: "chapter"`), as Zotero and citeproc read it: a one-item array.
public enum CSLJSONCitation {
    public static func item(_ s: CitationSource) -> String {
        let b = s.bibliography
        var fields: [(String, String)] = [
            ("id", json(BibTeXCitation.key(s))), ("type", json("chapter")), ("title", json(s.document.title)),
            ("container-title", json(s.bookTitle)),
        ]
        if let series = b.seriesTitle { fields.append(("collection-title", json(series))) }
        if let n = s.volumeNumber { fields.append(("volume", json(n))) }
        let editors = b.volumeEditors
        if !editors.isEmpty { fields.append(("editor", "[" + editors.map(name).joined(separator: ", ") + "]")) }
        if let publisher = b.publisher { fields.append(("publisher", json(publisher))) }
        if let place = b.publicationPlace { fields.append(("publisher-place", json(place))) }
        if let year = b.year, let y = Int(year.prefix(4)) { fields.append(("issued", "{\"date-parts\": [[\(y)]]}")) }
        if s.citedByNumber { fields.append(("number", json(s.document.number))) }
        if let pages = s.pageRange(dash: "-") { fields.append(("page", json(pages))) }
        if let dateline = s.document.dateline, !dateline.isEmpty { fields.append(("note", json(dateline))) }
        if let f = s.footnote { fields.append(("locator", json(f.label))) ; fields.append(("label", json("note"))) }
        fields.append(("URL", json(s.url)))
        let body = fields.map { "    \(json($0.0)): \($0.1)" }.joined(separator: ",\n")
        return "[\n  {\n" + body + "\n  }\n]"
    }

    /// A name as CSL wants it: family and given ("Elizabeth C. Charles" → Charles, Elizabeth C.);
    /// a single word as a literal.
    static func name(_ full: String) -> String {
        let words = full.split(separator: " ")
        guard words.count > 1 else { return "{\"literal\": \(json(full))}" }
        return "{\"family\": \(json(String(words.last!))), \"given\": \(json(words.dropLast().joined(separator: " ")))}"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func json(_ s: String) -> String {
        var out = "\""
        for u in CitationSource.oneLine(s).unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where u.value < 0x20 || (0x7F...0x9F).contains(u.value):
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
