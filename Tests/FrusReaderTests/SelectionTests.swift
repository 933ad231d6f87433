import FrusModel
import FrusReader
import Testing

@Suite struct SelectionTests {
    let see168 = LinkTarget.document(volume: v05, number: "168")
    let see136 = LinkTarget.footnote(volume: v05, document: "136", footnote: 3)

    /// Tab visits each marker, then the links of its footnote, in reading order.
    @Test func tabOrderInTheDocumentPane() throws {
        var s = seedState(width: 100, height: 60)
        var visited: [String] = []
        for _ in 0..<8 {
            s.press(.tab)
            switch s.selected {
            case .marker(let n, _)?: visited.append("m\(n)")
            case .footnoteLink(let t, let n, _)?: visited.append(t == see168 ? "168@\(n)" : t == see136 ? "136@\(n)" : "?")
            default: visited.append("-")
            }
        }
        #expect(visited == ["m1", "m2", "168@2", "m3", "136@3", "m4", "m5", "m5"])
        #expect(s.message?.text == nil || s.message != nil)
        s.press(.backTab)
        #expect(s.selected.flatMap { if case .marker(4, _) = $0 { return true } else { return nil } } == true)
    }

    @Test func theViewFollowsTheSelection() throws {
        var s = seedState(width: 100, height: 14)
        let view = try #require(s.view)
        for _ in 0..<7 { s.press(.tab) }
        let line = try #require(s.selected.flatMap { view.documentLine(of: $0) })
        #expect(line >= s.scroll && line < s.scroll + s.documentHeight)
        #expect(s.scroll > 0)
    }

    @Test func tabFromASelectionOutOfViewStartsInView() {
        var s = seedState(width: 100, height: 14)
        s.press(.tab)  // marker 1, at the top
        s.press(.char("G"))
        s.press(.tab)
        guard case .marker(let n, _)? = s.selected else { Issue.record("a marker should be selected"); return }
        #expect(n == 5, "the first reference in view at the bottom is marker 5")
    }

    @Test func statusTargetOfSelectedLinkAndHighlightedFootnote() {
        var s = seedState()
        s.press([.tab, .tab, .tab])
        #expect(s.selectedTarget == see168)
        #expect(s.currentFootnote == 2)
        s.press(.tab)
        #expect(s.selectedTarget == nil, "a marker is not a link")
        #expect(s.currentFootnote == 3)
    }

    @Test func enterOnAMarkerFocusesItsFootnote() throws {
        var s = seedState(width: 100, height: 20)
        s.press([.tab, .tab])
        s.press(.enter)
        #expect(s.focus == .footnotes)
        #expect(s.currentFootnote == 2)
        let view = try #require(s.view)
        let sel = try #require(s.footnoteSelection)
        #expect(view.footnoteLayout.references[sel].site == .footnote(2))
        #expect(s.selectedTarget == see168)
        // Tab in the footnote pane moves among the footnotes' links.
        s.press(.tab)
        #expect(s.selectedTarget == see136)
        #expect(s.currentFootnote == 3)
    }

    @Test func linksPaneListsReferencesThenCitedBy() throws {
        var s = seedState(number: "168")
        let view = try #require(s.view)
        #expect(view.navigator.count == 1, "168 has no references; 175 cites it")
        guard case .citedBy(let v, let n) = view.navigator[0].kind else { Issue.record("cited-by entry expected"); return }
        #expect(v == v05 && n == "175")
        s.press([.char("w"), .char("w"), .tab])
        #expect(s.focus == .links && s.linkSelection == 0)
        s.press(.enter)
        #expect(s.document?.number == "175")
    }

    @Test func navigatorDescribesResolvedAndUnresolvedTargets() throws {
        let s = seedState()
        let view = try #require(s.view)
        #expect(view.navigator.map(\.site) == ["note 2", "note 3"])
        #expect(view.navigator[0].text == "→ 168. Letter From President Reagan to Soviet General Secretary Gorbachev")
        #expect(view.navigator[0].isResolved)
        #expect(view.navigator[1].text == "✗ Document 136 is not in this corpus")
        #expect(!view.navigator[1].isResolved)
    }
}
