import Foundation
import FrusDeflate
import FrusFind
import FrusImport
import FrusModel
import GRDB

/// The full-text index of one corpus, kept in the cache folder and brought up to date on use.
///
/// ```swift
/// let index = SearchIndex(corpusPath: path)
/// let corpus = try CorpusLoader.open(path, headers: index.headers)   // no header parsing when warm
/// try index.update(corpus) { progress in … }                         // builds what changed
/// let hits = try index.search(SearchQuery(parsing: "Shcharanskiy"), in: corpus)
/// ```
///
/// Safe to use from several threads and processes: SQLite serialises the transactions, and an
/// update (plan and writes) holds the index's writer lock, so processes take turns.
public final class SearchIndex: VolumeOutlineCache, @unchecked Sendable {
    public let location: IndexLocation
    private let lock = NSLock()
    private var store: IndexStore
    private var storedWarnings: [String] = []

    /// Opens (or creates) the index of the corpus at `corpusPath` in `cacheHome` (default
    /// `$XDG_CACHE_HOME`, else `~/.cache`). Nothing is built yet. An unusable cache folder gives
    /// an index in memory and a warning; an outdated or damaged file is replaced.
    public init(corpusPath: String, cacheHome: String? = nil) {
        location = IndexLocation(corpusPath: corpusPath, cacheHome: cacheHome)
        var warnings: [String] = []
        store = IndexStore.open(at: location, warnings: &warnings)
        storedWarnings = warnings
    }

    /// Problems worth telling the user (the index is in memory, and why).
    public var warnings: [String] { lock.withLock { storedWarnings } }
    /// The database file, nil when the index is in memory.
    public var file: String? { current.file }
    public var isInMemory: Bool { current.file == nil }

    private var current: IndexStore { lock.withLock { store } }
    /// The store, for the checks of `SearchIndex+Checks.swift`.
    var storeForChecks: IndexStore { current }

    /// The ids and titles of the volumes as indexed, for `CorpusLoader.open(_:headers:)`: an
    /// unchanged TEI file's header is then not read at all.
    public var headers: any VolumeHeaderCache {
        let store = current
        let volumes = (try? store.queue.read { try self.indexedVolumes($0, store) }) ?? []
        return IndexedHeaders(volumes, seen: seenFingerprints)
    }

    /// The files' sizes and times as `headers` just read them, for the update that follows
    /// (a search or `list` opens the corpus, then checks the index): each volume is looked at
    /// once, not twice — 400 `stat`s of a search at 400 volumes.
    private let seenFingerprints = SeenFingerprints()

    /// The volumes as last read from the index, with the connection's `data_version` then.
    private var knownVolumes: (store: IndexStore, version: Int, volumes: [IndexedVolume])?

    /// The volumes as indexed. Read once for `headers` and `update`'s check at the start of a
    /// search, not twice: the same rows while no other connection has written
    /// (`PRAGMA data_version` unchanged).
    private func indexedVolumes(_ db: Database, _ store: IndexStore) throws -> [IndexedVolume] {
        let version = try Int.fetchOne(db, sql: "PRAGMA data_version") ?? -1
        if let known = lock.withLock({ knownVolumes }), known.store === store, known.version == version {
            return known.volumes
        }
        let volumes = try IndexedVolume.fetchAll(db)
        lock.withLock { knownVolumes = (store, version, volumes) }
        return volumes
    }

