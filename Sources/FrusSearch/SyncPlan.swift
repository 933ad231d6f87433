import FrusModel
import GRDB

/// A volume to (re)index.
struct IndexJob: Sendable {
    var source: VolumeSource
    /// The volume's absolute path: the key of its row (the corpus may be opened by a relative
    /// path one day and an absolute one the next).
    var key: String
    /// Size and time when the job was planned: stored with the volume, so that a file changed
    /// while it was being read is seen as changed on the next run.
    var fingerprint: VolumeFingerprint
    /// The row of the volume's previous version, replaced in the same transaction.
    var replacing: Int64?
    /// The content hash, when planning already computed it.
    var knownHash: String?
}

/// A volume as the index last saw it.
struct IndexedVolume: Sendable {
    var rowid: Int64
    var path: String
    var volumeID: String
    var title: String
    var format: String
    var fingerprint: VolumeFingerprint
    var hash: String

    static func fetchAll(_ db: Database) throws -> [IndexedVolume] {
        // Decoded from a cursor, straight from the statement: `Row.fetchAll` copies every row
        // first, and this runs at every search's start for every volume (at 400 volumes, copying
        // was two thirds of reading them).
        var volumes: [IndexedVolume] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT rowid, path, volume_id, title, format, size, modified, hash FROM volume")
        while let row = try rows.next() {
            volumes.append(IndexedVolume(
                rowid: row[0], path: row[1], volumeID: row[2], title: row[3], format: row[4],
                fingerprint: VolumeFingerprint(size: row[5], modified: row[6]), hash: row[7]))
        }
        return volumes
    }
}

/// What a sync has to do: which volumes to read, which only to re-date (touched, same bytes),
/// which to drop (gone from the corpus).
struct SyncPlan {
    var jobs: [IndexJob] = []
    var touched: [(rowid: Int64, fingerprint: VolumeFingerprint)] = []
    var removed: [Int64] = []
    var unchanged = 0
    /// The bytes of the indexed volumes that stay as they are (unchanged or only touched).
    var bytesKept: Int64 = 0
    /// Volumes that could not even be looked at (vanished between listing and planning).
    var missing: [String] = []

    /// - Parameter fingerprint: how a volume's size and time are read (`VolumeFingerprint.of`;
    ///   the quick check at a search's start uses those just read by `IndexedHeaders`).
    init(
        sources: [VolumeSource], indexed: [IndexedVolume],
        fingerprint: (String) -> VolumeFingerprint? = VolumeFingerprint.of(path:)
    ) {
        var byPath: [String: IndexedVolume] = [:]
        for v in indexed { byPath[v.path] = v }
        var kept = Set<Int64>()
        for source in sources {
            guard let now = fingerprint(source.path) else {
                missing.append(source.path)
                continue
            }
            let key = IndexLocation.absolute(source.path)
            guard let old = byPath[key] else {
                jobs.append(IndexJob(source: source, key: key, fingerprint: now))
                continue
            }
            kept.insert(old.rowid)
            if old.fingerprint == now && old.volumeID == source.id && old.format == source.format {
                unchanged += 1
                bytesKept += now.size
            } else if old.fingerprint.size == now.size, old.volumeID == source.id, old.format == source.format,
                let hash = VolumeFingerprint.contentHash(path: source.path), hash == old.hash
            {
                touched.append((old.rowid, now))
                bytesKept += now.size
            } else {
                jobs.append(IndexJob(source: source, key: key, fingerprint: now, replacing: old.rowid))
            }
        }
        removed = indexed.map(\.rowid).filter { !kept.contains($0) }
    }

    var bytesToRead: Int64 { jobs.reduce(0) { $0 + $1.fingerprint.size } }
    var isEmpty: Bool { jobs.isEmpty && touched.isEmpty && removed.isEmpty }
}
