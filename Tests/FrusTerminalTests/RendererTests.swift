import FrusTerminal
import FrusTheme
import FrusView
import Testing

func grid(_ lines: [String], width: Int? = nil) -> Grid {
    let w = width ?? lines.map(\.count).max() ?? 0
    var g = Grid(width: w, height: lines.count)
    for (y, line) in lines.enumerated() {
        for (x, c) in line.enumerated() where x < w { g[x, y] = Cell(String(c)) }
    }
    return g
}

@Suite struct RendererTests {
    @Test func theFirstFrameClearsAndPaintsEveryCell() {
        let screen = TestScreen(width: 3, height: 2)
        Renderer(screen: screen).render(grid(["abc", "def"]))
        #expect(screen.clearCount == 1)
        #expect(screen.lastDraw.count == 6)
        #expect(screen.lines == ["abc", "def"])
        #expect(screen.frames.count == 1)
    }

    @Test func laterFramesSendOnlyChangedCells() {
        let screen = TestScreen(width: 3, height: 2)
        let renderer = Renderer(screen: screen)
        renderer.render(grid(["abc", "def"]))
        renderer.render(grid(["abc", "dXf"]))
        #expect(screen.clearCount == 1)
        #expect(screen.lastDraw == [CellUpdate(x: 1, y: 1, text: "X")])
        #expect(screen.lines == ["abc", "dXf"])
    }

    @Test func anUnchangedFrameDrawsNothingButFlushes() {
        let screen = TestScreen(width: 3, height: 1)
        let renderer = Renderer(screen: screen)
        renderer.render(grid(["abc"]))
        renderer.render(grid(["abc"]))
        #expect(screen.draws.count == 1)
        #expect(screen.frames.count == 2)
    }

    @Test func aNewSizeClearsAndRepaintsEverything() {
        let screen = TestScreen(width: 3, height: 1)
        let renderer = Renderer(screen: screen)
        renderer.render(grid(["abc"]))
        screen.resize(width: 2, height: 2)
        renderer.render(grid(["ab", "cd"]))
        #expect(screen.clearCount == 2)
        #expect(screen.lastDraw.count == 4)
        #expect(screen.lines == ["ab", "cd"])
    }

    @Test func invalidateForcesAClearAndFullRepaint() {
        let screen = TestScreen(width: 3, height: 1)
        let renderer = Renderer(screen: screen)
        renderer.render(grid(["abc"]))
        renderer.invalidate()
        renderer.render(grid(["abc"]))
        #expect(screen.clearCount == 2)
        #expect(screen.lastDraw.count == 3)
    }

    @Test func controlCharactersNeverReachTheScreen() {
        let screen = TestScreen(width: 5, height: 1)
        var g = Grid(width: 5, height: 1)
        g[0, 0] = Cell("\u{1B}")  // ESC: would start an escape sequence
        g[1, 0] = Cell("\u{9B}")  // CSI (C1)
        g[2, 0] = Cell("\u{07}")  // BEL
        g[3, 0] = Cell("\u{7F}")  // DEL
        g[4, 0] = Cell("\r\n")
        Renderer(screen: screen).render(g)
        #expect(screen.lines == ["␛\u{FFFD}␇␡␍"])
        let sent = screen.lastDraw.flatMap { $0.text.unicodeScalars }
        #expect(!sent.contains(where: GlyphSanitizer.isControl))
    }

    @Test func aCellDrawsOneGraphemeAtMost() {
        let screen = TestScreen(width: 2, height: 1)
        var g = Grid(width: 2, height: 1)
        g[0, 0] = Cell("abc")
        g[1, 0] = Cell("")
        Renderer(screen: screen).render(g)
        #expect(screen.lastDraw.map(\.text) == ["a", " "])
    }

    @Test func asciiOnlyTransliteratesWhatItDraws() {
        let screen = TestScreen(width: 8, height: 1)
        Renderer(screen: screen, asciiOnly: true).render(row("“a—b’中é"))
        #expect(screen.lastDraw.map(\.text) == ["\"", "a", "-", "b", "'", "??", "e"])
        #expect(screen.lastDraw.allSatisfy { $0.text.unicodeScalars.allSatisfy(\.isASCII) })
    }

    @Test func stylesAreSentWithTheCells() {
        let screen = TestScreen(width: 1, height: 1)
        var g = Grid(width: 1, height: 1)
        let style = Style(foreground: .ansi(1), attributes: [.bold])
        g[0, 0] = Cell("x", style: style)
        Renderer(screen: screen).render(g)
        #expect(screen.buffer[0, 0].style == style)
    }
}
