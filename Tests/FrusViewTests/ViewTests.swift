import FrusImport
import FrusLayout
import FrusModel
import FrusReader
import FrusTestSupport
import FrusTheme
import FrusView
import Testing

@Suite struct ScreenStructureTests {
    let theme = ThemeLoader.compiledDefault

    @Test func titleBordersAndStatusLine() {
        let app = seedApp()
        let grid = frame(app, width: 100, height: 30)
        let lines = grid.lines
        #expect(lines[0].hasPrefix(" FRUS, 1981–1988, vol. V · 175. Memorandum From Secretary of State Shultz"))
        #expect(lines[1].hasPrefix("┌ Document "))
        #expect(lines[28].hasPrefix("└") && lines[28].hasSuffix("┘"))
        #expect(lines[29].contains("Tab selects links and footnote markers"))
        #expect(lines[29].hasSuffix("? help  t contents  q quit "))
        // The focused pane's border is drawn in border.focused, the others in border.
        let focused = ThemeLoader.compiledDefault.style("text").patched(with: theme.style("border.focused"))
        #expect(grid[0, 1].style == focused)
        #expect(grid[60, 1].style.foreground == theme.style("border").foreground)
        for line in lines { #expect(line.count == 100) }
    }

    @Test func statusLineNamesTheSelectedLinkLikeLynx() {
        let app = seedApp()
        app.press(.tab, .tab, .tab)
        let status = frame(app, width: 120, height: 30).lines[29]
        #expect(status.hasPrefix(" Document 168: Letter From President Reagan to Soviet General Secretary Gorbachev"))
        app.press(.tab, .tab)
        #expect(frame(app, width: 120, height: 30).lines[29].hasPrefix(" FRUS, 1981–1988, vol. V, Doc. 136, note 3 — Document 136 is not in this corpus"))
    }

    @Test func selectedLinkAndCurrentFootnoteAreStyled() throws {
        let app = seedApp()
        app.press(.tab, .tab, .tab)
        let grid = frame(app, width: 100, height: 30)
        // Footnote 2's line in the pane: "2. See Document 168." — the label drawn link.selected.
        let row = try #require(grid.lines.firstIndex { $0.contains("2. See Document 168.") })
        let line = grid.lines[row]
        let labelStart = try #require(line.range(of: "Document 168"))
        let x = line.distance(from: line.startIndex, to: labelStart.lowerBound)
        let selected = theme.style("text").patched(with: theme.style("link.selected"))
        #expect(grid[x, row].style == selected)
        // The rest of footnote 2 is highlighted as the current footnote.
        #expect(grid[x - 3, row].style.background == theme.style("footnote.current").background)
        // Footnote 1 is not.
        let row1 = try #require(grid.lines.firstIndex { $0.contains("1. Source:") })
        #expect(grid[63, row1].style.background != theme.style("footnote.current").background)
        // Its marker in the text is marked as where the link stands.
        let markerRow = try #require(grid.lines.firstIndex { $0.contains("Moscow.[2]") })
        let mx = grid.lines[markerRow].distance(from: grid.lines[markerRow].startIndex,
                                                to: grid.lines[markerRow].range(of: "[2]")!.lowerBound)
        #expect(grid[mx, markerRow].style == theme.style("text").patched(with: theme.style("marker.selected")))
    }

    @Test func highlightedFootnoteFollowsTheSelectedMarker() throws {
        let app = seedApp(width: 100, height: 30)
        let current = theme.style("footnote.current").background
        func highlightedNumbers(_ grid: Grid) -> [String] {
            grid.lines.indices.compactMap { y -> String? in
                guard grid[62, y].style.background == current else { return nil }
                let text = String(grid.lines[y].dropFirst(62)).trimmingCharacters(in: .whitespaces)
                return text.first?.isNumber == true ? String(text.prefix(2)) : nil
            }
        }
        #expect(highlightedNumbers(frame(app, width: 100, height: 30)) == ["1."])
        app.press(.tab, .tab)
        #expect(highlightedNumbers(frame(app, width: 100, height: 30)) == ["2."])
        app.press(.tab, .tab)
        #expect(highlightedNumbers(frame(app, width: 100, height: 30)) == ["3."])
        app.press(.tab, .tab, .tab)
        let grid = frame(app, width: 100, height: 30)
        #expect(highlightedNumbers(grid) == ["5."])
        #expect(grid.lines.contains { $0.contains("5. No classification marking.") }, "scrolled into view")
    }

    @Test func positionIndicatorShowsPageAndPercent() {
        let app = seedApp(width: 100, height: 30)
        #expect(frame(app, width: 100, height: 30).lines[1].contains("p. 765 · 21%"))
        app.press(.char("G"))
        #expect(frame(app, width: 100, height: 30).lines[1].contains("p. 767 · 100%"))
    }

    @Test func linkNavigatorAndCitedBy() {
        let lines175 = frame(seedApp(width: 200, height: 30), width: 200, height: 30).lines
        #expect(lines175.contains { $0.contains("note 2  → 168. Letter From President Reagan to Soviet General Secretary") })
        #expect(lines175.contains { $0.contains("note 3  ✗ Document 136 is not in this corpus") })
        let lines168 = frame(seedApp(width: 200, height: 30, number: "168"), width: 200, height: 30).lines
        #expect(lines168.contains { $0.contains("Cited by") })
        #expect(lines168.contains { $0.contains("←       175 n. 2 · Memorandum From Secretary of State Shultz") })
    }

    @Test func pagingThrough175ShowsEveryWordOfTheSeed() throws {
        let app = seedApp(width: 100, height: 30)
        var seen = ""
        for _ in 0..<20 {
            let grid = frame(app, width: 100, height: 30)
            for line in grid.lines[2..<28] { seen += " " + line.dropFirst(2).prefix(56) + " " + line.dropFirst(62).prefix(36) }
            app.press(.char(" "))
        }
        // Footnotes: shown in the pane as their markers come into view; step through them too.
        app.press(.char("g"))
        for _ in 0..<8 {
            app.press(.tab)
            for line in frame(app, width: 100, height: 30).lines[2..<28] { seen += " " + line.dropFirst(62).prefix(36) }
        }
        let text = try String(contentsOf: Fixtures.seed175, encoding: .utf8)
        let seenWords = Set(words(seen))
        let missing = words(text.replacingOccurrences(of: "[Page", with: " ")).filter { !seenWords.contains($0) }
        #expect(missing.isEmpty, "not shown: \(missing.prefix(20))")
    }

    func words(_ s: String) -> [String] {
        s.split { !($0.isLetter || $0.isNumber) }.map(String.init).filter { Int($0) == nil || $0.count > 1 }
    }
}

@Suite struct SmallScreenTests {
    @Test func tooSmallIsCentredAndRecovers() {
        let app = seedApp(width: 100, height: 30)
        app.resize(width: 30, height: 8)
        let lines = frame(app, width: 30, height: 8).lines
        #expect(lines[3] == "      terminal too small      ")
        #expect(lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count == 2)
        app.resize(width: 120, height: 40)
        let big = frame(app, width: 120, height: 40).lines
        #expect(big[0].contains("175. Memorandum"))
        #expect(big[1].hasPrefix("┌ Document "))
    }

