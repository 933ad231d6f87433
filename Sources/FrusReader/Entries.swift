import FrusFind
import FrusModel

/// An entry of a volume's persons or terms list, as the reader shows it.
public struct EntryRow: Sendable, Hashable {
    public var mention: Mention
    /// The list's label: "Baldrige, Malcolm"; "INF".
    public var name: String
    /// The rest of the entry: "Secretary of Commerce …"; "Intermediate-range Nuclear Forces".
    public var description: String

    public init(mention: Mention, name: String, description: String) {
        self.mention = mention
        self.name = name
        self.description = description
    }

    /// Name, description and id folded (no case, no accents), for the filter.
    var folded: String { Entries.fold(name + " " + description + " " + mention.entryID) }

    public var id: String { mention.entryID }

    public var isPerson: Bool { if case .person = mention { return true } else { return false } }
}

/// A document mentioning an entry, and how often (title, body and footnotes).
public struct MentionCount: Sendable, Hashable {
    public var number: String
    public var title: String
    public var date: String?
    public var count: Int
}

/// The entry overlay: one person or term, and the documents mentioning it.
public struct EntryState: Sendable, Hashable {
    public var volume: String
    public var entry: EntryRow
    public var mentionedIn: [MentionCount]
    /// Documents of the corpus's other volumes naming the entry (ids are a volume's own, so
    /// other volumes are found by the name, with the search index).
    public var elsewhere: ElsewhereMentions = .notAsked
    /// The date of each of `elsewhereHits` (from its volume's outline), when known.
    public var elsewhereDates: [String?] = []
    /// Index into the rows listed: `mentionedIn`, then the hits of `elsewhere`.
    public var selection = 0

    /// The documents of other volumes found so far.
    public var elsewhereHits: [SearchHit] {
        if case .found(_, let hits) = elsewhere { return hits }
        return []
    }

    /// Rows Enter can open: this volume's documents, then the other volumes'.
    public var selectableCount: Int { mentionedIn.count + elsewhereHits.count }
}

/// Mentions of an entry's name in the other volumes of the corpus, from the search index.
public enum ElsewhereMentions: Sendable, Hashable {
    /// Not looked for: the corpus has no other volume, or the entry has no name to look for.
    case notAsked
    /// Asked of the index (`Effect.searchElsewhere`); the overlay says so meanwhile.
    case searching(ElsewhereRequest)
    /// The documents found, best first, none in the entry's own volume.
    case found(ElsewhereRequest, [SearchHit])
    /// Why nothing can be said (no search index yet, or the search failed).
    case unavailable(String)
}

/// A look-up of an entry's name in the volumes other than its own.
public struct ElsewhereRequest: Sendable, Hashable {
    /// The entry's volume, left out of the search.
    public var volume: String
    public var mention: Mention
    /// The query as the overlay shows it: the name as a phrase (`"Dobrynin"`).
    public var text: String
    public var query: SearchQuery

    public init(volume: String, mention: Mention, text: String, query: SearchQuery) {
        self.volume = volume
        self.mention = mention
        self.text = text
        self.query = query
    }
}

/// The persons-and-terms overlay (`P`): every entry of a volume, filtered by typing.
public struct EntriesState: Sendable, Hashable {
    public var volume: String
    /// Every entry, by name (persons and terms together).
    public var all: [EntryRow]
    public var filter = ""
    /// Indices into `all` of the entries the filter lets through.
    public var shown: [Int]
    /// `all` folded for the filter, made at the first letter typed (opening stays fast).
    var folded: [String] = []
    /// Index into `shown`.
    public var selection = 0
    public var scroll = 0

    public init(volume: String, all: [EntryRow], filter: String = "") {
        self.volume = volume
        self.all = all
        self.filter = filter
        shown = Array(all.indices)
        if !filter.isEmpty { refilter() }
    }

    /// `shown` for the current filter.
    mutating func refilter() {
        if folded.isEmpty, !filter.isEmpty { folded = all.map(\.folded) }
        shown = Entries.matching(folded, filter)
    }
}

/// Looking up persons and terms: pure functions over a volume.
public enum Entries {
    static let folding = TextFolding(caseSensitive: false)

