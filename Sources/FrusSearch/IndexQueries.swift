import Foundation
import FrusDeflate
import FrusFind
import FrusModel
import GRDB

/// The reading side of the index: ranked full-text search with snippets, and volume outlines.
enum IndexQueries {
    /// Words of context on each side of the match in a snippet.
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
        // The inner query stops after `rankedCandidates` matches (no ORDER BY: FTS5 walks its
        // lists in rowid order and scores only the rows it hands out); the middle one keeps the
        // best `limit`, equal scores in volume and document order (not the order volumes
        // happened to be indexed in), so that snippets are made only for the rows returned.
        let sql = """
            SELECT v.volume_id, d.number, d.title, snippet(document_text, -1, ?, ?, '…', \(snippetWords)), m.score
            FROM (
                SELECT c.rowid, c.score, cv.volume_id AS vid, cd.position AS pos
                FROM (
                    SELECT rowid, bm25(document_text, 3.0, 1.0, 0.7) AS score
                    FROM document_text WHERE document_text MATCH ? LIMIT \(rankedCandidates)
                ) AS c
                JOIN document cd ON cd.rowid = c.rowid
                JOIN volume cv ON cv.rowid = cd.volume
                WHERE cv.volume_id IS NOT ?
                ORDER BY c.score, cv.volume_id, cd.position LIMIT ?
            ) AS m
            JOIN document_text ON document_text.rowid = m.rowid AND document_text MATCH ?
            JOIN document d ON d.rowid = m.rowid
            JOIN volume v ON v.rowid = d.volume
            ORDER BY m.score, m.vid, m.pos
            """
        let expression = FTSQuery.expression(for: query)
        let rows = try Row.fetchAll(db, sql: sql, arguments: [
            String(Snippet.openMark), String(Snippet.closeMark), expression, excluded, max(0, limit), expression,
        ])
        return rows.map { row in
            let snippet: String = row[3]
            let rank: Double = row[4]
            return SearchHit(
                volumeID: row[0], number: row[1], title: row[2],
                snippet: Snippet(marked: snippet.replacingLineBreaks()), score: -rank)
        }
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