    /// Brings the index up to date with `corpus`: new volumes added, changed ones (size, time,
    /// then content hash) read again, removed ones dropped. `rebuild` starts from an empty
    /// index. `progress` is called after each volume written (on the calling thread), and once
    /// with `waitingForAnotherProcess` when another process is updating the index: this one
    /// then waits for it and does what is left (usually nothing).
    @discardableResult
    public func update(
        _ corpus: Corpus, rebuild: Bool = false, progress: (@Sendable (IndexProgress) -> Void)? = nil
    ) throws -> IndexReport {
        try userFacing {
            // Nothing to do, the common case: no lock taken, nothing written.
            let store = current
            let seen = seenFingerprints.take()
            if !rebuild, !store.wasReplaced, let plan = try? store.queue.read({ db in
                SyncPlan(sources: corpus.sources, indexed: try indexedVolumes(db, store)) {
                    seen[$0] ?? VolumeFingerprint.of(path: $0)
                }
            }), plan.isEmpty {
                return IndexReport(unchanged: plan.unchanged)
            }
            return try holdingWriterLock(progress) {
                if rebuild { replaceStore(locked: true) } else { reopenIfReplaced() }
                return try recovering(corpus, locked: true) { store in
                    // Planned again now that this process is the only writer.
                    let report = try IndexBuilder.sync(store, sources: corpus.sources, progress: progress)
                    // Fold the write-ahead log into the database and empty it: otherwise every
                    // later run that opens the index reads the whole log again (a build leaves
                    // ~20 MB).
                    if report.changed, store.file != nil {
                        // Give back the pages the build freed (FTS5 merging its segments
                        // frees about a quarter of what it writes), so the file is the index's
                        // size, not its high-water mark.
                        try? store.queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA incremental_vacuum") }
                        _ = try? store.queue.writeWithoutTransaction { try $0.checkpoint(.truncate) }
                    }
                    return report
                }
            }
        }
    }

    /// The documents matching `query`, best first. The index must be up to date (`update`);
    /// `corpus` is used to rebuild it should the file turn out damaged.
    /// - Parameter excluded: a volume whose documents are left out.
    public func search(_ query: SearchQuery, limit: Int = 20, excluding excluded: String? = nil, in corpus: Corpus)
        throws -> [SearchHit]
    {
        try userFacing {
            try recovering(corpus) { store in
                try store.queue.read { try IndexQueries.search(query, limit: limit, excluding: excluded, $0) }
            }
        }
    }

    /// How many documents match `query` in all.
    public func count(_ query: SearchQuery, in corpus: Corpus) throws -> Int {
        try userFacing {
            try recovering(corpus) { store in try store.queue.read { try IndexQueries.count(query, $0) } }
        }
    }

    /// The outline (title, chapters, document titles, footnote numbers, page breaks) of a
    /// volume as indexed, if the index has it for the volume's file as it is now; nil means:
    /// parse the volume.
    public func outline(of source: VolumeSource) -> VolumeOutline? {
        guard let now = VolumeFingerprint.of(path: source.path) else { return nil }
        return try? current.queue.read { db in
            try IndexQueries.outline(
                path: IndexLocation.absolute(source.path), id: source.id, format: source.format, now: now, db)
        }
    }

    /// The persons, terms and who-mentions-whom stored with the outline, on the same conditions.
    public func apparatus(of source: VolumeSource) -> VolumeApparatus? {
        guard let now = VolumeFingerprint.of(path: source.path) else { return nil }
        return try? current.queue.read { db in
            try IndexQueries.apparatus(
                path: IndexLocation.absolute(source.path), id: source.id, format: source.format, now: now, db)
        }
    }

    /// The same with only the entries `filter` keeps; the others are skipped undecoded.
    public func apparatus(of source: VolumeSource, keeping filter: EntryFilter) -> VolumeApparatus? {
        guard let now = VolumeFingerprint.of(path: source.path) else { return nil }
        // The blob is fetched under the database's lock and decoded outside it.
        let stored = try? current.queue.read { db in
            try IndexQueries.storedOutline(
                path: IndexLocation.absolute(source.path), id: source.id, format: source.format, now: now, db)
        }
        guard let stored else { return nil }
        // The apparatus comes first in the outline, behind its length: only that much is
        // inflated, not the documents' titles after it.
        guard let head = Deflate.decompressedPrefix(stored, count: OutlineCodec.lengthPrefixBytes),
            let length = OutlineCodec.apparatusLength(head),
            let blob = Deflate.decompressedPrefix(stored, count: length)
        else { return nil }
        return OutlineCodec.decodeApparatus(blob, volumeID: source.id, keeping: filter)
    }


