import FrusFind
import FrusModel
import FrusReader
import FrusTheme
import FrusView
import Testing

/// A corpus search without an index, for tests: scans every document's text (title, body,
/// footnotes) with FrusFind, best = most matches. With `buildSteps`, it first reports an
/// index build of that many volumes.
struct ScanningSearch: CorpusSearching {
    let corpus: Corpus
    var buildSteps = 0

    func search(
        _ query: SearchQuery, limit: Int, progress: @escaping @Sendable (IndexingProgress) -> Void
    ) throws -> [SearchHit] {
        for i in stride(from: 0, through: buildSteps, by: 1) where buildSteps > 0 {
            progress(IndexingProgress(volumesDone: i, volumesTotal: buildSteps))
        }
        var hits: [SearchHit] = []
        for id in corpus.volumeIDs {
            for doc in corpus.volume(id)?.documents ?? [] {
                let text = ([doc.bodyText] + doc.footnotes.flatMap { $0.blocks.map(\.plainText) }).joined(separator: " ")
                let found = TextFinder(.terms(query)).ranges(in: text)
                guard let first = found.first else { continue }
                let start: String.Index = text.index(first.lowerBound, offsetBy: -20, limitedBy: text.startIndex) ?? text.startIndex
                let end: String.Index = text.index(first.upperBound, offsetBy: 20, limitedBy: text.endIndex) ?? text.endIndex
                let snippet = Snippet(parts: [
                    Snippet.Part(text: "…" + String(text[start..<first.lowerBound]), isMatch: false),
                    Snippet.Part(text: String(text[first]), isMatch: true),
                    Snippet.Part(text: String(text[first.upperBound..<end]) + "…", isMatch: false),
                ])
                hits.append(SearchHit(volumeID: id, number: doc.number, title: doc.title, snippet: snippet, score: Double(found.count)))
            }
        }
        return Array(hits.sorted { $0.score > $1.score }.prefix(limit))
    }
}

struct BrokenIndex: Error, CustomStringConvertible {
    var description: String { "the index file is damaged" }
}

struct FailingSearch: CorpusSearching {
    func search(_ query: SearchQuery, limit: Int, progress: @escaping @Sendable (IndexingProgress) -> Void) throws -> [SearchHit] {
        throw BrokenIndex()
    }
}

@Suite struct SearchViewTests {
    let theme = ThemeLoader.compiledDefault
    var match: Style { theme.style("text").patched(with: theme.style("search.match")) }
    var current: Style { theme.style("text").patched(with: theme.style("search.match.current")) }

    func app(number: String = "168", searcher: (any CorpusSearching)? = nil, width: Int = 100, height: Int = 30) -> ReaderApp {
        let corpus = bundledCorpus()
        let app = ReaderApp(
            corpus: corpus, themes: ThemeSet(themes: [theme]), start: (v05, number), width: width, height: height,
            searcher: searcher ?? ScanningSearch(corpus: corpus))
        app.resize(width: width, height: height)
        return app
    }

    /// Every (x, y) where `word` starts on the screen, in the text areas (not the status line).
    func cells(of word: String, in grid: Grid) -> [(x: Int, y: Int)] {
        var out: [(Int, Int)] = []
        for (y, line) in grid.lines.enumerated().dropLast() {
            let chars = Array(line)
            let w = Array(word)
            guard chars.count >= w.count else { continue }
            for x in 0...(chars.count - w.count) where Array(chars[x..<(x + w.count)]) == w { out.append((x, y)) }
        }
        return out
    }

