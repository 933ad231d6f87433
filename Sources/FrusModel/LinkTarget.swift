/// What a cross-reference points at. Typed end to end: importers build it, the resolver
/// looks it up, the screen follows it. Volume ids are always explicit (an importer knows the
/// volume it reads), so a target means the same thing wherever it is used.
public enum LinkTarget: Sendable, Hashable {
    /// Document `number` ("168") of `volume`.
    case document(volume: String, number: String)
    /// Footnote `footnote` of document `document`.
    case footnote(volume: String, document: String, footnote: Int)
    /// Printed page `page` of `volume`.
    case page(volume: String, page: String)
    /// A whole volume, or a named part of it (`anchor`: a chapter id "ch4", "terms", "persons").
    case volume(String, anchor: String?)
    /// A web address (https:, mailto:).
    case url(String)

    /// The volume the target lives in, nil for web addresses.
    public var volumeID: String? {
        switch self {
        case .document(let v, _), .footnote(let v, _, _), .page(let v, _), .volume(let v, _): return v
        case .url: return nil
        }
    }

    /// The stable name of the kind, as in the JSON output.
    public var kind: String {
        switch self {
        case .document: return "document"
        case .footnote: return "footnote"
        case .page: return "page"
        case .volume: return "volume"
        case .url: return "url"
        }
    }

    /// The target's address on history.state.gov, when it has one.
    public var webAddress: String? {
        let base = "https://history.state.gov/historicaldocuments/"
        switch self {
        case .document(let v, let n): return "\(base)\(v)/d\(n)"
        case .footnote(let v, let d, let f): return "\(base)\(v)/d\(d)fn\(f)"
        case .page(let v, let p): return "\(base)\(v)/pg_\(p)"
        case .volume(let v, let anchor):
            if let anchor { return "\(base)\(v)/\(anchor)" }
            return "\(base)\(v)"
        case .url(let u): return u
        }
    }
}
