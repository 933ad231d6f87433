import FrusModel
import FrusReader
import Testing

@Suite struct HistoryTests {
    @Test func followBackForwardAreExact() throws {
        var s = seedState(width: 100, height: 14)
        // Marker 1 (in the title) is scrolled out of view: Tab starts at marker 2, then its link.
        s.press([.char("j"), .char("j"), .tab, .tab])
        #expect(s.selectedTarget == .document(volume: v05, number: "168"))
        let before = try #require(s.place)
        #expect(before.selection != nil && before.scroll > 0)
        s.press(.enter)
        #expect(s.document?.number == "168")
        #expect(s.scroll == 0 && s.selection == nil)
        #expect(s.view?.document.footnotes.count == 1)
        s.press(.backspace)
        #expect(s.place == before, "back restores document, scroll, selection and focus exactly")
        #expect(s.selectedTarget == .document(volume: v05, number: "168"))
        s.press(.right)
        #expect(s.document?.number == "168")
        s.press(.ctrl("o"))
        #expect(s.place == before)
        s.press(.right)
        s.press(.left)
        #expect(s.place == before)
    }

    @Test func backRestoresFocusAndPaneScrolls() throws {
        var s = seedState(width: 100, height: 16)
        s.press([.char("w"), .char("j"), .char("j"), .tab])  // footnote pane, scrolled, a link selected
        let before = try #require(s.place)
        #expect(before.focus == .footnotes && before.footnoteSelection != nil)
        s.type(":168"); s.press(.enter)
        #expect(s.document?.number == "168" && s.focus == .document)
        s.press(.backspace)
        #expect(s.place == before)
    }

    @Test func aNewJumpAfterBackDropsForward() {
        var s = seedState()
        s.type(":168"); s.press(.enter)
        s.press(.backspace)
        #expect(s.forward.count == 1)
        s.press(.char("["))  // 168 again, by a different jump
        #expect(s.document?.number == "168")
        #expect(s.forward.isEmpty)
        #expect(s.back.count == 1)
        s.press(.right)
        #expect(s.message?.text == "Nothing to go forward to.")
    }

    @Test func backWithEmptyHistorySaysSo() {
        var s = seedState()
        s.press(.backspace)
        #expect(s.message?.text == "Nothing to go back to.")
        #expect(s.document?.number == "175")
    }

    @Test func unresolvedLinkDoesNotJump() throws {
        var s = seedState()
        s.press([.tab, .tab, .tab, .tab, .tab])
        #expect(s.selectedTarget == .footnote(volume: v05, document: "136", footnote: 3))
        let before = try #require(s.place)
        s.press(.enter)
        #expect(s.place == before)
        #expect(s.back.isEmpty)
        #expect(s.message?.kind == .error)
        #expect(s.message?.text == "Not followed: Document 136 is not in this corpus.")
    }

    @Test func followingAFootnoteTargetSelectsItsMarker() throws {
        let doc = fillerDocument(number: "200", paragraphs: 1, links: [1: .footnote(volume: v05, document: "175", footnote: 4)])
        var s = seedState(width: 100, height: 14, number: "200", extra: [doc])
        s.press([.tab, .tab])
        s.press(.enter)
        #expect(s.document?.number == "175")
        guard case .marker(4, _)? = s.selected else { Issue.record("marker 4 should be selected"); return }
        #expect(s.currentFootnote == 4)
        let view = try #require(s.view)
        let line = try #require(s.selected.flatMap { view.documentLine(of: $0) })
        #expect(line >= s.scroll && line < s.scroll + s.documentHeight, "the marker is in view")
        let range = try #require(view.footnoteLayout.footnoteLines[4])
        #expect(range.lowerBound >= s.footnoteScroll && range.lowerBound < s.footnoteScroll + s.footnotesHeight)
    }

    @Test func followingAPageTargetOpensAtThePage() throws {
        let doc = fillerDocument(number: "200", paragraphs: 1, links: [1: .page(volume: v05, page: "766")])
        var s = seedState(width: 100, height: 14, number: "200", extra: [doc])
        s.press([.tab, .tab, .enter])
        #expect(s.document?.number == "175")
        let line = try #require(s.view?.documentLayout.line(ofPage: "766"))
        #expect(s.scroll == min(line, (s.view?.documentLayout.lines.count ?? 0) - s.documentHeight))
    }

    @Test func nextAndPreviousDocument() {
        var s = seedState()
        s.press(.char("]"))
        #expect(s.document?.number == "175" && s.message?.text == "This is the last document of the volume.")
        s.press(.char("["))
        #expect(s.document?.number == "168" && s.back.count == 1)
        s.press(.char("["))
        #expect(s.message?.text == "This is the first document of the volume.")
        s.press(.char("]"))
        #expect(s.document?.number == "175" && s.back.count == 2)
    }
}

/// Documents shown recently keep their layouts: coming back shows exactly what a fresh layout
/// would, at the current widths, without laying out again.
@Suite struct RecentLayoutTests {
    @Test func backAndForwardReuseLayoutsThatEqualFreshOnes() throws {
        var s = seedState(number: "175")
        #expect(s.keptLayoutCount == 1)
        s.reduce(.command("168"))
        #expect(s.keptLayoutCount == 2)
        s.press(.backspace)
        let view = try #require(s.view)
        #expect(view.document.number == "175")
        let fresh = DocumentView(document: view.document, corpus: s.corpus, screen: s.screen, layouter: s.layouter)
        #expect(view.documentLayout == fresh.documentLayout)
        #expect(view.footnoteLayout == fresh.footnoteLayout)
        #expect(view.selectables == fresh.selectables)
        #expect(view.navigator == fresh.navigator)
        #expect(s.keptLayoutCount == 2, "175 came back from the kept layouts")
    }

    @Test func aResizeIsNeverAnsweredWithAnOldWidth() throws {
        var s = seedState(width: 120, height: 40, number: "175")
        s.reduce(.command("168"))
        s.reduce(.resize(width: 70, height: 24))
        s.press(.backspace)
        let view = try #require(s.view)
        #expect(view.documentLayout.width == s.screen.documentText.width)
        #expect(view.footnoteLayout.width == max(1, s.screen.footnotesText.width))
        let fresh = DocumentView(document: view.document, corpus: s.corpus, screen: s.screen, layouter: s.layouter)
        #expect(view.documentLayout == fresh.documentLayout)
    }

    @Test func onlyTheLastFewAreKept() {
        let extra = (1...12).map { fillerDocument(number: String(200 + $0)) }
        var s = seedState(number: "168", extra: extra)
        for _ in 0..<13 { s.press(.char("]")) }
        #expect(s.keptLayoutCount == 8)
    }
}
