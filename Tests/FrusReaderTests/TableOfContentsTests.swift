import FrusTestSupport
import FrusModel
import FrusReader
import Testing

@Suite struct TableOfContentsTests {
    @Test func opensOnTheCurrentDocumentFiltersAndOpens() {
        var s = seedState()
        s.press(.char("t"))
        guard case .tableOfContents(let toc)? = s.topOverlay else { Issue.record("TOC expected"); return }
        #expect(toc.selection == 1, "175 is the second document; it starts selected")
        let rows = TableOfContents.rows(s.corpus.volume(v05)!.outline, filter: "", current: "175")
        #expect(rows == [
            .document(number: "168", title: "Letter From President Reagan to Soviet General Secretary Gorbachev", isCurrent: false, index: 0),
            .document(number: "175", title: "Memorandum From Secretary of State Shultz to President Reagan", isCurrent: true, index: 1),
        ])
        s.type("letter")
        guard case .tableOfContents(let filtered)? = s.topOverlay else { Issue.record("TOC expected"); return }
        #expect(filtered.filter == "letter" && filtered.selection == 0)
        #expect(s.scroll == 0 && s.focus == .document, "typing goes to the filter, not the keymap")
        s.press(.enter)
        #expect(s.overlays.isEmpty && s.document?.number == "168" && s.back.count == 1)
    }

    @Test func movesAndCloses() {
        var s = seedState()
        s.press(.char("t"))
        s.press(.up)
        s.press(.up)
        guard case .tableOfContents(let toc)? = s.topOverlay else { Issue.record("TOC expected"); return }
        #expect(toc.selection == 0)
        s.press(.escape)
        #expect(s.overlays.isEmpty && s.document?.number == "175")
        s.press(.char("t"))
        s.press(.char("q"))
        #expect(s.overlays.isEmpty, "q with an empty filter closes the TOC")
    }

    @Test func noMatchSaysSo() {
        var s = seedState()
        s.press(.char("t"))
        s.type("zzz")
        s.press(.enter)
        #expect(s.message?.text == "No document matches “zzz”.")
        s.press(.backspace); s.press(.backspace); s.press(.backspace)
        s.press(.enter)
        #expect(s.document?.number == "175")
    }

    @Test func groupsUnderChaptersAndKeepsOnlyChaptersWithMatches() {
        let docs = ["1", "2", "3", "4"].map { n in
            Document(volumeID: "v", number: n, titleInlines: [.text(n == "3" ? "Telegram" : "Memorandum \(n)")], blocks: [], footnotes: [])
        }
        let volume = Volume(id: "v", title: "V", documents: docs, chapters: [
            Chapter(id: "ch1", title: "Part One", depth: 0, documentNumbers: []),
            Chapter(id: "ch1a", title: "Spring", depth: 1, documentNumbers: ["1", "2"]),
            Chapter(id: "ch2", title: "Part Two", depth: 0, documentNumbers: ["3"]),
        ])
        #expect(TableOfContents.rows(volume.outline, filter: "", current: "2") == [
            .chapter(title: "Part One", depth: 0), .chapter(title: "Spring", depth: 1),
            .document(number: "1", title: "Memorandum 1", isCurrent: false, index: 0),
            .document(number: "2", title: "Memorandum 2", isCurrent: true, index: 1),
            .chapter(title: "Part Two", depth: 0),
            .document(number: "3", title: "Telegram", isCurrent: false, index: 2),
            .chapter(title: "Other documents", depth: 0),
            .document(number: "4", title: "Memorandum 4", isCurrent: false, index: 3),
        ])
        #expect(TableOfContents.rows(volume.outline, filter: "TELEGRAM", current: nil) == [
            .chapter(title: "Part Two", depth: 0),
            .document(number: "3", title: "Telegram", isCurrent: false, index: 0),
        ])
    }
}

@Suite struct RobustnessTests {
    @Test func resizesDownToNothingAndBack() throws {
        var s = seedState(width: 120, height: 40)
        s.press([.tab, .tab, .tab])
        let selected = s.selectedTarget
        for (w, h) in [(60, 20), (30, 8), (1, 1), (1, 0), (0, 0), (120, 40)] {
            s.reduce(.resize(width: w, height: h))
            s.press(.char("j"))
            s.press(.tab)
            s.press(.backTab)
        }
        #expect(s.screen.width == 120 && !s.screen.isTooSmall)
        #expect(s.view?.documentLayout.width == s.screen.documentText.width)
        #expect(s.selectedTarget == selected)
    }

    @Test func relayoutKeepsTheSelectionInView() throws {
        var s = seedState(width: 120, height: 20)
        for _ in 0..<6 { s.press(.tab) }  // marker 4, well down
        s.reduce(.resize(width: 60, height: 20))
        let view = try #require(s.view)
        let line = try #require(s.selected.flatMap { view.documentLine(of: $0) })
        #expect(line >= s.scroll && line < s.scroll + s.documentHeight)
    }

