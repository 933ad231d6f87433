import FrusFind
import GRDB

/// What the tests compare the index's own ranking and snippets with (internal: reached through
/// `@testable import`): FTS5's `bm25()` on the same rows, and snippets made row by row.
extension SearchIndex {
    /// Every document matching `query`: its rowid, FTS5's `bm25()` and `frus_rank`.
    func scoresBothWays(_ query: SearchQuery) throws -> [(rowid: Int64, bm25: Double, ours: Double)] {
        try storeForChecks.queue.read { db in
            let span = try Row.fetchOne(db, sql: "SELECT (SELECT min(rowid) FROM document), (SELECT max(rowid) FROM document)")
            let (low, high): (Int64, Int64) = (span?[0] ?? 0, span?[1] ?? 0)
            return try Row.fetchAll(db, sql: """
                SELECT rowid, bm25(document_text, 3.0, 1.0, 0.7), \(RankFunction.name)(document_text, ?, ?, 3.0, 1.0, 0.7)
                FROM document_text WHERE document_text MATCH ?
                """, arguments: [low, high, FTSQuery.expression(for: query)]).map { ($0[0], $0[1], $0[2]) }
        }
    }

    /// The snippets of the rows `rowids` for `query`: made by one cursor (as searches make
    /// them), and one query per row.
    func snippetsBothWays(_ query: SearchQuery, rowids: [Int64]) throws -> (together: [Int64: String], oneByOne: [Int64: String]) {
        try storeForChecks.queue.read { db in
            let expression = FTSQuery.expression(for: query)
            let together = try IndexQueries.snippets(expression, rowids: rowids, db)
            var oneByOne: [Int64: String] = [:]
            for rowid in rowids {
                oneByOne[rowid] = try String.fetchOne(db, sql: """
                    SELECT \(SnippetFunction.name)(document_text) FROM document_text
                    WHERE document_text MATCH ? AND rowid = ?
                    """, arguments: [expression, rowid])
            }
            return (together, oneByOne)
        }
    }

    /// The rowids of the documents a search returns, best first.
    func rankedRowids(_ query: SearchQuery, limit: Int) throws -> [Int64] {
        try storeForChecks.queue.read { db in
            try IndexQueries.search(query, limit: limit, db).compactMap { hit in
                try Int64.fetchOne(db, sql: """
                    SELECT d.rowid FROM document d JOIN volume v ON v.rowid = d.volume
                    WHERE v.volume_id = ? AND d.number = ?
                    """, arguments: [hit.volumeID, hit.number])
            }
        }
    }
}

extension SearchIndex {
    /// FTS5's merging options as the index stores them now (`SegmentMerging`).
    func mergingOptions() throws -> (automerge: Int?, crisismerge: Int?) {
        try storeForChecks.queue.read { try SegmentMerging.options($0) }
    }

    /// How many segments FTS5 keeps, from its table of terms (a row per leaf page of each
    /// segment; FTS5's own record of its segments is a format of its version).
    func ftsSegmentCount() throws -> Int {
        try storeForChecks.queue.read { try Int.fetchOne($0, sql: "SELECT count(DISTINCT segid) FROM document_text_idx") ?? 0 }
    }

    /// FTS5's `usermerge` option as the index stores it (nil: never set, FTS5's default).
    func usermergeOption() throws -> Int? {
        try storeForChecks.queue.read { try SegmentMerging.option("usermerge", $0) }
    }

    /// Leaves the options as a bulk build stopped half way leaves them.
    func setBulkMergingOptions() throws {
        try storeForChecks.queue.write { try SegmentMerging.prepare(bulk: true, $0) }
    }
}

extension SearchIndex {
    /// The columns of the volume table.
    func volumeColumns() throws -> [String] {
        try storeForChecks.queue.read { db in
            try Row.fetchAll(db, sql: "PRAGMA table_info(volume)").map { $0["name"] as String }
        }
    }

    /// How many outlines the index keeps (one per readable volume).
    func storedOutlineCount() throws -> Int {
        try storeForChecks.queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM volume_outline WHERE length(data) > 0") ?? 0 }
    }
}
