import FrusModel
import FrusReader
import FrusTheme
import FrusView
import Testing

/// The app's side of what the reader remembers, with a store double: what is saved and when,
/// resume at the real screen size, the editor's hand-over, and how marks, history and notes show.
@Suite struct MemoryViewTests {
    final class Store: ReaderMemoryStoring {
        var remembered = RememberedState()
        var warnings: [String] = []
        var saved: [MemoryUpdate] = []
        var added: [Note] = []
        var editor: ((String) -> String)?
        var edited: [String] = []

        func load() -> (RememberedState, warnings: [String]) { (remembered, warnings) }
        func save(_ update: MemoryUpdate) -> (marks: [String: Mark]?, warnings: [String]) {
            saved.append(update)
            var marks = remembered.marks
            for (k, v) in update.marks { marks[k] = v }
            remembered.marks = marks
            return (marks, [])
        }
        func add(_ note: Note, title: String) throws -> Note {
            var n = note
            n.file = "/notes/\(note.volume)/\(note.document).md"
            added.append(n)
            return n
        }
        var hasEditor: Bool { editor != nil }
        func edit(_ text: String) throws -> String {
            edited.append(text)
            return editor!(text)
        }
    }

    func app(_ store: Store, start: (String, String)? = nil, commands: [String] = []) -> ReaderApp {
        let app = ReaderApp(
            corpus: bundledCorpus(), themes: ThemeSet(themes: [ThemeLoader.compiledDefault]), start: start,
            width: 80, height: 24, memory: store, commands: commands)
        app.resize(width: 100, height: 30)
        return app
    }

    @Test func resumesTheRememberedPlaceAtTheRealScreenSize() {
        let store = Store()
        store.remembered = RememberedState(place: ReadingPlace(volume: v05, document: "175", scroll: 7, focus: "links"))
        let app = app(store)
        #expect(app.state.document?.number == "175")
        #expect(app.state.scroll == 7 && app.state.focus == .links)
    }

    @Test func atAndCommandsWinOverTheRememberedPlace() {
        let store = Store()
        store.remembered = RememberedState(place: ReadingPlace(volume: v05, document: "175", scroll: 7))
        #expect(app(store, start: (v05, "168")).state.document?.number == "168")
        let withCommand = app(store, commands: [":168"])
        #expect(withCommand.state.document?.number == "168")
        // The command ran from the remembered place: back returns there.
        #expect(withCommand.state.back.last?.number == "175" && withCommand.state.back.last?.scroll == 7)
    }

    @Test func theWarningOfTheStoreIsShownAtStart() {
        let store = Store()
        store.warnings = ["Damaged state file set aside as corpus-1.json.bad"]
        let app = app(store)
        #expect(frame(app, width: 100, height: 30).lines[29].contains("Damaged state file set aside"))
    }

    @Test func quittingSavesThePlace() throws {
        let store = Store()
        let app = app(store)
        app.press(.char("j"), .char("j"))
        let savedBefore = store.saved.count
        #expect(app.handle(.char("q")) == .quit(0))
        #expect(store.saved.count == savedBefore + 1)
        #expect(store.saved.last?.place?.scroll == 2)
    }

    @Test func marksAreSavedWhenSetAndListed() throws {
        let store = Store()
        let app = app(store, start: (v05, "175"))
        app.press(.char("m"), .char("x"))
        // Saved when idle, after the frame.
        let before = store.saved.count
        _ = app.idle()
        #expect(store.saved.count == before + 1)
        #expect(store.saved.last?.marks.keys.sorted() == ["x"])
        _ = app.idle()
        #expect(store.saved.count == before + 1, "nothing more to save")
        app.press(.char("M"))
        let lines = frame(app, width: 100, height: 30).lines
        #expect(lines.contains { $0.contains("Marks") })
        #expect(lines.contains { $0.contains("x  175. Memorandum From Secretary of State Shultz") })
    }

    @Test func theHistoryOverlayListsNewestFirst() {
        let store = Store()
        let app = app(store, start: (v05, "175"))
        app.type(":168")
        app.press(.enter)
        app.press(.char("H"))
        let lines = frame(app, width: 100, height: 30).lines
        let i168 = lines.firstIndex { $0.contains("168. Letter From President Reagan") && !$0.hasPrefix(" FRUS") }
        let i175 = lines.firstIndex { $0.contains("175. Memorandum From") }
        #expect(i168 != nil && i175 != nil && i168! < i175!)
    }

    @Test func theEditorGetsTheScreenAndItsTextBecomesANote() throws {
        let store = Store()
        store.editor = { $0 + "Written in the editor.\n" }
        let app = app(store, start: (v05, "175"))
        #expect(app.handle(.char("a")) == .handOver)
        app.runHandedOver()
        let template = try #require(store.edited.first)
        #expect(template.contains("your note on \(v05) 175"))
        let note = try #require(store.added.first)
        // The template's comment line is dropped.
        #expect(note.text == "Written in the editor.")
        #expect(note.document == "175" && !note.created.isEmpty)
        // Shown at once as footnote 6 (175 has five), labelled ✎1 (a marker prints its note's
        // label), its marker in the text in view; the contents flag the document.
        #expect(app.state.view?.document.footnotes.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(app.state.view?.document.footnotes.last?.plainText.contains("Written in the editor.") == true)
        #expect(frame(app, width: 100, height: 30).lines.contains { $0.contains("[✎1]") })
        app.press(.char("t"))
        #expect(frame(app, width: 100, height: 30).lines.contains { $0.contains("175. Memorandum From") && $0.contains("✎") })
    }

    @Test func withoutAnEditorTheNoteIsTypedOnTheStatusLine() throws {
        let store = Store()
        let app = app(store)
        #expect(app.handle(.char("a")) == .continue)
        #expect(frame(app, width: 100, height: 30).lines[29].hasPrefix("Note: "))
        app.type("typed note")
        app.press(.enter)
        #expect(store.added.map(\.text) == ["typed note"])
    }
}
