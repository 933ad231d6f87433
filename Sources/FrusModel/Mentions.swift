/// Who mentions whom: the mentions of persons and terms in documents, and a volume's lists
/// with the documents mentioning each entry (`frusread who`, the reader's "Mentioned in").
extension Mention {
    /// "person" or "term", as in the JSON output.
    public var kind: String {
        switch self {
        case .person: return "person"
        case .term: return "term"
        }
    }

    /// The entry's id in the volume's list ("p_GMS_1").
    public var id: String {
        switch self {
        case .person(let id), .term(let id): return id
        }
    }
}

extension Document {
    /// Every mention in reading order (title, body, then footnotes) with its text as printed.
    public var mentions: [(mention: Mention, text: String)] {
        var out: [(Mention, String)] = []
        let visit: (Inline) -> Void = {
            if case .mention(let m, let c) = $0 { out.append((m, c.plainText.trimmingSpaces)) }
        }
        titleInlines.forEach { $0.forEach(visit) }
        blocks.forEach { $0.forEachInline(visit) }
        for note in footnotes { note.blocks.forEach { $0.forEachInline(visit) } }
        return out
    }
}

/// A volume's persons and terms lists, and which documents mention each entry: all `who`
/// needs, small enough for the search index to keep beside the outline.
public struct VolumeApparatus: Sendable, Hashable {
    public var volumeID: String
    /// The persons, by name.
    public var persons: [Person]
    /// The terms, by term.
    public var terms: [Term]
    /// For each entry mentioned, the numbers of the documents proper (not front or back matter
    /// sections) mentioning it — in title, body or footnotes — in volume order.
    public var mentionedIn: [Mention: [String]]

    public init(volumeID: String, persons: [Person], terms: [Term], mentionedIn: [Mention: [String]]) {
        self.volumeID = volumeID
        self.persons = persons
        self.terms = terms
        self.mentionedIn = mentionedIn
    }
}

extension Volume {
    public var apparatus: VolumeApparatus {
        var mentionedIn: [Mention: [String]] = [:]
        for doc in documents where doc.kind == .document {
            var seen = Set<Mention>()
            for (m, _) in doc.mentions where seen.insert(m).inserted {
                mentionedIn[m, default: []].append(doc.number)
            }
        }
        return VolumeApparatus(
            volumeID: id,
            persons: persons.values.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) },
            terms: terms.values.sorted { ($0.term.lowercased(), $0.id) < ($1.term.lowercased(), $1.id) },
            mentionedIn: mentionedIn)
    }
}

extension Corpus {
    /// The apparatus of volume `id`: from the volume if read, else from the index (no XML
    /// read), else read now. Nil when there is no such volume or it cannot be read.
    public func apparatus(ofVolume id: String) -> VolumeApparatus? {
        if let v = loadedVolume(id) { return v.apparatus }
        if let outlines, let source = source(id), let a = outlines.apparatus(of: source) { return a }
        return volume(id)?.apparatus
    }

    /// The same, with only the entries `filter` keeps: from the index, entries left out are
    /// never made (`who` over a series keeps a handful of 100,000).
    public func apparatus(ofVolume id: String, keeping filter: EntryFilter) -> VolumeApparatus? {
        if let v = loadedVolume(id) { return v.apparatus.keeping(filter) }
        if let outlines, let source = source(id), let a = outlines.apparatus(of: source, keeping: filter) { return a }
        return volume(id)?.apparatus.keeping(filter)
    }
}

/// Which entries of a volume's lists to keep, judged on each entry's id and label (a person's
/// name, a term) as UTF-8 bytes, before anything is made of the entry.
public struct EntryFilter: Sendable {
    public let keeps: @Sendable (_ id: UnsafeRawBufferPointer, _ label: UnsafeRawBufferPointer) -> Bool

    public init(_ keeps: @escaping @Sendable (_ id: UnsafeRawBufferPointer, _ label: UnsafeRawBufferPointer) -> Bool) {
        self.keeps = keeps
    }

    public func keeps(id: String, label: String) -> Bool {
        var id = id
        var label = label
        return id.withUTF8 { i in label.withUTF8 { l in keeps(UnsafeRawBufferPointer(i), UnsafeRawBufferPointer(l)) } }
    }
}

extension VolumeApparatus {
    /// Only the entries `filter` keeps, and who mentions them.
    public func keeping(_ filter: EntryFilter) -> VolumeApparatus {
        let persons = persons.filter { filter.keeps(id: $0.id, label: $0.name) }
        let terms = terms.filter { filter.keeps(id: $0.id, label: $0.term) }
        let kept = Set(persons.map { Mention.person($0.id) } + terms.map { Mention.term($0.id) })
        return VolumeApparatus(
            volumeID: volumeID, persons: persons, terms: terms, mentionedIn: mentionedIn.filter { kept.contains($0.key) })
    }
}
