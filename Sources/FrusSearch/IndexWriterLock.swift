import Foundation

/// The one-writer-at-a-time rule of an index file, shared by every frusread process: an
/// exclusive `flock` on `NAME.sqlite.lock` beside the database.
///
/// SQLite's own locks make each transaction atomic, but an update is a plan (what changed since
/// the index was written) followed by many transactions (one per volume): two processes that
/// planned from the same state both wrote the same volumes (UNIQUE constraint failed), and two
/// first runs both created the tables. Holding this lock from the plan to the last write — and
/// while creating, replacing or rebuilding the file — makes updates take turns; searches read
/// without it (SQLite's write-ahead log gives them a consistent snapshot).
///
/// The lock file is never deleted (a deleted and re-created lock file would let two processes
/// hold "the" lock at once). The kernel drops the lock when its holder exits, even on kill -9.
struct IndexWriterLock {
    let path: String

    init(databaseFile: String) { path = databaseFile + ".lock" }

    /// Runs `body` holding the lock. When another process holds it, calls `waiting` once and
    /// then waits. If the lock file cannot be opened (a cache folder made read-only after the
    /// index was written), runs `body` anyway: SQLite's locks still keep the file consistent.
    func holding<T>(waiting: () -> Void = {}, _ body: () throws -> T) rethrows -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return try body() }
        defer { close(fd) }
        if !Self.lock(fd, LOCK_EX | LOCK_NB) {
            waiting()
            guard Self.lock(fd, LOCK_EX) else { return try body() }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    private static func lock(_ fd: Int32, _ operation: Int32) -> Bool {
        while flock(fd, operation) != 0 {
            if errno != EINTR { return false }
        }
        return true
    }
}
