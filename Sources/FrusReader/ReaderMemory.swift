import FrusModel

/// What the reader remembers between sessions, held in its state: marks, the lasting history,
/// the user's notes. The reducer changes it; the app saves what changed (`takeMemoryUpdate`)
/// through a `ReaderMemoryStoring` it is given, so the state stays pure.
public struct ReaderMemory: Sendable {
    /// The time now as ISO 8601, for marks and history (the app gives the real clock; tests a
    /// fixed one; "" when none is given).
    public var clock: @Sendable () -> String = { "" }
    /// Marks by letter.
    public var marks: [String: Mark] = [:]
    /// Documents opened, oldest first (at most `ReaderMemory.historyLimit`).
    public var history: [Visit] = []
    /// The user's notes by "VOLUME/NUMBER".
    public var notes: [String: [Note]] = [:]
    /// Where the last jump started (`''` goes back there).
    public var lastJumpStart: Place?
    /// `m` or `'` was typed: the next key is a mark's letter.
    public var pendingMarkKey: MarkKey?
    /// The note being written on the one-line prompt.
    public var pendingNote: NoteRequest?

    var unsavedVisits: [Visit] = []
    var unsavedMarks: [String: Mark?] = [:]

    public static let historyLimit = 1000

    public init() {}

    public func notes(volume: String, number: String) -> [Note] { notes["\(volume)/\(number)"] ?? [] }
    public func hasNotes(volume: String, number: String) -> Bool { !(notes["\(volume)/\(number)"] ?? []).isEmpty }
}

/// What the key after `m` or `'` does with its letter.
public enum MarkKey: Sendable, Hashable {
    case set, jump
}

/// A note about to be written: where it goes, and the passage it is about.
public struct NoteRequest: Sendable, Hashable {
    public var volume: String
    public var document: String
    public var anchor: String
    public var quote: String
    /// The document's numbered title (the notes file's heading).
    public var title: String

    public init(volume: String, document: String, anchor: String, quote: String, title: String) {
        self.volume = volume
        self.document = document
        self.anchor = anchor
        self.quote = quote
        self.title = title
    }
}

/// What changed since the last save: the app merges it into the state file.
public struct MemoryUpdate: Sendable, Hashable {
    public var place: ReadingPlace?
    public var back: [ReadingPlace]
    public var forward: [ReadingPlace]
    public var visits: [Visit]
    /// Marks set (a value) or deleted (nil), by letter.
    public var marks: [String: Mark?]
}

/// What a session starts from: the state file's contents and the notes.
public struct RememberedState: Sendable {
    public var place: ReadingPlace?
    public var back: [ReadingPlace]
    public var forward: [ReadingPlace]
    public var history: [Visit]
    public var marks: [String: Mark]
    public var notes: [Note]

    public init(
        place: ReadingPlace? = nil, back: [ReadingPlace] = [], forward: [ReadingPlace] = [], history: [Visit] = [],
        marks: [String: Mark] = [:], notes: [Note] = []
    ) {
        self.place = place
        self.back = back
        self.forward = forward
        self.history = history
        self.marks = marks
        self.notes = notes
    }
}

/// Where the reader keeps what it remembers (the executable gives one over the user's files,
/// FrusUserFiles; tests a double). Called on the main thread, between keys.
public protocol ReaderMemoryStoring: AnyObject {
    /// What was remembered, and warnings for the status line (a damaged file set aside …).
    func load() -> (RememberedState, warnings: [String])
    /// Saves changes; returns the marks as now stored (other readers' included) when saved.
    func save(_ update: MemoryUpdate) -> (marks: [String: Mark]?, warnings: [String])
    /// Appends a note to its document's notes file; returns it as stored.
    func add(_ note: Note, title: String) throws -> Note
    /// Whether notes are written in an editor ($VISUAL, $EDITOR); else on the status line.
    var hasEditor: Bool { get }
    /// Runs the editor on `text` (the terminal must be handed over first) and returns the
    /// edited text; throws with a message when the editor could not be run or failed.
    func edit(_ text: String) throws -> String
}

extension Place {
    public init(_ p: ReadingPlace) {
        self.init(
            volume: p.volume, number: p.document, scroll: p.scroll, selection: p.selection,
            footnoteScroll: p.footnoteScroll, footnoteSelection: p.footnoteSelection, linkScroll: p.linkScroll,
            linkSelection: p.linkSelection, focus: Focus(rawValue: p.focus) ?? .document)
    }

    public var reading: ReadingPlace {
        ReadingPlace(
            volume: volume, document: number, scroll: scroll, selection: selection, footnoteScroll: footnoteScroll,
            footnoteSelection: footnoteSelection, linkScroll: linkScroll, linkSelection: linkSelection,
            focus: focus.rawValue)
    }
}

extension ReaderState {
    /// Takes what the app must save now: nil when nothing lasting changed since the last take
    /// (`force`: the place and back/forward anyway, as at quitting).
    public mutating func takeMemoryUpdate(force: Bool = false) -> MemoryUpdate? {
        guard force || !memory.unsavedVisits.isEmpty || !memory.unsavedMarks.isEmpty else { return nil }
        let update = MemoryUpdate(
            place: place?.reading, back: back.suffix(ReaderMemory.historyLimit).map(\.reading),
            forward: forward.suffix(ReaderMemory.historyLimit).map(\.reading),
            visits: memory.unsavedVisits, marks: memory.unsavedMarks)
        memory.unsavedVisits = []
        memory.unsavedMarks = [:]
        return update
    }

    /// Takes in what a session starts from: marks, history, back/forward and notes.
    public mutating func remember(_ r: RememberedState) {
        memory.marks = r.marks
        back = r.back.map(Place.init)
        forward = r.forward.map(Place.init)
        memory.notes = Dictionary(grouping: r.notes) { "\($0.volume)/\($0.document)" }
        // The open document shown again with its notes.
        if !r.notes.isEmpty { reopenWithNotes() }
        // Visits before this (the document opened before the state was read) are not kept.
        memory.history = Array(r.history.suffix(ReaderMemory.historyLimit))
        memory.unsavedVisits = []
    }

    /// Records the open document in the history (the start of a session that resumes nothing).
    public mutating func recordCurrentVisit() {
        if let doc = document { recordVisit(doc) }
    }

    /// Opens the remembered place when its document is still in the corpus (else the start as
    /// usual); it is the start of the session, not a jump.
    public mutating func resume(_ p: ReadingPlace?) {
        guard let p, corpus.openDocument(volume: p.volume, number: p.document) != nil else {
            start()
            return
        }
        restore(Place(p))
        reportNewProblems()
    }

    /// Records that a document was opened, for the lasting history (not twice in a row).
    mutating func recordVisit(_ doc: Document) {
        if let last = memory.history.last, last.volume == doc.volumeID, last.document == doc.number { return }
        let visit = Visit(time: memory.clock(), volume: doc.volumeID, document: doc.number, title: doc.title)
        memory.history.append(visit)
        if memory.history.count > ReaderMemory.historyLimit {
            memory.history.removeFirst(memory.history.count - ReaderMemory.historyLimit)
        }
        memory.unsavedVisits.append(visit)
    }
}
