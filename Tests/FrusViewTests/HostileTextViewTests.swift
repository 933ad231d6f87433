import FrusFind
import FrusLayout
import FrusModel
import FrusReader
import FrusTheme
import FrusView
import Testing

/// A search that finds one result in a volume whose id is hostile (from a volume.json).
struct HostileIDSearch: CorpusSearching {
    let volumeID: String
    func search(_ query: SearchQuery, limit: Int, progress: @escaping @Sendable (IndexingProgress) -> Void) throws -> [SearchHit] {
        [SearchHit(volumeID: volumeID, number: "168", title: "Short", snippet: Snippet(parts: [Snippet.Part(text: "x", isMatch: true)]), score: 1)]
    }
}

@Suite struct HostileTextViewTests {
    /// Issue 13, defect 2: the results overlay measured such an id without its placeholders
    /// (ESC, BEL and the OSC's characters are each drawn one column wide) and drew past its border.
    @Test func aVolumeIdWithControlsStaysInsideTheSearchResultsBox() throws {
        let id = "v\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}\u{202E}\u{1B}\u{1B}\u{1B}\u{1B}\u{1B}\u{1B}"
        let corpus = bundledCorpus()
        let (width, height) = (100, 30)
        let app = ReaderApp(
            corpus: corpus, themes: ThemeSet(themes: [ThemeLoader.compiledDefault]), start: (v05, "168"),
            width: width, height: height, searcher: HostileIDSearch(volumeID: id))
        app.resize(width: width, height: height)
        app.press(.char("S"))
        app.type("x")
        app.press(.enter)
        app.finishSearch()
        let lines = frame(app, width: width, height: height).lines.map { Array($0) }
        let top = try #require(lines.firstIndex { String($0).contains("┌ Search · all volumes") })
        let left = try #require(lines[top].firstIndex(of: "┌"))
        let right = try #require(lines[top].firstIndex(of: "┐"))
        let row = try #require(lines.firstIndex { String($0).contains("168. Short") })
        // The box's sides are where the top corners are, and nothing of the tag is past them.
        #expect(lines[row][left] == "│")
        #expect(lines[row][right] == "│", "row: \(String(lines[row]))")
        // Every control of the id is on screen as its placeholder, none raw.
        let shown = String(lines[row][left...right])
        #expect(shown.contains("␛]0;pwned␇␛[2J��␛␛␛␛␛␛"))
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || $0 == "\u{202E}" })
    }
}
