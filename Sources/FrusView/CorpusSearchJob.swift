import Dispatch
import FrusFind
import FrusReader
import Synchronization

/// One corpus search running on a background thread, so that an index build on first use
/// (minutes for the whole series) never freezes the reader: the app polls it when idle for
/// progress and the result.
final class CorpusSearchJob: Sendable {
    /// What the main thread has not taken yet.
    private struct Shared: Sendable {
        var progress: IndexingProgress?
        var progressIsNew = false
        /// The last progress report of the whole search: the build's summary, if there was one.
        var lastProgress: IndexingProgress?
        var outcome: Result<[SearchHit], Failure>?
    }

    struct Failure: Error, Sendable { var message: String }

    enum Update {
        case progress(IndexingProgress)
        case finished([SearchHit], indexed: IndexingProgress?)
        case failed(String)
    }

    let request: CorpusSearchRequest
    private let shared = Mutex(Shared())
    private let done = DispatchSemaphore(value: 0)

    init(_ request: CorpusSearchRequest, searcher: any CorpusSearching, limit: Int) {
        self.request = request
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let outcome: Result<[SearchHit], Failure>
            do {
                outcome = .success(try searcher.search(request.query, limit: limit) { [self] p in
                    shared.withLock {
                        $0.progress = p
                        $0.progressIsNew = true
                        $0.lastProgress = p
                    }
                })
            } catch {
                outcome = .failure(Failure(message: "\(error)"))
            }
            shared.withLock { $0.outcome = outcome }
            done.signal()
        }
    }

    /// What happened since the last call: the result once there is one, else new progress.
    func take() -> Update? {
        shared.withLock { s -> Update? in
            switch s.outcome {
            case .success(let hits)?: return .finished(hits, indexed: s.lastProgress)
            case .failure(let f)?: return .failed(f.message)
            case nil:
                guard s.progressIsNew, let p = s.progress else { return nil }
                s.progressIsNew = false
                return .progress(p)
            }
        }
    }

    /// Blocks until the search has finished (for tests and for leaving cleanly).
    func wait() {
        done.wait()
        done.signal()  // later waits return at once
    }
}
