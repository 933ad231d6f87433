import FrusImport
import FrusLayout
import FrusModel
import FrusReader
import FrusTestSupport
import FrusTheme
import FrusView

let v05 = "frus1981-88v05"

func bundledCorpus() -> Corpus { try! CorpusLoader.open(Fixtures.bundledCorpus.path) }

/// The reader on the bundled seeds, opened at `number`, sized `width`×`height`.
func seedApp(width: Int = 100, height: Int = 30, number: String = "175", theme: Theme = ThemeLoader.compiledDefault, corpus: Corpus? = nil) -> ReaderApp {
    let app = ReaderApp(
        corpus: corpus ?? bundledCorpus(), themes: ThemeSet(themes: [theme]),
        start: (v05, number), width: width, height: height)
    app.resize(width: width, height: height)
    return app
}

func frame(_ app: ReaderApp, width: Int, height: Int) -> Grid {
    var grid = Grid(width: width, height: height)
    app.draw(into: &grid)
    return grid
}

extension ReaderApp {
    func press(_ keys: Key...) { for k in keys { _ = handle(k) } }
    func type(_ text: String) { for c in text { _ = handle(.char(c)) } }
}
