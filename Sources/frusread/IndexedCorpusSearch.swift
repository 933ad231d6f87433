import Foundation
import FrusFind
import FrusModel
import FrusReader
import FrusSearch

/// The reader's corpus search (`S`, `:search`) over the persistent full-text index. The index
/// is opened on the first search unless it existed at start-up (then it also named links), and
/// brought up to date once per session
/// (the reader's corpus is itself read once, at start-up).
final class IndexedCorpusSearch: CorpusSearching, @unchecked Sendable {
    private let corpusPath: String
    private let corpus: Corpus
    private let cacheHome: String?
    /// Guards `index` and `isUpToDate` (searches run one at a time off the main thread; the
    /// lock makes that a guarantee rather than an assumption).
    private let lock = NSLock()
    private var index: SearchIndex?
    private var isUpToDate = false

    /// - Parameter index: the index, if the caller opened it already (it is then reused).
    init(corpusPath: String, corpus: Corpus, cacheHome: String? = nil, index: SearchIndex? = nil) {
        self.corpusPath = corpusPath
        self.corpus = corpus
        self.cacheHome = cacheHome
        self.index = index
    }

    func search(
        _ query: SearchQuery, limit: Int, progress: @escaping @Sendable (IndexingProgress) -> Void
    ) throws -> [SearchHit] {
        try lock.withLock {
            let index = self.index ?? SearchIndex(corpusPath: corpusPath, cacheHome: cacheHome)
            self.index = index
            if !isUpToDate {
                try index.update(corpus) { p in
                    progress(IndexingProgress(
                        volumesDone: p.volumesDone, volumesTotal: p.volumesTotal,
                        megabytesPerSecond: p.megabytesPerSecond, seconds: p.seconds,
                        waitingForAnotherProcess: p.waitingForAnotherProcess))
                }
                isUpToDate = true
            }
            return try index.search(query, limit: limit, in: corpus)
        }
    }

    func searchIndexed(_ query: SearchQuery, excluding excluded: String, limit: Int) throws -> [SearchHit]? {
        try lock.withLock {
            if index == nil {
                // Opened only if a build made one already (opening creates the file).
                guard FileManager.default.fileExists(atPath: IndexLocation(corpusPath: corpusPath, cacheHome: cacheHome).file)
                else { return nil }
                index = SearchIndex(corpusPath: corpusPath, cacheHome: cacheHome)
            }
            return try index?.search(query, limit: limit, excluding: excluded, in: corpus)
        }
    }
}
