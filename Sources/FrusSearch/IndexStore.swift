import Foundation
#if canImport(Glibc)
import Glibc
#endif
import FrusDeflate
import GRDB

/// The index database: opened (or created) at its location, checked, and replaced when it is
/// from an older schema, corrupt or truncated; in memory when the cache folder cannot be
/// written.
final class IndexStore: Sendable {
    /// Bump when the tables, the tokenizer or what is stored change: older indexes are rebuilt.
    static let schemaVersion = 9

    /// SQLite page size of a new index: 16 KB pages hold a whole FTS5 leaf (see `ftsPageSize`)
    /// and most documents' text without overflow chains, and halve the pages to log and copy;
    /// the build's writer spent about a tenth less time than with 4 KB pages.
    static let pageSize = 16384
    /// FTS5's leaf size (`pgsz`, default 4050, made for 4 KB pages): one leaf per database page.
    static let ftsPageSize = 16000
    /// How much FTS5 collects in memory before writing a segment (`hashsize`, default 1 MB).
    /// A volume's terms then go to disk as one segment at its commit, not several merged
    /// later: about a tenth of the build's writing time saved; memory stays bounded by it.
    static let ftsPendingBytes = 16 << 20

    let queue: DatabaseQueue
    /// The database file; nil when the index lives in memory.
    let file: String?
    /// The file's identity when opened: another process that rebuilt the index (`--rebuild`,
    /// damage) made a new file at the same path, which this connection does not see.
    let identity: FileIdentity?

    private init(queue: DatabaseQueue, file: String?) {
        self.queue = queue
        self.file = file
        identity = file.flatMap(FileIdentity.of)
    }

    /// Whether the file at the path is no longer the one this store has open.
    var wasReplaced: Bool {
        guard let file else { return false }
        return FileIdentity.of(file) != identity
    }

    /// Opens the index at `location`. Never fails: whatever goes wrong on disk ends in an
    /// in-memory index, with a warning saying why.
    ///
    /// An index that is there and sound is opened without the writer lock (a search or `list`
    /// never waits for another process's build); creating, replacing or repairing the file is
    /// done holding it (`IndexWriterLock`), checked again once held, since another process may
    /// have done it meanwhile. `locked`: the caller holds the lock already.
    static func open(at location: IndexLocation, locked: Bool = false, warnings: inout [String]) -> IndexStore {
        do {
            try makeFolder(location.directory)
            if !locked, !looksTruncated(location.file), let sound = try? openChecked(location.file, create: false) {
                return sound
            }
            let lock = IndexWriterLock(databaseFile: location.file)
            return try locked ? openFile(location.file) : lock.holding { try openFile(location.file) }
        } catch {
            warnings.append(
                "cannot write the search index in \(location.directory) (\(describe(error))); "
                    + "searching with an index in memory, rebuilt on every run")
            return inMemory()
        }
    }

    static func inMemory() -> IndexStore {
        // An in-memory database cannot fail to open short of memory exhaustion.
        let queue = try! DatabaseQueue(configuration: configuration(wal: false))
        try! queue.write { try createSchema($0) }
        return IndexStore(queue: queue, file: nil)
    }

    /// Opens the file, rebuilding it from scratch when it cannot be used as it is. The caller
    /// holds the writer lock.
    private static func openFile(_ file: String) throws -> IndexStore {
        if looksTruncated(file) { try removeDatabase(file) }
        do {
            return try openChecked(file)
        } catch let e as DatabaseError where isDamage(e) {
            try removeDatabase(file)
            return try openChecked(file)
        } catch is OutdatedSchema {
            try removeDatabase(file)
            return try openChecked(file)
        }
    }

    private struct OutdatedSchema: Error {}
    private struct NoTablesYet: Error {}

    /// Opens and checks the file; creates the tables in a new one if `create` (the caller then
    /// holds the writer lock), else fails with `NoTablesYet`.
    private static func openChecked(_ file: String, create: Bool = true) throws -> IndexStore {
        let queue = try DatabaseQueue(path: file, configuration: configuration(wal: true))
        do {
            // Checked in a read transaction: opening an index to list or search writes nothing
            // (a write would cost a sync to disk on every run).
            let version = try queue.read { db -> Int? in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if version == 0, try !db.tableExists("volume") { return nil }
                guard version == schemaVersion else { return version }
                // Touch the tables a search reads, so that a damaged file shows now (cheaply: a
                // term's whole posting list would be megabytes; later damage is caught where
                // it is met, by SearchIndex.recovering).
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM volume")
                // A lookup in the full-text index, as every search makes: a scan of the table
                // (`SELECT rowid FROM document_text LIMIT 1`) reads its first document's text
                // through `document_plain`, inflating a whole text group at every start.
                _ = try Int.fetchOne(db, sql: "SELECT rowid FROM document_text WHERE document_text MATCH 'frusread' LIMIT 1")
                return version
            }
            switch version {
            case nil where !create: throw NoTablesYet()
            case nil:
                // Checked again in the writing transaction: a process that does not take the
                // writer lock (an older frusread) may have created the tables meanwhile.
                try queue.inTransaction(.immediate) { db in
                    if try !db.tableExists("volume") { try createSchema(db) }
                    return .commit
                }
            case schemaVersion: break
            default: throw OutdatedSchema()
            }
        } catch {
            try? queue.close()
            throw error
        }
        return IndexStore(queue: queue, file: file)
    }

