import FrusLayout
import FrusModel
import FrusReader
import Testing

/// A hand-made volume with persons and terms lists, front and back matter and dates.
enum Apparatus {
    static let volume = "frus1981-88v05"
    static let baldrige = Person(id: "p_BMH1", name: "Baldrige, Malcolm", description: "Secretary of Commerce")
    static let shultz = Person(id: "p_SGP1", name: "Shultz, George P.", description: "Secretary of State")
    static let inf = Term(id: "t_INF1", term: "INF", description: "Intermediate-range Nuclear Forces")
    static let srinf = Term(id: "t_SRINF1", term: "SRINF", description: "Shorter-range Intermediate Nuclear Forces")

    static func doc(_ number: String, date: String?, _ inlines: [Inline], notes: [Footnote] = [], kind: DocumentKind = .document) -> Document {
        var d = Document(volumeID: volume, number: number, id: kind == .document ? nil : number,
                         titleInlines: [.text("Document \(number)")], date: date,
                         blocks: [.paragraph(inlines, .normal)], footnotes: notes)
        d.kind = kind
        return d
    }

    static func mention(_ p: Person) -> Inline { .mention(.person(p.id), [.text(p.name.split(separator: ",").first.map(String.init) ?? p.name)]) }
    static func mention(_ t: Term) -> Inline { .mention(.term(t.id), [.text(t.term)]) }

    static var documents: [Document] {
        let filler = Inline.text(String(repeating: "filler words here ", count: 120))
        var d3 = doc("3", date: "1985-11-21", [filler, mention(baldrige), .text(" spoke.")])
        d3.place = "Geneva"
        d3.classification = "Secret; Sensitive"
        return [
            doc("preface", date: nil, [.text("Preface text.")], kind: .front),
            doc("1", date: "1985-11-19T10:00:00-05:00", [mention(baldrige), .text(" met "), mention(shultz), .text(" on "), mention(inf), .text(".")]),
            doc("2", date: "1985-03-01", [.text("About "), mention(srinf), .text(" and "), mention(baldrige), .text(" and "), mention(baldrige)],
                notes: []),
            d3,
            doc("4", date: nil, [.text("No date."), .footnoteRef(1)],
                notes: [Footnote(number: 1, id: "d4fn1", blocks: [.paragraph([.text("Note on "), mention(shultz)], .normal)])]),
            doc("index", date: nil, [.text("Index.")], kind: .back),
        ]
    }

    static func corpus() -> Corpus {
        Corpus(volumes: [Volume(
            id: volume, title: "Foreign Relations of the United States, 1981–1988, Volume V, Soviet Union",
            documents: documents,
            persons: [baldrige.id: baldrige, shultz.id: shultz], terms: [inf.id: inf, srinf.id: srinf])])
    }

    static func state(_ number: String = "1", width: Int = 100, height: Int = 30) -> ReaderState {
        var s = ReaderState(corpus: corpus(), width: width, height: height)
        s.start(volume: volume, number: number)
        return s
    }
}

@Suite struct MentionLookUpTests {
    @Test func kMarksEachPersonAndTermInViewInReadingOrderAndALetterOpensItsEntry() throws {
        var s = Apparatus.state("1")
        s.press(.char("K"))
        #expect(s.topOverlay == .mentionHints(typed: ""))
        #expect(s.mentionHints.map(\.mention) == [.person("p_BMH1"), .person("p_SGP1"), .term("t_INF1")])
        #expect(s.mentionHints.map(\.label) == ["a", "b", "c"])
        s.press(.char("b"))
        guard case .entry(let entry)? = s.topOverlay else { Issue.record("entry expected"); return }
        #expect(entry.entry.name == Apparatus.shultz.name)
        #expect(entry.entry.description == Apparatus.shultz.description)
        // Shultz: once in 1, once in the footnote of 4.
        #expect(entry.mentionedIn.map(\.number) == ["1", "4"])
        #expect(entry.mentionedIn.map(\.count) == [1, 1])
    }

