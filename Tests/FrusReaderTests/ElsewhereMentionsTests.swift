import FrusFind
import FrusModel
import FrusReader
import Testing

/// An entry's name looked up in the corpus's other volumes: asked of the app as an effect, the
/// answer shown under the volume's own documents, Enter opening one at the name.
@Suite struct ElsewhereMentionsTests {
    static let other = "frus1977-80v06"

    /// The hand-made volume beside another volume, whose documents name Baldrige too (under an
    /// id of its own).
    static func twoVolumes() -> ReaderState {
        let otherDoc = Document(
            volumeID: other, number: "45", titleInlines: [.text("Memorandum for the Record")], date: "1979-05-02",
            blocks: [.paragraph([.text(String(repeating: "Words before. ", count: 200) + "Then Baldrige spoke.")], .normal)],
            footnotes: [])
        let corpus = Corpus(volumes: [
            Apparatus.corpus().volume(Apparatus.volume)!,
            Volume(id: other, title: "Foreign Relations of the United States, 1977–1980, Volume VI", documents: [otherDoc]),
        ])
        var s = ReaderState(corpus: corpus, width: 100, height: 30)
        s.start(volume: Apparatus.volume, number: "1")
        return s
    }

    static func hit(_ volume: String, _ number: String) -> SearchHit {
        SearchHit(volumeID: volume, number: number, title: "T", snippet: Snippet(parts: []), score: 1)
    }

    @Test func aPersonIsLookedForByTheSurnameOfTheListsLabelAndATermByItself() throws {
        let person = EntryRow(mention: .person("p_DAF_1"), name: "Dobrynin, Anatoly F.", description: "Soviet Ambassador")
        let request = try #require(Entries.elsewhereRequest(for: person, volume: "v"))
        #expect(request.text == "\"Dobrynin\"")
        #expect(request.query.positiveTerms.map(\.words) == [["dobrynin"]])
        let term = EntryRow(mention: .term("t_INF_1"), name: "INF", description: "Intermediate-range Nuclear Forces")
        #expect(Entries.elsewhereRequest(for: term, volume: "v")?.text == "\"INF\"")
        // The query language's own signs are not part of a name.
        let odd = EntryRow(mention: .term("t_x"), name: "\"-*", description: "")
        #expect(Entries.elsewhereRequest(for: odd, volume: "v") == nil)
    }

    @Test func aCorpusOfOneVolumeAsksNothing() {
        var s = Apparatus.state("1")
        s.type(":who Baldrige")
        let effects = s.press(.enter)
        #expect(!effects.contains { if case .searchElsewhere = $0 { return true } else { return false } })
        guard case .entry(let entry)? = s.topOverlay else { Issue.record("entry expected"); return }
        #expect(entry.elsewhere == .notAsked)
    }

    @Test func theAnswerIsShownWithoutTheEntrysOwnVolumeAndEnterOpensTheNameThere() throws {
        var s = Self.twoVolumes()
        s.type(":who Baldrige")
        let effects = s.press(.enter)
        let request = try #require(effects.compactMap { e -> ElsewhereRequest? in
            if case .searchElsewhere(let r) = e { return r } else { return nil }
        }.first)
        #expect(request.volume == Apparatus.volume)
        #expect(request.text == "\"Baldrige\"")
        guard case .entry(let asked)? = s.topOverlay else { Issue.record("entry expected"); return }
        #expect(asked.elsewhere == .searching(request))

        // The index's answer, with a hit in the entry's own volume that must not be listed twice.
        s.reduce(.elsewhereFound(request, [Self.hit(Self.other, "45"), Self.hit(Apparatus.volume, "2")]))
        guard case .entry(let entry)? = s.topOverlay else { Issue.record("entry expected"); return }
        #expect(entry.elsewhereHits.map(\.volumeID) == [Self.other])
        #expect(entry.elsewhereDates == ["1979-05-02"])
        #expect(entry.selectableCount == entry.mentionedIn.count + 1)

        // The last row is the other volume's document: Enter opens it, scrolled to the name.
        s.reduce(.moveInEntry(Int(Int32.max)))
        s.press(.enter)
        #expect(s.overlays.isEmpty)
        #expect(s.document?.volumeID == Self.other)
        #expect(s.document?.number == "45")
        #expect(s.scroll > 0, "the name comes after 200 sentences: the view scrolled to it")

        // Opened again, the entry has the answer at once (no second look-up).
        s.press(.backspace)
        s.type(":who Baldrige")
        let again = s.press(.enter)
        #expect(!again.contains { if case .searchElsewhere = $0 { return true } else { return false } })
        guard case .entry(let reopened)? = s.topOverlay else { Issue.record("entry expected"); return }
        #expect(reopened.elsewhereHits.count == 1)
    }

    @Test func noIndexAndAFailedSearchAreSaid() throws {
        var s = Self.twoVolumes()
        s.type(":who Baldrige")
        let request = try #require(s.press(.enter).compactMap { e -> ElsewhereRequest? in
            if case .searchElsewhere(let r) = e { return r } else { return nil }
        }.first)
        s.reduce(.elsewhereFound(request, nil))
        guard case .entry(let entry)? = s.topOverlay, case .unavailable(let why) = entry.elsewhere else {
            Issue.record("unavailable expected"); return
        }
        #expect(why.contains("no search index"))
        s.press(.escape)
        s.type(":who INF")
        let term = try #require(s.press(.enter).compactMap { e -> ElsewhereRequest? in
            if case .searchElsewhere(let r) = e { return r } else { return nil }
        }.first)
        s.reduce(.elsewhereFailed(term, "disk I/O error"))
        guard case .entry(let failed)? = s.topOverlay, case .unavailable(let reason) = failed.elsewhere else {
            Issue.record("unavailable expected"); return
        }
        #expect(reason.contains("disk I/O error"))
    }
}
