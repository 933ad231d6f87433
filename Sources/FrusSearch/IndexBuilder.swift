import Foundation
import FrusModel
import GRDB

/// Progress of an index build, reported after each volume is written.
public struct IndexProgress: Sendable, Hashable {
    public var volumesDone: Int
    public var volumesTotal: Int
    public var bytesDone: Int64
    public var bytesTotal: Int64
    public var seconds: Double
    /// The volume just written.
    public var lastVolume: String?
    /// Another process is updating the index: this one waits for it to finish (then does
    /// what is left, usually nothing).
    public var waitingForAnotherProcess = false

    /// Source bytes (XML) read per second so far.
    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytesDone) / 1e6 / seconds : 0 }
    public var fraction: Double { bytesTotal > 0 ? Double(bytesDone) / Double(bytesTotal) : 1 }
}

/// What a sync did.
public struct IndexReport: Sendable, Hashable {
    public var added = 0
    public var updated = 0
    public var removed = 0
    /// Volumes whose bytes did not change (only their time, if anything).
    public var unchanged = 0
    /// Volumes that could not be read ("path: reason"); recorded with no documents.
    public var problems: [String] = []
    public var bytesRead: Int64 = 0
    public var seconds: Double = 0
    /// CPU time spent reading volumes (all threads) and writing them (one thread): shows
    /// which side limits a build.
    public var readCPUSeconds: Double = 0
    public var writeCPUSeconds: Double = 0

    public var changed: Bool { added + updated + removed > 0 }

    public init(
        added: Int = 0, updated: Int = 0, removed: Int = 0, unchanged: Int = 0, problems: [String] = [],
        bytesRead: Int64 = 0, seconds: Double = 0
    ) {
        self.added = added
        self.updated = updated
        self.removed = removed
        self.unchanged = unchanged
        self.problems = problems
        self.bytesRead = bytesRead
        self.seconds = seconds
    }
}

