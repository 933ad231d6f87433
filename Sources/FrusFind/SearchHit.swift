/// One document found by a corpus search, best first in a result list.
public struct SearchHit: Sendable, Hashable {
    public var volumeID: String
    /// The document number ("175").
    public var number: String
    public var title: String
    /// Text around the best match, the matching words marked.
    public var snippet: Snippet
    /// Relevance (BM25, higher is better; only the order means something).
    public var score: Double

    public init(volumeID: String, number: String, title: String, snippet: Snippet, score: Double) {
        self.volumeID = volumeID
        self.number = number
        self.title = title
        self.snippet = snippet
        self.score = score
    }
}

/// A snippet: plain text cut into parts, some of them matches (to draw as `search.match`).
public struct Snippet: Sendable, Hashable {
    public struct Part: Sendable, Hashable {
        public var text: String
        public var isMatch: Bool
        public init(text: String, isMatch: Bool) {
            self.text = text
            self.isMatch = isMatch
        }
    }

    public var parts: [Part]

    public init(parts: [Part]) { self.parts = parts }

    /// The index marks matches with two characters that never occur in documents (private-use
    /// code points); this splits such a text into parts.
    public init(marked: String, open: Character = Snippet.openMark, close: Character = Snippet.closeMark) {
        var parts: [Part] = []
        var current = ""
        var inMatch = false
        for c in marked {
            if c == open || c == close {
                if !current.isEmpty { parts.append(Part(text: current, isMatch: inMatch)) }
                current = ""
                inMatch = c == open
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { parts.append(Part(text: current, isMatch: inMatch)) }
        self.parts = parts
    }

    public static let openMark: Character = "\u{E000}"
    public static let closeMark: Character = "\u{E001}"

    /// The text without marks.
    public var text: String { parts.map(\.text).joined() }

    /// The text with each match between `open` and `close` ("[Shcharanskiy]").
    public func marked(open: String = "[", close: String = "]") -> String {
        parts.map { $0.isMatch ? open + $0.text + close : $0.text }.joined()
    }
}
