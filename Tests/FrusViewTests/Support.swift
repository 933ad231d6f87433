import FrusLayout
import FrusModel
import FrusReader
import FrusTestSupport
import FrusTheme
import FrusView

/// The reader on the hand-built seeds with the simple layout, opened at `number`.
func seedApp(width: Int = 100, height: Int = 30, number: String = "175", theme: Theme = ThemeLoader.compiledDefault) -> ReaderApp {
    let app = ReaderApp(
        corpus: HandBuiltSeeds.corpus(), themes: ThemeSet(themes: [theme]),
        start: (HandBuiltSeeds.volumeID, number), width: width, height: height,
        layouter: Layouter(document: { SimpleLayout.document($0, width: $1) }, footnotes: { SimpleLayout.footnotes($0, width: $1) }))
    app.resize(width: width, height: height)
    return app
}

func frame(_ app: ReaderApp, width: Int, height: Int) -> Grid {
    var grid = Grid(width: width, height: height)
    app.draw(into: &grid)
    return grid
}
