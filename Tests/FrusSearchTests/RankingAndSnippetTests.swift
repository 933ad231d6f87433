import Foundation
import FrusFind
import FrusDeflate
import FrusImport
import FrusModel
@testable import FrusSearch
import FrusTestSupport
import Testing

/// The index ranks with `frus_rank` (FTS5's BM25 whose document counts stop at a limit) and
/// makes snippets with `frus_snippet` in one cursor (issue 14, query latency): the same scores
/// as FTS5's `bm25()` for phrases under the limit, the same snippets as row by row, and
/// snippets that show the match.
@Suite(.serialized) struct RankingAndSnippetTests {
    static let queries = [
        "Shcharanskiy", "the", "Moscow", #""divided spouses""#, #""Soviet Union""#, "nuclear*", "Shevard*",
        "Sakharov OR Orlov", "summit -Geneva", "human rights NOT emigration", "Moscow embassy", "Gorbachev’s",
    ]

    /// Two copies of the partial volume (92 documents; no phrase reaches the count limit); nil,
    /// and the test skipped with a message, when ../shared is absent: the bundled sample's two
    /// documents hold too few of the queries' words to compare scores or snippets.
    static func openCorpus(_ name: String) throws -> (Corpus, SearchIndex, ScratchCorpus)? {
        guard let partial = Fixtures.partialVolume else {
            print(Fixtures.sharedMissing)
            return nil
        }
        let scratch = try ScratchCorpus(name)
        try scratch.addTEIVolume("frus1981-88v61", from: partial)
        try scratch.addTEIVolume("frus1981-88v62", from: partial)
        let (corpus, index, _) = try scratch.open()
        return (corpus, index, scratch)
    }

    @Test func rankEqualsFTS5BM25WhenEveryPhraseIsCounted() throws {
        guard let opened = try Self.openCorpus("rank") else { return }
        let (_, index, scratch) = opened
        defer { scratch.remove() }
        var compared = 0
        for q in Self.queries {
            let rows = try index.scoresBothWays(SearchQuery(parsing: q))
            for row in rows {
                #expect(abs(row.bm25 - row.ours) <= 1e-9 * max(1, abs(row.bm25)), "\(q) row \(row.rowid): \(row.bm25) vs \(row.ours)")
            }
            compared += rows.count
        }
        #expect(compared > 100)
    }

    @Test func documentCountsBeyondTheLimitAreEstimatedFromHowFarTheCountGot() {
        // Counted to the end: exact.
        #expect(RankFunction.estimatedDocuments(counted: 37, last: 900, complete: true, low: 1, high: 1000, rows: 1000) == 37)
        // 2,000 found in the first quarter of the documents: about 8,000.
        #expect(RankFunction.estimatedDocuments(counted: 2000, last: 25_000, complete: false, low: 1, high: 100_000, rows: 100_000) == 8000)
        // Never more than there are documents, never fewer than counted.
        #expect(RankFunction.estimatedDocuments(counted: 2000, last: 10, complete: false, low: 1, high: 100_000, rows: 90_000) == 90_000)
        #expect(RankFunction.estimatedDocuments(counted: 2000, last: 100_000, complete: false, low: 1, high: 100_000, rows: 100_000) == 2000)
        // FTS5's IDF, floored at 1e-6 for words in more than half the documents.
        #expect(abs(RankFunction.idf(documents: 10, rows: 1000) - log(990.5 / 10.5)) < 1e-12)
        #expect(RankFunction.idf(documents: 900, rows: 1000) == 1e-6)
    }

    @Test func snippetsMadeTogetherEqualSnippetsMadeRowByRow() throws {
        guard let opened = try Self.openCorpus("snippets") else { return }
        let (_, index, scratch) = opened
        defer { scratch.remove() }
        for q in Self.queries {
            let query = try SearchQuery(parsing: q)
            let rowids = try index.rankedRowids(query, limit: 20)
            #expect(!rowids.isEmpty, "\(q)")
            let (together, oneByOne) = try index.snippetsBothWays(query, rowids: rowids)
            #expect(together.count == rowids.count, "\(q)")
            #expect(together == oneByOne, "\(q)")
        }
    }

    /// Every snippet holds a marked match of the query (folded, the match is the word, the
    /// phrase, or starts with the prefix), and at most `snippetWords` words.
    @Test func snippetsShowTheMatchInAFewWords() throws {
        guard let opened = try Self.openCorpus("snippet-words") else { return }
        let (corpus, index, scratch) = opened
        defer { scratch.remove() }
        func words(_ s: String) -> [String] { SearchQuery.Term(text: s).words }
        for q in Self.queries {
            let query = try SearchQuery(parsing: q)
            let wanted = query.positiveTerms
            let hits = try index.search(query, limit: 20, in: corpus)
            #expect(!hits.isEmpty, "\(q)")
            for hit in hits {
                let text = hit.snippet.text
                #expect(words(text).count <= IndexQueries.snippetWords, "\(q): \(text)")
                let matches = hit.snippet.parts.filter(\.isMatch).map { words($0.text) }
                #expect(!matches.isEmpty, "\(q): \(hit.snippet.marked())")
                for m in matches {
                    let fits = wanted.contains { term in
                        let w = term.words
                        if term.isPrefix {
                            return m.count == w.count && zip(m, w).allSatisfy { $0 == $1 || ($1 == w.last && $0.hasPrefix($1)) }
                        }
                        return m == w
                    }
                    #expect(fits, "\(q): \(hit.snippet.marked())")
                }
            }
        }
    }

