import Foundation
import FrusFind
import FrusModel
import GRDB

/// The reading side of the index: ranked full-text search with snippets, and volume outlines.
enum IndexQueries {
    /// Words of context on each side of the match in a snippet.
    static let snippetWords = 14

    static func search(_ query: SearchQuery, limit: Int, _ db: Database) throws -> [SearchHit] {
        // FTS5 ranks and cuts inside the inner query, so snippets are made only for the rows
        // returned, not for every document that matches a common word.
        let sql = """
            SELECT v.volume_id, d.number, d.title, m.snip, m.rank
            FROM (
                SELECT rowid, snippet(document_text, -1, ?, ?, '…', \(snippetWords)) AS snip, rank
                FROM document_text WHERE document_text MATCH ? ORDER BY rank LIMIT ?
            ) AS m
            JOIN document d ON d.rowid = m.rowid
            JOIN volume v ON v.rowid = d.volume
            ORDER BY m.rank
            """
        let rows = try Row.fetchAll(db, sql: sql, arguments: [
            String(Snippet.openMark), String(Snippet.closeMark), FTSQuery.expression(for: query), max(0, limit),
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

    private static func outlineBlob(path: String, id: String, format: String, now: VolumeFingerprint, _ db: Database)
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
