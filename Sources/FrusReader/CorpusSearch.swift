import FrusFind
import FrusModel

/// The corpus-wide search the reader is given: the executable passes one over the full-text
/// index (FrusSearch, SQLite), tests a double. The reader state never calls it — the reducer
/// asks for a search with `Effect.searchCorpus` and gets the hits back as an action — so the
/// state stays pure and FrusReader/FrusView never see SQLite.
public protocol CorpusSearching: Sendable {
    /// The documents matching `query`, best first, at most `limit`. May first have to build or
    /// update an index; it then reports how far it got through `progress` (from the thread it
    /// runs on). Called off the main thread, one search at a time.
    func search(
        _ query: SearchQuery, limit: Int, progress: @escaping @Sendable (IndexingProgress) -> Void
    ) throws -> [SearchHit]

    /// The documents matching `query` outside the volume `excluded`, best first, at most `limit`,
    /// from the index as it stands: never builds or updates one (looking up a name must not
    /// start minutes of indexing). Nil when there is no index.
    func searchIndexed(_ query: SearchQuery, excluding excluded: String, limit: Int) throws -> [SearchHit]?
}

extension CorpusSearching {
    /// A search with no persistent index has nothing to look up without building.
    public func searchIndexed(_ query: SearchQuery, excluding excluded: String, limit: Int) throws -> [SearchHit]? {
        nil
    }
}

/// How far an index build has got, for the status line.
public struct IndexingProgress: Sendable, Hashable {
    public var volumesDone: Int
    public var volumesTotal: Int
    public var megabytesPerSecond: Double
    public var seconds: Double
    /// Another process (a `frusread search` or `index`) is updating the index: the search
    /// waits for it.
    public var waitingForAnotherProcess: Bool

    public init(
        volumesDone: Int, volumesTotal: Int, megabytesPerSecond: Double = 0, seconds: Double = 0,
        waitingForAnotherProcess: Bool = false
    ) {
        self.volumesDone = volumesDone
        self.volumesTotal = volumesTotal
        self.megabytesPerSecond = megabytesPerSecond
        self.seconds = seconds
        self.waitingForAnotherProcess = waitingForAnotherProcess
    }
}

/// A corpus search asked for: the query as typed and parsed.
public struct CorpusSearchRequest: Sendable, Hashable {
    public var text: String
    public var query: SearchQuery

    public init(text: String, query: SearchQuery) {
        self.text = text
        self.query = query
    }
}

/// The results overlay: the hits of the last corpus search, best first, one selected.
public struct SearchResultsState: Sendable, Hashable {
    public var request: CorpusSearchRequest
    public var hits: [SearchHit]
    /// Each hit's document date ("1986-01-14"), from its volume's outline, when known.
    public var dates: [String?] = []
    public var selection = 0
    /// The first hit shown.
    public var scroll = 0

    public init(request: CorpusSearchRequest, hits: [SearchHit]) {
        self.request = request
        self.hits = hits
    }
}

extension ReaderState {
    /// How many hits a corpus search asks for.
    public static let corpusSearchLimit = 100

    /// A query as the status line echoes it: in curly quotes, unless it has quotes of its own
    /// (`"divided spouses"` is not shown as “"divided spouses"”).
    public static func echo(_ query: String) -> String {
        query.contains("\"") ? query : "“\(query)”"
    }

    /// Hits the results overlay shows at once (two rows each, under a header row).
    public var searchResultsHeight: Int { max(1, (screen.height - 5) / 2) }

    /// Enter on the `S` prompt, or `:search QUERY`: asks the app to run the search; an empty
    /// query reopens the last results.
    mutating func searchCorpus(_ text: String) -> [Effect] {
        let text = text.trimmingSpaces
        if text.isEmpty {
            reopenSearchResults()
            return []
        }
        if let pending = pendingCorpusSearch {
            message = StatusMessage("Still searching for \(Self.echo(pending.text))…")
            return []
        }
        let query: SearchQuery
        do {
            query = try SearchQuery(parsing: text)
        } catch {
            message = StatusMessage("Cannot search for \(Self.echo(text)): \(error).", kind: .error)
            return []
        }
        let request = CorpusSearchRequest(text: text, query: query)
        pendingCorpusSearch = request
        message = StatusMessage("Searching every volume for \(Self.echo(text))…")
        return [.searchCorpus(request)]
    }

