/// A corpus search query as the user typed it, parsed: words (all must occur), `"phrases"`,
/// `prefix*`, `OR` between two terms, and `NOT term` or `-term` to exclude.
///
/// `a b OR c -d` means: a, and (b or c), and not d. `OR`, `NOT` and `AND` are operators only
/// in capitals (lower-case `or` is a word); `AND` is allowed and changes nothing. Every other
/// character is text: the index quotes every term, so nothing the user types is ever taken as
/// the index's own syntax.
public struct SearchQuery: Sendable, Hashable {
    /// One word or phrase to look for.
    public struct Term: Sendable, Hashable {
        /// The words of the term, as typed (a single word, or the words of a phrase).
        public var text: String
        /// The term ended with `*`: its last word is a prefix.
        public var isPrefix: Bool

        public init(text: String, isPrefix: Bool = false) {
            self.text = text
            self.isPrefix = isPrefix
        }

        /// The folded words of the term as the index splits them (letters and digits; any other
        /// character separates words, so `Gorbachev’s` is `gorbachev` `s`).
        public var words: [String] {
            let folded = TextFolding(caseSensitive: false).fold(text)
            var out: [String] = []
            var current = String.UnicodeScalarView()
            for s in folded.unicodeScalars {
                if s.isWordCharacter { current.append(s) } else if !current.isEmpty {
                    out.append(String(current))
                    current = String.UnicodeScalarView()
                }
            }
            if !current.isEmpty { out.append(String(current)) }
            return out
        }
    }

    /// Every group must match; a group matches when one of its terms does (terms joined by OR).
    public var required: [[Term]]
    /// No document holding one of these matches.
    public var excluded: [Term]

    public init(required: [[Term]], excluded: [Term] = []) {
        self.required = required
        self.excluded = excluded
    }

    /// The terms that make a document match, for highlighting (excluded ones never occur).
    public var positiveTerms: [Term] { required.flatMap { $0 } }

    /// Parses a query. Throws when nothing is left to look for (an empty query, only
    /// punctuation, or only excluded terms).
    public init(parsing input: String) throws(SearchQueryError) {
        var required: [[Term]] = []
        var excluded: [Term] = []
        var pendingOr = false
        var pendingNot = false
        for token in QueryLexer.tokens(input) {
            switch token {
            case .or:
                pendingOr = !required.isEmpty && !pendingNot
            case .and:
                continue
            case .not:
                pendingNot = true
            case .term(let term, let negated):
                // A term with no letter or digit ("&", "--") finds nothing: leave it out.
                guard !term.words.isEmpty else { pendingOr = false; pendingNot = false; continue }
                if negated || pendingNot {
                    excluded.append(term)
                } else if pendingOr, !required.isEmpty {
                    required[required.count - 1].append(term)
                } else {
                    required.append([term])
                }
                pendingOr = false
                pendingNot = false
            }
        }
        guard !required.isEmpty else {
            throw excluded.isEmpty ? .nothingToFind : .onlyExclusions
        }
        self.init(required: required, excluded: excluded)
    }
}

public enum SearchQueryError: Error, Sendable, Hashable, CustomStringConvertible {
    case nothingToFind
    case onlyExclusions

    public var description: String {
        switch self {
        case .nothingToFind: return "the query has no word to look for"
        case .onlyExclusions: return "the query only excludes words; add a word to look for"
        }
    }
}

/// Splits a query into terms and operators.
enum QueryLexer {
    enum Token: Hashable {
        case term(SearchQuery.Term, negated: Bool)
        case or, and, not
    }

    static func tokens(_ input: String) -> [Token] {
        var out: [Token] = []
        let chars = Array(input)
        var i = 0
        while i < chars.count {
            if chars[i].isWhitespace { i += 1; continue }
            var negated = false
            // "-word" and -"a phrase" exclude; a lone "-" is punctuation.
            if chars[i] == "-", i + 1 < chars.count, !chars[i + 1].isWhitespace {
                negated = true
                i += 1
            }
            if isQuote(chars[i]) {
                // A phrase runs to the closing quote (or the end of the query).
                var j = i + 1
                while j < chars.count, !isQuote(chars[j]) { j += 1 }
                let text = String(chars[(i + 1)..<min(j, chars.count)])
                i = j + 1
                var prefix = false
                if i < chars.count, chars[i] == "*" { prefix = true; i += 1 }
                out.append(.term(SearchQuery.Term(text: text, isPrefix: prefix), negated: negated))
                continue
            }
            var j = i
            while j < chars.count, !chars[j].isWhitespace, !isQuote(chars[j]) { j += 1 }
            var word = String(chars[i..<j])
            i = j
            if !negated {
                switch word {
                case "OR", "|": out.append(.or); continue
                case "AND", "&&": out.append(.and); continue
                case "NOT": out.append(.not); continue
                default: break
                }
            }
            var prefix = false
            while word.hasSuffix("*") {
                word.removeLast()
                prefix = true
            }
            out.append(.term(SearchQuery.Term(text: word, isPrefix: prefix), negated: negated))
        }
        return out
    }

    static func isQuote(_ c: Character) -> Bool { c == "\"" || c == "\u{201C}" || c == "\u{201D}" }
}
