import FrusFind
import Testing

@testable import FrusSearch

/// The query language and its translation to FTS5: every user term quoted, operators ours.
@Suite struct QuerySyntaxTests {
    func fts(_ text: String) throws -> String {
        FTSQuery.expression(for: try SearchQuery(parsing: text))
    }

    @Test func wordsAreAllRequired() throws {
        #expect(try fts("Gorbachev Geneva") == #""Gorbachev" AND "Geneva""#)
    }

    @Test func phrasesStayTogether() throws {
        #expect(try fts(#""divided spouses" Moscow"#) == #""divided spouses" AND "Moscow""#)
        // Curly quotes typed (or pasted) work as quotes.
        #expect(try fts("“divided spouses”") == #""divided spouses""#)
        // An unterminated phrase runs to the end.
        #expect(try fts(#""human rights"#) == #""human rights""#)
    }

    @Test func prefixes() throws {
        #expect(try fts("Shcharan*") == #""Shcharan"*"#)
        #expect(try fts(#""Soviet Uni"*"#) == #""Soviet Uni"*"#)
    }

    @Test func orJoinsTheTermsBesideIt() throws {
        #expect(try fts("Sakharov OR Orlov Moscow") == #"("Sakharov" OR "Orlov") AND "Moscow""#)
        #expect(try fts("a OR b OR c") == #"("a" OR "b" OR "c")"#)
        // Lower-case "or" is a word; a dangling OR is dropped.
        #expect(try fts("war or peace") == #""war" AND "or" AND "peace""#)
        #expect(try fts("OR Geneva OR") == #""Geneva""#)
    }

    @Test func notAndMinusExclude() throws {
        #expect(try fts("Geneva -summit") == #"("Geneva") NOT ("summit")"#)
        #expect(try fts("Geneva NOT summit NOT Reykjavik") == #"("Geneva") NOT ("summit" OR "Reykjavik")"#)
        #expect(try fts(#"Geneva -"arms control""#) == #"("Geneva") NOT ("arms control")"#)
        // A hyphen inside a word is part of the word (the tokenizer splits it).
        #expect(try fts("cold-war") == #""cold-war""#)
        #expect(try fts("- Geneva") == #""Geneva""#)
    }

    @Test func andIsAllowed() throws {
        #expect(try fts("Geneva AND summit") == #""Geneva" AND "summit""#)
    }

    /// FTS5 syntax typed by the user is text: quotes doubled, operators and column filters
    /// inside a quoted string mean nothing to FTS5.
    @Test(arguments: [
        (#"foo"bar"#, #""foo" AND "bar""#),
        ("NEAR(a b)", #""NEAR(a" AND "b)""#),
        ("title:Geneva", #""title:Geneva""#),
        ("^Geneva", #""^Geneva""#),
        ("{title body}:x", #""{title" AND "body}:x""#),
        ("a+b", #""a+b""#),
    ])
    func ftsSyntaxIsQuoted(input: String, expected: String) throws {
        #expect(try fts(input) == expected)
    }

    @Test func emptyQueriesAreRejected() {
        #expect(throws: SearchQueryError.nothingToFind) { try SearchQuery(parsing: "") }
        #expect(throws: SearchQueryError.nothingToFind) { try SearchQuery(parsing: "  & -- * \"\" ") }
        #expect(throws: SearchQueryError.onlyExclusions) { try SearchQuery(parsing: "-Geneva NOT Moscow") }
    }

    @Test func termsSplitIntoFoldedWordsAsTheIndexDoes() throws {
        let q = try SearchQuery(parsing: "Gorbachev’s U.S. Sáchárov")
        #expect(q.positiveTerms.map(\.words) == [["gorbachev", "s"], ["u", "s"], ["sacharov"]])
    }
}
