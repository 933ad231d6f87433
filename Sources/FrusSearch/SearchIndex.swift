import Foundation
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
/// Safe to use from several threads; SQLite serialises the writes.
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

    /// The ids and titles of the volumes as indexed, for `CorpusLoader.open(_:headers:)`: an
    /// unchanged TEI file's header is then not read at all.
    public var headers: any VolumeHeaderCache {
        let volumes = (try? current.queue.read { try IndexedVolume.fetchAll($0) }) ?? []
        return IndexedHeaders(volumes)
    }

    /// Brings the index up to date with `corpus`: new volumes added, changed ones (size, time,
    /// then content hash) read again, removed ones dropped. `rebuild` starts from an empty
    /// index. `progress` is called after each volume written (on the calling thread).
    @discardableResult
    public func update(
        _ corpus: Corpus, rebuild: Bool = false, progress: (@Sendable (IndexProgress) -> Void)? = nil
    ) throws -> IndexReport {
        if rebuild { replaceStore() }
        return try recovering(corpus) { store in
            let report = try IndexBuilder.sync(store, sources: corpus.sources, progress: progress)
            // Fold the write-ahead log into the database and empty it: otherwise every later
            // run that opens the index reads the whole log again (a build leaves ~20 MB).
            if report.changed, store.file != nil {
                try? store.queue.writeWithoutTransaction { try $0.checkpoint(.truncate) }
            }
            return report
        }
    }

    /// The documents matching `query`, best first. The index must be up to date (`update`);
    /// `corpus` is used to rebuild it should the file turn out damaged.
    public func search(_ query: SearchQuery, limit: Int = 20, in corpus: Corpus) throws -> [SearchHit] {
        try recovering(corpus) { store in try store.queue.read { try IndexQueries.search(query, limit: limit, $0) } }
    }

    /// How many documents match `query` in all.
    public func count(_ query: SearchQuery, in corpus: Corpus) throws -> Int {
        try recovering(corpus) { store in try store.queue.read { try IndexQueries.count(query, $0) } }
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

    /// Runs `body`; when the database turns out damaged, starts a new one, brings it up to date
    /// and runs `body` once more.
    private func recovering<T>(_ corpus: Corpus, _ body: (IndexStore) throws -> T) throws -> T {
        let store = current
        do {
            return try body(store)
        } catch let error as DatabaseError where IndexStore.isDamage(error) && store.file != nil {
            replaceStore()
            let fresh = current
            _ = try IndexBuilder.sync(fresh, sources: corpus.sources, progress: nil)
            return try body(fresh)
        }
    }

    /// Deletes the database and opens a new, empty one.
    private func replaceStore() {
        lock.withLock {
            try? store.queue.close()
            var warnings: [String] = []
            if let file = store.file { try? IndexStore.removeDatabase(file) }
            store = store.file == nil ? IndexStore.inMemory() : IndexStore.open(at: location, warnings: &warnings)
            storedWarnings += warnings
        }
    }
}

/// Headers of indexed TEI files, valid while a file keeps its size and time.
struct IndexedHeaders: VolumeHeaderCache {
    private let byPath: [String: IndexedVolume]

    init(_ volumes: [IndexedVolume]) {
        var map: [String: IndexedVolume] = [:]
        for v in volumes where v.format == "tei" { map[v.path] = v }
        byPath = map
    }

    func header(ofFile file: String) -> (id: String, title: String?)? {
        guard let v = byPath[IndexLocation.absolute(file)], VolumeFingerprint.of(path: file) == v.fingerprint else { return nil }
        return (v.volumeID, v.title)
    }
}
