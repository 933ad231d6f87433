import GRDB

/// An index failure told in the user's terms: what went wrong with which file, never SQLite's
/// own message ("SQLite error 19: UNIQUE constraint failed: volume.path" means nothing to a
/// reader, and names tables that are ours to change).
public struct SearchIndexError: Error, CustomStringConvertible, Sendable {
    public var description: String

    init(_ error: Error, file: String?) {
        guard let db = error as? DatabaseError else {
            description = "\(error)"
            return
        }
        let name = file ?? "in memory"
        description = "search index \(name): \(Self.reason(db))"
    }

    /// What went wrong, from SQLite's result code alone.
    static func reason(_ error: DatabaseError) -> String {
        switch error.resultCode.primaryResultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "busy: another program kept it locked too long; try again"
        case .SQLITE_FULL: return "the disk is full"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH: return "cannot be written (read-only or no permission)"
        case .SQLITE_CANTOPEN: return "cannot be opened"
        case .SQLITE_IOERR: return "input/output error reading or writing it"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT: return "damaged; it is rebuilt on the next run"
        case .SQLITE_NOMEM: return "out of memory"
        case .SQLITE_INTERRUPT, .SQLITE_ABORT: return "interrupted"
        default: return "unexpected failure (code \(error.resultCode.rawValue))"
        }
    }
}
