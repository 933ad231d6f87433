import Synchronization

/// A volume the corpus knows about, found cheaply (from a folder name or a file's header),
/// and how to read it in full when it is first needed.
public struct VolumeSource: Sendable {
    public var id: String
    /// The title if it was cheap to find; the loaded volume's title wins.
    public var title: String?
    /// The file or folder the volume is read from.
    public var path: String
    /// The publication status its header gives, when it was cheap to find (`Volume.status`).
    public var status: String?
    /// "tei" or "text", for messages and listings.
    public var format: String
    /// Reads the whole volume. Throws a `Diagnostic` when it cannot be read at all.
    public var load: @Sendable () throws -> VolumeLoad
    /// Reads one document without the rest of the volume, when the format allows it cheaply
    /// (TEI: stream past the other documents); nil when it does not.
    public var loadDocument: (@Sendable (String) throws -> DocumentLoad?)?
    /// Maps the volume without reading it (TEI: one pass over the tags), so that the reader
    /// opens a document by reading it alone (lazy opening); nil when the format has no map.
    public var map: (@Sendable () throws -> any VolumeMap)?

    public init(
        id: String, title: String?, path: String, format: String,
        loadDocument: (@Sendable (String) throws -> DocumentLoad?)? = nil,
        load: @escaping @Sendable () throws -> VolumeLoad
    ) {
        self.id = id
        self.title = title
        self.path = path
        self.format = format
        self.loadDocument = loadDocument
        self.load = load
    }
}

/// One document read alone, with what was found wrong in its file on the way (a file damaged
/// after it).
public struct DocumentLoad: Sendable {
    public var document: Document
    public var diagnostics: [Diagnostic]
    public init(document: Document, diagnostics: [Diagnostic] = []) {
        self.document = document
        self.diagnostics = diagnostics
    }
}

/// A volume as read, with what was wrong in it.
public struct VolumeLoad: Sendable {
    public var volume: Volume
    public var diagnostics: [Diagnostic]

    public init(volume: Volume, diagnostics: [Diagnostic]) {
        self.volume = volume
        self.diagnostics = diagnostics
    }
}

/// The volumes a reader has: listed up front, each parsed the first time it is needed
/// (a folder of 550 TEI volumes must open at once). Safe to share between threads.
public final class Corpus: Sendable {
    /// The folder or file the corpus was opened from.
    public let location: String
    /// The volumes in order (sorted by id).
    public let sources: [VolumeSource]

    /// Outlines of unread volumes (the search index's), if the corpus was opened with them.
    public let outlines: (any VolumeOutlineCache)?

    private struct State {
        var loaded: [String: Volume] = [:]
        /// Volumes that could not be read, with why.
        var failed: [String: Diagnostic] = [:]
        var diagnostics: [Diagnostic]
        /// Outlines asked of `outlines` so far (nil: it has none for that volume).
        var outlined: [String: VolumeOutline?] = [:]
        /// Outlines of read volumes, made once (the table of contents asks on every frame).
        var readOutlines: [String: VolumeOutline] = [:]
        /// Citations in read volumes, made once each (see `CitationIndex`).
        var citations: [String: CitationIndex] = [:]
        /// Maps of volumes not read yet, made once each (nil: none can be made).
        var maps: [String: (any VolumeMap)?] = [:]
        /// Documents read alone from a map, by "volume␟position", until their volume is read.
        var alone: [String: Document] = [:]
        /// One lock per volume being read: a second reader of the volume waits for the first.
        var gates: [String: ReadGate] = [:]
    }

    /// Held while a volume is parsed, so that a volume asked for while it is being read (in
    /// the background) is waited for, not parsed twice.
    final class ReadGate: Sendable {
        let lock = Mutex(())
    }
    private let state: Mutex<State>

    public init(
        location: String, sources: [VolumeSource], diagnostics: [Diagnostic] = [],
        outlines: (any VolumeOutlineCache)? = nil
    ) {
        self.location = location
        self.sources = sources
        self.outlines = outlines
        self.state = Mutex(State(diagnostics: diagnostics))
    }