    @Test func mentionedInCountsEveryMentionOfTheDocument() throws {
        var s = Apparatus.state("2")
        s.press(.char("K"))
        let label = try #require(s.mentionHints.first { $0.mention == .person("p_BMH1") }?.label)
        // The same person twice in view carries one label, at both places.
        #expect(s.mentionHints.first { $0.mention == .person("p_BMH1") }?.places.count == 2)
        s.type(label)
        guard case .entry(let entry)? = s.topOverlay else { Issue.record("entry expected"); return }
        #expect(entry.mentionedIn.map(\.number) == ["1", "2", "3"])
        #expect(entry.mentionedIn.map(\.count) == [1, 2, 1])
        // The open document is the one selected.
        #expect(entry.mentionedIn[entry.selection].number == "2")
    }

    @Test func enterOnAMentionedInLineOpensThatDocumentWithTheMentionInView() throws {
        var s = Apparatus.state("1", width: 60, height: 14)
        s.type(":who Baldrige")
        s.press(.enter)
        guard case .entry(let entry)? = s.topOverlay else { Issue.record("entry expected"); return }
        let three = try #require(entry.mentionedIn.firstIndex { $0.number == "3" })
        s.reduce(.moveInEntry(three - entry.selection))
        s.press(.enter)
        #expect(s.overlays.isEmpty)
        #expect(s.document?.number == "3")
        // Document 3 names Baldrige after a long filler: the view scrolled to it.
        let view = try #require(s.view)
        let line = try #require(view.documentLayout.mentions.first { $0.mention == .person("p_BMH1") }?.firstLine)
        #expect(line > s.documentHeight)
        #expect((s.scroll..<(s.scroll + s.documentHeight)).contains(line))
        // A jump: back returns to 1.
        s.press(.backspace)
        #expect(s.document?.number == "1")
    }

    @Test func aMentionOnlyInAFootnoteOpensWithThatFootnoteShown() throws {
        var s = Apparatus.state("1")
        s.type(":who p_SGP1")
        s.press(.enter)
        s.press(.char("j"))  // to document 4
        s.press(.enter)
        #expect(s.document?.number == "4")
        #expect(s.currentFootnote == 1)
    }

    @Test func oneMentionInViewOpensItsEntryAtOnce() {
        var s = Apparatus.state("4")
        s.press(.char("K"))
        guard case .entry(let entry)? = s.topOverlay else { Issue.record("entry expected"); return }
        #expect(entry.entry.mention == .person("p_SGP1"))
    }

    @Test func escCancelsTheHintsAndAnUnknownLetterSaysSo() {
        var s = Apparatus.state("1")
        s.press(.char("K"))
        s.press(.escape)
        #expect(s.overlays.isEmpty)
        s.press(.char("K"))
        s.press(.char("z"))
        #expect(s.overlays.isEmpty)
        #expect(s.message?.kind == .error)
    }

    @Test func moreThanTwentySixMentionsGetTwoLetterLabels() throws {
        let people = (0..<30).map { Person(id: "p_\($0)", name: "Person\($0)", description: "d\($0)") }
        var inlines: [Inline] = []
        for p in people { inlines += [.mention(.person(p.id), [.text(p.name)]), .text(" ")] }
        let doc = Document(volumeID: "v", number: "1", titleInlines: [.text("T")], blocks: [.paragraph(inlines, .normal)], footnotes: [])
        let corpus = Corpus(volumes: [Volume(id: "v", title: "V", documents: [doc],
                                             persons: Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0) }))])
        var s = ReaderState(corpus: corpus, width: 100, height: 30)
        s.start()
        s.press(.char("K"))
        let hints = s.mentionHints
        #expect(hints.count == 30)
        #expect(hints.allSatisfy { $0.label.count == 2 })
        #expect(Set(hints.map(\.label)).count == 30)
        // K + two letters: the 30th person's entry.
        s.type(hints[29].label)
        guard case .entry(let entry)? = s.topOverlay else { Issue.record("entry expected"); return }
        #expect(entry.entry.name == "Person29")
    }

    @Test func plainTextVolumesSayTheyHaveNoListsAndNothingFails() {
        var s = seedState()
        for key in [Key.char("K"), .char("P")] {
            s.press(key)
            #expect(s.overlays.isEmpty)
            #expect(s.message?.text.contains("no persons or terms") == true)
        }
        s.type(":who Gorbachev")
        s.press(.enter)
        #expect(s.message?.text.contains("no persons or terms") == true)
    }
}

