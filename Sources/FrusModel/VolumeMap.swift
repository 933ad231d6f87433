/// Where each document of a volume file is, found by one fast pass over its bytes that builds
/// nothing: a reader opens one document by reading it alone, and reads the rest of the volume
/// later (lazy opening). A format that cannot read a document alone has no map.
public protocol VolumeMap: Sendable {
    /// The documents and sections of the volume, in volume order (as `Volume.documents`).
    var documents: [MappedDocument] { get }
    /// Reads the document at `position` alone, as reading the whole volume builds it. Throws
    /// when it cannot be read alone (the whole volume is then read instead).
    func read(_ position: Int) throws -> Document
    /// Positions of the documents printed page `page` may begin in, in volume order: a
    /// reader checks each document's own page breaks (`Volume.locatePage`'s rule).
    func positions(ofPage page: String) -> [Int]
}

/// A document as a volume map knows it: its number, id and kind, without its text.
public struct MappedDocument: Sendable, Hashable {
    public var number: String
    public var id: String
    public var kind: DocumentKind

    public init(number: String, id: String, kind: DocumentKind) {
        self.number = number
        self.id = id
        self.kind = kind
    }
}

extension VolumeMap {
    /// The position of a document by number or id, by the rule of `Volume.position(of:)`.
    public func position(of number: String) -> Int? {
        if let i = documents.firstIndex(where: { $0.number == number }) { return i }
        if number.hasPrefix("d"), let i = documents.firstIndex(where: { $0.number == number.dropFirst() }) { return i }
        if let i = documents.firstIndex(where: { $0.id == number }) { return i }
        let folded = DocumentNumber.folded(number)
        return documents.firstIndex { DocumentNumber.folded($0.number) == folded }
    }

    /// Where the reader opens the volume: the first document proper, else the first section
    /// (`Volume.firstDocument`).
    public var firstPosition: Int? {
        documents.firstIndex { $0.kind == .document } ?? (documents.isEmpty ? nil : 0)
    }
}
