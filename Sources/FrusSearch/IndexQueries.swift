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
    static func outline(path: String, _ db: Database) throws -> VolumeOutline? {
        guard let volume = try Row.fetchOne(db, sql: "SELECT rowid, volume_id, title FROM volume WHERE path = ?", arguments: [path])
        else { return nil }
        let rowid: Int64 = volume[0]
        let id: String = volume[1]
        let documents = try Row.fetchAll(
            db, sql: "SELECT number, doc_id, title, date FROM document WHERE volume = ? ORDER BY position",
            arguments: [rowid]
        ).map { DocumentSummary(volumeID: id, number: $0[0], id: $0[1], title: $0[2], date: $0[3]) }
        let chapters = try Row.fetchAll(
            db, sql: "SELECT chapter_id, title, depth, numbers FROM chapter WHERE volume = ? ORDER BY position",
            arguments: [rowid]
        ).map { row -> Chapter in
            let numbers: String = row[3]
            return Chapter(
                id: row[0], title: row[1], depth: row[2],
                documentNumbers: numbers.isEmpty ? [] : numbers.split(separator: "\u{1F}").map(String.init))
        }
        return VolumeOutline(id: id, title: volume[2], chapters: chapters, documents: documents)
    }
}

extension String {
    /// Snippets are one line: the text's paragraph breaks become spaces.
    fileprivate func replacingLineBreaks() -> String {
        guard contains("\n") else { return self }
        return String(map { $0 == "\n" ? " " : $0 })
    }
}
