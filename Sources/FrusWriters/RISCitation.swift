import FrusModel

/// A RIS record (`TY  - CHAP` … `ER  - `): the document as a chapter of the volume.
public enum RISCitation {
    public static func record(_ s: CitationSource) -> String {
        let b = s.bibliography
        var tags: [(String, String)] = [("TY", "CHAP"), ("TI", s.document.title), ("T2", s.bookTitle)]
        if let series = b.seriesTitle { tags.append(("T3", series)) }
        if let n = s.volumeNumber { tags.append(("VL", n)) }
        for editor in b.volumeEditors { tags.append(("A2", editor)) }
        if let publisher = b.publisher { tags.append(("PB", publisher)) }
        if let place = b.publicationPlace { tags.append(("CY", place)) }
        if let year = b.year { tags.append(("PY", year)) }
        if let date = s.document.date, date.count >= 10 {
            // RIS dates are YYYY/MM/DD/.
            tags.append(("DA", date.prefix(10).replacingDashes() + "/"))
        }
        if s.citedByNumber { tags.append(("SE", s.document.number)) }
        if let first = s.pages.first { tags.append(("SP", first)) }
        if let last = s.pages.last, s.pages.count > 1 { tags.append(("EP", last)) }
        if let dateline = s.document.dateline, !dateline.isEmpty { tags.append(("N1", dateline)) }
        if let f = s.footnote { tags.append(("N1", "note \(f.label)")) }
        tags.append(("UR", s.url))
        var out = ""
        for (tag, value) in tags { out += "\(tag)  - \(CitationSource.oneLine(value))\n" }
        return out + "ER  - "
    }
}

extension Substring {
    fileprivate func replacingDashes() -> String { String(map { $0 == "-" ? "/" : $0 }) }
}