    @Test(arguments: [(1, 1), (1, 30), (100, 1), (0, 0), (2, 0), (0, 5), (39, 9), (40, 10)])
    func degenerateSizesDoNotCrash(width: Int, height: Int) {
        let app = seedApp(width: 100, height: 30)
        app.resize(width: width, height: height)
        for key in [Key.char("j"), .tab, .enter, .char("t"), .char("x"), .escape, .char("?")] { _ = app.handle(key) }
        let grid = frame(app, width: width, height: height)
        #expect(grid.cells.count == max(0, width) * max(0, height))
    }

    @Test func sixtyByTwentyIsUsable() {
        let app = seedApp(width: 60, height: 20)
        app.press(.tab, .tab, .tab)
        let lines = frame(app, width: 60, height: 20).lines
        #expect(lines[19].contains("Document 168: Letter From President Reagan"))
        #expect(lines.contains { $0.contains("┌ Footnotes") && $0.contains("┌ Links") })
        app.press(.enter)
        #expect(frame(app, width: 60, height: 20).lines[0].contains("168. Letter From President"))
    }
}

@Suite struct OverlayAndThemeTests {
    @Test func helpListsEveryKey() {
        let app = seedApp(width: 100, height: 40)
        app.press(.char("?"))
        let text = frame(app, width: 100, height: 40).lines.joined(separator: "\n")
        #expect(text.contains("┌ Help"))
        for (keys, _) in Keymap.standard.helpLines.prefix(25) { #expect(text.contains(keys), "\(keys)") }
    }

    @Test func tableOfContentsMarksTheCurrentDocumentAndFilters() {
        let app = seedApp(width: 100, height: 30)
        app.press(.char("t"))
        var lines = frame(app, width: 100, height: 30).lines
        #expect(lines.contains { $0.contains("▸ 175. Memorandum From Secretary of State Shultz") })
        #expect(lines.contains { $0.contains("  168. Letter From President Reagan") })
        app.type("gorb")
        lines = frame(app, width: 100, height: 30).lines
        #expect(lines.contains { $0.contains("Filter: gorb") })
        #expect(!lines.dropFirst().contains { $0.contains("175. Memorandum") }, "filtered out (row 0 is the title line)")
        app.press(.enter)
        #expect(frame(app, width: 100, height: 30).lines[0].contains("168. Letter"))
    }

    @Test func commandLineIsDrawnWithACursor() {
        let app = seedApp()
        app.type(":d 16")
        let grid = frame(app, width: 100, height: 30)
        #expect(grid.lines[29].hasPrefix(":d 16 "))
        #expect(grid[5, 29].style.attributes.contains(.reverse))
    }

    @Test func monoThemeDrawsNoColourAnywhere() throws {
        let mono = ThemeLoader.standard(environment: ["NO_COLOR": "1"], executablePath: "").loadAll().themes[0]
        let app = seedApp(theme: mono)
        app.press(.tab, .tab, .tab, .char("t"))
        let grid = frame(app, width: 100, height: 30)
        #expect(grid.cells.allSatisfy { $0.style.foreground == nil && $0.style.background == nil })
        #expect(grid.cells.contains { $0.style.attributes.contains(.reverse) }, "selection still visible")
    }

    @Test func themeCycleChangesTheStyles() {
        let themes = ThemeLoader(directories: []).loadAll()
        let app = ReaderApp(corpus: bundledCorpus(), themes: themes, start: (v05, "175"), width: 100, height: 30)
        let before = frame(app, width: 100, height: 30)
        _ = app.handle(.char("c"))
        #expect(app.theme.name == "light")
        #expect(frame(app, width: 100, height: 30).lines[29].contains("Theme: light"))
        #expect(frame(app, width: 100, height: 30).cells != before.cells)
    }

    @Test func themeWarningsShowInTheStatusLine() {
        let set = ThemeSet(themes: [ThemeLoader.compiledDefault], warnings: ["theme x: broken", "another"])
        let app = ReaderApp(corpus: bundledCorpus(), themes: set, start: (v05, "175"), width: 100, height: 30)
        #expect(frame(app, width: 100, height: 30).lines[29].contains("theme x: broken (+1 more)"))
    }

    /// A theme problem and a corpus problem at start: the theme's is told first (the corpus'
    /// is in `frusread check` too), the corpus' with the next key.
    @Test func aThemeWarningIsNotHiddenByCorpusProblems() {
        let broken = VolumeSource(id: "frus1981-88v04", title: nil, path: "/c/frus1981-88v04.xml", format: "tei") {
            throw Diagnostic(.error, "cannot read TEI volume: cut off", at: SourceLocation(file: "/c/frus1981-88v04.xml", line: 3))
        }
        let seeds = bundledCorpus()
        let corpus = Corpus(location: "/c", sources: [broken] + seeds.sources)
        let set = ThemeSet(themes: [ThemeLoader.compiledDefault], warnings: ["theme x: broken"])
        let app = ReaderApp(corpus: corpus, themes: set, width: 100, height: 30)
        #expect(app.state.document?.number == "168", "the unreadable volume passed over")
        #expect(frame(app, width: 100, height: 30).lines[29].contains("theme x: broken"))
        _ = app.handle(.char("j"))
        #expect(frame(app, width: 100, height: 30).lines[29].contains("Skipped frus1981-88v04.xml:3: cannot read TEI volume: cut off"))
    }

    @Test func appResponses() {
        let app = seedApp()
        #expect(app.handle(.ctrl("l")) == .redraw)
        #expect(app.handle(.char("j")) == .continue)
        #expect(app.handle(.char("q")) == .quit(0))
    }

    @Test func emptyCorpusDrawsAMessage() {
        let app = ReaderApp(corpus: Corpus(location: "/tmp/none", volumes: []), width: 80, height: 24)
        let lines = frame(app, width: 80, height: 24).lines
        #expect(lines.contains { $0.contains("No document to show.") })
        #expect(lines[23].contains("No documents in /tmp/none."))
    }
}

@Suite struct GridDrawingTests {
    @Test func wideCharactersTakeTwoCellsAndClip() {
        var grid = Grid(width: 6, height: 1)
        let end = grid.put("a漢字b", x: 0, y: 0, style: .plain)
        #expect(end == 6)
        #expect(grid.lines == ["a漢字b"])
        #expect(grid[2, 0].isContinuation && grid[4, 0].isContinuation)
        var clipped = Grid(width: 4, height: 1)
        clipped.put("ab漢", x: 1, y: 0, style: .plain)
        #expect(clipped.lines == [" ab "], "a wide glyph that does not fit leaves a blank")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(width: 4, height: 1)
        grid.put("漢字", x: 0, y: 0, style: .plain)
        grid.put("x", x: 1, y: 0, style: .plain)
        #expect(grid.lines == [" x字"])
        #expect(!grid[1, 0].isContinuation)
    }

