/// What following a link leads to.
public enum LinkResolution: Sendable, Hashable {
    /// The target is in the corpus.
    case resolved(ResolvedTarget)
    /// A web address: outside any corpus, openable in a browser.
    case external(String)
    /// The target is not in the corpus; `reason` says why ("Document 136 is not in this corpus").
    case unresolved(reason: String)

    public var isResolved: Bool { if case .resolved = self { return true } else { return false } }

    /// The printed label of the footnote a resolved footnote target reaches.
    public var footnoteLabel: String? {
        if case .resolved(let t) = self { return t.footnoteLabel }
        return nil
    }

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
    /// The footnote to highlight (its number, the identity markers point at).
    public var footnote: Int?
    /// The footnote's label as printed ("1", "*"), when the target is a footnote.
    public var footnoteLabel: String?
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
            // Chapters and entries are not in a map: the outline or the volume says.
            guard let volume = lookUp(v, mapped: false) else { return .unresolved(reason: missingVolume(v)) }
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
            guard let note = doc.footnote(f) else {
                return .unresolved(reason: "Document \(n) has no footnote \(f)")
            }
            var target = ResolvedTarget(
                volume: v, document: doc.number, footnote: note.number,
                description: "Document \(doc.number), footnote \(note.label): \(doc.title)")
            target.footnoteLabel = note.label
            return .resolved(target)
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

    /// The volume a target names, as read or as outlined, whichever is at hand without parsing;
    /// else as mapped (its documents read alone as links name them); else read now.
    private func lookUp(_ id: String, mapped: Bool = true) -> TargetVolume? {
        if let v = loadedVolume(id) { return .read(v) }
        if let o = indexedOutline(id) { return .outlined(o) }
        if mapped, let m = map(ofVolume: id) { return .mapped(MappedTarget(corpus: self, volume: id, map: m)) }
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
        citedBy(volume: volume, number: number, pages: self.volume(volume)?.document(number: number)?.pageBreaks ?? [])
    }

    /// Documents that link to `document`, searched in the volumes loaded so far only (its own
    /// volume is not read for it: the reader asks again once it is).
    public func citedBy(_ document: Document) -> [Document] {
        citedBy(volume: document.volumeID, number: document.number, pages: document.pageBreaks)
    }

    private func citedBy(volume: String, number: String, pages: [String]) -> [Document] {
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

/// What resolving a link needs of a volume: a volume read in full, or its outline, or its
/// map (documents read alone as they are named).
private enum TargetVolume {
    case read(Volume)
    case outlined(VolumeOutline)
    case mapped(MappedTarget)

    struct Doc {
        var number: String
        var title: String
        var footnoteNumbers: [Int]
        /// The read document, when there is one (footnotes are then found by id and label).
        var document: Document?

        /// The footnote a link's footnote part names: by id and label in a read document
        /// (`Document.footnote(linkedAs:)`), by number in an outline.
        func footnote(_ n: Int) -> (number: Int, label: String)? {
            if let document {
                return document.footnote(linkedAs: n).map { ($0.number, $0.label) }
            }
            return footnoteNumbers.contains(n) ? (n, String(n)) : nil
        }
    }

    var title: String {
        switch self {
        case .read(let v): v.title
        case .outlined(let o): o.title
        case .mapped(let m): m.corpus.title(ofVolume: m.volume) ?? m.volume
        }
    }

    var chapters: [Chapter] {
        switch self {
        case .read(let v): v.chapters
        case .outlined(let o): o.chapters
        case .mapped: []
        }
    }

    var firstDocument: String? {
        switch self {
        case .read(let v): v.firstDocument?.number
        case .outlined(let o): (o.documents.first { $0.kind == .document } ?? o.documents.first)?.number
        case .mapped(let m): m.map.firstPosition.map { m.map.documents[$0].number }
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
        case .mapped:
            return nil  // not asked: a volume target is resolved from the outline or the volume
        }
    }

    func document(_ number: String) -> Doc? {
        switch self {
        case .read(let v):
            v.document(number: number).map {
                Doc(number: $0.number, title: $0.title, footnoteNumbers: $0.footnotes.map(\.number), document: $0)
            }
        case .outlined(let o):
            o.document(number: number).map { Doc(number: $0.number, title: $0.title, footnoteNumbers: $0.footnoteNumbers) }
        case .mapped(let m):
            m.document(number).map {
                Doc(number: $0.number, title: $0.title, footnoteNumbers: $0.footnotes.map(\.number), document: $0)
            }
        }
    }

    func locatePage(_ page: String) -> (Doc, Bool)? {
        switch self {
        case .read(let v):
            v.locatePage(page).map { (Doc(number: $0.document.number, title: $0.document.title, footnoteNumbers: []), $0.atMarker) }
        case .outlined(let o):
            o.locatePage(page).map { (Doc(number: $0.document.number, title: $0.document.title, footnoteNumbers: []), $0.atMarker) }
        case .mapped(let m):
            m.locatePage(page).map { (Doc(number: $0.document.number, title: $0.document.title, footnoteNumbers: []), $0.atMarker) }
        }
    }
}

/// A volume not read yet, resolved through its map: the documents a link names are read alone
/// (once: the corpus keeps them), or the volume read whole when one cannot be.
private struct MappedTarget {
    let corpus: Corpus
    let volume: String
    let map: any VolumeMap

    func document(_ number: String) -> Document? {
        guard let i = map.position(of: number) else { return nil }
        return corpus.documentAlone(volume, map, i) ?? corpus.document(volume: volume, number: number)
    }

    /// `Volume.locatePage`'s rule over the documents the map says the page may be in.
    func locatePage(_ page: String) -> (document: Document, atMarker: Bool)? {
        func docs(_ p: String) -> [Document] {
            map.positions(ofPage: p).compactMap { corpus.documentAlone(volume, map, $0) }
        }
        // A document holds a page under its name and under its key ("[VIII]" also as "VIII").
        func holds(_ d: Document, _ name: String) -> Bool { d.pageBreaks.contains { $0 == name || Volume.pageKey($0) == name } }
        let candidates = docs(page)
        if let d = candidates.first(where: { holds($0, page) }) ?? candidates.first(where: { holds($0, Volume.pageKey(page)) }) {
            return (d, true)
        }
        if let n = Int(page), let d = docs(String(n + 1)).first(where: { holds($0, String(n + 1)) }),
            d.pageBreaks.first == String(n + 1)
        {
            return (d, false)
        }
        return nil
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
