import Foundation
import GRDB

/// Copies the write-ahead log into the database file on a thread and connection of its own
/// while a build writes.
///
/// SQLite's automatic checkpoint runs inside the writer's commit: the writer would read the
/// log back, write every page a second time and wait for two fsyncs before writing the next
/// volume. The writer is the one thread of a build that cannot be spread over the cores, so
/// that work is moved here (measured: about a tenth of the writer's CPU time, and its waits for
/// the disk). The writer's connection stops checkpointing by itself for the build
/// (`wal_autocheckpoint = 0`) and nudges this one after each commit; a PASSIVE checkpoint never
/// blocks the writer or readers.
///
/// SQLite starts the log over only when a write transaction begins after everything in it was
/// copied, which never happens if the writer always begins while a checkpoint runs: the log
/// would grow to the size of the whole build. `waitForCopyIfLogLonger` lets the writer wait for
/// the copy now and then.
final class BackgroundCheckpointer: @unchecked Sendable {
    private let queue: DatabaseQueue
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var pending = false
    private var copying = false
    private var stopping = false
    private var running = true
    private var finished = false
    /// Frames in the log after the last checkpoint.
    private var logFrames = 0

    /// Opens a second connection to `file`; nil if it cannot (the build then runs with SQLite's
    /// own checkpoints, as before).
    init?(file: String) {
        var config = Configuration()
        config.busyMode = .timeout(30)
        guard let queue = try? DatabaseQueue(path: file, configuration: config) else { return nil }
        self.queue = queue
        Thread { [self] in loop() }.start()
    }

    var isFinished: Bool {
        condition.lock()
        defer { condition.unlock() }
        return finished
    }

    /// Asks for a checkpoint of what has been committed so far.
    func nudge() {
        condition.lock()
        pending = true
        condition.signal()
        condition.unlock()
    }

    /// Waits until everything committed is copied, if the log has grown past `frames`: the
    /// next write transaction then starts the log over.
    func waitForCopyIfLogLonger(than frames: Int) {
        condition.lock()
        defer { condition.unlock() }
        guard logFrames > frames else { return }
        while pending || copying { condition.wait() }
    }

    /// Runs a last checkpoint, waits for it and closes the connection. Must be called (the
    /// thread waits for it); later calls do nothing.
    func finish() {
        condition.lock()
        guard !finished else {
            condition.unlock()
            return
        }
        finished = true
        pending = true
        stopping = true
        condition.signal()
        while running { condition.wait() }
        condition.unlock()
        try? queue.close()
    }

    private func loop() {
        while true {
            condition.lock()
            while !pending { condition.wait() }
            pending = false
            copying = true
            let last = stopping
            condition.unlock()
            // A failed checkpoint only leaves the log longer: the next one, or SQLite when the
            // last connection closes, copies it.
            let result = try? queue.writeWithoutTransaction { try $0.checkpoint(.passive) }
            condition.lock()
            copying = false
            if let result { logFrames = result.walFrameCount }
            condition.broadcast()
            condition.unlock()
            if last { break }
        }
        condition.lock()
        running = false
        condition.broadcast()
        condition.unlock()
    }
}
