import FrusModel
import FrusReader
import Testing

@Suite struct ScrollingTests {
    @Test func startsAtTopOfRequestedDocument() {
        let s = seedState()
        #expect(s.document?.number == "175")
        #expect(s.scroll == 0 && s.focus == .document && s.selection == nil)
        #expect(s.back.isEmpty && s.forward.isEmpty)
    }

    @Test func linesPagesHalfPagesAndEnds() throws {
        var s = seedState()
        let h = s.documentHeight
        let total = try #require(s.view).documentLayout.lines.count
        #expect(total > 3 * h, "the seed must be several pages long at this width")
        s.press(.char("j")); #expect(s.scroll == 1)
        s.press(.down); #expect(s.scroll == 2)
        s.press(.char("k")); s.press(.up); #expect(s.scroll == 0)
        s.press(.char("k")); #expect(s.scroll == 0, "no scrolling above the top")
        s.press(.char(" ")); #expect(s.scroll == h - 1)
        s.press(.pageDown); #expect(s.scroll == 2 * (h - 1))
        s.press(.char("b")); #expect(s.scroll == h - 1)
        s.press(.pageUp); #expect(s.scroll == 0)
        s.press(.char("f")); #expect(s.scroll == h - 1)
        s.press(.char("d")); #expect(s.scroll == h - 1 + h / 2)
        s.press(.char("u")); #expect(s.scroll == h - 1)
        s.press(.char("G")); #expect(s.scroll == total - h)
        s.press(.char("j")); #expect(s.scroll == total - h, "no scrolling past the bottom")
        s.press(.char("g")); #expect(s.scroll == 0)
        s.press(.end); #expect(s.scroll == total - h)
        s.press(.home); #expect(s.scroll == 0)
    }

    @Test func scrollingActsOnTheFocusedPane() throws {
        var s = seedState(width: 100, height: 20)
        s.press(.char("w"))
        #expect(s.focus == .footnotes)
        s.press(.char("j"))
        #expect(s.scroll == 0 && s.footnoteScroll == 1)
        s.press(.ctrl("w"))
        #expect(s.focus == .links)
        s.press(.char("j"))
        #expect(s.linkSelection == 0)
        s.press(.char("j"))
        #expect(s.linkSelection == 1)
        s.press(.char("w"))
        #expect(s.focus == .document)
    }

    @Test func currentFootnoteFollowsTheFirstMarkerInView() throws {
        var s = seedState(width: 100, height: 30)
        #expect(s.currentFootnote == 1, "the title's source note is in view at the top")
        let view = try #require(s.view)
        let marker4 = try #require(view.documentLayout.references.first { $0.kind == .marker(4) })
        // Scroll until marker 4 is the first marker in view.
        while s.scroll < marker4.firstLine && s.currentFootnote != 4 { s.press(.char("j")) }
        #expect(s.currentFootnote == 4)
        let range = try #require(view.footnoteLayout.footnoteLines[4])
        #expect(range.lowerBound >= s.footnoteScroll && range.lowerBound < s.footnoteScroll + s.footnotesHeight,
                "the current footnote is scrolled into view")
    }

    @Test func themeCyclesAndRedrawAsksForARepaint() {
        var s = seedState()
        s.press(.char("c")); #expect(s.themeIndex == 1 && s.message?.text == "Theme: light")
        s.press(.char("c")); s.press(.char("c")); #expect(s.themeIndex == 0)
        #expect(s.press(.ctrl("l")) == [.redraw])
    }

    @Test func quitClosesOverlaysFirst() {
        var s = seedState()
        s.press(.char("?"))
        #expect(s.overlays == [.help(scroll: 0)])
        #expect(s.press(.char("q")) == [])
        #expect(s.overlays.isEmpty)
        #expect(s.press(.char("q")) == [.quit(0)])
    }

    @Test func helpOpensFromEveryHelpKeyAndClosesWithEsc() {
        for key in [Key.char("?"), .char("h"), .function(1)] {
            var s = seedState()
            s.press(key)
            #expect(s.overlays == [.help(scroll: 0)])
            s.press(.char("j"))
            #expect(s.overlays == [.help(scroll: 1)], "j scrolls the help, not the document")
            #expect(s.scroll == 0)
            s.press(.escape)
            #expect(s.overlays.isEmpty)
        }
    }
}