    /// Runs `body` turning database errors into `SearchIndexError`s, which say what went wrong
    /// in the user's words.
    private func userFacing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw SearchIndexError(error, file: current.file)
        }
    }

    /// Runs `body` as the only process writing the index (`IndexWriterLock`); an index in
    /// memory is this process's own.
    private func holdingWriterLock<T>(_ progress: (@Sendable (IndexProgress) -> Void)?, _ body: () throws -> T) throws -> T {
        guard let file = current.file else { return try body() }
        return try IndexWriterLock(databaseFile: file).holding(waiting: {
            var waiting = IndexProgress(volumesDone: 0, volumesTotal: 0, bytesDone: 0, bytesTotal: 0, seconds: 0)
            waiting.waitingForAnotherProcess = true
            progress?(waiting)
        }, body)
    }

    /// Runs `body`; when the database turns out damaged, starts a new one, brings it up to date
    /// and runs `body` once more. `locked`: the caller holds the writer lock.
    private func recovering<T>(_ corpus: Corpus, locked: Bool = false, _ body: (IndexStore) throws -> T) throws -> T {
        let store = current
        do {
            return try body(store)
        } catch let error as DatabaseError where IndexStore.isDamage(error) && store.file != nil {
            func rebuild() throws -> T {
                // Another process may have rebuilt it while this one waited for the lock.
                if current.wasReplaced { reopenIfReplaced() } else { replaceStore(locked: true) }
                let fresh = current
                _ = try IndexBuilder.sync(fresh, sources: corpus.sources, progress: nil)
                return try body(fresh)
            }
            return try locked ? rebuild() : holdingWriterLock(nil, rebuild)
        }
    }

    /// Opens the file at the index's path again if another process replaced it (rebuilt it),
    /// so that this one writes and reads the index everybody else sees. Under the writer lock.
    private func reopenIfReplaced() {
        lock.withLock {
            guard store.file != nil, store.wasReplaced else { return }
            try? store.queue.close()
            var warnings: [String] = []
            store = IndexStore.open(at: location, locked: true, warnings: &warnings)
            storedWarnings += warnings
        }
    }

    /// Deletes the database and opens a new, empty one. Under the writer lock.
    private func replaceStore(locked: Bool) {
        lock.withLock {
            try? store.queue.close()
            var warnings: [String] = []
            if let file = store.file { try? IndexStore.removeDatabase(file) }
            store = store.file == nil
                ? IndexStore.inMemory() : IndexStore.open(at: location, locked: locked, warnings: &warnings)
            storedWarnings += warnings
        }
    }
}

/// Headers of indexed TEI files, valid while a file keeps its size and time.
struct IndexedHeaders: VolumeHeaderCache {
    private let byPath: [String: IndexedVolume]
    private let seen: SeenFingerprints?

    init(_ volumes: [IndexedVolume], seen: SeenFingerprints? = nil) {
        var map: [String: IndexedVolume] = [:]
        for v in volumes where v.format == "tei" { map[v.path] = v }
        byPath = map
        self.seen = seen
    }

    func header(ofFile file: String) -> (id: String, title: String?)? {
        guard let v = byPath[IndexLocation.absolute(file)] else { return nil }
        let now = VolumeFingerprint.of(path: file)
        if let now { seen?.record(file, now) }
        guard now == v.fingerprint else { return nil }
        return (v.volumeID, v.title)
    }
}

/// Fingerprints read while listing a corpus, handed once to the update that follows at once.
/// Only for that: older than `freshFor`, they are not used (a reader that lists its corpus at
/// start and searches minutes later looks at the files again).
final class SeenFingerprints: @unchecked Sendable {
    static let freshFor: Duration = .seconds(1)
    private let lock = NSLock()
    private var byPath: [String: VolumeFingerprint] = [:]
    private var since: ContinuousClock.Instant?

    func record(_ path: String, _ fingerprint: VolumeFingerprint) {
        lock.withLock {
            if since == nil { since = .now }
            byPath[path] = fingerprint
        }
    }

    /// The fingerprints recorded, if recorded less than `freshFor` ago, and forgets them.
    func take(freshFor: Duration = SeenFingerprints.freshFor) -> [String: VolumeFingerprint] {
        lock.withLock {
            defer { byPath = [:]; since = nil }
            guard let since, ContinuousClock.now - since < freshFor else { return [:] }
            return byPath
        }
    }
}
