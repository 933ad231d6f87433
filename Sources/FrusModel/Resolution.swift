/// What following a link leads to.
public enum LinkResolution: Sendable, Hashable {
    /// The target is in the corpus.
    case resolved(ResolvedTarget)
    /// A web address: outside any corpus, openable in a browser.
    case external(String)
    /// The target is not in the corpus; `reason` says why ("Document 136 is not in this corpus").
    case unresolved(reason: String)

    public var isResolved: Bool { if case .resolved = self { return true } else { return false } }

    /// Why it does not resolve, nil when it does.
    public var reason: String? {
        switch self {
        case .resolved: return nil
        case .external: return "web address outside the corpus"
        case .unresolved(let r): return r
        }
    }
}

/// A resolved target: where to go, and how to describe it.
public struct ResolvedTarget: Sendable, Hashable {
    public var volume: String
    /// The document to open; nil for a whole volume.
    public var document: String?
    /// The footnote to highlight.
    public var footnote: Int?
    /// The printed page to scroll to; nil when the page starts at the document's top.
    public var page: String?
    /// The mention to scroll to (its first occurrence in the document): a link to a person
    /// or term (`#p_DAF_1`) opens the persons or terms section at that entry.
    public var mention: Mention?
    /// What the status line says: "Document 168: Letter From President Reagan to …".
    public var description: String

    public init(
        volume: String, document: String?, footnote: Int? = nil, page: String? = nil, mention: Mention? = nil,
        description: String
    ) {
        self.mention = mention
        self.volume = volume
        self.document = document
        self.footnote = footnote
        self.page = page
        self.description = description
    }
}

extension Corpus {
    /// Looks a target up. Reads the target's volume if it is in the corpus but not yet read —
    /// unless the corpus has its outline (from the search index), which says as much.
    public func resolve(_ target: LinkTarget) -> LinkResolution {
        switch target {
        case .url(let u):
            return .external(u)
        case .volume(let v, let anchor):
            guard let volume = lookUp(v) else { return .unresolved(reason: missingVolume(v)) }
            if let anchor, let chapter = volume.chapters.first(where: { $0.id == anchor }),
                let first = chapter.documentNumbers.first
            {
                return .resolved(ResolvedTarget(volume: v, document: first, description: chapter.title))
            }
            if let anchor, let (section, mention, name) = volume.entry(anchor) {
                return .resolved(ResolvedTarget(volume: v, document: section, mention: mention, description: name))
            }
            return .resolved(ResolvedTarget(volume: v, document: volume.firstDocument, description: volume.title))
        case .document(let v, let n):
            guard let volume = lookUp(v) else { return .unresolved(reason: missingVolume(v, document: n)) }
            guard let doc = volume.document(n) else {
                return .unresolved(reason: "Document \(n) is not in this corpus")
            }
            return .resolved(ResolvedTarget(volume: v, document: doc.number, description: "Document \(doc.number): \(doc.title)"))
        case .footnote(let v, let n, let f):
            guard let volume = lookUp(v) else { return .unresolved(reason: missingVolume(v, document: n)) }
            guard let doc = volume.document(n) else {
                return .unresolved(reason: "Document \(n) is not in this corpus")
            }
            guard doc.footnoteNumbers.contains(f) else {
                return .unresolved(reason: "Document \(n) has no footnote \(f)")
            }
            return .resolved(ResolvedTarget(
                volume: v, document: doc.number, footnote: f,
                description: "Document \(doc.number), footnote \(f): \(doc.title)"))
        case .page(let v, let p):
            guard let volume = lookUp(v) else { return .unresolved(reason: missingVolume(v)) }
            guard let (doc, atMarker) = volume.locatePage(p) else {
                return .unresolved(reason: "page \(p) is not in this corpus")
            }
            return .resolved(ResolvedTarget(
                volume: v, document: doc.number, page: atMarker ? p : nil,
                description: "Page \(p), in Document \(doc.number): \(doc.title)"))
        }
    }

    /// The volume a target names, as read or as outlined, whichever is at hand without parsing.
    private func lookUp(_ id: String) -> TargetVolume? {
        if let v = loadedVolume(id) { return .read(v) }
        if let o = indexedOutline(id) { return .outlined(o) }
        return volume(id).map { .read($0) }
    }

    private func missingVolume(_ v: String, document: String? = nil) -> String {
        let name = VolumeID(v).citation ?? v
        if source(v) != nil { return "\(name) cannot be read" }
        if let document { return "Document \(document) of \(name) is not in this corpus" }
        return "\(name) is not in this corpus"
    }

    /// The scholarly citation of a target: "FRUS, 1981–1988, vol. V, Doc. 136, note 3".
    public func citation(_ target: LinkTarget) -> String {
        Self.citation(target)
    }

