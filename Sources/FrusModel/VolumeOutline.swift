/// What a reader needs to show a volume before reading its text: its title, table of contents
/// and document titles. The search index stores outlines, so a warm start lists volumes, opens
/// a table of contents and names link targets without parsing any XML.
public struct VolumeOutline: Sendable, Hashable {
    public var id: String
    public var title: String
    public var chapters: [Chapter]
    public var documents: [DocumentSummary]

    public init(id: String, title: String, chapters: [Chapter], documents: [DocumentSummary]) {
        self.id = id
        self.title = title
        self.chapters = chapters
        self.documents = documents
    }

    public func document(number: String) -> DocumentSummary? { documents.first { $0.number == number } }
}

/// A document's number, id, title and date, without its text.
public struct DocumentSummary: Sendable, Hashable {
    public var volumeID: String
    public var number: String
    public var id: String
    public var title: String
    public var date: String?

    public init(volumeID: String, number: String, id: String, title: String, date: String?) {
        self.volumeID = volumeID
        self.number = number
        self.id = id
        self.title = title
        self.date = date
    }
}

extension Volume {
    public var outline: VolumeOutline {
        VolumeOutline(
            id: id, title: title, chapters: chapters,
            documents: documents.map {
                DocumentSummary(volumeID: id, number: $0.number, id: $0.id, title: $0.title, date: $0.date)
            })
    }
}
