import Foundation
import FrusModel
import FrusPlainText
import FrusTestSupport
import Testing

/// Every rule of the plain-text format, asserted exactly on the two seed documents.
@Suite struct Seed175Tests {
    let result: PlainTextImporter.Result
    var doc: Document { result.document }
    init() throws { result = try importSeed(Fixtures.seed175) }

    @Test func numberTitleAndSourceNoteMarker() {
        #expect(doc.number == "175")
        #expect(doc.id == "d175")
        #expect(doc.title == "Memorandum From Secretary of State Shultz to President Reagan")
        #expect(doc.titleInlines.last == .footnoteRef(1))
    }

    @Test func subjectLine() {
        #expect(doc.subject == "Gorbachev Response to Your Human Rights Letter")
        #expect(!doc.blocks.contains { $0.plainText.contains("Gorbachev Response to Your Human Rights Letter") })
    }

    @Test func fiveFootnotesInOrderMatchingMarkers() {
        #expect(doc.footnotes.map(\.number) == [1, 2, 3, 4, 5])
        #expect(doc.markerNumbers == [1, 2, 3, 4, 5])
        #expect(result.diagnostics.isEmpty)
        #expect(doc.footnote(2)?.plainText == "See Document 168.")
        #expect(doc.footnote(3)?.plainText == "See footnote 3, Document 136.")
    }

    @Test func markerTwoFollowsMoscow() throws {
        let first = try #require(doc.blocks.first)
        #expect(first.sketch.contains("in Moscow.⟨2⟩ It smacked"))
        #expect(doc.blocks.contains { $0.sketch.contains("to Shevardnadze.⟨3⟩ Dobrynin") })
    }

    @Test func pageBreak766StandsBetweenMomentAndSoIsTheFact() {
        let p = doc.blocks.map(\.sketch).first { $0.contains("⟦766⟧") }
        #expect(p?.contains("for the moment.⟨4⟩ ⟦766⟧So is the fact") == true)
        #expect(doc.pageBreaks == ["766", "767"])
    }

    @Test func attachmentHeadingCarriesMarkerFive() throws {
        #expect(doc.attachments.count == 1)
        let a = try #require(doc.attachments.first)
        #expect(a.heading.sketch == "Letter From Soviet General Secretary Gorbachev to President Reagan⟨5⟩")
        #expect(a.blocks.first?.sketch == "SAL: Dear Mr. President,")
        #expect(a.blocks.last?.sketch == "SIG: M. Gorbachev")
        #expect(a.blocks.contains { $0.sketch.contains("of the spouses ⟦767⟧and to living together") })
    }

    @Test func numbersInRunningTextAreNotMarkers() {
        let text = doc.attachments[0].blocks.map(\.sketch).joined(separator: "\n")
        #expect(text.contains("over 400 marriages"))
        #expect(text.contains("more than 95 percent"))
        #expect(text.contains("past 5 years"))
        #expect(!text.contains("⟨"))
    }

    @Test func crossReferencesInFootnotes() {
        let refs = doc.references
        #expect(refs.count == 2)
        #expect(refs[0] == Reference(site: .footnote(2), target: .document(volume: "frus1981-88v05", number: "168"), label: "Document 168"))
        #expect(refs[1] == Reference(site: .footnote(3), target: .footnote(volume: "frus1981-88v05", document: "136", footnote: 3), label: "footnote 3, Document 136"))
    }

    @Test func bodyBeforeAttachmentEndsWithTheMemorandum() {
        let main = doc.blocks.filter { if case .attachment = $0 { return false } else { return true } }
        #expect(main.count == 6)
        #expect(main.last?.sketch == "P: I’ve attached the Soviets’ unofficial translation of Gorbachev’s letter.")
    }
}

@Suite struct Seed168Tests {
    let result: PlainTextImporter.Result
    var doc: Document { result.document }
    init() throws { result = try importSeed(Fixtures.seed168) }

    @Test func titleSalutationSignature() {
        #expect(doc.number == "168")
        #expect(doc.title == "Letter From President Reagan to Soviet General Secretary Gorbachev")
        #expect(doc.subject == nil)
        #expect(doc.blocks.first?.sketch == "SAL: Dear Mr. General Secretary:")
        #expect(doc.blocks.last?.sketch == "SIG: Ronald Reagan")
        #expect(doc.attachments.isEmpty)
    }

    @Test func oneFootnoteAndPages744And745() {
        #expect(doc.footnotes.map(\.number) == [1])
        #expect(doc.markerNumbers == [1])
        #expect(doc.pageBreaks == ["744", "745"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func unfortunatelyIsWholeWithThePageAfterIt() {
        let p = doc.blocks.map(\.sketch).first { $0.contains("⟦744⟧") }
        #expect(p?.contains("Some unfortunately⟦744⟧ have yet to hear this officially.") == true)
        #expect(!doc.blocks.contains { $0.plainText.contains("unfortu ") })
    }

    @Test func standalonePageMarkerIsItsOwnParagraph() {
        #expect(doc.blocks.contains { $0.sketch == "P: ⟦745⟧" })
    }

    @Test func numbersAreNotMarkers() {
        let text = doc.blocks.map(\.sketch).joined(separator: "\n")
        for phrase in ["list of 17 names", "There are 23 of these cases", "77-year old", "16-year old", "1932"] {
            #expect(text.contains(phrase), "\(phrase)")
        }
        #expect(!text.contains("⟨"))
    }
}