    /// A corpus of volumes already in memory (tests, generated data).
    public convenience init(location: String = "(memory)", volumes: [Volume]) {
        let sources = volumes.map { v in
            VolumeSource(id: v.id, title: v.title, path: location, format: "memory") {
                VolumeLoad(volume: v, diagnostics: [])
            }
        }
        self.init(location: location, sources: sources)
    }

    public var volumeIDs: [String] { sources.map(\.id) }

    public func source(_ id: String) -> VolumeSource? { sources.first { $0.id == id } }

    /// Everything that was wrong so far: found while listing, and in every volume loaded.
    public var diagnostics: [Diagnostic] { state.withLock { $0.diagnostics } }

    /// Why volume `id` could not be read, if reading it was tried and failed.
    public func problem(ofVolume id: String) -> Diagnostic? { state.withLock { $0.failed[id] } }

    public func isLoaded(_ id: String) -> Bool { state.withLock { $0.loaded[id] != nil } }

    /// The volume with this id if it was read already (never reads it).
    public func loadedVolume(_ id: String) -> Volume? { state.withLock { $0.loaded[id] } }

    /// The outline of volume `id`: the read volume's, else the index's, else read from the file.
    /// Nil when there is no such volume or it cannot be read.
    public func outline(ofVolume id: String) -> VolumeOutline? {
        if let o = state.withLock({ $0.readOutlines[id] }) { return o }
        // An indexed outline without documents may be a volume not yet digitized: the volume
        // (a header alone) says so, the outline does not.
        if loadedVolume(id) == nil, let o = indexedOutline(id), !o.documents.isEmpty { return o }
        guard let v = volume(id) else { return nil }
        let outline = v.outline
        state.withLock { $0.readOutlines[id] = outline }
        return outline
    }

    /// Who cites what in a read volume, made on first use.
    func citations(in volume: Volume) -> CitationIndex {
        if let known = state.withLock({ $0.citations[volume.id] }) { return known }
        let index = CitationIndex(volume)
        state.withLock { $0.citations[volume.id] = index }
        return index
    }

    /// The number and title of a document, from its volume if read, else from the volume's
    /// outline (the index's, without parsing; or the volume read now if there is none).
    public func documentTitle(volume: String, number: String) -> (number: String, title: String)? {
        if let v = loadedVolume(volume) { return v.document(number: number).map { ($0.number, $0.title) } }
        return outline(ofVolume: volume)?.document(number: number).map { ($0.number, $0.title) }
    }

    /// The outline of an unread volume from `outlines`, asked once per volume.
    func indexedOutline(_ id: String) -> VolumeOutline? {
        guard let outlines else { return nil }
        if let known = state.withLock({ $0.outlined[id] }) { return known }
        guard let source = source(id) else { return nil }
        let outline = outlines.outline(of: source)
        state.withLock { $0.outlined[id] = outline }
        return outline
    }

    /// The volume with this id, read on first use; nil if there is none or it cannot be read
    /// (the reason is in `diagnostics`).
    public func volume(_ id: String) -> Volume? {
        if let v = state.withLock({ $0.loaded[id] }) { return v }
        guard let source = source(id), state.withLock({ $0.failed[id] }) == nil else { return nil }
        let gate = state.withLock { s in
            if let g = s.gates[id] { return g }
            let g = ReadGate()
            s.gates[id] = g
            return g
        }
        // Parse outside the corpus' lock, other volumes staying available meanwhile; inside the
        // volume's gate, so that another thread asking for it waits for this read.
        return gate.lock.withLock { _ in read(source) }
    }

    private func read(_ source: VolumeSource) -> Volume? {
        let id = source.id
        if let v = state.withLock({ $0.loaded[id] }) { return v }
        guard state.withLock({ $0.failed[id] }) == nil else { return nil }
        do {
            let load = try source.load()
            return state.withLock { s in
                if let v = s.loaded[id] { return v }
                s.loaded[id] = load.volume
                s.diagnostics += load.diagnostics
                // Read whole: its map and the documents read alone are no longer needed.
                s.maps[id] = nil
                s.alone = s.alone.filter { !$0.key.hasPrefix(id + "\u{1F}") }
                return load.volume
            }
        } catch {
            let diagnostic = (error as? Diagnostic)
                ?? Diagnostic(.error, "\(error)", at: SourceLocation(file: source.path))
            state.withLock { s in
                guard s.failed[id] == nil else { return }
                s.failed[id] = diagnostic
                s.diagnostics.append(diagnostic)
            }
            return nil
        }
    }

