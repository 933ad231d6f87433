import FrusFind

/// Turns a parsed query into an FTS5 `MATCH` expression. Nothing the user typed reaches FTS5
/// unquoted: every term becomes a string literal (`"` doubled inside), which FTS5 splits with
/// the table's own tokenizer, so `U.S.` is the phrase `u s` and `Gorbachev’s` the phrase
/// `gorbachev s`. Only `*`, `AND`, `OR`, `NOT` and parentheses are ours.
enum FTSQuery {
    static func expression(for query: SearchQuery) -> String {
        let groups = query.required.map { group -> String in
            let terms = group.map(term)
            return terms.count == 1 ? terms[0] : "(" + terms.joined(separator: " OR ") + ")"
        }
        var expression = groups.joined(separator: " AND ")
        if !query.excluded.isEmpty {
            expression = "(" + expression + ") NOT (" + query.excluded.map(term).joined(separator: " OR ") + ")"
        }
        return expression
    }

    /// A term as an FTS5 string: the text as typed, which the index's tokenizer splits and
    /// folds exactly as it did the documents.
    static func term(_ t: SearchQuery.Term) -> String {
        let literal = "\"" + t.text.replacingQuotes() + "\""
        return t.isPrefix ? literal + "*" : literal
    }
}

extension String {
    /// `"` doubled, as inside an FTS5 string.
    fileprivate func replacingQuotes() -> String {
        guard contains("\"") else { return self }
        return split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"")
    }
}
