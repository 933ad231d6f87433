import GRDB

/// How FTS5 merges the segments a build writes.
///
/// Each volume's commit writes its terms as one new segment, and FTS5 merges segments as they
/// pile up (`automerge`, 4 by default: four of a level into one of the next). Building the
/// series from nothing so rewrote every posting about five times (log₄ of 400 volumes, plus the
/// first write), all in the writer: the one thread a build cannot spread over the cores.
///
/// A bulk build — one that writes at least as much as the index keeps: the first build,
/// `--rebuild`, a corpus doubled — merges sixteen at a time instead (log₁₆ 400: each posting
/// written about 2.6 times), as it goes, so the merging overlaps the parsing. Measured on 400
/// volumes (3.7 GB), each pair run back to back: the build 53 MB/s → 72–77 MB/s with the
/// writer's CPU 52 s → 28–36 s. Merging everything into one segment at the end instead cost
/// as much CPU but ran alone on one core for the last 9–11 s (43.6 s wall against 49.4 s);
/// the 26 segments left cost the 20 benchmark queries about a millisecond (p50 18.5 against
/// 17.3 ms with one segment).
///
/// Smaller updates keep FTS5's defaults, which keep the index merged tight.
///
/// A bulk build ends by merging every level that holds three segments or more (`tidy`): the
/// 26 segments the 16-way merging leaves at 400 volumes (16 of one volume each, 9 of sixteen,
/// one of 256) become 2. Each query term is looked up in every segment, a leaf page and its
/// buffer each: the 20 benchmark queries' median went 16.3 → 13.1 ms (README, "Seventh
/// round"), the same as with one segment, for about a third of the writing a full `optimize`
/// does (the biggest segment is left as it is).
enum SegmentMerging {
    /// FTS5's defaults. Set again before every sync that writes: a bulk build stopped half way
    /// left its own values in the table's configuration.
    static let defaultAutomerge = 4
    static let defaultCrisismerge = 16
    /// Segments of a level merged at once in a bulk build (FTS5 allows up to 64: fewer, larger
    /// merges, but more segments left for every query to look into).
    static let bulkAutomerge = 16
    /// A level is merged at once when it holds this many segments, whatever `automerge` has
    /// done so far (FTS5's default 16 would make a bulk build's merges happen in bursts).
    static let bulkCrisismerge = 64

    /// After a bulk build, levels with at least this many segments are merged (`tidy`).
    static let tidyMinimumSegments = 3
    /// FTS5's default for the same setting (`usermerge`), put back after `tidy`.
    static let defaultUsermerge = 4
    /// Pages a `tidy` step writes at most, each step its own transaction: 32 MB, so that the
    /// write-ahead log is copied back (a build's checkpointer runs) between steps.
    static let tidyStepPages = 2000

    /// Whether a sync reading `bytesToRead` into an index that keeps `bytesKept` is a bulk build.
    static func isBulk(bytesToRead: Int64, bytesKept: Int64) -> Bool {
        bytesToRead > 0 && bytesToRead >= bytesKept
    }

    /// Sets the merging for a sync (or back to the defaults after it), in the caller's transaction.
    static func prepare(bulk: Bool, _ db: Database) throws {
        try setOption("automerge", bulk ? bulkAutomerge : defaultAutomerge, db)
        try setOption("crisismerge", bulk ? bulkCrisismerge : defaultCrisismerge, db)
    }

    /// Merges, step by step, every level of FTS5's segments that holds `tidyMinimumSegments` or
    /// more, until a step finds nothing to do; `step` runs each in its own transaction.
    /// FTS5's `merge` command merges the level with the most segments, at least `usermerge` of
    /// them, for about the pages it is given, continuing a merge left half done. The count of
    /// changed rows tells whether it did any work: the command itself counts as one change, a
    /// merge as many more (FTS5's documentation of `merge`).
    static func tidy(_ step: ((Database) throws -> Void) throws -> Void) throws {
        try step { try setOption("usermerge", tidyMinimumSegments, $0) }
        var done = false
        while !done {
            try step { db in
                let before = db.totalChangesCount
                try setOption("merge", tidyStepPages, db)
                done = db.totalChangesCount - before < 2
            }
        }
        try step { try setOption("usermerge", defaultUsermerge, $0) }
    }

    private static func setOption(_ name: String, _ value: Int, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO document_text(document_text, rank) VALUES (?, ?)", arguments: [name, value])
    }

    /// The merging options as the index stores them (for tests): nil when never set.
    static func options(_ db: Database) throws -> (automerge: Int?, crisismerge: Int?) {
        (try option("automerge", db), try option("crisismerge", db))
    }

    /// One merging option as the index stores it (for tests): nil when never set.
    static func option(_ key: String, _ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT v FROM document_text_config WHERE k = ?", arguments: [key])
    }
}
