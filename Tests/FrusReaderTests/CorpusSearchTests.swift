import FrusFind
import FrusModel
import FrusReader
import Testing

/// `S` and `:search`: the reducer asks for a search (an effect), takes the hits back (an
/// action) and drives the results overlay. No index here: the hits are made up.
@Suite struct CorpusSearchTests {
    func hit(_ number: String, _ title: String) -> SearchHit {
        SearchHit(volumeID: v05, number: number, title: title,
                  snippet: Snippet(marked: "…Anatoliy \u{E000}Shcharanskiy\u{E001}, and…"), score: 1)
    }

    var hits: [SearchHit] {
        [hit("175", "Memorandum From Secretary of State Shultz to President Reagan"),
         hit("168", "Letter From President Reagan to Soviet General Secretary Gorbachev")]
    }

    /// `S QUERY` Enter: the request the reducer asks the app to run.
    func ask(_ s: inout ReaderState, _ text: String) throws -> CorpusSearchRequest {
        s.press(.char("S"))
        #expect(s.prompt == .corpusSearch && s.commandLine == "")
        s.type(text)
        let effects = s.press(.enter)
        guard case .searchCorpus(let request)? = effects.first else {
            Issue.record("expected a search effect, got \(effects)")
            throw CancellationError()
        }
        return request
    }

    /// A state with the results of "Shcharanskiy" open.
    func withResults() throws -> ReaderState {
        var s = seedState()
        let request = try ask(&s, "Shcharanskiy")
        s.reduce(.corpusSearchFinished(request, hits, indexed: nil))
        return s
    }

    @Test func enterAsksForTheSearchAndTheHitsOpenTheOverlay() throws {
        var s = seedState()
        let request = try ask(&s, "Shcharanskiy")
        #expect(request.text == "Shcharanskiy")
        #expect(request.query == (try SearchQuery(parsing: "Shcharanskiy")))
        #expect(s.commandLine == nil && s.pendingCorpusSearch == request)
        #expect(s.message?.text == "Searching every volume for “Shcharanskiy”…")
        // Another frusread holds the index's writer lock: the search says it waits.
        s.reduce(.corpusSearchProgress(IndexingProgress(volumesDone: 0, volumesTotal: 0, waitingForAnotherProcess: true)))
        #expect(s.message?.text == "Waiting for another frusread to finish updating the search index…")
        s.reduce(.corpusSearchProgress(IndexingProgress(volumesDone: 1, volumesTotal: 4)))
        #expect(s.message?.text.hasPrefix("Indexing the corpus for search: 1/4 volumes") == true)
        s.reduce(.corpusSearchFinished(request, hits, indexed: IndexingProgress(volumesDone: 4, volumesTotal: 4)))
        #expect(s.topOverlay == .searchResults && s.pendingCorpusSearch == nil)
        #expect(s.searchResults?.hits == hits && s.searchResults?.selection == 0)
        #expect(s.message?.text == "“Shcharanskiy”: 2 documents · index built: 4 volumes")
    }

    @Test func colonSearchDoesTheSame() throws {
        var s = seedState()
        s.press(.char(":"))
        s.type("search \"divided spouses\" -Orlov")
        let effects = s.press(.enter)
        guard case .searchCorpus(let request)? = effects.last else { Issue.record("no search asked for"); return }
        #expect(request.text == "\"divided spouses\" -Orlov")
        #expect(request.query.required == [[SearchQuery.Term(text: "divided spouses")]])
        #expect(request.query.excluded == [SearchQuery.Term(text: "Orlov")])
    }

    @Test func aBadQueryIsAMessageNotASearch() {
        var s = seedState()
        s.press(.char("S"))
        s.type("-Orlov")
        #expect(s.press(.enter).isEmpty)
        #expect(s.message?.kind == .error)
        #expect(s.message?.text == "Cannot search for “-Orlov”: the query only excludes words; add a word to look for.")
        s.press(.char("S"))
        s.type("\"\" &")
        #expect(s.press(.enter).isEmpty)
        #expect(s.message?.text.contains("has no word to look for") == true)
    }

    @Test func noHitsSaysSoWithoutAnOverlay() throws {
        var s = seedState()
        let request = try ask(&s, "Krasnoyarsk")
        s.reduce(.corpusSearchFinished(request, [], indexed: nil))
        #expect(s.overlays.isEmpty)
        #expect(s.message?.text == "No document matches “Krasnoyarsk”.")
    }

    @Test func oneSearchAtATime() throws {
        var s = seedState()
        _ = try ask(&s, "Shcharanskiy")
        s.press(.char("S"))
        s.type("Orlov")
        #expect(s.press(.enter).isEmpty, "no second search while one runs")
        #expect(s.message?.text == "Still searching for “Shcharanskiy”…")
    }

