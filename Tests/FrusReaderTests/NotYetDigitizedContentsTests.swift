import FrusModel
import FrusReader
import Testing

/// The contents of an announced volume not yet digitized say so, instead of being empty.
@Suite struct NotYetDigitizedContentsTests {
    @Test func contentsSayTheVolumeIsNotYetDigitized() {
        var announced = Volume(id: "frus1917-72PubDipv02", title: "Public Diplomacy", documents: [])
        announced.status = "being-researched"
        let rows = TableOfContents.rows(announced.outline, filter: "", current: nil)
        #expect(rows.count == 1)
        guard case .chapter(let title, _)? = rows.first else { Issue.record("a heading row expected"); return }
        #expect(title.hasPrefix("Not yet digitized"))
        // An empty volume with no such status is just empty.
        let empty = Volume(id: "frus1917-72PubDipv03", title: "Empty", documents: [])
        #expect(TableOfContents.rows(empty.outline, filter: "", current: nil).isEmpty)
    }
}