@Suite struct PersonsAndTermsListTests {
    @Test func pListsEveryEntryByNameAndTypingFilters() {
        var s = Apparatus.state()
        s.press(.char("P"))
        guard case .entries(let list)? = s.topOverlay else { Issue.record("list expected"); return }
        #expect(list.shown.map { list.all[$0].name } == ["Baldrige, Malcolm", "INF", "Shultz, George P.", "SRINF"])
        s.type("nuclear sho")
        guard case .entries(let filtered)? = s.topOverlay else { Issue.record("list expected"); return }
        #expect(filtered.shown.map { filtered.all[$0].name } == ["SRINF"])
        s.press(.enter)
        guard case .entry(let entry)? = s.topOverlay else { Issue.record("entry expected"); return }
        #expect(entry.entry.description == Apparatus.srinf.description)
        // Esc goes back to the list, then to the document.
        s.press(.escape)
        if case .entries = s.topOverlay {} else { Issue.record("list expected under the entry") }
        s.press(.escape)
        #expect(s.overlays.isEmpty)
    }

    @Test func whyAnExactAbbreviationWinsOverOnesContainingIt() {
        var s = Apparatus.state()
        s.type(":who INF")
        s.press(.enter)
        guard case .entry(let entry)? = s.topOverlay else { Issue.record("entry expected"); return }
        #expect(entry.entry.description == Apparatus.inf.description)
    }

    @Test func whoWithSeveralMatchesOpensTheListFiltered() {
        var s = Apparatus.state()
        s.type(":who secretary")
        s.press(.enter)
        guard case .entries(let list)? = s.topOverlay else { Issue.record("list expected"); return }
        #expect(list.shown.map { list.all[$0].id } == ["p_BMH1", "p_SGP1"])
        s.press(.escape)
        s.type(":who nobody")
        s.press(.enter)
        #expect(s.overlays.isEmpty)
        #expect(s.message?.kind == .error)
    }

    @Test func whoFindsByPartOfANameAndById() {
        for query in ["Malcolm", "baldr", "p_BMH1"] {
            var s = Apparatus.state()
            s.type(":who \(query)")
            s.press(.enter)
            guard case .entry(let entry)? = s.topOverlay else { Issue.record("entry expected for \(query)"); continue }
            #expect(entry.entry.id == "p_BMH1")
        }
    }
}

@Suite struct DateTests {
    @Test func datesShowAsISODays() {
        #expect(DocumentDates.display("1985-11-19T10:00:00-05:00") == "1985-11-19")
        #expect(DocumentDates.display("1985-11-19", "1985-11-21") == "1985-11-19–11-21")
        #expect(DocumentDates.display("1985-12-30", "1986-01-02") == "1985-12-30–1986-01-02")
        #expect(DocumentDates.display(nil) == nil)
        #expect(DocumentDates.display("undated") == nil)
        #expect(DocumentDates.day("1970-01-01") == 0)
        #expect(DocumentDates.day("1970-03-01") == 59)
        #expect(DocumentDates.day("2000-03-01")! - DocumentDates.day("2000-02-28")! == 2)  // a leap year
    }

