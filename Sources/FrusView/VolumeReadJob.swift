import Dispatch
import FrusModel
import Synchronization

/// Reads one volume whole on a background thread (lazy opening: its document was shown
/// alone), so that no key waits for it unless that key needs the whole volume; the app polls
/// it and feeds `.volumeRead` into the reducer when it is done.
final class VolumeReadJob: Sendable {
    let volume: String
    private let done = Mutex(false)
    private let finished = DispatchSemaphore(value: 0)

    init(corpus: Corpus, volume: String) {
        self.volume = volume
        // Below the reader's own priority: keys and frames come first on a busy machine.
        DispatchQueue.global(qos: .utility).async { [self] in
            _ = corpus.volume(volume)
            done.withLock { $0 = true }
            finished.signal()
        }
    }

    var isDone: Bool { done.withLock { $0 } }

    /// Blocks until the read has finished (tests).
    func wait() {
        finished.wait()
        finished.signal()
    }
}
