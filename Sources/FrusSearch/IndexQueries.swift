import Foundation
import FrusDeflate
import FrusFind
import FrusModel
import GRDB

/// The reading side of the index: ranked full-text search with snippets, and volume outlines.
enum IndexQueries {
    /// Tokens in a snippet (the matches and the words around them).
    static let snippetWords = 14

    /// The most documents a query ranks. A word found in nearly every document (the, Soviet)
    /// would otherwise have each of a series' 317,000 documents scored and sorted — 124 ms at
    /// 150 volumes, growing with the corpus. Beyond this many matches the query ranks the
    /// first `rankedCandidates` in index order (volume by volume, as indexed): every query then
    /// answers in bounded time, and one with fewer matches (any rare word) is ranked exactly.
    static let rankedCandidates = 2000

    /// - Parameter excluded: a volume whose documents are left out (an entry's own volume,
    ///   when its name is looked for in the others).
    static func search(_ query: SearchQuery, limit: Int, excluding excluded: String? = nil, _ db: Database) throws
        -> [SearchHit]
    {
        // The inner query stops after `rankedCandidates` matches (no ORDER BY: FTS5 walks its lists
        // in rowid order and scores only the rows it hands out); the outer one keeps the best
        // `limit`, equal scores in volume and document order (not the order volumes happened
        // to be indexed in).
        let ranked = """
            SELECT c.rowid, c.score, cv.volume_id, cd.number, cd.title
            FROM (
                SELECT rowid, \(RankFunction.name)(document_text, ?, ?, 3.0, 1.0, 0.7) AS score
                FROM document_text WHERE document_text MATCH ? LIMIT \(rankedCandidates)
            ) AS c
            JOIN document cd ON cd.rowid = c.rowid
            JOIN volume cv ON cv.rowid = cd.volume
            WHERE cv.volume_id IS NOT ?
            ORDER BY c.score, cv.volume_id, cd.position LIMIT ?
            """
        let expression = FTSQuery.expression(for: query)
        // The documents' rowids, from which the ranking estimates how many documents hold a
        // common phrase (RankFunction). Two subqueries: min() and max() in one SELECT would
        // read the whole table instead of its two ends.
        let span = try Row.fetchOne(db, sql: "SELECT (SELECT min(rowid) FROM document), (SELECT max(rowid) FROM document)")
        let (low, high): (Int64, Int64) = (span?[0] ?? 0, span?[1] ?? 0)
        let rows = try Row.fetchAll(db, sql: ranked, arguments: [low, high, expression, excluded, max(0, limit)])
        guard !rows.isEmpty else { return [] }
        let snippets = try snippets(expression, rowids: rows.map { $0[0] as Int64 }, db)
        return rows.map { row in
            let rank: Double = row[1]
            return SearchHit(
                volumeID: row[2], number: row[3], title: row[4],
                snippet: Snippet(marked: (snippets[row[0]] ?? "").replacingLineBreaks()), score: -rank)
        }
    }

    /// The snippets of the rows `rowids`, all made by one FTS5 cursor walking the query's
    /// matches between the lowest and highest of them (at most the ranked candidates). Made
    /// row by row instead (a `MATCH` with `rowid = ?` each), the query was evaluated again for
    /// every row: for a prefix (`nuclear*`) that merges the lists of every word it expands
    /// to, 20 times.
    static func snippets(_ expression: String, rowids: [Int64], _ db: Database) throws -> [Int64: String] {
        guard let low = rowids.min(), let high = rowids.max() else { return [:] }
        // `+rowid`: a filter on the rows the cursor hands out, not a constraint given to FTS5
        // (which would evaluate the query once per value again). The ids are integers from
        // the index itself.
        let sql = """
            SELECT rowid, \(SnippetFunction.name)(document_text) FROM document_text
            WHERE document_text MATCH ? AND rowid >= ? AND rowid <= ?
                AND +rowid IN (\(rowids.map(String.init).joined(separator: ",")))
            """
        var snippets: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: [expression, low, high]) {
            snippets[row[0]] = row[1]
        }
        return snippets
    }

    /// How many documents match (for "12 of 340" in a result list).
    static func count(_ query: SearchQuery, _ db: Database) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT count(*) FROM document_text WHERE document_text MATCH ?",
            arguments: [FTSQuery.expression(for: query)]) ?? 0
    }

    /// The outline of the volume indexed from `path`.
    /// The outline stored for the volume at `path` if it still matches the file's `now`
    /// fingerprint and the corpus's id and format for it; nil means: parse the volume.
    static func outline(path: String, id: String, format: String, now: VolumeFingerprint, _ db: Database) throws
        -> VolumeOutline?
    {
        try outlineBlob(path: path, id: id, format: format, now: now, db).flatMap { OutlineCodec.decode($0, volumeID: id) }
    }

    /// The apparatus stored with the outline, on the same conditions as `outline`.
    static func apparatus(path: String, id: String, format: String, now: VolumeFingerprint, _ db: Database) throws
        -> VolumeApparatus?
    {
        try outlineBlob(path: path, id: id, format: format, now: now, db)
            .flatMap { OutlineCodec.decodeApparatus($0, volumeID: id) }
    }

    static func outlineBlob(path: String, id: String, format: String, now: VolumeFingerprint, _ db: Database)
        throws -> Data?
    {
        // Stored compressed (Deflate): outlines of document titles compress to about a third.
        try storedOutline(path: path, id: id, format: format, now: now, db).flatMap { Deflate.decompressed($0) }
    }

    /// The outline as stored, compressed, on the same conditions.
    static func storedOutline(path: String, id: String, format: String, now: VolumeFingerprint, _ db: Database)
        throws -> Data?
    {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT volume_id, format, size, modified, problem, outline FROM volume WHERE path = ?",
            arguments: [path])
        else { return nil }
        let fingerprint = VolumeFingerprint(size: row[2], modified: row[3])
        let problem: String? = row[4]
        guard row[0] == id, row[1] == format, fingerprint == now, problem == nil, let blob = row[5] as Data?
        else { return nil }
        return blob
    }
}

extension String {
    /// Snippets are one line: the text's paragraph breaks become spaces.
    fileprivate func replacingLineBreaks() -> String {
        guard contains("\n") else { return self }
        return String(map { $0 == "\n" ? " " : $0 })
    }
}
