import FrusReader
import FrusTheme
import FrusView
import Testing

/// The terminal layer reuses the grid of the frame before last and does not blank it (a
/// measurable cost per frame): the view must draw every cell, whatever the grid held. Checked
/// by drawing over a grid full of garbage and comparing with a draw on a blank grid.
@Suite struct EveryCellDrawnTests {
    static let sizes = [(200, 60), (120, 40), (100, 30), (60, 20), (30, 8), (1, 1), (45, 12)]

    func garbage(_ width: Int, _ height: Int) -> Grid {
        var g = Grid(width: width, height: height)
        let junk = Style(foreground: .indexed(196), background: .indexed(21), attributes: [.bold, .reverse])
        for i in g.cells.indices { g.cells[i] = Cell(i % 7 == 0 ? "界" : "X", style: junk, isContinuation: i % 11 == 0) }
        return g
    }

    func check(_ app: ReaderApp, _ width: Int, _ height: Int, _ state: String) {
        var dirty = garbage(width, height)
        app.draw(into: &dirty)
        #expect(dirty == frame(app, width: width, height: height), "\(state) at \(width)×\(height)")
    }

    @Test(arguments: sizes)
    func everyCellIsDrawnInEveryState(width: Int, height: Int) {
        let app = seedApp(width: width, height: height)
        check(app, width, height, "document")
        app.press(.tab, .tab, .tab)
        check(app, width, height, "link selected")
        app.press(.char("w"))
        check(app, width, height, "footnotes focused")
        app.press(.char("?"))
        check(app, width, height, "help")
        app.press(.escape, .char("t"))
        check(app, width, height, "contents")
        app.press(.escape, .char(":"))
        app.type("p 76")
        check(app, width, height, "command line")
        app.press(.escape, .char("/"))
        app.type("Geneva")
        app.press(.enter)
        check(app, width, height, "search matches")
    }
}