    mutating func reopenSearchResults() {
        guard let results = searchResults else {
            message = StatusMessage("No earlier corpus search: S, then the words to look for.")
            return
        }
        guard !results.hits.isEmpty else {
            message = StatusMessage("No document matched \(Self.echo(results.request.text)).")
            return
        }
        if topOverlay != .searchResults { overlays.append(.searchResults) }
    }

    /// The index build reported progress.
    mutating func showIndexingProgress(_ p: IndexingProgress) {
        if p.waitingForAnotherProcess {
            message = StatusMessage("Waiting for another frusread to finish updating the search index…")
            return
        }
        // Reading goes on meanwhile: the build runs in the background and the results open when ready.
        let speed = p.megabytesPerSecond > 0 ? " · " + String(Int(p.megabytesPerSecond.rounded())) + " MB/s" : ""
        message = StatusMessage("Indexing the corpus for search: \(p.volumesDone)/\(p.volumesTotal) volumes\(speed)")
    }

    mutating func finishCorpusSearch(_ request: CorpusSearchRequest, _ hits: [SearchHit], indexed: IndexingProgress?) {
        pendingCorpusSearch = nil
        let hits = noteHits(request) + hits
        searchResults = SearchResultsState(request: request, hits: hits)
        // Dates from the outlines (the index keeps them): once per search, not per frame.
        var outlines: [String: VolumeOutline?] = [:]
        searchResults?.dates = hits.map { hit in
            if outlines[hit.volumeID] == nil { outlines[hit.volumeID] = corpus.outline(ofVolume: hit.volumeID) }
            return DocumentDates.display(outlines[hit.volumeID]??.document(number: hit.number)?.date)
        }
        let built = indexed.map { " · index built: \($0.volumesDone) volume\($0.volumesDone == 1 ? "" : "s")" } ?? ""
        guard !hits.isEmpty else {
            message = StatusMessage("No document matches \(Self.echo(request.text)).\(built)", kind: .error)
            return
        }
        let more = hits.count >= Self.corpusSearchLimit ? "the first \(hits.count)" : "\(hits.count)"
        message = StatusMessage("\(Self.echo(request.text)): \(more) document\(hits.count == 1 ? "" : "s")\(built)")
        overlays.removeAll { $0 == .searchResults }
        overlays.append(.searchResults)
    }

    mutating func failCorpusSearch(_ request: CorpusSearchRequest, _ reason: String) {
        pendingCorpusSearch = nil
        message = StatusMessage("Search for \(Self.echo(request.text)) failed: \(reason)", kind: .error)
    }

    mutating func moveInSearchResults(_ delta: Int) {
        guard var results = searchResults, !results.hits.isEmpty else { return }
        results.selection = min(max(0, results.selection + delta), results.hits.count - 1)
        let height = searchResultsHeight
        if results.selection < results.scroll { results.scroll = results.selection }
        if results.selection >= results.scroll + height { results.scroll = results.selection - height + 1 }
        searchResults = results
    }

    /// Enter in the results: opens the document (a jump) at its first match of the query, with
    /// `n`/`N` going on through the query's matches in it.
    mutating func openSelectedSearchResult() {
        guard let results = searchResults, results.hits.indices.contains(results.selection) else { return }
        let hit = results.hits[results.selection]
        overlays.removeAll { $0 == .searchResults }
        guard corpus.document(volume: hit.volumeID, number: hit.number) != nil else {
            message = unavailable(hit.volumeID, hit.number)
            return
        }
        search = FindState(pattern: .terms(results.request.query), label: results.request.text, view: nil)
        jump(to: hit.volumeID, hit.number, landing: .firstMatch)
    }
}
