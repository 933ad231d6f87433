import FrusModel
import Testing
@testable import FrusLayout

/// Footnotes printed with symbols or with numbering that restarts: markers and the list show
/// the label, while the number stays what markers point at.
@Suite struct FootnoteLabelTests {
    static let doc: Document = {
        var d = document(
            [paragraph(.text("One"), .footnoteRef(1), .text(" two"), .footnoteRef(2), .text(" three"), .footnoteRef(3))],
            title: [.text("Mr. Baker to Mr. Gresham.")],
            footnotes: [
                Footnote(number: 1, label: "*", blocks: [paragraph(.text("Star."))]),
                Footnote(number: 2, label: "1", blocks: [paragraph(.text("Restarted."))]),
                Footnote(number: 3, label: "1", blocks: [paragraph(.text("Again."))]),
            ])
        d.number = "12"
        d.printedNumber = "No. 12."
        return d
    }()

    @Test func markersShowTheLabel() {
        let out = Layout.document(Self.doc, LayoutOptions(width: 60))
        #expect(out.texts.first == "No. 12. Mr. Baker to Mr. Gresham.")
        #expect(out.texts.contains("One[*] two[1] three[1]"))
        // Each marker still points at its own note.
        let markers = out.references.compactMap { if case .marker(let n) = $0.kind { return n } else { return nil } }
        #expect(markers == [1, 2, 3])
    }

    @Test func theFootnoteListPrintsLabelsAndKeepsEachNoteApart() {
        let pane = Layout.footnotes(Self.doc, width: 40)
        #expect(pane.lines.map(\.text).filter { !$0.isEmpty } == ["* Star.", "1. Restarted.", "1. Again."])
        #expect(pane.footnoteLines.keys.sorted() == [1, 2, 3])
        #expect(pane.footnoteLines[3].map { pane.lines[$0.lowerBound].text } == "1. Again.")
    }

    @Test func aNoteWithoutLabelShowsItsNumber() {
        let note = Footnote(number: 4, label: "", blocks: [])
        #expect(note.markerLabel == "#4")
        #expect(note.listLabel == "#4 ")
        #expect(Footnote(number: 1, label: "†", blocks: []).listLabel == "† ")
    }

    /// 1940s volumes add a note between 11 and 12 as "11a" (`frus1942China`): a number still,
    /// set as the numbers around it; a letter alone stays as printed.
    @Test func aNumberWithALetterIsSetAsANumber() {
        #expect(Footnote(number: 2, label: "11a", blocks: []).listLabel == "11a. ")
        #expect(Footnote(number: 1, label: "a", blocks: []).listLabel == "a ")
    }
}