    @Test func theWindowHoldsTheMostPhrasesThenTheMostMatches() {
        typealias Hit = SnippetFunction.Hit
        let size: (Int32) -> Int32 = { _ in 100 }
        // Phrase 0 three times early; phrases 0 and 1 together later: the later window wins.
        let hits = [
            Hit(column: 1, start: 2, end: 3, phrase: 0), Hit(column: 1, start: 4, end: 5, phrase: 0),
            Hit(column: 1, start: 6, end: 7, phrase: 0), Hit(column: 1, start: 50, end: 51, phrase: 0),
            Hit(column: 1, start: 55, end: 57, phrase: 1),
        ]
        let w = SnippetFunction.bestWindow(hits, width: 14, columnSize: size)
        #expect(w?.column == 1)
        // The matches (50…56) in the middle of the 14 tokens: 50 − (14 − 7) / 2 = 47.
        #expect(w?.start == 47)
        #expect(w?.end == 61)
        // One phrase only: the window with the most matches, placed at the column's start.
        let early = SnippetFunction.bestWindow(Array(hits.prefix(4)), width: 14, columnSize: size)
        #expect(early == SnippetFunction.Window(column: 1, start: 0, end: 14))
        // Near the column's end the window ends with the column.
        let late = SnippetFunction.bestWindow([Hit(column: 2, start: 98, end: 99, phrase: 0)], width: 14, columnSize: size)
        #expect(late == SnippetFunction.Window(column: 2, start: 86, end: 100))
        // Equal windows: the first column wins (the title before the body).
        let tie = SnippetFunction.bestWindow(
            [Hit(column: 1, start: 5, end: 6, phrase: 0), Hit(column: 0, start: 1, end: 2, phrase: 0)], width: 14, columnSize: size)
        #expect(tie?.column == 0)
        #expect(SnippetFunction.bestWindow([], width: 14, columnSize: size) == nil)
    }

    @Test func absolutePathsAreCheckedOnTheirBytesAsBefore() {
        // The rule as it was written with String.contains.
        func old(_ full: String) -> Bool { !full.contains("//") && !full.contains("/.") && (!full.hasSuffix("/") || full == "/") }
        for p in ["/", "/a", "/a/b", "/a//b", "/a/./b", "/a/../b", "/a/b/", "/.hidden", "/a.b/c", "/a/b.", "/é/ü", "//"] {
            #expect(IndexLocation.isPlainAbsolute(p) == old(p), "\(p)")
        }
    }
}

/// Stored text groups are inflated only as far as a read needs (then whole on a further read)
/// by zlib, whole by libdeflate: every read still gives exactly the bytes stored, in any order.
/// In DeflateCompressorTests (serialized): it switches libdeflate off and on.
extension DeflateCompressorTests {
    @Test func storedTextReadsInAnyOrderGiveTheStoredBytes() throws {
        defer { Deflate.useLibdeflate(true) }
        for fast in [false, true] {
            Deflate.useLibdeflate(fast)
            #expect(Deflate.decompressesWithLibdeflate == (fast && Deflate.usesLibdeflate))
            try readsInAnyOrderGiveTheStoredBytes()
        }
    }

    private func readsInAnyOrderGiveTheStoredBytes() throws {
        // 200 KB of varied text (several times the slack), as one group.
        var text = ""
        var i = 0
        while text.utf8.count < 200_000 {
            text += "Document \(i): Shcharanskiy — Gorbachev’s reply, item \(i * 7919 % 1000).\n"
            i += 1
        }
        let bytes = Array(text.utf8)
        let group = Data(FrusDeflate.Deflate.compress(bytes))
        let pieces = [(0, 100), (50_000, 3_000), (10, 20), (199_000, 900), (120_000, 40_000), (0, bytes.count)]
        for order in [pieces, pieces.reversed(), pieces.sorted { $0.0 < $1.0 }] {
            let cache = InflatedGroupCache()
            for (offset, length) in order {
                let got = try #require(cache.text(in: group, offset: offset, length: length))
                #expect(got == String(decoding: bytes[offset..<(offset + length)], as: UTF8.self), "\(offset)+\(length)")
            }
            #expect(cache.text(in: group, offset: bytes.count - 10, length: 11) == nil)
        }
        // Another group in between: each read still right.
        let other = Data(FrusDeflate.Deflate.compress(Array("a short group".utf8)))
        let cache = InflatedGroupCache()
        #expect(cache.text(in: group, offset: 5, length: 10) == String(decoding: bytes[5..<15], as: UTF8.self))
        #expect(cache.text(in: other, offset: 2, length: 5) == "short")
        #expect(cache.text(in: group, offset: 150_000, length: 10) == String(decoding: bytes[150_000..<150_010], as: UTF8.self))
    }
}
