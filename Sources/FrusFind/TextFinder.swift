/// What to find in a document.
public enum FindPattern: Sendable, Hashable {
    /// What the reader typed after `/`: found anywhere (inside words too), white space matching
    /// any white space or line end, case-insensitive unless it has a capital (smartcase).
    case literal(String)
    /// The terms of a corpus query, found as the index finds them: whole words (the last one a
    /// prefix for `term*`), phrases as consecutive words, always case-insensitive. Used after
    /// opening a corpus search result, so that `n`/`N` go through what made it match.
    case terms(SearchQuery)

    /// The folding the pattern matches with.
    public var folding: TextFolding {
        switch self {
        case .literal(let s): return .smartcase(for: s)
        case .terms: return TextFolding(caseSensitive: false)
        }
    }

    /// True when the pattern can match nothing (an empty or blank query).
    public var isEmpty: Bool {
        switch self {
        case .literal(let s): return !s.contains { !$0.isWhitespace }
        case .terms(let q): return q.positiveTerms.allSatisfy { $0.words.isEmpty }
        }
    }
}

/// Finds a pattern in text. Pure and cheap: a document of 30 KB is searched in well under a
/// millisecond, so the reader can search again on every keystroke or resize.
public struct TextFinder: Sendable {
    public let pattern: FindPattern

    public init(_ pattern: FindPattern) { self.pattern = pattern }

    /// The matches in `text`, in order, not overlapping.
    public func ranges(in text: String) -> [Range<String.Index>] {
        var folded = FoldedText(folding: pattern.folding)
        var indices: [String.Index] = []
        var i = text.startIndex
        while i < text.endIndex {
            folded.append(text[i], origin: indices.count)
            indices.append(i)
            i = text.index(after: i)
        }
        return matches(in: folded).map { m in
            let last = indices[m.last]
            return indices[m.first]..<text.index(after: last)
        }
    }

    /// The matches as inclusive ranges of origins (`first...last` source positions).
    func matches(in text: FoldedText) -> [(first: Int, last: Int)] {
        let found: [Range<Int>]
        switch pattern {
        case .literal(let query):
            found = Self.literalMatches(of: Self.foldedQuery(query, pattern.folding), in: text.scalars)
        case .terms(let query):
            found = WordMatcher(text.scalars).matches(of: query.positiveTerms)
        }
        return found.map { (text.origins[$0.lowerBound], text.origins[$0.upperBound - 1]) }
    }

    static func foldedQuery(_ query: String, _ folding: TextFolding) -> [Unicode.Scalar] {
        var q = FoldedText(folding: folding)
        for c in query { q.append(c, origin: 0) }
        q.trimTrailingSpace()
        return q.scalars
    }

    /// Every non-overlapping occurrence of `needle`, left to right.
    static func literalMatches(of needle: [Unicode.Scalar], in hay: [Unicode.Scalar]) -> [Range<Int>] {
        guard let first = needle.first, needle.count <= hay.count else { return [] }
        var out: [Range<Int>] = []
        var i = 0
        let lastStart = hay.count - needle.count
        while i <= lastStart {
            if hay[i] == first {
                var k = 1
                while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                if k == needle.count {
                    out.append(i..<(i + needle.count))
                    i += needle.count
                    continue
                }
            }
            i += 1
        }
        return out
    }
}

/// Whole-word matching, as the full-text index matches: the text split into words (runs of
/// letters and digits), a term matching consecutive words.
struct WordMatcher {
    private let hay: [Unicode.Scalar]
    /// Each word of the text: its scalar range and its text.
    private var words: [(range: Range<Int>, text: String)] = []

    init(_ hay: [Unicode.Scalar]) {
        self.hay = hay
        var start: Int?
        for (i, s) in hay.enumerated() {
            if s.isWordCharacter {
                if start == nil { start = i }
            } else if let s0 = start {
                words.append((s0..<i, String(String.UnicodeScalarView(hay[s0..<i]))))
                start = nil
            }
        }
        if let s0 = start { words.append((s0..<hay.count, String(String.UnicodeScalarView(hay[s0...])))) }
    }

    func matches(of terms: [SearchQuery.Term]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for term in terms {
            let wanted = term.words
            guard !wanted.isEmpty, wanted.count <= words.count else { continue }
            for i in 0...(words.count - wanted.count) where matches(wanted, prefix: term.isPrefix, at: i) {
                found.append(words[i].range.lowerBound..<words[i + wanted.count - 1].range.upperBound)
            }
        }
        // In text order; where two terms overlap ("soviet" and "soviet union"), the first wins.
        found.sort { ($0.lowerBound, -$0.count) < ($1.lowerBound, -$1.count) }
        var out: [Range<Int>] = []
        for r in found where out.last.map({ r.lowerBound >= $0.upperBound }) ?? true { out.append(r) }
        return out
    }

    private func matches(_ wanted: [String], prefix: Bool, at i: Int) -> Bool {
        for (k, w) in wanted.enumerated() {
            let word = words[i + k].text
            if prefix && k == wanted.count - 1 {
                if !word.hasPrefix(w) { return false }
            } else if word != w {
                return false
            }
        }
        return true
    }
}
