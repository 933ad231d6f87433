import FrusReader
import FrusTerminal
import FrusTheme
import FrusView
import Testing

/// A tiny app for driving the loop without the reader: shows its size and the last key.
final class DemoApp: TerminalApp {
    var width = 0, height = 0
    var resizes: [[Int]] = []
    var lastKey = "-"

    func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        resizes.append([width, height])
    }

    func handle(_ key: Key) -> AppResponse {
        switch key {
        case .char("q"): return .quit(0)
        case .char("x"): return .quit(3)
        case .ctrl("l"): return .redraw
        case .char(let c): lastKey = String(c)
        default: lastKey = "?"
        }
        return .continue
    }

    func draw(into grid: inout Grid) {
        for (x, c) in "\(width)x\(height) \(lastKey)".enumerated() where x < grid.width && grid.height > 0 {
            grid[x, 0] = Cell(String(c))
        }
    }
}

/// An app with work in the background: each idle call reports one more step, up to `steps`.
final class BackgroundApp: TerminalApp {
    var done = 0
    let steps: Int
    init(steps: Int) { self.steps = steps }

    func resize(width: Int, height: Int) {}
    func handle(_ key: Key) -> AppResponse { .continue }
    func draw(into grid: inout Grid) { grid[0, 0] = Cell(String(done)) }
    func idle() -> Bool {
        guard done < steps else { return false }
        done += 1
        return true
    }
}

@Suite struct ScreenDriverTests {
    @Test func idleDrawsWhenTheAppHasNewsAndOnlyThen() {
        let screen = TestScreen(width: 2, height: 1)
        let driver = ScreenDriver(app: BackgroundApp(steps: 2), screen: screen)
        driver.start()
        #expect(screen.lines == ["0 "])
        driver.idle()
        #expect(screen.lines == ["1 "])
        driver.idle()
        #expect(screen.lines == ["2 "])
        let frames = screen.frames.count
        driver.idle()
        #expect(screen.frames.count == frames, "nothing new: no frame")
        #expect(DemoApp().idle() == false, "apps without background work need not implement idle")
    }

    @Test func startSizesTheAppAndDrawsAFrame() {
        let screen = TestScreen(width: 10, height: 2)
        let app = DemoApp()
        ScreenDriver(app: app, screen: screen).start()
        #expect(app.resizes == [[10, 2]])
        #expect(screen.lines == ["10x2 -    ", "          "])
        #expect(!screen.cursorVisible)
    }

    @Test func keysReachTheAppAndOnlyChangesAreRedrawn() {
        let screen = TestScreen(width: 10, height: 2)
        let driver = ScreenDriver(app: DemoApp(), screen: screen)
        driver.start()
        #expect(driver.handle(.key(.char("j"))) == nil)
        #expect(screen.lines[0] == "10x2 j    ")
        #expect(screen.lastDraw == [CellUpdate(x: 5, y: 0, text: "j")])
    }

    @Test func quitReturnsTheAppsExitCode() {
        let driver = ScreenDriver(app: DemoApp(), screen: TestScreen(width: 4, height: 1))
        driver.start()
        #expect(driver.handle(.key(.char("x"))) == 3)
    }

    @Test func redrawClearsAndRepaints() {
        let screen = TestScreen(width: 6, height: 1)
        let driver = ScreenDriver(app: DemoApp(), screen: screen)
        driver.start()
        #expect(driver.handle(.key(.ctrl("l"))) == nil)
        #expect(screen.clearCount == 2)
        #expect(screen.lastDraw.count == 6)
    }

    @Test func resizeResizesTheAppAndRepaintsAll() {
        let screen = TestScreen(width: 10, height: 2)
        let app = DemoApp()
        let driver = ScreenDriver(app: app, screen: screen)
        driver.start()
        screen.resize(width: 6, height: 1)
        _ = driver.handle(.resize)
        #expect(app.resizes == [[10, 2], [6, 1]])
        #expect(screen.lines == ["6x1 - "])
        screen.resize(width: 1, height: 1)
        _ = driver.handle(.resize)
        #expect(screen.lines == ["1"])
        screen.resize(width: 0, height: 0)
        _ = driver.handle(.resize)
        #expect(screen.lines == [])
    }

    @Test func repaintAllNoticesASizeChangeMissedWhileSuspended() {
        let screen = TestScreen(width: 10, height: 1)
        let app = DemoApp()
        let driver = ScreenDriver(app: app, screen: screen)
        driver.start()
        screen.resize(width: 8, height: 1)
        driver.repaintAll()
        #expect(app.resizes.last == [8, 1])
        #expect(screen.lines == ["8x1 -   "])
    }

    @Test func aNoticeShowsOnTheLastRowUntilTheFirstKey() {
        let screen = TestScreen(width: 12, height: 2)
        let driver = ScreenDriver(app: DemoApp(), screen: screen, notice: "ASCII only")
        driver.start()
        #expect(screen.lines[1] == "ASCII only  ")
        #expect(screen.buffer[0, 1].style.attributes == [.reverse])
        _ = driver.handle(.key(.char("j")))
        #expect(screen.lines[1] == "            ")
    }
}
