import FrusFind
import FrusModel
import FrusReader
import Testing

/// Marks, the lasting history and notes in the pure reader (the files are FrusUserFilesTests').
@Suite struct MemoryTests {
    func state() -> ReaderState {
        var s = seedState(width: 100, height: 20, extra: [fillerDocument(number: "180", paragraphs: 6)])
        s.memory.clock = { "2026-12-05T10:00:00Z" }
        return s
    }

    @Test func aMarkReturnsToItsPlaceAndQuoteQuoteReturns() throws {
        var s = state()
        s.press([.char("j"), .char("j"), .char("j")])
        s.press([.char("m"), .char("a")])
        let marked = try #require(s.place)
        #expect(s.memory.marks["a"]?.place == marked.reading)
        #expect(s.memory.marks["a"]?.title == s.document?.numberedTitle)
        s.type(":180")
        s.press(.enter)
        #expect(s.document?.number == "180")
        s.press(.char("j"))
        let at180 = try #require(s.place)
        s.press([.char("'"), .char("a")])
        #expect(s.place == marked)
        s.press([.char("'"), .char("'")])
        #expect(s.place == at180)
        // A mark jump is a jump: back returns.
        s.press(.backspace)
        #expect(s.place == marked)
    }

    @Test func marksAreSavedAsChangesOnly() throws {
        var s = state()
        _ = s.takeMemoryUpdate()
        s.press([.char("m"), .char("b")])
        let taken = s.takeMemoryUpdate()
        let update = try #require(taken)
        #expect(update.marks.keys.sorted() == ["b"])
        let again = s.takeMemoryUpdate()
        #expect(again == nil, "nothing new to save")
        s.press(.char("M"))
        guard case .marks? = s.topOverlay else { Issue.record("no marks overlay"); return }
        s.press(.char("d"))
        let takenAfter = s.takeMemoryUpdate()
        let deleted = try #require(takenAfter)
        #expect(deleted.marks["b"] == .some(nil))
        #expect(s.memory.marks.isEmpty && s.topOverlay == nil)
    }

    @Test func aLetterIsNeededAfterM() {
        var s = state()
        s.press([.char("m"), .char("1")])
        #expect(s.memory.marks.isEmpty)
        #expect(s.message?.kind == .error)
        s.press([.char("'"), .char("z")])
        #expect(s.message?.text.contains("No mark z") == true)
    }

    @Test func historyRecordsEachDocumentOpenedAndTheOverlayOpensOne() throws {
        var s = state()
        s.type(":180")
        s.press(.enter)
        s.type(":168")
        s.press(.enter)
        #expect(s.memory.history.map(\.document) == ["175", "180", "168"])
        // (The start, 175, came before the test set the clock.)
        #expect(s.memory.history.dropFirst().allSatisfy { $0.time == "2026-12-05T10:00:00Z" && $0.volume == v05 })
        s.press(.char("H"))
        // Newest first; the one before the current document is selected.
        s.press(.enter)
        #expect(s.document?.number == "180")
        #expect(s.memory.history.map(\.document) == ["175", "180", "168", "180"])
    }

    @Test func rememberedBackAndForwardAndResume() throws {
        var s = state()
        let place = ReadingPlace(volume: v05, document: "180", scroll: 4)
        s.remember(RememberedState(place: place, back: [ReadingPlace(volume: v05, document: "168")]))
        s.resume(place)
        #expect(s.document?.number == "180" && s.scroll == 4)
        s.press(.backspace)
        #expect(s.document?.number == "168")
        s.press(.right)
        #expect(s.document?.number == "180" && s.scroll == 4)
    }

    @Test func aNoteIsAnchoredToTheParagraphAtTheTopAndShownAsAFootnote() throws {
        var s = state()
        s.type(":180")
        s.press(.enter)
        let view = try #require(s.view)
        // Scroll past the end of paragraph 2 (its marker [2]): paragraph 3 is at the top.
        let line = try #require(view.documentLayout.lines.firstIndex { $0.text.contains("[2]") })
        s.press(Array(repeating: Key.char("j"), count: line + 1))
        let effects = s.press(.char("a"))
        guard case .editNote(let request)? = effects.first else { Issue.record("no editNote effect: \(effects)"); return }
        #expect(request.anchor == "paragraph 3")
        // The passage quoted, cut at 200 characters on a word.
        #expect(request.quote.hasPrefix("word word") && request.quote.hasSuffix(" …") && request.quote.count <= 202)
        let note = Note(volume: v05, document: "180", anchor: request.anchor, quote: request.quote, created: "t", text: "Kumquat remark", file: "/x/180.md")
        s.reduce(.noteAdded(note))
        let doc = try #require(s.view?.document)
        // Footnote 7 (after the document's six) holds the note; its marker ends paragraph 3.
        #expect(doc.footnotes.count == 7)
        #expect(doc.footnotes.last?.plainText.contains("Kumquat remark") == true)
        guard case .paragraph(let inlines, _) = doc.blocks[2] else { Issue.record("paragraph 3"); return }
        #expect(inlines.last == .footnoteRef(7))
        // `/` finds it.
        s.press(.char("/"))
        s.type("kumquat")
        s.press(.enter)
        #expect(s.search?.count == 1)
    }

    @Test func aNoteOnASelectedFootnoteMarker() throws {
        var s = state()
        s.type(":180")
        s.press(.enter)
        s.press(.tab)
        guard case .marker(let n, _)? = s.selected else { Issue.record("no marker selected"); return }
        guard case .editNote(let request)? = s.press(.char("a")).first else { Issue.record("no effect"); return }
        #expect(request.anchor == "footnote \(n)")
        #expect(request.quote == "Note \(n).")
    }

    @Test func withoutAnEditorTheNoteIsTypedOnTheStatusLine() throws {
        var s = state()
        guard case .editNote(let request)? = s.press(.char("a")).first else { Issue.record("no effect"); return }
        s.reduce(.openNotePrompt(request))
        #expect(s.commandLine == "" && s.prompt == .note)
        s.type("short note")
        let effects = s.press(.enter)
        #expect(effects == [.saveNote(request, "short note")])
        #expect(s.commandLine == nil)
    }

    @Test func corpusSearchListsMatchingNotesFirst() throws {
        var s = state()
        s.remember(RememberedState(notes: [Note(volume: v05, document: "168", text: "Remember the zebra clause")]))
        let request = CorpusSearchRequest(text: "zebra", query: try SearchQuery(parsing: "zebra"))
        s.reduce(.corpusSearchFinished(request, [], indexed: nil))
        let hits = try #require(s.searchResults?.hits)
        #expect(hits.map(\.number) == ["168"])
        #expect(hits.first?.snippet.parts.contains { $0.isMatch && $0.text == "zebra" } == true)
    }

    @Test func notesFlagTheContentsAndNavigator() throws {
        var s = state()
        s.remember(RememberedState(notes: [Note(volume: v05, document: "168", text: "n")]))
        #expect(s.memory.hasNotes(volume: v05, number: "168"))
        // 175's footnote links to 168: its navigator entry is flagged.
        #expect(s.view?.navigator.contains { $0.text.hasPrefix("→ 168.") && $0.text.hasSuffix(" ✎") } == true)
        // 168's own notes are listed in its navigator.
        s.type(":168")
        s.press(.enter)
        #expect(s.view?.navigatorRows.suffix(2) == [.header("Your notes"), .note("✎1  n")])
    }
}
