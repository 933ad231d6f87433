import Dispatch
import FrusFind
import FrusReader
import Synchronization

/// An entry's name looked up in the corpus's other volumes (`Effect.searchElsewhere`), on a
/// background thread: the index answers in milliseconds, but a key must never wait for it.
final class ElsewhereSearchJob: Sendable {
    let request: ElsewhereRequest
    private let outcome = Mutex<Action?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// How many documents of other volumes an entry lists at most.
    static let limit = 100

    init(_ request: ElsewhereRequest, searcher: any CorpusSearching) {
        self.request = request
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let action: Action
            do {
                let hits = try searcher.searchIndexed(request.query, excluding: request.volume, limit: Self.limit)
                action = .elsewhereFound(request, hits)
            } catch {
                action = .elsewhereFailed(request, "\(error)")
            }
            outcome.withLock { $0 = action }
            done.signal()
        }
    }

    /// The answer, once there is one (taken once).
    func take() -> Action? { outcome.withLock { a in defer { a = nil }; return a } }

    /// Blocks until the look-up has finished (tests).
    func wait() {
        done.wait()
        done.signal()
    }
}
