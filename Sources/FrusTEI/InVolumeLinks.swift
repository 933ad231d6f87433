import FrusModel

/// References inside a volume are parsed before the documents they name are known, so a
/// target is first read by its form: `#d12` is document 12, `#appA` an anchor. Once the
/// whole volume is read, targets naming a document by an id of another form (`#appA` for the
/// document `xml:id="appA" n="331"`, `#eta_d1` for `n="ETA–1"`, `#d12` for `n="12a"`) are
/// turned into links to that document (or footnote).
struct InVolumeLinks {
    private let volume: String
    private let numbers: Set<String>
    private let numberByID: [String: String]

    init(volume: String, documents: [Document]) {
        self.init(volume: volume, numbersAndIDs: documents.map { ($0.number, $0.id) })
    }

    /// From the numbers and ids alone (a document read alone knows them from the volume map).
    init(volume: String, numbersAndIDs: [(number: String, id: String)]) {
        self.volume = volume
        numbers = Set(numbersAndIDs.map(\.number))
        var byID: [String: String] = [:]
        for doc in numbersAndIDs where byID[doc.id] == nil { byID[doc.id] = doc.number }
        numberByID = byID
    }

    /// The target as it should be: unchanged unless it names a document of this volume by
    /// its id.
    func fixed(_ target: LinkTarget) -> LinkTarget {
        switch target {
        case .document(let v, let n) where v == volume && !numbers.contains(n):
            if let number = numberByID["d" + n] ?? numberByID[n] { return .document(volume: v, number: number) }
        case .footnote(let v, let d, let f) where v == volume && !numbers.contains(d):
            if let number = numberByID["d" + d] ?? numberByID[d] { return .footnote(volume: v, document: number, footnote: f) }
        case .volume(let v, let anchor?) where v == volume:
            if let number = numberByID[anchor] { return .document(volume: v, number: number) }
            if let (id, note) = Self.footnoteAnchor(anchor), let number = numberByID[id] {
                return .footnote(volume: v, document: number, footnote: note)
            }
        default:
            break
        }
        return target
    }

    /// "appAfn1" → ("appA", 1).
    static func footnoteAnchor(_ anchor: String) -> (String, Int)? {
        guard let r = anchor.ranges(of: "fn").last, r.lowerBound > anchor.startIndex,
            let n = Int(anchor[r.upperBound...])
        else { return nil }
        return (String(anchor[..<r.lowerBound]), n)
    }

    /// The documents with their in-volume targets fixed; only documents with a target to fix
    /// are rebuilt.
    func fixing(_ documents: [Document], targets: [[LinkTarget]]) -> [Document] {
        var out = documents
        for (i, list) in targets.enumerated() where i < out.count && list.contains(where: { fixed($0) != $0 }) {
            var doc = out[i]
            doc.titleInlines = doc.titleInlines.map { $0.mappingLinks(fixed) }
            doc.blocks = doc.blocks.map { $0.mappingLinks(fixed) }
            doc.footnotes = doc.footnotes.map { note in
                Footnote(number: note.number, label: note.label, id: note.id, blocks: note.blocks.map { $0.mappingLinks(fixed) })
            }
            out[i] = doc
        }
        return out
    }
}

extension Inline {
    func mappingLinks(_ f: (LinkTarget) -> LinkTarget) -> Inline {
        switch self {
        case .link(let t, let c): return .link(f(t), c.map { $0.mappingLinks(f) })
        case .styled(let s, let c): return .styled(s, c.map { $0.mappingLinks(f) })
        case .mention(let m, let c): return .mention(m, c.map { $0.mappingLinks(f) })
        case .text, .footnoteRef, .pageBreak, .lineBreak: return self
        }
    }
}

extension Block {
    func mappingLinks(_ f: (LinkTarget) -> LinkTarget) -> Block {
        withoutActuallyEscaping(f) { f in
            let m: ([Inline]) -> [Inline] = { $0.map { $0.mappingLinks(f) } }
            let b: ([Block]) -> [Block] = { $0.map { $0.mappingLinks(f) } }
            switch self {
            case .heading(let i): return .heading(m(i))
            case .paragraph(let i, let s): return .paragraph(m(i), s)
            case .dateline(let i): return .dateline(m(i))
            case .salutation(let i): return .salutation(m(i))
            case .closer(let i): return .closer(m(i))
            case .editorialNote(let i): return .editorialNote(m(i))
            case .list(let k, let items): return .list(k, items.map(b))
            case .quote(let x): return .quote(b(x))
            case .table(let rows): return .table(rows.map { $0.map(m) })
            case .attachment(let a):
                return .attachment(Attachment(label: m(a.label), heading: m(a.heading), blocks: b(a.blocks)))
            case .container(let name, let x): return .container(name, b(x))
            }
        }
    }
}