    /// Every entry of the volume's lists, sorted by name.
    public static func rows(of volume: Volume) -> [EntryRow] {
        var rows: [EntryRow] = []
        rows.reserveCapacity(volume.persons.count + volume.terms.count)
        for p in volume.persons.values { rows.append(EntryRow(mention: .person(p.id), name: p.name, description: p.description)) }
        for t in volume.terms.values { rows.append(EntryRow(mention: .term(t.id), name: t.term, description: t.description)) }
        // Folded names compare without case; the id settles ties so the order never varies.
        // Compared as bytes: String's `<` (Unicode ordering) made sorting 1,000 names cost ms.
        let keys = rows.map { Array(fold($0.name).utf8) + [0] + Array($0.id.utf8) }
        let order = rows.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        return order.map { rows[$0] }
    }

    /// Folded for comparing: ASCII (nearly every name) lower-cased byte by byte; anything else
    /// through the search's folding (accents, apostrophes).
    static func fold(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for b in text.utf8 {
            guard b < 0x80 else { return folding.fold(text) }
            bytes.append(b >= 65 && b <= 90 ? b + 32 : b)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The entry a mention names, if the volume's lists have it.
    public static func row(_ mention: Mention, in volume: Volume) -> EntryRow? {
        switch mention {
        case .person(let id):
            return volume.persons[id].map { EntryRow(mention: mention, name: $0.name, description: $0.description) }
        case .term(let id):
            return volume.terms[id].map { EntryRow(mention: mention, name: $0.term, description: $0.description) }
        }
    }

    /// Indices of the entries (folded: `EntryRow.folded`) that hold every word of `filter`.
    public static func matching(_ folded: [String], _ filter: String) -> [Int] {
        let words = filter.split(separator: " ").map { fold(String($0)) }
        guard !words.isEmpty else { return Array(folded.indices) }
        return folded.indices.filter { i in words.allSatisfy { folded[i].contains($0) } }
    }

    /// `:who QUERY`: the entries a query names. An exact id, abbreviation, name or surname wins
    /// over entries merely containing the query ("INF" is the term INF, not "SRINF").
    public static func lookUp(_ query: String, in rows: [EntryRow]) -> [EntryRow] {
        let q = fold(query.trimmingSpaces)
        guard !q.isEmpty else { return [] }
        let exact = rows.filter { row in
            let name = fold(row.name)
            let surname = name.split(separator: ",").first.map { String($0).trimmingSpaces } ?? name
            return fold(row.id) == q || name == q || surname == q
        }
        if !exact.isEmpty { return exact }
        return matching(rows.map(\.folded), query).map { rows[$0] }
    }

    /// How often each document of the volume mentions `mention` (title, body, footnotes), in
    /// volume order; documents that never do are left out, and so are the front and back
    /// matter's sections (the persons list names every person: it is where an entry stands,
    /// not a document mentioning it — as `frusread who` counts).
    public static func mentionedIn(_ mention: Mention, volume: Volume) -> [MentionCount] {
        var out: [MentionCount] = []
        for doc in volume.documents where doc.kind == .document {
            let n = count(mention, in: doc)
            if n > 0 { out.append(MentionCount(number: doc.number, title: doc.title, date: doc.date, count: n)) }
        }
        return out
    }

    /// The phrase other volumes name an entry by: a person's surname (the list's label up to
    /// its comma: "Dobrynin, Anatoly F." → `"Dobrynin"`; a label without one whole), a term
    /// itself (`"INF"`). Ids differ from volume to volume; names are what the text shares.
    /// Nil when the label has no word to look for.
    public static func elsewhereRequest(for row: EntryRow, volume: String) -> ElsewhereRequest? {
        let label = row.isPerson ? String(row.name.split(separator: ",", maxSplits: 1).first ?? "") : row.name
        // Only the words: the query language's quotes, stars and minus signs are not names.
        let words = label.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }
        guard !words.isEmpty else { return nil }
        let text = "\"" + words.joined(separator: " ") + "\""
        guard let query = try? SearchQuery(parsing: text) else { return nil }
        return ElsewhereRequest(volume: volume, mention: row.mention, text: text, query: query)
    }

    public static func count(_ mention: Mention, in doc: Document) -> Int {
        var n = 0
        let visit: (Inline) -> Void = { if case .mention(let m, _) = $0, m == mention { n += 1 } }
        doc.titleInlines.forEach { $0.forEach(visit) }
        doc.blocks.forEach { $0.forEachInline(visit) }
        doc.footnotes.forEach { $0.blocks.forEach { $0.forEachInline(visit) } }
        return n
    }
}

extension Mention {
    /// The id in the volume's list ("p_BMH1", "t_INF1").
    public var entryID: String {
        switch self {
        case .person(let id), .term(let id): return id
        }
    }
}