    /// The first document of the first volume that can be read, reading volumes in order until
    /// one can (the others' problems go to `diagnostics`); nil when none can. A document
    /// proper, not the front matter's first section (unless the volume has nothing else).
    public func firstDocument() -> Document? {
        for id in volumeIDs {
            if loadedVolume(id) == nil, let map = map(ofVolume: id), let i = map.firstPosition,
                let first = documentAlone(id, map, i)
            {
                return first
            }
            if let first = volume(id)?.firstDocument { return first }
        }
        return nil
    }

    /// Every volume, loading those not yet loaded (for `check` and whole-corpus listings).
    public func allVolumes() -> [Volume] { sources.compactMap { volume($0.id) } }

    /// The volumes loaded so far, in corpus order.
    public var loadedVolumes: [Volume] {
        let loaded = state.withLock { $0.loaded }
        return sources.compactMap { loaded[$0.id] }
    }

    public func document(volume: String, number: String) -> Document? {
        self.volume(volume)?.document(number: number)
    }

    /// One document, read alone when its volume is not loaded and the format allows it (for
    /// one-shot commands: `show N` on a 10 MB volume need not build the other documents);
    /// otherwise from the loaded volume. Nil when there is no such document, or reading failed.
    public func documentAlone(volume: String, number: String) -> Document? {
        if !isLoaded(volume), let read = source(volume)?.loadDocument, let load = try? read(number) {
            state.withLock { $0.diagnostics += load.diagnostics }
            return load.document
        }
        return document(volume: volume, number: number)
    }

    /// The document, read alone when its volume is not read yet and has a map (lazy opening:
    /// the reader shows it without parsing the rest of the volume), else from the volume, read
    /// now if need be. Nil when there is no such document or it cannot be read.
    public func openDocument(volume: String, number: String) -> Document? {
        if loadedVolume(volume) == nil, let map = map(ofVolume: volume) {
            guard let i = map.position(of: number) else {
                // Not in the map: the volume read whole has the last word.
                return document(volume: volume, number: number)
            }
            if let doc = documentAlone(volume, map, i) { return doc }
        }
        return document(volume: volume, number: number)
    }

    /// The map of a volume not read yet, made on first use; nil when it is read, or its format
    /// has none, or mapping failed (the volume is then read whole, which says why).
    public func map(ofVolume id: String) -> (any VolumeMap)? {
        if let known = state.withLock({ $0.loaded[id] == nil ? $0.maps[id] : .some(nil) }) { return known }
        guard let make = source(id)?.map else { return nil }
        let map = try? make()
        state.withLock { s in if s.loaded[id] == nil { s.maps[id] = .some(map) } }
        return map
    }

    /// Document `position` of a mapped volume, read alone once; nil when it cannot be.
    func documentAlone(_ volume: String, _ map: any VolumeMap, _ position: Int) -> Document? {
        let key = volume + "\u{1F}" + String(position)
        if let doc = state.withLock({ $0.alone[key] }) { return doc }
        if let v = loadedVolume(volume) { return v.documents.indices.contains(position) ? v.documents[position] : nil }
        guard let doc = try? map.read(position) else { return nil }
        state.withLock { s in if s.loaded[volume] == nil { s.alone[key] = doc } }
        return doc
    }

    /// The title of a volume: the loaded one's, else the one found when listing, else its
    /// short citation form.
    /// Whether a volume is announced but not yet digitized, known without reading any
    /// documents: from its header's status, or from the volume if it was read.
    public func isNotYetDigitized(_ id: String) -> Bool {
        if let v = loadedVolume(id) { return v.isNotYetDigitized }
        if let o = state.withLock({ $0.readOutlines[id] }) { return o.isNotYetDigitized }
        return Volume.isPreparing(source(id)?.status)
    }

    public func title(ofVolume id: String) -> String? {
        if let v = state.withLock({ $0.loaded[id] }) { return v.title }
        if let s = source(id) { return s.title ?? indexedOutline(id)?.title ?? VolumeID(id).citation ?? id }
        return nil
    }
}
