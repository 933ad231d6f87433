import FrusFind
import FrusImport
import FrusLayout
import FrusModel
import FrusReader
import FrusTheme
import FrusView
import Testing

/// Small defects seen on screen (issue 12, item 7); each test failed before its fix.
@Suite struct SmallDefectTests {
    func statusRow(_ app: ReaderApp, width: Int, height: Int) -> String {
        frame(app, width: width, height: height).lines.last ?? ""
    }

    /// The help at 120 columns shows every description whole (wrapped, not cut).
    @Test func helpWrapsItsDescriptions() {
        // Tall enough for the whole help: the test is about its width.
        let app = seedApp(width: 120, height: 160)
        app.press(.char("?"))
        let box = ScreenLayout(width: 120, height: 160).helpText
        // The help's text, row after row, read inside its box.
        let shown = frame(app, width: 120, height: 160).lines[box.y..<(box.y + box.height)].map { line -> String in
            let chars = Array(line)
            return String(chars[box.x..<min(chars.count, box.x + box.width)])
        }.joined(separator: " ").split(separator: " ").joined(separator: " ")
        var missing: [String] = []
        for (_, help) in app.state.keymap.helpScreen where !help.isEmpty {
            let words = help.split(separator: " ").joined(separator: " ")
            if !shown.contains(words) { missing.append(help) }
        }
        #expect(missing.isEmpty, "not shown whole: \(missing)")
    }

    /// At 120 columns the link pane's "no document links here" line is not cut.
    @Test func theCitedByNoteFitsAt120Columns() {
        let lines = frame(seedApp(width: 120, height: 40, number: "175"), width: 120, height: 40).lines
        let note = lines.first { $0.contains("links here") }
        #expect(note != nil, "the note whole: \(lines.filter { $0.contains("No document") })")
        #expect(!lines.contains { $0.contains("links her…") })
    }

    /// An overlay open: the status line does not name the link selected under it.
    @Test func noStaleLinkMessageUnderAnOverlay() {
        let app = seedApp(width: 100, height: 30)
        for _ in 0..<10 where app.state.selectedTarget == nil { app.press(.tab) }
        #expect(statusRow(app, width: 100, height: 30).contains("Document 168"))
        app.press(.char("?"))
        #expect(!statusRow(app, width: 100, height: 30).contains("Document 168"))
        app.press(.escape)
        app.press(.char("t"))
        #expect(!statusRow(app, width: 100, height: 30).contains("Document 168"))
    }

    /// A link into a volume not in the corpus names that volume once in the status line.
    @Test func anUnresolvedLinkNamesTheVolumeOnce() {
        let target = LinkTarget.document(volume: "frus1981-88v04", number: "150")
        let doc = Document(volumeID: v05, number: "170", titleInlines: [.text("Memo")], blocks: [
            .paragraph([.text("See "), .link(target, [.text("Document 150")]), .text(".")], .normal),
        ], footnotes: [])
        let seeds = bundledCorpus().volume(v05)!
        let corpus = Corpus(volumes: [Volume(id: v05, title: seeds.title, documents: seeds.documents + [doc])])
        let app = seedApp(width: 160, height: 30, number: "170", corpus: corpus)
        app.press(.tab)
        let status = statusRow(app, width: 160, height: 30)
        let volume = VolumeID("frus1981-88v04").citation!
        #expect(status.components(separatedBy: volume).count - 1 == 1, "“\(status)”")
        #expect(status.contains("Doc. 150"))
    }

    /// A query with quotes of its own is echoed as typed, not in a second pair of quotes.
    @Test func aQuotedQueryIsNotQuotedTwice() {
        var s = ReaderState(corpus: bundledCorpus())
        s.start()
        s.reduce(.searchCorpus("\"divided spouses\""))
        #expect(s.message?.text == "Searching every volume for \"divided spouses\"…")
        s.reduce(.cancel)
        var t = ReaderState(corpus: bundledCorpus())
        t.start()
        t.reduce(.searchCorpus("Orlov"))
        #expect(t.message?.text == "Searching every volume for “Orlov”…")
    }

    /// The results overlay's header echoes a quoted query once quoted.
    @Test func theResultsHeaderDoesNotQuoteAQuotedQueryTwice() throws {
        var s = ReaderState(corpus: bundledCorpus(), width: 100, height: 30)
        s.start()
        guard case .searchCorpus(let request)? = s.reduce(.searchCorpus("\"divided spouses\"")).first else {
            Issue.record("a search asked for")
            return
        }
        let hit = SearchHit(volumeID: v05, number: "175", title: "Memo", snippet: Snippet(parts: [.init(text: "divided spouses", isMatch: true)]), score: 1)
        s.reduce(.corpusSearchFinished(request, [hit], indexed: nil))
        let text = ReaderView.render(s, theme: ThemeLoader.compiledDefault, width: 100, height: 30).lines.joined(separator: "\n")
        #expect(text.contains("\"divided spouses\": 1 document"))
        #expect(!text.contains("“\"divided spouses\"”"))
    }
}