    /// The fast paths (ASCII; quotes, dashes and accents) write whole runs at once: a run
    /// starting on a wide glyph's second half or ending on its first half must still blank the
    /// other half, and a run with a combining accent must keep it on its letter.
    @Test func runsOverWideGlyphEdgesBlankTheOtherHalf() {
        for text in ["xy", "“é"] {
            var grid = Grid(width: 6, height: 1)
            grid.put("漢字漢", x: 0, y: 0, style: .plain)
            grid.put(text, x: 1, y: 0, style: .plain)
            #expect(grid.lines == [" " + text + " 漢"], "\(text)")
            #expect(!grid[3, 0].isContinuation)
            #expect(grid[5, 0].isContinuation)
        }
        var accents = Grid(width: 4, height: 1)
        let end = accents.put("e\u{301}a’", x: 0, y: 0, style: .plain)
        #expect(end == 3)
        #expect(accents[0, 0].grapheme == "e\u{301}")
        #expect(accents.lines == ["e\u{301}a’ "])
    }

    @Test func cellsKeepAnyGraphemeTheyAreGiven() {
        for g in [" ", "a", "’", "漢", "e\u{301}", "👍🏽", "🇺🇸", "", "\r\n", "abc"] {
            #expect(Cell(g).grapheme == g)
            #expect(Cell(g) == Cell(g))
        }
        #expect(Cell("e\u{301}") != Cell("a\u{301}"))
        #expect(Cell(ascii: 0x41, style: .plain) == Cell("A"))
        #expect(Cell(scalar: "’", style: .plain) == Cell("’"))
    }