    private static func configuration(wal: Bool) -> Configuration {
        var config = Configuration()
        // Another frusread may be building the same index: wait for it rather than fail.
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in
            // Takes effect only on a new, empty file (before WAL mode and the first table).
            try db.execute(sql: "PRAGMA page_size = \(pageSize)")
            // Pages freed in a build (FTS5 merges its segments as it goes: a quarter of the
            // file) are given back after it (`PRAGMA incremental_vacuum`), not kept as holes.
            // Set only when not set: setting it writes the database header in a transaction
            // of its own, even to the value it has — every search and `list` wrote a page to
            // the write-ahead log (and waited for a build's writes to take its turn).
            if try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") != 2 {
                try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
            }
            // Write-ahead logging (readers never wait for a build), set here rather than with
            // GRDB's `journalMode = .wal`: that one also asks Foundation for the log's size on
            // every open, which looks up the file's owner and group in /etc/passwd and
            // /etc/group — a twentieth of a search. (GRDB's reason for it, readers of a
            // DatabasePool opening a file with no log yet, does not apply to a DatabaseQueue.)
            if wal, try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") != "wal" {
                throw DatabaseError(message: "could not use write-ahead logging")
            }
            // With WAL, NORMAL keeps every commit atomic and the file consistent after a crash
            // or kill -9; only the last commits could be lost on a power cut.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32000")
            // Pages read through a memory map, not a system call each: a warm `list` or search
            // reads thousands of pages.
            // As much as SQLite allows (its default build caps the map at 2 GB): pages past
            // the map are read with `pread` and copied, which was a tenth of a query's time on
            // the 1.8 GB index of 400 volumes with a 1 GB map.
            try db.execute(sql: "PRAGMA mmap_size = \(1 << 40)")
            db.add(function: storedText)
            SnippetFunction.register(db)
            RankFunction.register(db)
        }
        return config
    }

    /// `frus_text(group, offset, length)`: `length` bytes at `offset` of a stored text group
    /// (`StoredText`), as FTS5 reads a document's text through the `document_plain` view.
    /// Damaged data reads as empty text (a snippet without text), never as an error in the
    /// middle of a search.
    static let storedText = DatabaseFunction("frus_text", argumentCount: 3, pure: true) { values in
        guard let group = Data.fromDatabaseValue(values[0]), let offset = Int.fromDatabaseValue(values[1]),
            let length = Int.fromDatabaseValue(values[2])
        else { return "" }
        return StoredText.cache.text(in: group, offset: offset, length: length) ?? ""
    }

    static func createSchema(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE volume (
                rowid INTEGER PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                volume_id TEXT NOT NULL,
                title TEXT NOT NULL,
                format TEXT NOT NULL,
                size INTEGER NOT NULL,
                modified INTEGER NOT NULL,
                hash TEXT NOT NULL,
                problem TEXT
            );
            -- The volume's outline (OutlineCodec): title, chapters, document titles, footnote
            -- numbers and page breaks, read in one row for `list` and for links. A table of its
            -- own: in the volume row, its 27 KB took a page per volume, and every search reads
            -- the volume rows (400 pages, a page fault each, at 400 volumes; now 4 pages).
            CREATE TABLE volume_outline (
                volume INTEGER PRIMARY KEY REFERENCES volume(rowid) ON DELETE CASCADE,
                data BLOB NOT NULL
            );
            CREATE TABLE document (
                rowid INTEGER PRIMARY KEY,
                volume INTEGER NOT NULL REFERENCES volume(rowid) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                number TEXT NOT NULL,
                doc_id TEXT NOT NULL,
                title TEXT NOT NULL,
                date TEXT,
                -- Where the document's body and notes text is (StoredText): its group, and
                -- the byte offset and lengths in the group's text.
                text_group INTEGER NOT NULL,
                text_offset INTEGER NOT NULL,
                body_length INTEGER NOT NULL,
                notes_length INTEGER NOT NULL
            );
            CREATE INDEX document_by_volume ON document(volume, position);
            -- The documents' searchable text, compressed in groups of consecutive documents
            -- (StoredText): kept only for snippets. The full-text table below indexes it but
            -- does not store it (external content): the index is under half the XML it indexes
            -- (0.88× when FTS5 kept its own uncompressed copy).
            CREATE TABLE text_group (
                rowid INTEGER PRIMARY KEY,
                data BLOB
            );
            -- What FTS5 reads when it needs a document's text (snippets, deleting its terms).
            -- frus_text is registered on every connection (IndexStore.configuration).
            CREATE VIEW document_plain AS
                SELECT d.rowid AS id, d.title AS title,
                    frus_text(g.data, d.text_offset, d.body_length) AS body,
                    frus_text(g.data, d.text_offset + d.body_length, d.notes_length) AS notes
                FROM document d JOIN text_group g ON g.rowid = d.text_group;
            CREATE VIRTUAL TABLE document_text USING fts5(
                title, body, notes,
                content = 'document_plain', content_rowid = 'id',
                tokenize = 'unicode61 remove_diacritics 2'
            );
            INSERT INTO document_text(document_text, rank) VALUES ('rank', 'bm25(3.0, 1.0, 0.7)');
            INSERT INTO document_text(document_text, rank) VALUES ('pgsz', \(ftsPageSize));
            INSERT INTO document_text(document_text, rank) VALUES ('hashsize', \(ftsPendingBytes));
            PRAGMA user_version = \(schemaVersion);
            """)
    }

    /// A file shorter than the database its header describes was cut off (a full disk, a bad
    /// copy): SQLite would only notice when a query reaches the missing pages.
    static func looksTruncated(_ file: String) -> Bool {
        // With a write-ahead log present, SQLite replays it on open; leave that case to SQLite.
        // System calls, not FileManager and FileHandle: this runs at every search's start.
        var info = Glibc.stat()
        if fstatat(AT_FDCWD, file + "-wal", &info, 0) == 0, info.st_size > 0 { return false }
        let fd = Glibc.open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { Glibc.close(fd) }
        guard fstat(fd, &info) == 0 else { return false }
        let size = UInt64(info.st_size)
        var header = [UInt8](repeating: 0, count: 100)
        let read = header.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 100, 0) }
        guard read == 100 else { return size > 0 }  // too short to be a database
        guard header.starts(with: Array("SQLite format 3\0".utf8)) else { return true }
        func be32(_ at: Int) -> UInt32 { header[at..<(at + 4)].reduce(0) { $0 << 8 | UInt32($1) } }
        var pageSize = Int(header[16]) << 8 | Int(header[17])
        if pageSize == 1 { pageSize = 65536 }
        let pageCount = Int(be32(28))
        // The header's page count is valid only when its "version valid for" matches the
        // change counter (SQLite file format, section 1.3.7).
        guard be32(92) == be32(24), pageCount > 0 else { return false }
        return UInt64(pageSize * pageCount) > size
    }

    /// Damage that rebuilding cures: not a database, corrupt, or cut short.
    static func isDamage(_ error: DatabaseError) -> Bool {
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT: return true
        default: return false
        }
    }

    static func removeDatabase(_ file: String) throws {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let path = file + suffix
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        }
    }

    /// Empties the index (for `frusread index --rebuild` and after damage found mid-use).
    func reset() throws {
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO document_text(document_text) VALUES ('delete-all');
                DELETE FROM text_group; DELETE FROM document; DELETE FROM volume_outline; DELETE FROM volume
                """)
        }
        try queue.vacuum()
    }

    static func describe(_ error: Error) -> String {
        if let e = error as? DatabaseError { return SearchIndexError.reason(e) }
        if let e = error as? FolderError { return "\(e.path): \(e.reason)" }
        return "\(error)"
    }

    struct FolderError: Error {
        var path: String
        var reason: String
    }

    /// `mkdir -p`, failing with the system's own words ("Not a directory", "Permission
    /// denied", "Read-only file system"), which Foundation's error hides.
    static func makeFolder(_ path: String) throws {
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            built += "/" + part
            if mkdir(built, 0o755) != 0 && errno != EEXIST {
                throw FolderError(path: built, reason: String(cString: strerror(errno)))
            }
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw FolderError(path: path, reason: String(cString: strerror(ENOTDIR)))
        }
        guard access(path, W_OK) == 0 else { throw FolderError(path: path, reason: String(cString: strerror(errno))) }
    }
}

/// A file's device and inode.
struct FileIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    static func of(_ path: String) -> FileIdentity? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }
}