    @Test func failureIsAMessage() throws {
        var s = seedState()
        let request = try ask(&s, "Shcharanskiy")
        s.reduce(.corpusSearchFailed(request, "disk I/O error"))
        #expect(s.pendingCorpusSearch == nil && s.overlays.isEmpty)
        #expect(s.message?.text == "Search for “Shcharanskiy” failed: disk I/O error")
        #expect(s.message?.kind == .error)
    }

    @Test func movesWithinTheResultsAndKeysDoNotReachTheReader() throws {
        var s = try withResults()
        s.press(.char("j"))
        #expect(s.searchResults?.selection == 1 && s.scroll == 0)
        s.press(.down)
        #expect(s.searchResults?.selection == 1, "stops at the last")
        s.press(.char("k"))
        #expect(s.searchResults?.selection == 0)
        s.press(.end)
        #expect(s.searchResults?.selection == 1)
        s.press(.home)
        #expect(s.searchResults?.selection == 0)
        s.press(.char("n"))
        #expect(s.topOverlay == .searchResults && s.search == nil)
    }

    @Test func theSelectionStaysInViewOfALongList() throws {
        var s = seedState(height: 20)
        let request = try ask(&s, "word")
        let many = (1...40).map { hit("\($0)", "Document \($0)") }
        s.reduce(.corpusSearchFinished(request, many, indexed: nil))
        for _ in 0..<30 { s.press(.down) }
        let results = try #require(s.searchResults)
        #expect(results.selection == 30)
        #expect(results.scroll <= 30 && 30 < results.scroll + s.searchResultsHeight)
        s.press(.pageUp)
        #expect(s.searchResults!.selection == 30 - (s.searchResultsHeight - 1))
    }

    @Test func enterOpensTheDocumentAtItsFirstMatchAndNGoesOn() throws {
        var s = try withResults()
        s.reduce(.resize(width: 100, height: 16))  // short: 168's Shcharanskiy is below the first screen
        s.press(.char("j"))
        s.press(.enter)
        #expect(s.overlays.isEmpty && s.document?.number == "168")
        #expect(s.back.last?.number == "175", "a jump: back returns to 175")
        let search = try #require(s.search)
        #expect(search.pattern == .terms(try SearchQuery(parsing: "Shcharanskiy")))
        #expect(search.current == 0 && search.count == 1)
        let m = search.match(0).match
        #expect(search.match(0).pane == .document)
        #expect(s.scroll > 0, "scrolled down to the match")
        #expect(m.firstLine >= s.scroll && m.lastLine < s.scroll + s.documentHeight, "the match line is in view")
        #expect(s.message?.text == "/Shcharanskiy: match 1 of 1 · n next, N previous")
        s.press(.char("n"))
        #expect(s.message?.text == "/Shcharanskiy: match 1 of 1 · wrapped to the top")
    }

    @Test func corpusQueriesMatchWholeWordsInTheDocument() throws {
        var s = seedState()
        let request = try ask(&s, "Gorbachev")
        s.reduce(.corpusSearchFinished(request, [hit("175", "Memorandum")], indexed: nil))
        s.press(.enter)
        let search = try #require(s.search)
        // Word matching, as the index does: Gorbachev’s counts (the apostrophe splits words).
        let expected = TextFinder(.terms(request.query))
        #expect(search.count == expected.matches(in: s.view!.documentLayout).count + expected.matches(in: s.view!.footnoteLayout).count)
        #expect(search.count > 3)
    }

    @Test func escClosesAndSEnterReopensTheLastResults() throws {
        var s = try withResults()
        s.press(.char("j"))
        s.press(.escape)
        #expect(s.overlays.isEmpty && s.document?.number == "175")
        s.press(.char("S"))
        #expect(s.press(.enter).isEmpty, "an empty prompt searches nothing")
        #expect(s.topOverlay == .searchResults)
        #expect(s.searchResults?.selection == 1, "as it was left")
        s.press(.char("q"))
        #expect(s.overlays.isEmpty, "q closes the results first")
        s.press(.char(":"))
        s.type("search")
        s.press(.enter)
        #expect(s.topOverlay == .searchResults, ":search alone reopens them too")
    }

    @Test func sEnterWithNoEarlierSearchSaysSo() {
        var s = seedState()
        s.press(.char("S"))
        s.press(.enter)
        #expect(s.overlays.isEmpty)
        #expect(s.message?.text == "No earlier corpus search: S, then the words to look for.")
    }
}