    @Test func neverWritesOutside() {
        var grid = Grid(width: 3, height: 2)
        grid.put("abcdef", x: -2, y: 0, style: .plain)
        grid.put("zzz", x: 0, y: 5, style: .plain)
        grid.put("zzz", x: 0, y: -1, style: .plain)
        grid.box(Rect(x: -1, y: -1, width: 10, height: 10), style: .plain, title: "T")
        #expect(grid.lines[0] == "cde")
    }

    @Test func controlCharactersBecomeVisiblePlaceholders() {
        var grid = Grid(width: 12, height: 1)
        grid.put("a\u{1B}[31mb\u{7F}\u{85}", x: 0, y: 0, style: .plain)
        #expect(grid.lines == ["a␛[31mb␡\u{FFFD}   "])
        #expect(grid.cells.allSatisfy { $0.grapheme.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) } })
    }

    @Test func documentTitlesWithControlsAreSanitizedInTheTitleAndTOC() {
        let doc = Document(volumeID: v05, number: "1", titleInlines: [.text("Evil\u{1B}]0;owned\u{07} title")],
                           blocks: [.paragraph([.text("Body.")], .normal)], footnotes: [])
        let corpus = Corpus(volumes: [Volume(id: v05, title: "V", documents: [doc])])
        let app = ReaderApp(corpus: corpus, width: 80, height: 24)
        app.resize(width: 80, height: 24)
        _ = app.handle(.char("t"))
        let grid = frame(app, width: 80, height: 24)
        #expect(grid.lines[0].contains("Evil␛]0;owned␇ title"))
        #expect(grid.lines.contains { $0.contains("1. Evil␛]0;owned␇ title") })
        #expect(grid.cells.allSatisfy { $0.grapheme.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) } })
    }

    @Test func truncateAddsAnEllipsis() {
        #expect(Grid.truncate("abcdef", to: 4) == "abc…")
        #expect(Grid.truncate("abc", to: 3) == "abc")
        #expect(Grid.truncate("abc", to: 0) == "")
        // Quotes, dashes, arrows: one column each, cut by columns as ASCII is.
        #expect(Grid.truncate("→ “Reagan”—Gorbachev", to: 8) == "→ “Reag…")
        #expect(Grid.truncate("✗ not in corpus", to: 20) == "✗ not in corpus")
        // A combining accent is not one column a scalar: the general path keeps it whole.
        #expect(Grid.truncate("e\u{301}e\u{301}e\u{301}e\u{301}", to: 3) == "e\u{301}e\u{301}…")
        #expect(DisplayWidth.of("→ “Reagan” ✓") == 12)
        #expect(DisplayWidth.of("e\u{301}→") == 2)
    }
}
