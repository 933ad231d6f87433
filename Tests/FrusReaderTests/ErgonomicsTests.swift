import FrusLayout
import FrusModel
import Testing

@testable import FrusReader

/// Keys from less, vim and info; the reading mode; the command line's editing and history.
@Suite struct ErgonomicsTests {
    /// A long document (10 filler paragraphs) between two others.
    func longState(width: Int = 80, height: Int = 24) -> ReaderState {
        seedState(width: width, height: height, number: "170",
                  extra: [fillerDocument(number: "170", paragraphs: 12), fillerDocument(number: "171", paragraphs: 2)])
    }

    @Test func ctrlKeysPageHalfPageAndLine() {
        var s = longState()
        let h = s.documentHeight
        s.press(.ctrl("f")); #expect(s.scroll == h - 1)
        s.press(.ctrl("b")); #expect(s.scroll == 0)
        s.press(.ctrl("d")); #expect(s.scroll == h / 2)
        s.press(.ctrl("u")); #expect(s.scroll == 0)
        s.press(.ctrl("e")); #expect(s.scroll == 1)
        s.press(.ctrl("y")); #expect(s.scroll == 0)
    }

    @Test func aCountRepeatsTheNextKey() {
        var s = longState()
        s.type("5j")
        #expect(s.scroll == 5)
        #expect(s.pendingCount == nil)
        s.type("12j")
        #expect(s.scroll == 17)
        // The count is used once: j alone is one line again.
        s.type("j")
        #expect(s.scroll == 18)
    }

    @Test func aCountBeforeBracketSkipsDocuments() {
        var s = seedState(extra: [fillerDocument(number: "169"), fillerDocument(number: "170"), fillerDocument(number: "171")])
        s.start(volume: v05, number: "168")
        s.type("3]")
        #expect(s.document?.number == "171")
        // One jump in history, not three.
        s.press(.backspace)
        #expect(s.document?.number == "168")
    }

    @Test func ggGoesToTheTop() {
        var s = longState()
        s.type("20j")
        s.type("gg")
        #expect(s.scroll == 0)
    }

    @Test func spaceAtTheEndSaysWhatIsNextAndASecondSpaceOpensIt() {
        var s = longState()
        var guardCount = 0
        while !(s.message?.text.hasPrefix("End of") ?? false), guardCount < 100 {
            s.press(.char(" "))
            guardCount += 1
        }
        #expect(s.message?.text == "End of 170 — Space for 171")
        #expect(s.document?.number == "170")
        s.press(.char(" "))
        #expect(s.document?.number == "171")
    }

    @Test func anotherKeyBetweenTheSpacesDisarmsIt() {
        var s = longState()
        s.press(.char("G"))
        s.press(.char(" "))
        #expect(s.message?.text == "End of 170 — Space for 171")
        s.press(.char("k"))
        s.press(.char("j"))
        s.press(.char(" "))
        #expect(s.document?.number == "170")
    }

    @Test func spaceAtTheEndOfTheLastDocument() {
        var s = seedState(number: "175")
        s.press(.char("G"))
        s.press(.char(" "))
        #expect(s.message?.text == "End of 175, the last document of the volume.")
        s.press(.char(" "))
        #expect(s.document?.number == "175")
    }

    @Test func escInASidePaneReturnsToTheDocument() {
        var s = seedState()
        s.press(.char("w"))
        #expect(s.focus == .footnotes)
        s.press(.escape)
        #expect(s.focus == .document)
        s.press(.char("w")); s.press(.char("w"))
        #expect(s.focus == .links)
        s.press(.escape)
        #expect(s.focus == .document)
    }

    @Test func anUnknownKeySaysSoAndPointsToHelp() {
        var s = seedState()
        s.press(.char("~"))
        #expect(s.message?.text == "~ does nothing here · ? lists the keys")
        s.press(.function(7))
        #expect(s.message?.text.hasPrefix("F7 does nothing here") == true)
    }

    @Test func theCommandLineEditsLikeAShellLine() {
        var s = seedState()
        s.type(":d 17")
        s.press(.left)
        s.type("6")  // "d 16|7"
        #expect(s.commandLine == "d 167")
        s.press(.home); s.type("x")
        #expect(s.commandLine == "xd 167")
        s.press(.ctrl("e")); s.press(.backspace)
        #expect(s.commandLine == "xd 16")
        s.press(.ctrl("a")); s.press(.delete)
        #expect(s.commandLine == "d 16")
        s.press(.end); s.press(.ctrl("w"))
        #expect(s.commandLine == "d ")
        s.type("168"); s.press(.left); s.press(.left); s.press(.ctrl("u"))
        #expect(s.commandLine == "68")
        #expect(s.commandCursor == 0)
        s.press(.right); s.press(.right); s.press(.end)
        #expect(s.commandCursor == 2)
    }

