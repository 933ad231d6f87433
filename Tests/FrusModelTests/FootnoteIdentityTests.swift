import FrusModel
import Testing

/// A footnote's identity (its number, what markers point at) apart from its printed label, and
/// how a link's footnote part finds a note: by source id, then by a label printed once, then by
/// number.
@Suite struct FootnoteIdentityTests {
    static func doc(_ notes: [(label: String, id: String?)]) -> Document {
        Document(
            volumeID: "frus1894", number: "12", titleInlines: [.text("Mr. A to Mr. B.")],
            blocks: [.paragraph(notes.indices.map { .footnoteRef($0 + 1) }, .normal)],
            footnotes: notes.enumerated().map { i, n in
                Footnote(number: i + 1, label: n.label, id: n.id, blocks: [.paragraph([.text("Note \(i + 1).")], .normal)])
            })
    }

    @Test func byIDFirst() {
        let d = Self.doc([("1", "d12fn1"), ("1", "d12fn2")])
        #expect(d.footnote(linkedAs: 2)?.plainText == "Note 2.")
        #expect(d.footnote(linkedAs: 1)?.plainText == "Note 1.")
    }

    @Test func byALabelPrintedOnceWhenThereAreNoIDs() {
        let d = Self.doc([("*", nil), ("1", nil), ("2", nil)])
        #expect(d.footnote(linkedAs: 1)?.number == 2)
        #expect(d.footnote(linkedAs: 2)?.number == 3)
        // "3" is printed nowhere: the note of number 3.
        #expect(d.footnote(linkedAs: 3)?.number == 3)
    }

    @Test func anAmbiguousLabelFallsBackToTheNumber() {
        let d = Self.doc([("1", nil), ("1", nil)])
        #expect(d.footnote(linkedAs: 1)?.number == 1)
        #expect(d.footnote(linkedAs: 2)?.number == 2)
        #expect(d.footnoteProblems.isEmpty)
    }

    @Test func headingShowsThePrintedNumber() {
        var d = Self.doc([])
        #expect(d.headingNumber == "12. ")
        d.printedNumber = "No. 12."
        #expect(d.headingNumber == "No. 12. ")
    }

    @Test func resolutionNamesTheLabel() {
        let volume = Volume(id: "frus1894", title: "Sample", documents: [Self.doc([("*", "d12fn1"), ("†", "d12fn2")])])
        let corpus = Corpus(location: "memory", sources: [
            VolumeSource(id: "frus1894", title: "Sample", path: "memory", format: "tei") {
                VolumeLoad(volume: volume, diagnostics: [])
            },
        ])
        guard case .resolved(let t) = corpus.resolve(.footnote(volume: "frus1894", document: "12", footnote: 2)) else {
            Issue.record("footnote 2 should resolve")
            return
        }
        #expect(t.footnote == 2)
        #expect(t.footnoteLabel == "†")
        #expect(t.description.hasPrefix("Document 12, footnote †"))
    }
}