/// Brings the index up to date with the corpus: volumes parsed on every core, written one at a
/// time, each in its own transaction — a build stopped at any point (Ctrl-C, kill -9) leaves
/// the volumes written so far, and the next sync reads only the rest.
enum IndexBuilder {
    static func sync(
        _ store: IndexStore, sources: [VolumeSource], progress: (@Sendable (IndexProgress) -> Void)?
    ) throws -> IndexReport {
        let indexed = try store.queue.read { try IndexedVolume.fetchAll($0) }
        let plan = SyncPlan(sources: sources, indexed: indexed)
        var report = IndexReport()
        report.unchanged = plan.unchanged + plan.touched.count
        report.removed = plan.removed.count
        let bulk = SegmentMerging.isBulk(bytesToRead: plan.bytesToRead, bytesKept: plan.bytesKept)
        if !plan.isEmpty {
            try store.queue.write { db in
                try SegmentMerging.prepare(bulk: bulk, db)
                for rowid in plan.removed { try deleteVolume(rowid, db) }
                for (rowid, fingerprint) in plan.touched {
                    try db.execute(
                        sql: "UPDATE volume SET size = ?, modified = ? WHERE rowid = ?",
                        arguments: [fingerprint.size, fingerprint.modified, rowid])
                }
            }
        }
        guard !plan.jobs.isEmpty else { return report }

        let start = Date()
        var state = IndexProgress(
            volumesDone: 0, volumesTotal: plan.jobs.count, bytesDone: 0, bytesTotal: plan.bytesToRead, seconds: 0)
        progress?(state)
        let checkpointer = startCheckpointer(store)
        defer { stopCheckpointer(checkpointer, store) }
        // A transaction of the build: the log kept short (the checkpointer copies it back
        // between transactions).
        func writeInTurn(_ body: (Database) throws -> Void) throws {
            checkpointer?.waitForCopyIfLogLonger(than: maxLogFrames)
            try store.queue.write { try body($0) }
            checkpointer?.nudge()
        }
        let parsed = ParallelReader(jobs: plan.jobs)
        defer { parsed.cancel() }
        while let volume = parsed.next() {
            let cpu = threadCPUSeconds()
            try writeInTurn { try write(volume, $0) }
            report.writeCPUSeconds += threadCPUSeconds() - cpu
            if volume.job.replacing == nil { report.added += 1 } else { report.updated += 1 }
            if let problem = volume.problem { report.problems.append(problem) }
            state.volumesDone += 1
            state.bytesDone += volume.job.fingerprint.size
            state.seconds = Date().timeIntervalSince(start)
            state.lastVolume = volume.volumeID
            progress?(state)
        }
        if bulk {
            try SegmentMerging.tidy(writeInTurn)
            try store.queue.write { try SegmentMerging.prepare(bulk: false, $0) }
        }
        // The last copy of the log is part of the build.
        stopCheckpointer(checkpointer, store)
        report.bytesRead = state.bytesDone
        report.readCPUSeconds = parsed.cpuSeconds
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// How long the write-ahead log may grow in a build before the writer waits for the
    /// checkpointer, so that the log starts over: 64 MB. Left alone it grew to 1.3 times the
    /// index (540 MB for the benchmark's 461 MB of TEI) and deleting it took longer than the
    /// waits (measured: the same build time within the noise, less system time).
    static let maxLogFrames = (64 << 20) / IndexStore.pageSize

    /// Hands the copying of the write-ahead log to a thread of its own for the build (see
    /// `BackgroundCheckpointer`); nil for an index in memory, or if a second connection cannot
    /// be opened (SQLite then checkpoints in the writer's commits, as usual).
    private static func startCheckpointer(_ store: IndexStore) -> BackgroundCheckpointer? {
        guard let file = store.file, let checkpointer = BackgroundCheckpointer(file: file) else { return nil }
        // Should this fail, the commits go on checkpointing too: slower, not wrong.
        try? store.queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        return checkpointer
    }

    /// Waits for the last checkpoint; may be called again (a `defer` covers the error paths).
    private static func stopCheckpointer(_ checkpointer: BackgroundCheckpointer?, _ store: IndexStore) {
        guard let checkpointer, !checkpointer.isFinished else { return }
        checkpointer.finish()
        // SQLite's default, for the small writes of later updates.
        try? store.queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = 1000") }
    }

    static func deleteVolume(_ rowid: Int64, _ db: Database) throws {
        try db.execute(
            sql: "DELETE FROM document_text WHERE rowid IN (SELECT rowid FROM document WHERE volume = ?)",
            arguments: [rowid])
        try db.execute(
            sql: "DELETE FROM text_group WHERE rowid IN (SELECT text_group FROM document WHERE volume = ?)",
            arguments: [rowid])
        try db.execute(sql: "DELETE FROM document WHERE volume = ?", arguments: [rowid])
        try db.execute(sql: "DELETE FROM volume_outline WHERE volume = ?", arguments: [rowid])
        try db.execute(sql: "DELETE FROM volume WHERE rowid = ?", arguments: [rowid])
    }

    /// Writes one volume (replacing its previous version) inside the caller's transaction.
    static func write(_ v: PreparedVolume, _ db: Database) throws {
        if let old = v.job.replacing { try deleteVolume(old, db) }
        let fp = v.job.fingerprint
        try db.execute(
            sql: """
                INSERT INTO volume (path, volume_id, title, format, size, modified, hash, problem)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [v.job.key, v.volumeID, v.title, v.job.source.format, fp.size, fp.modified, v.hash, v.problem])
        let volume = db.lastInsertedRowID
        if let outline = v.outline {
            try db.execute(sql: "INSERT INTO volume_outline (volume, data) VALUES (?, ?)", arguments: [volume, outline])
        }
        let insertGroup = try db.cachedStatement(sql: "INSERT INTO text_group (data) VALUES (?)")
        var groups: [Int64] = []
        for data in v.text.groups {
            try insertGroup.execute(arguments: [data])
            groups.append(db.lastInsertedRowID)
        }
        let insertDocument = try db.cachedStatement(sql: """
            INSERT INTO document (volume, position, number, doc_id, title, date, text_group, text_offset, body_length, notes_length)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertText = try db.cachedStatement(sql: """
            INSERT INTO document_text (rowid, title, body, notes) VALUES (?, ?, ?, ?)
            """)
        for (position, d) in v.documents.enumerated() {
            let place = v.text.places[position]
            try insertDocument.execute(arguments: [
                volume, position, d.number, d.id, d.title, d.date,
                groups[place.group], place.offset, d.body.utf8.count, d.notes.utf8.count,
            ])
            try insertText.execute(arguments: [db.lastInsertedRowID, d.title, d.body, d.notes])
        }
    }
}

/// Parses the jobs' volumes on every core and hands them over as they are ready, at most two
/// waiting, so memory stays bounded (a parsed volume is several times its file's size).
final class ParallelReader: @unchecked Sendable {
    private let jobs: [IndexJob]
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var nextJob = 0
    private var ready: [PreparedVolume] = []
    private var delivered = 0
    private var cpuTotal: Double = 0
    private let capacity = 2

    /// CPU time the workers spent reading so far.
    var cpuSeconds: Double {
        condition.lock()
        defer { condition.unlock() }
        return cpuTotal
    }

    init(jobs: [IndexJob]) {
        self.jobs = jobs
        let workers = max(1, min(jobs.count, ProcessInfo.processInfo.activeProcessorCount))
        for _ in 0..<workers {
            let thread = Thread { [self] in
                Self.yieldToTheWriter()
                work()
            }
            thread.stackSize = 8 << 20  // the TEI builder recurses on nested elements
            thread.start()
        }
    }

    /// Lowers the calling parser thread's priority. Parsers only have to keep the writer's
    /// queue filled, while the writer is the one thread a build cannot spread over the cores:
    /// when the writer and both parsers want the two cores, the writer should get one.
    /// Measured on the 2-core machine: wall time fell from 0.62 to 0.57 of the CPU time spent.
    private static func yieldToTheWriter() {
        #if os(Linux)
        // On Linux the nice value belongs to each thread, and `who` 0 names the calling one.
        setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }

    private func work() {
        while true {
            condition.lock()
            while ready.count >= capacity && nextJob < jobs.count { condition.wait() }
            guard nextJob < jobs.count else {
                condition.unlock()
                return
            }
            let job = jobs[nextJob]
            nextJob += 1
            condition.unlock()
            let cpu = threadCPUSeconds()
            let volume = PreparedVolume.read(job)
            let spent = threadCPUSeconds() - cpu
            condition.lock()
            cpuTotal += spent
            ready.append(volume)
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Stops handing out jobs (the writer failed): workers finish the volume in hand and exit.
    func cancel() {
        condition.lock()
        nextJob = jobs.count
        delivered = jobs.count
        ready.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// The next parsed volume, waiting for one if needed; nil when all were delivered.
    func next() -> PreparedVolume? {
        condition.lock()
        defer { condition.unlock() }
        guard delivered < jobs.count else { return nil }
        while ready.isEmpty { condition.wait() }
        delivered += 1
        let volume = ready.removeFirst()
        condition.broadcast()
        return volume
    }
}

/// CPU time of the calling thread (writes run on the caller's thread: GRDB's queue is
/// synchronous).
func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}