    @Test func theCommandLineKeepsAHistory() {
        var s = seedState()
        s.type(":168")
        let effects = s.press(.enter)
        #expect(effects.contains(.saveCommandHistory(["168"])))
        s.type(":175"); s.press(.enter)
        #expect(s.commandHistory == ["168", "175"])
        s.type(":p")
        s.press(.up)
        #expect(s.commandLine == "175")
        s.press(.up)
        #expect(s.commandLine == "168")
        s.press(.up)
        #expect(s.commandLine == "168")
        s.press(.down); s.press(.down)
        #expect(s.commandLine == "p")
        s.press(.up); s.press(.up); s.press(.enter)
        #expect(s.document?.number == "168")
    }

    @Test func readingModeGivesTheDocumentTheWholeScreenAndBack() {
        var s = seedState(width: 80, height: 24)
        let before = s.documentHeight
        #expect(before >= 15)
        s.press(.char("z"))
        #expect(s.screen.readingMode)
        #expect(s.documentHeight == 22)
        #expect(s.screen.documentText.width == 76)
        s.press(.char("z"))
        #expect(!s.screen.readingMode)
        #expect(s.documentHeight == before)
    }

    @Test func readingModeKeepsTheFootnotesAndLinksReachable() {
        var s = seedState(width: 80, height: 24)
        s.press(.char("z"))
        s.press(.tab)
        guard case .marker(let n, _)? = s.selected else {
            Issue.record("Tab selects a marker")
            return
        }
        #expect(s.currentFootnote == n)
        // Tab goes on to the links of the footnotes; Enter follows.
        while s.selectedTarget == nil, s.selection != nil { s.press(.tab) }
        #expect(s.selectedTarget != nil)
        #expect(s.screen.readingMode)
    }

    @Test func theTextColumnIsCappedOnWideTerminals() {
        let s = seedState(width: 240, height: 50)
        #expect(s.screen.documentText.width == ScreenLayout.defaultMaxTextWidth)
        var z = s
        z.press(.char("z"))
        #expect(z.screen.documentText.width == ScreenLayout.defaultMaxTextWidth)
        var narrow = s
        narrow.setMaxTextWidth(72)
        #expect(narrow.screen.documentText.width == 72)
        #expect(narrow.view?.documentLayout.width == 72)
    }

    @Test func peekShowsTheTargetWithoutFollowingIt() {
        var s = seedState()
        // Tab until the link to 168 (in footnote 2) is selected.
        for _ in 0..<10 where s.selectedTarget != .document(volume: v05, number: "168") { s.press(.tab) }
        #expect(s.selectedTarget == .document(volume: v05, number: "168"))
        s.press(.char("p"))
        guard case .peek(let peek)? = s.topOverlay else {
            Issue.record("p opens a peek")
            return
        }
        let doc168 = s.corpus.document(volume: v05, number: "168")!
        #expect(peek.title == doc168.numberedTitle)
        #expect(peek.lines.first?.text.hasPrefix("168.") == true)
        #expect(s.document?.number == "175")
        s.press(.escape)
        #expect(s.topOverlay == nil)
        #expect(s.document?.number == "175")
        s.press(.char("p"))
        s.press(.enter)
        #expect(s.document?.number == "168")
    }

    @Test func peekOnAMarkerShowsItsFootnote() {
        var s = seedState()
        s.press(.tab)
        guard case .marker(let n, _)? = s.selected else {
            Issue.record("Tab selects a marker")
            return
        }
        s.press(.char("p"))
        guard case .peek(let peek)? = s.topOverlay else {
            Issue.record("p opens a peek")
            return
        }
        let note = s.document!.footnote(n)!
        #expect(peek.title == "Footnote \(note.label)")
        #expect(peek.lines.map(\.text).joined(separator: " ").contains(String(note.plainText.prefix(20))))
    }

    @Test func helpRowsWrapLongDescriptions() {
        let s = seedState(width: 60, height: 30)
        let rows = s.helpRows
        let width = s.screen.helpText.width
        let keyWidth = Keymap.helpKeyWidth(s.keymap, area: width)
        for row in rows where !row.help.isEmpty {
            #expect(DisplayWidth.of(row.help) <= width - keyWidth - 2, "“\(row.help)” fits")
        }
        // Every word of every description is there.
        let all = rows.map(\.help).joined(separator: " ")
        for line in s.keymap.helpScreen { for word in line.help.split(separator: " ") { #expect(all.contains(word)) } }
    }
}

extension ErgonomicsTests {
    /// In reading mode a selected marker stands above the footnote strip, never under it.
    @Test func aSelectedMarkerIsNotHiddenByTheStrip() {
        var s = seedState(width: 80, height: 24, number: "170", extra: [fillerDocument(number: "170", paragraphs: 12)])
        s.press(.char("z"))
        for _ in 0..<12 {
            s.press(.tab)
            guard let sel = s.selected, let line = s.view?.documentLine(of: sel) else { continue }
            let row = line - s.scroll
            #expect(row >= 0 && row < s.documentHeight - s.screen.footnotes.height, "marker row \(row)")
        }
    }
}

extension ErgonomicsTests {
    /// `c` asks the app to remember the theme chosen.
    @Test func theThemeChosenIsRemembered() {
        var s = seedState()
        #expect(s.press(.char("c")) == [.saveTheme("light")])
        #expect(s.press(.char("c")) == [.saveTheme("mono")])
    }
}
