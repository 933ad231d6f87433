import FrusModel

/// The citation formats `frusread cite` and the reader's `y` write.
public enum CitationStyle: String, Sendable, CaseIterable {
    case chicago
    case bibtex
    case ris
    case cslJSON = "csl-json"

    public func citation(_ source: CitationSource) -> String {
        switch self {
        case .chicago: return ChicagoCitation.note(source)
        case .bibtex: return BibTeXCitation.entry(source)
        case .ris: return RISCitation.record(source)
        case .cslJSON: return CSLJSONCitation.item(source)
        }
    }
}
