/// A FRUS volume: documents in order, its table of contents, persons and terms.
public struct Volume: Sendable {
    /// "frus1981-88v05"
    public var id: String
    /// "Foreign Relations of the United States, 1981–1988, Volume V, Soviet Union, March 1985–October 1986"
    public var title: String
    public private(set) var documents: [Document]
    /// Chapters, compilations and sections in reading order (a flat list with depths).
    public var chapters: [Chapter]
    /// Persons of the volume's persons list, by id ("p_GMS1").
    public var persons: [String: Person]
    /// Terms of the volume's abbreviations and terms list, by id ("t_ABM1").
    public var terms: [String: Term]
    /// Titles, editors and imprint, for citations.
    public var bibliography = Bibliography()

    /// The publication status the source gives (TEI `revisionDesc/@status`: "published",
    /// "being-digitized", "being-researched" …), if any.
    public var status: String?
    /// Elements of the text the importer has no rule for, by name, with how often they occur
    /// (their text is kept): shown by `frusread check` so gaps are visible.
    public var unknownElements: [String: Int] = [:]
    /// Remarks on the source that are not defects of reading it, reported by `frusread check`
    /// only (a source date not trusted: "1804-07-06" in an 1894 volume).
    public var remarks: [Diagnostic] = []

    /// An announced volume whose text is not yet available: no documents, and a status that
    /// says it is being prepared.
    public var isNotYetDigitized: Bool { documents.isEmpty && Volume.isPreparing(status) }

    /// Whether a `revisionDesc/@status` means the text is still being prepared.
    public static func isPreparing(_ status: String?) -> Bool {
        guard let status = status?.lowercased(), !status.isEmpty else { return false }
        return status != "published" && status != "complete" && status != "completed"
    }

    private var positionByNumber: [String: Int]
    /// The document and position in it where each printed page begins.
    private var pageIndex: [String: Int]

    public init(
        id: String, title: String, documents: [Document], chapters: [Chapter] = [],
        persons: [String: Person] = [:], terms: [String: Term] = [:]
    ) {
        self.id = id
        self.title = title
        self.documents = documents
        self.chapters = chapters
        self.persons = persons
        self.terms = terms
        var byNumber: [String: Int] = [:]
        var pages: [String: Int] = [:]
        for (i, doc) in documents.enumerated() {
            if byNumber[doc.number] == nil { byNumber[doc.number] = i }
            for page in doc.pageBreaks {
                // "[VIII]" (a page printed without its number) is also found as "VIII".
                for key in [page, Self.pageKey(page)] where pages[key] == nil { pages[key] = i }
            }
        }
        positionByNumber = byNumber
        pageIndex = pages
    }

    /// The document with this number ("168"); also accepts its id ("d168").
    public func document(number: String) -> Document? {
        if let i = position(of: number) { return documents[i] }
        return nil
    }

    /// The position of a document in `documents`, by number or id; else by the number as
    /// typed (`DocumentNumber.folded`: "ETA-1" for "ETA–1").
    public func position(of number: String) -> Int? {
        if let i = positionByNumber[number] { return i }
        if number.hasPrefix("d"), let i = positionByNumber[String(number.dropFirst())] { return i }
        if let i = documents.firstIndex(where: { $0.id == number }) { return i }
        let folded = DocumentNumber.folded(number)
        return documents.firstIndex { DocumentNumber.folded($0.number) == folded }
    }

    /// Where printed page `page` is: the document it begins in, and whether the page begins
    /// at a marker inside it (`atMarker`) or at the document's top.
    ///
    /// A page with no marker of its own is the page a document starts on: page 765 is the top
    /// of the document whose first marker is 766.
    public func locatePage(_ page: String) -> (document: Document, atMarker: Bool)? {
        if let i = pageIndex[page] ?? pageIndex[Self.pageKey(page)] { return (documents[i], true) }
        if let n = Int(page), let i = pageIndex[String(n + 1)], documents[i].pageBreaks.first == String(n + 1) {
            return (documents[i], false)
        }
        return nil
    }

    /// The key a printed page is also found by: without brackets, roman numerals in capitals
    /// ("[viii]" → "VIII"), so `:p xiii` finds the front matter's page XIII.
    public static func pageKey(_ page: String) -> String {
        var p = Substring(page.trimmingSpaces)
        if p.hasPrefix("["), p.hasSuffix("]"), p.count > 2 { p = p.dropFirst().dropLast() }
        if !p.isEmpty, p.allSatisfy({ "ivxlcdmIVXLCDM".contains($0) }) { return p.uppercased() }
        return String(p)
    }

    /// The documents proper, without the sections of the front and back matter.
    public var documentsProper: [Document] { documents.filter { $0.kind == .document } }

    /// The first document proper (where the reader opens), else the first section.
    public var firstDocument: Document? { documents.first { $0.kind == .document } ?? documents.first }

    /// The short form used in title lines and citations: "FRUS, 1981–1988, vol. V".
    public var shortTitle: String { VolumeID(id).citation ?? id }
}

/// A chapter, compilation or section of a volume's table of contents.
public struct Chapter: Sendable, Hashable {
    /// The source's id ("ch4"), if any.
    public var id: String?
    public var title: String
    /// 0 for top-level divisions, 1 for their sections, …
    public var depth: Int
    /// Numbers of the documents directly in this division, in order.
    public var documentNumbers: [String]

    public init(id: String?, title: String, depth: Int, documentNumbers: [String]) {
        self.id = id
        self.title = title
        self.depth = depth
        self.documentNumbers = documentNumbers
    }
}

/// An entry of a volume's persons list.
public struct Person: Sendable, Hashable {
    public var id: String
    /// "Gorbachev, Mikhail S."
    public var name: String
    /// "General Secretary of the Communist Party of the Soviet Union from March 1985"
    public var description: String

    public init(id: String, name: String, description: String) {
        self.id = id
        self.name = name
        self.description = description
    }
}

/// An entry of a volume's abbreviations and terms list.
public struct Term: Sendable, Hashable {
    public var id: String
    /// "ABM"
    public var term: String
    /// "Anti-Ballistic Missile"
    public var description: String

    public init(id: String, term: String, description: String) {
        self.id = id
        self.term = term
        self.description = description
    }
}
