import Foundation
import FrusModel

/// What the reader remembers of one corpus: where it was (resume), back/forward, the lasting
/// history and the marks. One JSON file per corpus (see `SessionStore`); the keys are these
/// property names.
public struct SessionRecord: Sendable, Hashable, Codable {
    /// The format's version (1).
    public var version = 1
    /// The corpus path this state is for (canonical: absolute, symbolic links resolved).
    public var corpus: String
    public var place: ReadingPlace?
    public var back: [ReadingPlace] = []
    public var forward: [ReadingPlace] = []
    /// Documents opened, oldest first (at most `SessionRecord.historyLimit`).
    public var history: [Visit] = []
    /// Marks by letter.
    public var marks: [String: Mark] = [:]

    /// How many entries history and back/forward keep.
    public static let historyLimit = 1000

    public init(corpus: String) { self.corpus = corpus }

    /// Applies one reader's changes to the record as it is on disk now: its own place and
    /// back/forward replace the record's (the last reader to move wins, as with any resume),
    /// its visits are added to the history, and only the marks it set or deleted change, so
    /// marks another reader set meanwhile stay.
    public mutating func merge(_ change: SessionChange) {
        if let p = change.place { place = p }
        if let b = change.back { back = Array(b.suffix(Self.historyLimit)) }
        if let f = change.forward { forward = Array(f.suffix(Self.historyLimit)) }
        if !change.visits.isEmpty {
            history = Array((history + change.visits).suffix(Self.historyLimit))
        }
        for (letter, mark) in change.marks {
            if let mark { marks[letter] = mark } else { marks[letter] = nil }
        }
    }
}

/// One reader's changes since it last saved (see `SessionRecord.merge`).
public struct SessionChange: Sendable, Hashable {
    public var place: ReadingPlace?
    public var back: [ReadingPlace]?
    public var forward: [ReadingPlace]?
    public var visits: [Visit]
    /// A mark set (a value) or deleted (nil), by letter.
    public var marks: [String: Mark?]

    public init(
        place: ReadingPlace? = nil, back: [ReadingPlace]? = nil, forward: [ReadingPlace]? = nil,
        visits: [Visit] = [], marks: [String: Mark?] = [:]
    ) {
        self.place = place
        self.back = back
        self.forward = forward
        self.visits = visits
        self.marks = marks
    }
}

/// The reader's state file of one corpus: `$XDG_STATE_HOME/frusread/corpus-HASH.json`, HASH
/// naming the canonical corpus path (which the file also holds). Every save re-reads the file
/// under its lock, merges and writes atomically, so two readers of one corpus keep each other's
/// marks. A file that cannot be read as state is set aside (`.bad`), never lost; a folder that
/// cannot be written gives one warning and the reader goes on remembering nothing.
public final class SessionStore: @unchecked Sendable {
    public let file: URL
    public let corpusPath: String
    /// Set after a save failed: later saves are skipped (one warning, not one per key).
    public private(set) var failed = false
    /// Seconds to wait between writing the temporary file and renaming it
    /// (`FRUSREAD_TEST_STATE_WRITE_PAUSE`): lets a test kill a writer in the middle of a write.
    var pauseBeforeRename: Double = 0

    public init(folders: UserFolders = .from(), corpusPath: String) {
        let canonical = Self.canonical(corpusPath)
        self.corpusPath = canonical
        file = folders.state.appendingPathComponent("corpus-\(Self.hash(canonical)).json")
        if let pause = ProcessInfo.processInfo.environment["FRUSREAD_TEST_STATE_WRITE_PAUSE"].flatMap(Double.init) {
            pauseBeforeRename = pause
        }
    }

    /// The remembered state (empty when there is none), with warnings for the user: a damaged
    /// file set aside, an interrupted write's leftovers set aside, a file that cannot be read.
    public func load() -> (SessionRecord, warnings: [String]) {
        var warnings: [String] = []
        var record = SessionRecord(corpus: corpusPath)
        do {
            try AtomicFile.withLock(on: file) {
                warnings += setAsideLeftovers()
                record = readRecord(&warnings)
            }
        } catch {
            // No lock (an unwritable folder): read without one.
            record = readRecord(&warnings)
        }
        return (record, warnings)
    }

    /// Merges `change` into the file under its lock and returns the record as written, or a
    /// warning when it could not be written (then nothing more is saved this session).
    public func save(_ change: SessionChange) -> (record: SessionRecord?, warnings: [String]) {
        guard !failed else { return (nil, []) }
        var warnings: [String] = []
        do {
            let merged = try AtomicFile.withLock(on: file) { () throws -> SessionRecord in
                var record = readRecord(&warnings)
                record.merge(change)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let data = try encoder.encode(record)
                let pause = pauseBeforeRename
                try AtomicFile.write(data + Data("\n".utf8), to: file, beforeRename: pause > 0 ? { usleep(UInt32(pause * 1_000_000)) } : nil)
                return record
            }
            return (merged, warnings)
        } catch {
            failed = true
            return (nil, warnings + ["cannot save the reader's state (\(error)): places, marks and history will not be remembered this session"])
        }
    }

    /// The record in the file; a damaged one is set aside with a warning, and an empty record
    /// stands in for it.
    private func readRecord(_ warnings: inout [String]) -> SessionRecord {
        let fresh = SessionRecord(corpus: corpusPath)
        let data: Data?
        do { data = try AtomicFile.read(file) } catch {
            warnings.append("\(error); starting without remembered state")
            return fresh
        }
        guard let data else { return fresh }
        do {
            let record = try JSONDecoder().decode(SessionRecord.self, from: data)
            // Another corpus whose path hashes alike: not ours, left alone.
            return record.corpus == corpusPath ? record : fresh
        } catch {
            let why = data.isEmpty ? "it is empty" : "it is not a frusread state file (\(Self.describe(error)))"
            do {
                let aside = try AtomicFile.setAside(file)
                warnings.append("Damaged state file set aside as \(aside.lastPathComponent) (\(why)); starting afresh. It is in \(aside.deletingLastPathComponent().path)")
            } catch {
                warnings.append("the reader's state file \(file.path) is damaged (\(why)) and \(error); starting afresh")
            }
            return fresh
        }
    }

    /// Temporary files of writes killed before they finished, moved aside (`.bad`).
    private func setAsideLeftovers() -> [String] {
        AtomicFile.leftovers(of: file).compactMap { temp in
            guard let aside = try? AtomicFile.setAside(temp) else { return nil }
            return "Interrupted state write found; the state before it is kept, the write set aside as \(aside.lastPathComponent) in \(aside.deletingLastPathComponent().path)"
        }
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let c): return c.underlyingError.map { "\($0.localizedDescription)" } ?? c.debugDescription
        case DecodingError.keyNotFound(let key, _): return "no “\(key.stringValue)”"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            return "a wrong value at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "\(error)"
        }
    }

    /// An absolute path with symbolic links resolved, so one corpus has one state file however
    /// it is named.
    public static func canonical(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        return url.resolvingSymlinksInPath().path
    }

    /// FNV-1a, 64 bits, in hex: stable across runs and platforms (unlike `hashValue`).
    static func hash(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in s.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
