import ArgumentParser
import Foundation
import FrusModel
import FrusReader
import FrusTheme
import FrusTerminal
import FrusView

/// Keypress → frame: one key through the keymap and the reducer, then the whole screen drawn
/// into a grid, on a 10-page document (the layout benchmark's) at 200×60 (the diff and curses flush are the terminal
/// layer's and not counted here). Reports the median and 90th percentile per key kind.
struct KeypressBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keypress", abstract: "Key → reduce → full grid, 10-page document at 200×60.")

    @Option(help: "Screen width.") var width = 200
    @Option(help: "Screen height.") var height = 60
    @Option(help: "Printed pages (about 3 KB of text each) in the generated document.") var pages = 10
    @Option(help: "Repetitions per key.") var runs = 400

    func run() throws {
        let corpus = Self.corpus(pages: pages, width: width, height: height)
        let app = ReaderApp(corpus: corpus, start: ("frus1981-88v99", "2"), width: width, height: height)
        app.resize(width: width, height: height)
        let lines = app.state.view?.documentLayout.lines.count ?? 0
        print("document: \(lines) lines at \(app.state.screen.documentText.width) columns (\(lines / max(1, app.state.documentHeight)) screens); \(app.state.view?.selectables.count ?? 0) references")
        var grid = Grid(width: width, height: height)
        // The terminal layer's diff, against a screen that only counts what it is sent (curses
        // itself is not timed: it only writes the changed cells the diff hands it).
        let screen = CountingScreen(width: width, height: height)
        let renderer = Renderer(screen: screen)
        app.draw(into: &grid)
        renderer.render(grid)

        // FRUSREAD_BENCH_ONLY=j (a prefix of the name) measures one kind of key, for profiling.
        func wanted(_ name: String) -> Bool {
            guard let only = ProcessInfo.processInfo.environment["FRUSREAD_BENCH_ONLY"] else { return true }
            return name.hasPrefix(only)
        }
        /// Times `keys` pressed in turn; `timed` picks which presses count (all by default).
        func measure(_ name: String, _ keys: [Key], timed: (Int) -> Bool = { _ in true }) {
            guard wanted(name) else { return }
            var times: [Double] = []
            for i in 0..<runs {
                let key = keys[i % keys.count]
                let start = DispatchTime.now().uptimeNanoseconds
                _ = app.handle(key)
                renderer.renderFrame(width: width, height: height) { app.draw(into: &$0) }
                if timed(i % keys.count) { times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000) }
            }
            times.sort()
            let median = times[times.count / 2], p90 = times[times.count * 9 / 10]
            print("\(name.padding(toLength: 34, withPad: " ", startingAt: 0)) median \(String(format: "%7.1f", median)) µs   p90 \(String(format: "%7.1f", p90)) µs")
        }

        measure("j / k (scroll a line)", Array(repeating: Key.char("j"), count: 20) + Array(repeating: .char("k"), count: 20))
        measure("Space / b (page)", [.char(" "), .char(" "), .char(" "), .char("b"), .char("b"), .char("b")])
        measure("Tab / Shift-Tab (select)", Array(repeating: Key.tab, count: 10) + Array(repeating: .backTab, count: 10))
        measure("w (cycle focus)", [.char("w")])
        // Reading mode on and off: the panes change size (the footnotes are laid out again for
        // the strip's width; the text column, capped, keeps its width at 200 columns).
        measure("z (reading mode on / off)", [.char("z")])
        // From the 10-page document 2, `]` opens the short document 3 and `[` comes back to 2,
        // whose layout the reader kept (back, forward and neighbours are not laid out again).
        measure("[ (back to the 10-page document)", [.char("]"), .char("[")], timed: { $0 == 1 })
        measure("] (open a short document)", [.char("]"), .char("[")], timed: { $0 == 0 })
        // Opening a 10-page document never shown before: the whole layout, every time.
        if wanted("] (open a new 10-page") {
            let fresh = ReaderApp(corpus: corpus, start: ("frus1981-88v99", "3"), width: width, height: height)
            fresh.resize(width: width, height: height)
            var times: [Double] = []
            for _ in 0..<Self.freshDocuments {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = fresh.handle(.char("]"))
                renderer.renderFrame(width: width, height: height) { fresh.draw(into: &$0) }
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
            }
            times.sort()
            print("\("] (open a new 10-page document)".padding(toLength: 34, withPad: " ", startingAt: 0)) median \(String(format: "%7.1f", times[times.count / 2])) µs   p90 \(String(format: "%7.1f", times[times.count * 9 / 10])) µs")
        }
        // `/Geneva` Enter: every match of the document and its footnotes found (Geneva is in every
        // sentence: hundreds of matches). Only Enter is timed; typing the prompt is not the search.
        var findTimes: [Double] = []
        for _ in 0..<(wanted("/Geneva") ? max(2, runs / 4) : 0) {
            for key in [Key.char("/")] + "Geneva".map({ Key.char($0) }) { _ = app.handle(key) }
            let start = DispatchTime.now().uptimeNanoseconds
            _ = app.handle(.enter)
            app.draw(into: &grid)
            findTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
        }
        findTimes.sort()
        if !findTimes.isEmpty { print("\("/Geneva Enter (\(app.state.search?.count ?? 0) matches)".padding(toLength: 34, withPad: " ", startingAt: 0)) median \(String(format: "%7.1f", findTimes[findTimes.count / 2])) µs   p90 \(String(format: "%7.1f", findTimes[findTimes.count * 9 / 10])) µs") }
        measure("n / N (next / previous match)", [.char("n"), .char("n"), .char("n"), .char("N")])
        // A resize lays the document out again at the new width: the slowest thing a key can cause.
        var times: [Double] = []
        for i in 0..<(wanted("resize") ? max(2, runs / 10) : 0) {
            let w = width - (i % 2)
            let start = DispatchTime.now().uptimeNanoseconds
            app.resize(width: w, height: height)
            var g = Grid(width: w, height: height)
            app.draw(into: &g)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
        }
        times.sort()
        if !times.isEmpty { print("\("resize 200↔199 (re-layout, re-find)".padding(toLength: 34, withPad: " ", startingAt: 0)) median \(String(format: "%7.1f", times[times.count / 2])) µs   p90 \(String(format: "%7.1f", times[times.count * 9 / 10])) µs") }
    }

    /// Copies of the 10-page document opened once each.
    static let freshDocuments = 150

    /// A made-up volume: documents 1 and 3 are short; 2 — and 4… after them, opened once each
    /// by the "new document" measure — are the 10-page document of `frusread-bench layout`
    /// (3 KB of text a printed page, as in the shared TEI volume: 740 KB over 233 pages;
    /// 5 paragraphs, a footnote with a link, and a page break on every page).
    static func corpus(pages: Int, width: Int, height: Int) -> Corpus {
        let volume = "frus1981-88v99"
        func small(_ n: String) -> Document {
            Document(volumeID: volume, number: n, titleInlines: [.text("Short document \(n)")],
                     blocks: [.paragraph([.text(LayoutBenchmark.sentences[0])], .normal)], footnotes: [])
        }
        let template = LayoutBenchmark.makeDocument(pages: pages)
        func big(_ n: String) -> Document {
            var d = template
            d.volumeID = volume
            d.number = n
            d.id = "d" + n
            return d
        }
        let fresh = (0..<freshDocuments).map { big(String(4 + $0)) }
        return Corpus(volumes: [Volume(
            id: volume, title: "Benchmark volume", documents: [small("1"), big("2"), small("3")] + fresh)])
    }
}

/// A screen that keeps nothing: it counts the cells the diff sends.
final class CountingScreen: Screen {
    let size: ScreenSize
    private(set) var cellsSent = 0
    init(width: Int, height: Int) { size = ScreenSize(width: width, height: height) }
    func draw(_ updates: [CellUpdate]) { cellsSent += updates.count }
    func flush() {}
    func clear() {}
    func hideCursor() {}
    func showCursor() {}
}