    @Test func emptyCorpusSaysSoAndKeysDoNotCrash() {
        var s = ReaderState(corpus: Corpus(location: "/tmp/empty", volumes: []), width: 80, height: 24)
        s.start()
        #expect(s.view == nil)
        #expect(s.message?.text == "No documents in /tmp/empty.")
        for key in [Key.char("j"), .tab, .enter, .backspace, .right, .char("]"), .char("["), .char("t"), .char("w"), .char("G")] {
            s.press(key)
        }
        s.type(":175"); s.press(.enter)
        #expect(s.view == nil)
    }

    @Test func oneDocumentCorpus() {
        let doc = fillerDocument(number: "1", paragraphs: 2)
        var s = ReaderState(corpus: Corpus(volumes: [Volume(id: v05, title: "V", documents: [doc])]))
        s.start()
        #expect(s.document?.number == "1")
        s.press(.char("]"))
        #expect(s.message?.text == "This is the last document of the volume.")
        s.press([.tab, .tab, .enter])
        #expect(s.focus == .footnotes)
    }

    @Test func startAtAMissingDocumentFallsBackToTheFirst() {
        var s = ReaderState(corpus: seedCorpus())
        s.start(volume: v05, number: "999")
        #expect(s.document?.number == "168")
        #expect(s.message?.kind == .error)
    }
}

/// ← → in the contents go through the corpus's volumes; a volume the search index outlines is
/// shown from its outline, not read.
@Suite struct TableOfContentsVolumesTests {
    final class Outlines: VolumeOutlineCache {
        let outline: VolumeOutline
        init(_ outline: VolumeOutline) { self.outline = outline }
        func outline(of source: VolumeSource) -> VolumeOutline? { source.id == outline.id ? outline : nil }
    }

    static let other = "frus1981-88v04"

    func state(extra: [Document] = [], start: String = "175") -> ReaderState {
        let seeds = seedCorpus(extra: extra)
        let v04 = Volume(id: Self.other, title: "Volume IV", documents: [
            fillerDocument(number: "1"), fillerDocument(number: "2"),
        ].map { var d = $0; d.volumeID = Self.other; return d })
        let sources = seeds.sources + [VolumeSource(id: Self.other, title: nil, path: "/v04", format: "memory") {
            VolumeLoad(volume: v04, diagnostics: [])
        }]
        let corpus = Corpus(location: "/mem", sources: sources, outlines: Outlines(v04.outline))
        var s = ReaderState(corpus: corpus, width: 100, height: 30, themeNames: ["default"])
        s.start(volume: v05, number: start)
        return s
    }

    /// The link navigator and the status line name a target in a volume known only by its
    /// outline, without reading that volume.
    @Test func linksIntoAnOutlinedVolumeAreNamedWithoutReadingIt() {
        let citing = fillerDocument(number: "300", paragraphs: 2, links: [
            1: .document(volume: Self.other, number: "2"), 2: .footnote(volume: Self.other, document: "1", footnote: 9),
        ])
        var s = state(extra: [citing], start: "300")
        let texts = s.view?.navigator.map(\.text) ?? []
        #expect(texts.contains("→ 2. Filler 2"), "\(texts)")
        #expect(texts.contains("✗ Document 1 has no footnote 9"), "\(texts)")
        s.press(.tab)
        s.press(.tab)
        #expect(s.selectedTarget == .document(volume: Self.other, number: "2"))
        #expect(!s.corpus.isLoaded(Self.other), "naming the targets read the volume")
        s.press(.enter)
        #expect(s.document?.volumeID == Self.other && s.document?.number == "2", "following it reads it")
    }

    @Test func arrowsShowTheOtherVolumesContentsAndEnterOpensThere() {
        var s = state()
        s.press(.char("t"))
        s.press(.right)
        guard case .tableOfContents(let toc)? = s.topOverlay else { Issue.record("TOC expected"); return }
        #expect(toc.volume == Self.other)
        #expect(!s.corpus.isLoaded(Self.other), "shown from the outline, not read")
        #expect(s.tableOfContentsRows.compactMap { if case .document(let n, _, let current, _) = $0 { return "\(n)\(current ? "*" : "")" } else { return nil } } == ["1", "2"])
        s.press(.down)
        s.press(.enter)
        #expect(s.document?.volumeID == Self.other && s.document?.number == "2")
        // Back in the seeds' volume, the open document is marked again.
        s.press(.char("t"))
        s.press(.left)
        guard case .tableOfContents(let back)? = s.topOverlay else { Issue.record("TOC expected"); return }
        #expect(back.volume == v05 && back.selection == 0)
        s.press(.right)
        guard case .tableOfContents(let again)? = s.topOverlay else { Issue.record("TOC expected"); return }
        #expect(again.volume == Self.other && again.selection == 1, "the open document 2 is selected")
    }

    @Test func aOneVolumeCorpusSaysSo() {
        var s = seedState()
        s.press(.char("t"))
        s.press(.right)
        guard case .tableOfContents(let toc)? = s.topOverlay else { Issue.record("TOC expected"); return }
        #expect(toc.volume == v05)
        #expect(s.message?.text == "This corpus has one volume.")
    }
}