    @Test func matchesAreDrawnInSearchMatchAndTheCurrentOneStandsOut() throws {
        let app = app()
        app.type("/Geneva")
        app.press(.enter)
        let grid = frame(app, width: 100, height: 30)
        let seen = cells(of: "Geneva", in: grid)
        try #require(seen.count >= 2, "several Genevas on the first screen of 168")
        let styles = seen.map { grid[$0.x, $0.y].style }
        #expect(styles.filter { $0 == current }.count == 1, "one current match")
        #expect(styles.filter { $0 == match }.count == seen.count - 1, "the others in search.match")
        // Every letter of the word, not just the first.
        for p in seen { for dx in 0..<6 { #expect(grid[p.x + dx, p.y].style == match || grid[p.x + dx, p.y].style == current) } }
        #expect(current != match, "the default theme distinguishes the current match")
        #expect(grid.lines[29].hasPrefix(" /Geneva: match 1 of "))
    }

    @Test func nMovesTheCurrentHighlight() throws {
        let app = app()
        app.type("/Geneva")
        app.press(.enter)
        func currentCell() -> (Int, Int)? {
            let grid = frame(app, width: 100, height: 30)
            return cells(of: "Geneva", in: grid).first { grid[$0.x, $0.y].style == current }.map { ($0.x, $0.y) }
        }
        let first = try #require(currentCell())
        app.press(.char("n"))
        let second = try #require(currentCell())
        #expect(first != second)
        #expect(frame(app, width: 100, height: 30).lines[29].hasPrefix(" /Geneva: match 2 of "))
    }

    @Test func aMatchInAFootnoteIsHighlightedInTheFootnotePane() throws {
        let app = app(number: "175")
        app.type("/Reagan Library")
        app.press(.enter)
        let grid = frame(app, width: 100, height: 30)
        let seen = cells(of: "Reagan Library", in: grid)
        let p = try #require(seen.first)
        #expect(p.x > 60, "in the footnote pane (right of the document pane)")
        #expect(grid[p.x, p.y].style == current)
    }

    @Test func searchPromptIsDrawnWithItsPrefix() {
        let app = app()
        app.type("/Gene")
        #expect(frame(app, width: 100, height: 30).lines[29].hasPrefix("/Gene "))
        app.press(.escape, .char("S"))
        app.type("Shch")
        #expect(frame(app, width: 100, height: 30).lines[29].hasPrefix("Search all volumes: Shch "))
    }

    @Test func corpusSearchOpensTheResultsOverlayWithSnippets() throws {
        let app = app()
        app.press(.char("S"))
        app.type("Shcharanskiy")
        app.press(.enter)
        app.finishSearch()
        let grid = frame(app, width: 100, height: 30)
        let lines = grid.lines
        #expect(lines.contains { $0.contains("┌ Search · all volumes") })
        #expect(lines.contains { $0.contains("“Shcharanskiy”: 2 documents, best first") })
        #expect(lines.contains { $0.contains("168. Letter From President Reagan") })
        #expect(lines.contains { $0.contains("175. Memorandum From Secretary of State Shultz") })
        // The snippets' matches are drawn in search.match; the header's query is not.
        let seen = cells(of: "Shcharanskiy", in: grid)
        let header = try #require(lines.firstIndex { $0.contains("“Shcharanskiy”: 2 documents") })
        #expect(seen.count == 3)
        for p in seen {
            #expect((grid[p.x, p.y].style.background == match.background) == (p.y != header))
        }
        #expect(lines[29].contains("“Shcharanskiy”: 2 documents"))
    }

    @Test func enterOnAResultOpensTheDocumentAtItsFirstMatch() throws {
        let app = app(number: "175", height: 20)
        app.press(.char("S"))
        app.type("Shcharanskiy")
        app.press(.enter)
        app.finishSearch()
        let hits = try #require(app.state.searchResults?.hits)
        let i = try #require(hits.firstIndex { $0.number == "168" })
        for _ in 0..<i { app.press(.char("j")) }
        app.press(.enter)
        #expect(app.state.document?.number == "168" && app.state.overlays.isEmpty)
        #expect(app.state.back.last?.number == "175", "a jump, recorded in history")
        let grid = frame(app, width: 100, height: 20)
        let seen = cells(of: "Shcharanskiy", in: grid)
        try #require(seen.count == 1, "the match line is on the screen")
        #expect(grid[seen[0].x, seen[0].y].style == current)
        #expect(grid.lines[19].hasPrefix(" /Shcharanskiy: match 1 of 1"))
    }

    @Test func indexBuildProgressShowsInTheStatusLine() {
        let corpus = bundledCorpus()
        let app = app(searcher: ScanningSearch(corpus: corpus, buildSteps: 3))
        app.type("SShcharanskiy")
        app.press(.enter)
        #expect(frame(app, width: 100, height: 30).lines[29].hasPrefix(" Searching every volume for “Shcharanskiy”…"))
        app.finishSearch()
        #expect(frame(app, width: 100, height: 30).lines[29].contains("“Shcharanskiy”: 2 documents · index built: 3 volumes"))
        var state = app.state
        state.reduce(.corpusSearchProgress(IndexingProgress(volumesDone: 2, volumesTotal: 550, megabytesPerSecond: 61.4)))
        #expect(state.message?.text == "Indexing the corpus for search: 2/550 volumes · 61 MB/s")
    }

    @Test func aFailingSearchSaysWhyAndDoesNotCrash() {
        let app = app(searcher: FailingSearch())
        app.type("Sanything")
        app.press(.enter)
        app.finishSearch()
        #expect(app.state.overlays.isEmpty)
        #expect(frame(app, width: 100, height: 30).lines[29].contains("Search for “anything” failed: the index file is damaged"))
    }

    @Test func noSearcherSaysSearchIsNotAvailable() {
        let app = ReaderApp(corpus: bundledCorpus(), themes: ThemeSet(themes: [theme]), start: (v05, "168"))
        app.type("Sanything")
        app.press(.enter)
        #expect(app.state.message?.text.contains("corpus search is not available") == true)
        #expect(app.state.pendingCorpusSearch == nil)
    }

    @Test func helpListsTheSearchKeys() {
        let app = app(height: 60)
        app.press(.char("?"))
        let text = frame(app, width: 100, height: 60).lines.joined(separator: "\n")
        for entry in ["search this document and its footnotes", "next match", "previous match", "search every volume", ":search WORDS"] {
            #expect(text.contains(entry), "\(entry) in the help")
        }
    }
}
