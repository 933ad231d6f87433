/// What a reader needs to show a volume before reading its text: its title, table of contents,
/// document titles, and enough to resolve a link into it (footnote numbers, page breaks). The
/// search index stores outlines, so a warm start lists volumes, opens a table of contents and
/// names link targets without parsing any XML.
public struct VolumeOutline: Sendable, Hashable {
    public var id: String
    public var title: String
    public var chapters: [Chapter]
    public var documents: [DocumentSummary]
    /// An announced volume not yet digitized (`Volume.isNotYetDigitized`).
    public var isNotYetDigitized = false

    public init(id: String, title: String, chapters: [Chapter], documents: [DocumentSummary]) {
        self.id = id
        self.title = title
        self.chapters = chapters
        self.documents = documents
    }

    /// The document with this number ("168"); also accepts its id ("d168"), as
    /// `Volume.document(number:)` does.
    public func document(number: String) -> DocumentSummary? {
        if let d = documents.first(where: { $0.number == number }) { return d }
        if number.hasPrefix("d"), let d = documents.first(where: { $0.number == number.dropFirst() }) { return d }
        return documents.first { $0.id == number }
    }

    /// Where printed page `page` is, by the rule of `Volume.locatePage`.
    public func locatePage(_ page: String) -> (document: DocumentSummary, atMarker: Bool)? {
        if let d = documents.first(where: { $0.pageBreaks.contains(page) }) { return (d, true) }
        let key = Volume.pageKey(page)
        if let d = documents.first(where: { $0.pageBreaks.contains { Volume.pageKey($0) == key } }) { return (d, true) }
        if let n = Int(page), let d = documents.first(where: { $0.pageBreaks.contains(String(n + 1)) }),
            d.pageBreaks.first == String(n + 1)
        {
            return (d, false)
        }
        return nil
    }
}

/// A document's number, id, title and date, and the footnotes and pages links can point at,
/// without its text.
public struct DocumentSummary: Sendable, Hashable {
    public var volumeID: String
    public var number: String
    public var id: String
    public var title: String
    public var date: String?
    /// A document proper, or a section of the front or back matter.
    public var kind: DocumentKind
    /// The numbers of its footnotes, in order.
    public var footnoteNumbers: [Int]
    /// The printed pages that begin inside it, in order (`Document.pageBreaks`).
    public var pageBreaks: [String]

    public init(
        volumeID: String, number: String, id: String, title: String, date: String?,
        kind: DocumentKind = .document, footnoteNumbers: [Int] = [], pageBreaks: [String] = []
    ) {
        self.kind = kind
        self.volumeID = volumeID
        self.number = number
        self.id = id
        self.title = title
        self.date = date
        self.footnoteNumbers = footnoteNumbers
        self.pageBreaks = pageBreaks
    }
}

extension Document {
    public var summary: DocumentSummary {
        DocumentSummary(
            volumeID: volumeID, number: number, id: id, title: title, date: date, kind: kind,
            footnoteNumbers: footnotes.map(\.number), pageBreaks: pageBreaks)
    }
}

extension Volume {
    public var outline: VolumeOutline {
        var outline = VolumeOutline(id: id, title: title, chapters: chapters, documents: documents.map(\.summary))
        outline.isNotYetDigitized = isNotYetDigitized
        return outline
    }
}

/// Outlines of volumes known without parsing them (the search index keeps them): a corpus
/// opened with one resolves links into unread volumes and lists them from it.
public protocol VolumeOutlineCache: Sendable {
    /// The outline of the volume read from `source`, if known for its file as it is now.
    func outline(of source: VolumeSource) -> VolumeOutline?
    /// The persons, terms and who-mentions-whom of the volume read from `source`, if known for
    /// its file as it is now (`frusread who` answers from it without reading XML).
    func apparatus(of source: VolumeSource) -> VolumeApparatus?
    /// The same, with only the entries `filter` keeps (and who mentions them).
    func apparatus(of source: VolumeSource, keeping filter: EntryFilter) -> VolumeApparatus?
}

extension VolumeOutlineCache {
    public func apparatus(of source: VolumeSource) -> VolumeApparatus? { nil }
    public func apparatus(of source: VolumeSource, keeping filter: EntryFilter) -> VolumeApparatus? {
        apparatus(of: source)?.keeping(filter)
    }
}