    public static func citation(_ target: LinkTarget) -> String {
        func vol(_ v: String) -> String { VolumeID(v).citation ?? v }
        switch target {
        case .document(let v, let n): return "\(vol(v)), Doc. \(n)"
        case .footnote(let v, let n, let f): return "\(vol(v)), Doc. \(n), note \(f)"
        case .page(let v, let p): return "\(vol(v)), p. \(p)"
        case .volume(let v, _): return vol(v)
        case .url(let u): return u
        }
    }

    /// Documents that link to document `number` of `volume` (to it or to one of its footnotes
    /// or pages), searched in the volumes loaded so far plus the target's own volume.
    public func citedBy(volume: String, number: String) -> [Document] {
        let pages = self.volume(volume)?.document(number: number)?.pageBreaks ?? []
        var out: [Document] = []
        for v in loadedVolumes {
            let index = citations(in: v)
            var citing = Set(index.byDocument[CitationIndex.key(volume, number)] ?? [])
            for p in pages { citing.formUnion(index.byPage[CitationIndex.key(volume, p)] ?? []) }
            for i in citing.sorted() where !(v.id == volume && v.documents[i].number == number) {
                out.append(v.documents[i])
            }
        }
        return out
    }

}

/// What resolving a link needs of a volume: a volume read in full, or its outline.
private enum TargetVolume {
    case read(Volume)
    case outlined(VolumeOutline)

    struct Doc {
        var number: String
        var title: String
        var footnoteNumbers: [Int]
    }

    var title: String {
        switch self {
        case .read(let v): v.title
        case .outlined(let o): o.title
        }
    }

    var chapters: [Chapter] {
        switch self {
        case .read(let v): v.chapters
        case .outlined(let o): o.chapters
        }
    }

    var firstDocument: String? {
        switch self {
        case .read(let v): v.firstDocument?.number
        case .outlined(let o): (o.documents.first { $0.kind == .document } ?? o.documents.first)?.number
        }
    }

    /// The section holding a persons or terms entry (`p_DAF_1`, `t_INF_1`), the entry as a
    /// mention to scroll to, and how to describe it. A read volume knows its entries; an
    /// outline knows only its sections, so there the id's prefix says which list it is in.
    func entry(_ anchor: String) -> (section: String, mention: Mention, description: String)? {
        switch self {
        case .read(let v):
            if let p = v.persons[anchor], let s = v.document(number: "persons") {
                return (s.number, .person(anchor), "\(s.title): \(p.name)")
            }
            if let t = v.terms[anchor], let s = v.document(number: "terms") {
                return (s.number, .term(anchor), "\(s.title): \(t.term)")
            }
            return nil
        case .outlined(let o):
            let list = anchor.hasPrefix("p_") ? "persons" : anchor.hasPrefix("t_") ? "terms" : nil
            guard let list, let s = o.document(number: list) else { return nil }
            return (s.number, list == "persons" ? .person(anchor) : .term(anchor), "\(s.title): \(anchor)")
        }
    }

    func document(_ number: String) -> Doc? {
        switch self {
        case .read(let v):
            v.document(number: number).map { Doc(number: $0.number, title: $0.title, footnoteNumbers: $0.footnotes.map(\.number)) }
        case .outlined(let o):
            o.document(number: number).map { Doc(number: $0.number, title: $0.title, footnoteNumbers: $0.footnoteNumbers) }
        }
    }

    func locatePage(_ page: String) -> (Doc, Bool)? {
        switch self {
        case .read(let v):
            v.locatePage(page).map { (Doc(number: $0.document.number, title: $0.document.title, footnoteNumbers: []), $0.atMarker) }
        case .outlined(let o):
            o.locatePage(page).map { (Doc(number: $0.document.number, title: $0.document.title, footnoteNumbers: []), $0.atMarker) }
        }
    }
}

/// Who cites what in one read volume, made once per volume the first time cited-by is asked:
/// without it, opening a document would walk every reference of every document read.
struct CitationIndex: Sendable {
    /// Positions (in the volume's documents) of the documents naming a document or one of its
    /// footnotes, by "volume␟number".
    var byDocument: [String: [Int]] = [:]
    /// Positions of the documents naming a page, by "volume␟page".
    var byPage: [String: [Int]] = [:]

    static func key(_ volume: String, _ item: String) -> String { volume + "\u{1F}" + item }

    init(_ volume: Volume) {
        // Sections of the front and back matter (the contents, the index) name pages of every
        // document: they are not citations.
        for (i, doc) in volume.documents.enumerated() where doc.kind == .document {
            for r in doc.references {
                switch r.target {
                case .document(let tv, let tn), .footnote(let tv, let tn, _):
                    Self.add(i, to: &byDocument, Self.key(tv, tn))
                case .page(let tv, let p):
                    Self.add(i, to: &byPage, Self.key(tv, p))
                case .volume, .url: break
                }
            }
        }
    }

    private static func add(_ i: Int, to map: inout [String: [Int]], _ key: String) {
        if map[key]?.last != i { map[key, default: []].append(i) }
    }
}