    @Test func dateOpensTheNearestDocumentOfTheVolume() {
        var s = Apparatus.state("1")
        s.type(":date 1985-11-22")
        s.press(.enter)
        #expect(s.document?.number == "3")
        s.type(":date 1985-03")
        s.press(.enter)
        #expect(s.document?.number == "2")
        s.type(":date 1985-11-19")
        s.press(.enter)
        #expect(s.document?.number == "1")
        s.press(.backspace)
        #expect(s.document?.number == "2")
        s.type(":date soon")
        s.press(.enter)
        #expect(s.message?.kind == .error)
    }

    @Test func tabInTheContentsTogglesDateOrderWithFrontMatterFirstAndBackMatterLast() {
        var s = Apparatus.state("1")
        s.press(.char("t"))
        func listed() -> [String] {
            s.tableOfContentsRows.map {
                switch $0 {
                case .chapter(let title, _): return "# " + title
                case .document(let n, _, _, _): return n
                }
            }
        }
        #expect(listed() == ["# Front matter", "preface", "1", "2", "3", "4", "# Back matter", "index"])
        s.press(.tab)
        #expect(listed() == ["# Front matter", "preface", "# By date", "2", "1", "3", "# Undated", "4", "# Back matter", "index"])
        // The open document stays selected.
        if case .tableOfContents(let toc)? = s.topOverlay {
            #expect(TableOfContents.document(at: toc.selection, in: s.tableOfContentsRows) == "1")
        }
        s.press(.tab)
        #expect(listed().prefix(3) == ["# Front matter", "preface", "1"])
    }

    @Test func citedByEntriesShowTheCitingDocumentsDate() {
        let citing = Document(volumeID: Apparatus.volume, number: "9", titleInlines: [.text("Citing")], date: "1986-02-01",
                              blocks: [.paragraph([.link(.document(volume: Apparatus.volume, number: "1"), [.text("Document 1")])], .normal)],
                              footnotes: [])
        let corpus = Corpus(volumes: [Volume(id: Apparatus.volume, title: "V", documents: Apparatus.documents + [citing])])
        var s = ReaderState(corpus: corpus, width: 100, height: 30)
        s.start(volume: Apparatus.volume, number: "1")
        let cited = s.view?.navigator.filter { if case .citedBy = $0.kind { return true } else { return false } }
        #expect(cited?.map(\.text) == ["9 · 1986-02-01 · Citing"])
    }
}

@Suite struct CitationKeyTests {
    @Test func yCopiesTheDocumentsCitationAndSaysSo() throws {
        var s = Apparatus.state("1")
        let effects = s.press(.char("y"))
        guard case .copyToClipboard(let text)? = effects.first else { Issue.record("copy expected"); return }
        #expect(text.contains("Document 1"))
        #expect(text.hasSuffix("https://history.state.gov/historicaldocuments/frus1981-88v05/d1"))
        #expect(s.message?.text == "Copied: " + text)
    }

    @Test func withAMarkerSelectedTheFootnoteIsCitedAndAddressed() {
        var s = Apparatus.state("4")
        s.press(.tab)  // the marker of footnote 1
        let effects = s.press(.char("Y"))
        #expect(effects == [.copyToClipboard("https://history.state.gov/historicaldocuments/frus1981-88v05/d4fn1")])
        guard case .copyToClipboard(let cite)? = s.press(.char("y")).first else { Issue.record("copy expected"); return }
        #expect(cite.contains("note 1"))
        #expect(cite.hasSuffix("/d4fn1"))
    }

    @Test func oAsksTheAppToOpenTheAddress() {
        var s = Apparatus.state("1")
        #expect(s.press(.char("o")) == [.openURL("https://history.state.gov/historicaldocuments/frus1981-88v05/d1")])
        s.reduce(.report(StatusMessage("No browser found", kind: .error)))
        #expect(s.message?.text == "No browser found")
    }

    @Test func theHelpListsTheNewKeysAndCommands() {
        let keys = Keymap.standard.helpLines.map(\.keys)
        for k in ["K", "P", "y", "Y", "o", ":who NAME", ":date 1985-11-19"] { #expect(keys.contains(k)) }
    }
}
