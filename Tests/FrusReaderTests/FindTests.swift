import FrusFind
import FrusLayout
import FrusModel
import FrusReader
import Testing

/// `/`, `n`, `N`: the in-document search over the body and the footnotes.
@Suite struct FindTests {
    /// `/TEXT` Enter.
    func search(_ s: inout ReaderState, _ text: String) {
        s.press(.char("/"))
        s.type(text)
        s.press(.enter)
    }

    /// The text of laid-out line `i`.
    func line(_ text: LaidOutText, _ i: Int) -> String { text.lines[i].runs.map(\.text).joined() }

    /// The characters a match covers on its first line.
    func matchedText(_ s: ReaderState) throws -> String {
        let search = try #require(s.search)
        let (pane, m) = search.match(try #require(search.current))
        let layout = pane == .document ? s.view!.documentLayout : s.view!.footnoteLayout
        let span = try #require(m.spans.first)
        return String(Array(line(layout, span.line))[span.columns])
    }

    @Test func slashOpensAPromptThatEditsAndCancels() {
        var s = seedState(number: "168")
        s.press(.char("/"))
        #expect(s.commandLine == "" && s.prompt == .find)
        s.type("Genx")
        s.press(.backspace)
        #expect(s.commandLine == "Gen")
        s.press(.escape)
        #expect(s.commandLine == nil && s.search == nil, "Esc cancels without searching")
        s.press(.char("j"))
        #expect(s.scroll == 1, "keys go to the keymap again")
    }

    @Test func findsForwardAndNextPreviousWrapWithStatus() throws {
        var s = seedState(width: 100, height: 20, number: "168")
        search(&s, "Geneva")
        let search = try #require(s.search)
        #expect(search.count >= 3, "168 names Geneva several times")
        #expect(s.message?.text == "/Geneva: match 1 of \(search.count)")
        #expect(try matchedText(s) == "Geneva")
        let n = search.count
        for k in 2...n {
            s.press(.char("n"))
            #expect(s.message?.text == "/Geneva: match \(k) of \(n)")
            #expect(try matchedText(s) == "Geneva")
        }
        s.press(.char("n"))
        #expect(s.search?.current == 0)
        #expect(s.message?.text == "/Geneva: match 1 of \(n) · wrapped to the top")
        s.press(.char("N"))
        #expect(s.search?.current == n - 1)
        #expect(s.message?.text == "/Geneva: match \(n) of \(n) · wrapped to the bottom")
        s.press(.char("N"))
        #expect(s.message?.text == "/Geneva: match \(n - 1) of \(n)")
    }

    @Test func theViewScrollsToTheCurrentMatch() throws {
        var s = seedState(width: 100, height: 16, number: "168")
        search(&s, "Geneva")
        let n = try #require(s.search).count
        var scrolls: Set<Int> = []
        for _ in 0..<n {
            let (pane, m) = s.search!.match(s.search!.current!)
            if pane == .document {
                #expect(m.firstLine >= s.scroll && m.lastLine < s.scroll + s.documentHeight, "the match is in view")
            } else {
                #expect(m.firstLine >= s.footnoteScroll && m.lastLine < s.footnoteScroll + s.footnotesHeight)
            }
            scrolls.insert(s.scroll)
            s.press(.char("n"))
        }
        #expect(scrolls.count > 1, "on a short screen, going through the matches scrolls the document")
    }

    @Test func startsFromTheViewNotTheTop() throws {
        var s = seedState(width: 100, height: 16, number: "168")
        search(&s, "Geneva")
        let body = try #require(s.search).documentMatches
        try #require(body.count >= 3)
        // The view's top just below the second match: a new search finds the third first.
        s.press(.escape)
        s.reduce(.scroll(.lines(body[1].firstLine + 1)))
        let top = s.scroll
        try #require(top == body[1].firstLine + 1)
        search(&s, "Geneva")
        let expected = try #require(body.firstIndex { $0.firstLine >= top })
        #expect(s.search?.current == expected)
        #expect(expected >= 2)
        // A current match scrolled out of view: n starts again from the view.
        s.reduce(.scroll(.top))
        s.press(.char("n"))
        #expect(s.search?.current == 0, "from the top of the document, the first match")
    }

    @Test func matchesInFootnotesScrollTheFootnotePane() throws {
        var s = seedState(width: 100, height: 16)
        // 175: "Reagan Library" stands only in its source note (footnote 1).
        search(&s, "Reagan Library")
        let search = try #require(s.search)
        #expect(search.documentMatches.isEmpty && search.footnoteMatches.count == 1)
        #expect(search.currentInPane?.pane == .footnotes)
        let m = search.footnoteMatches[0]
        #expect(m.firstLine >= s.footnoteScroll && m.firstLine < s.footnoteScroll + s.footnotesHeight)
        #expect(try matchedText(s).hasPrefix("Reagan"))
        #expect(s.message?.text == "/Reagan Library: match 1 of 1")
    }

    @Test func bodyMatchesComeBeforeFootnoteMatches() throws {
        var s = seedState(width: 100, height: 30)
        // "Moscow" is in 175's text and in its footnote 4.
        search(&s, "Moscow")
        let search = try #require(s.search)
        #expect(!search.documentMatches.isEmpty && !search.footnoteMatches.isEmpty)
        #expect(search.match(0).pane == .document)
        #expect(search.match(search.count - 1).pane == .footnotes)
    }

    @Test func smartcaseDiacriticsAndApostrophes() throws {
        var s = seedState(number: "168")
        search(&s, "geneva")
        let lower = try #require(s.search).count
        search(&s, "Geneva")
        #expect(try #require(s.search).count == lower)
        search(&s, "GENEVA")
        #expect(s.search?.count == 0)
        #expect(s.message?.text == "No match for “GENEVA” in this document or its footnotes.")
        #expect(s.message?.kind == .error)
        var t = seedState()
        search(&t, "gorbachev's")
        #expect(try #require(t.search).count >= 1, "175 has Gorbachev’s with a curly apostrophe")
        #expect(try matchedText(t).lowercased() == "gorbachev’s")
    }

    @Test func emptySlashRepeatsTheLastSearchAndNWithoutOneSaysSo() {
        var s = seedState(number: "168")
        s.press(.char("n"))
        #expect(s.message?.text == "No search yet: / searches this document, S every volume.")
        search(&s, "Geneva")
        s.press(.char("n"))
        let current = s.search?.current
        search(&s, "")
        #expect(s.search?.label == "Geneva" && s.search?.current == current, "the current match is in view: it stays")
    }

    @Test func escClearsTheHighlightWhenNothingElseIsOpen() {
        var s = seedState(number: "168")
        search(&s, "Geneva")
        s.press(.escape)
        #expect(s.search == nil && s.message?.text == "Search cleared.")
    }

    @Test func resizeFindsTheMatchesAgainForTheNewWidth() throws {
        var s = seedState(width: 120, height: 30, number: "168")
        search(&s, "Geneva")
        s.press(.char("n"))
        let before = try #require(s.search)
        s.reduce(.resize(width: 60, height: 20))
        let after = try #require(s.search)
        #expect(after.count == before.count && after.current == before.current)
        #expect(after.isCurrent(for: s.view!))
        #expect(try matchedText(s) == "Geneva", "the spans belong to the new layout")
    }

    @Test func anotherDocumentKeepsThePatternAndNSearchesIt() throws {
        var s = seedState(number: "168")
        search(&s, "Gorbachev")
        s.press(.char("]"))
        #expect(s.document?.number == "175")
        let search = try #require(s.search)
        #expect(search.current == nil && search.count > 0, "highlighted, none current yet")
        s.press(.char("n"))
        #expect(s.search?.current == 0)
        #expect(try matchedText(s) == "Gorbachev")
    }

    @Test func helpListsTheSearchKeys() {
        let listed = Keymap.standard.helpLines
        for (key, words) in [("/", "search this document"), ("n", "next match"), ("N", "previous match"), ("S", "every volume")] {
            #expect(listed.contains { $0.keys == key && $0.help.contains(words) }, "\(key) in the help")
        }
        #expect(listed.contains { $0.keys == ":search WORDS" })
    }
}
