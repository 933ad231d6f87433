import FrusLayout
import FrusModel
import FrusReader
import FrusTheme
import FrusView
import Testing

/// Persons and terms, dates and the clipboard as drawn.
@Suite struct ApparatusViewTests {
    static let person = Person(id: "p_BMH1", name: "Baldrige, Malcolm", description: "Secretary of Commerce")

    static func app(width: Int = 100, height: Int = 30, openURL: @escaping (String) -> StatusMessage = { _ in StatusMessage("none") }) -> ReaderApp {
        var doc = Document(
            volumeID: "v", number: "7", titleInlines: [.text("Meeting With "), .mention(.person(person.id), [.text("Baldrige")])],
            date: "1985-11-19", blocks: [.paragraph([.text("Then "), .mention(.person(person.id), [.text("Baldrige")]), .text(" spoke.")], .normal)],
            footnotes: [])
        doc.place = "Geneva"
        doc.classification = "Secret"
        let corpus = Corpus(volumes: [Volume(id: "v", title: "V", documents: [doc], persons: [person.id: person])])
        let app = ReaderApp(corpus: corpus, width: width, height: height, openURL: openURL)
        app.resize(width: width, height: height)
        return app
    }

    /// The cells of the first occurrence of `text` in the panes (not the title bar).
    func cells(of text: String, in grid: Grid) -> [Cell]? {
        for (y, line) in grid.lines.enumerated() where y > 1 {
            guard let r = line.range(of: text) else { continue }
            let x = line.distance(from: line.startIndex, to: r.lowerBound)
            return (x..<(x + text.count)).map { grid[$0, y] }
        }
        return nil
    }

    @Test func aMentionInTheBoldTitleStaysBoldAndTakesTheMentionColour() throws {
        let app = Self.app()
        let grid = frame(app, width: 100, height: 30)
        let theme = ThemeLoader.compiledDefault
        let title = try #require(cells(of: "Meeting With Baldrige", in: grid))
        let meeting = title[0].style, name = title.last!.style
        #expect(meeting.attributes.contains(.bold))
        #expect(name.attributes.contains(.bold), "the name keeps the title's bold")
        #expect(name.foreground == theme.style("mention").foreground)
        #expect(meeting.foreground != name.foreground, "the name is marked apart from the words around it")
        // In running text: the text's look plus the mark.
        let body = try #require(cells(of: "Baldrige spoke", in: grid))
        #expect(body[0].style.foreground == theme.style("mention").foreground)
        #expect(body.last!.style.foreground == theme.style("text").foreground)
    }

    @Test func theTitleBarShowsTheDateAndThePaneTheHeader() {
        let grid = frame(Self.app(), width: 100, height: 30)
        #expect(grid.lines[0].hasSuffix("1985-11-19 ") || grid.lines[0].trimmingCharacters(in: .whitespaces).hasSuffix("1985-11-19"))
        #expect(grid.lines[1].contains("Document · Geneva · 1985-11-19 · Secret"))
    }

    @Test func kDrawsTheHintLetterOnTheNameAndTheEntryShowsItsDescription() throws {
        let app = Self.app()
        app.press(.char("K"))
        // One person, twice in view: one hint, so its entry opens at once.
        let grid = frame(app, width: 100, height: 30)
        let text = grid.lines.joined(separator: "\n")
        #expect(text.contains("Baldrige, Malcolm"))
        #expect(text.contains("Secretary of Commerce"))
        #expect(text.contains("Mentioned in 1 document of this volume (2 times)"))
    }

    @Test func yHandsTheCitationToTheTerminalLayerAndOReportsTheOpener() {
        var opened: [String] = []
        let app = Self.app(openURL: { opened.append($0); return StatusMessage("Opened") })
        app.press(.char("y"))
        let copied = app.takeClipboardRequests()
        #expect(copied.count == 1)
        #expect(copied.first?.hasSuffix("https://history.state.gov/historicaldocuments/v/d7") == true)
        #expect(app.takeClipboardRequests().isEmpty)
        app.press(.char("o"))
        #expect(opened == ["https://history.state.gov/historicaldocuments/v/d7"])
        #expect(app.state.message?.text == "Opened")
    }
}

