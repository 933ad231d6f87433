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
        guard limit > 0 else { return [] }
        let expression = FTSQuery.expression(for: query)
        // The documents' rowids, from which the ranking estimates how many documents hold a
        // common phrase (RankFunction). Two subqueries: min() and max() in one SELECT would
        // read the whole table instead of its two ends.
        let span = try Row.fetchOne(db, sql: "SELECT (SELECT min(rowid) FROM document), (SELECT max(rowid) FROM document)")
        let (low, high): (Int64, Int64) = (span?[0] ?? 0, span?[1] ?? 0)
        // The candidates, scored: no ORDER BY, so FTS5 walks its lists in rowid order and
        // scores only the rows it hands out, stopping after `rankedCandidates`.
        var arguments: StatementArguments = [low, high, expression]
        var exclusion = ""
        if let excluded {
            exclusion = """
                AND rowid NOT IN (SELECT d.rowid FROM document d JOIN volume v ON v.rowid = d.volume
                    WHERE v.volume_id = ?)
                """
            arguments += [excluded]
        }
        // Decoded from a cursor: `Row.fetchAll` would copy each of the 2,000 rows first.
        var scored: [Candidate] = []
        scored.reserveCapacity(rankedCandidates)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT rowid, \(RankFunction.name)(document_text, ?, ?, 3.0, 1.0, 0.7) FROM document_text
            WHERE document_text MATCH ? \(exclusion) LIMIT \(rankedCandidates)
            """, arguments: arguments)
        while let row = try rows.next() { scored.append(Candidate(rowid: row[0], score: row[1])) }
        // Only the best are looked up in the document table. Joined to it in SQL, all 2,000
        // candidates of a word in 9,600 documents were: their rows, spread over the table, cost
        // a page fault each in a new process (a fifth of a search for a rare word).
        let best = bestCandidates(scored, limit: limit)
        guard !best.isEmpty else { return [] }
        var places: [Int64: Place] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT d.rowid, v.volume_id, d.number, d.title, d.position
            FROM document d JOIN volume v ON v.rowid = d.volume
            WHERE d.rowid IN (\(best.map { String($0.rowid) }.joined(separator: ",")))
            """)
        {
            places[row[0]] = Place(volumeID: row[1], number: row[2], title: row[3], position: row[4])
        }
        // Equal scores in volume and document order (not the order volumes happened to be
        // indexed in); volume ids compared byte by byte, as SQLite would.
        let ranked = best.compactMap { c in places[c.rowid].map { (c, $0) } }.sorted { a, b in
            if a.0.score != b.0.score { return a.0.score < b.0.score }
            if a.1.volumeID != b.1.volumeID { return a.1.volumeID.utf8.lexicographicallyPrecedes(b.1.volumeID.utf8) }
            return a.1.position < b.1.position
        }.prefix(limit)
        let snippets = try snippets(expression, rowids: ranked.map(\.0.rowid), db)
        return ranked.map { candidate, place in
            SearchHit(
                volumeID: place.volumeID, number: place.number, title: place.title,
                snippet: Snippet(marked: (snippets[candidate.rowid] ?? "").replacingLineBreaks()),
                score: -candidate.score)
        }
    }

    /// A matching document and its rank (lower is better).
    struct Candidate: Equatable {
        var rowid: Int64
        var score: Double
    }

    /// Where a result is, for its line.
    private struct Place {
        var volumeID: String
        var number: String
        var title: String
        var position: Int
    }

    /// The `limit` best candidates and every other one tied with the last of them: which of the
    /// tied ones are kept is decided by their volume and position, looked up afterwards.
    static func bestCandidates(_ candidates: [Candidate], limit: Int) -> [Candidate] {
        guard limit > 0, !candidates.isEmpty else { return [] }
        let sorted = candidates.sorted { $0.score < $1.score }
        guard sorted.count > limit else { return sorted }
        let last = sorted[limit - 1].score
        return Array(sorted.prefix { $0.score <= last })
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
            db, sql: """
                SELECT v.volume_id, v.format, v.size, v.modified, v.problem, o.data
                FROM volume v LEFT JOIN volume_outline o ON o.volume = v.rowid WHERE v.path = ?
                """,
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
        // On the bytes: Foundation's `contains` goes through CFStringFind.
        guard utf8.contains(UInt8(ascii: "\n")) else { return self }
        return String(map { $0 == "\n" ? " " : $0 })
    }
}
