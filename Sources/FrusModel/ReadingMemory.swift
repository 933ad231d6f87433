/// What the reader remembers between sessions, as plain values: where it was, its marks and the
/// trail of documents opened. The reader (FrusReader) keeps them in its state and the user files
/// (FrusUserFiles) store them; both see them here, so neither depends on the other.

/// A place in a document exactly: what resume, marks and back/forward restore.
public struct ReadingPlace: Sendable, Hashable, Codable {
    public var volume: String
    public var document: String
    /// First line of the document pane.
    public var scroll: Int
    /// The selected reference of the document pane, if any.
    public var selection: Int?
    public var footnoteScroll: Int
    public var footnoteSelection: Int?
    public var linkScroll: Int
    public var linkSelection: Int?
    /// The focused pane: "document", "footnotes" or "links".
    public var focus: String

    public init(
        volume: String, document: String, scroll: Int = 0, selection: Int? = nil, footnoteScroll: Int = 0,
        footnoteSelection: Int? = nil, linkScroll: Int = 0, linkSelection: Int? = nil, focus: String = "document"
    ) {
        self.volume = volume
        self.document = document
        self.scroll = scroll
        self.selection = selection
        self.footnoteScroll = footnoteScroll
        self.footnoteSelection = footnoteSelection
        self.linkScroll = linkScroll
        self.linkSelection = linkSelection
        self.focus = focus
    }
}

/// A mark (`m` + letter): a place, with what the marks overlay shows of it.
public struct Mark: Sendable, Hashable, Codable {
    public var place: ReadingPlace
    /// The document's title when the mark was set.
    public var title: String
    /// The document's date (ISO 8601), if known.
    public var date: String?
    /// When the mark was set (ISO 8601).
    public var set: String

    public init(place: ReadingPlace, title: String, date: String? = nil, set: String) {
        self.place = place
        self.title = title
        self.date = date
        self.set = set
    }
}

/// A document opened, as the lasting history (`H`, `frusread history`) records it.
public struct Visit: Sendable, Hashable, Codable {
    /// When (ISO 8601).
    public var time: String
    public var volume: String
    public var document: String
    public var title: String

    public init(time: String, volume: String, document: String, title: String) {
        self.time = time
        self.volume = volume
        self.document = document
        self.title = title
    }
}
