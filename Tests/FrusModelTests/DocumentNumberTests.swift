import FrusModel
import Testing

/// Numbers as a reader types them: a hyphen for a dash no keyboard has, either case.
@Suite struct DocumentNumberTests {
    struct Map: VolumeMap {
        var documents: [MappedDocument]
        func read(_ position: Int) throws -> Document { throw CancellationError() }
        func positions(ofPage page: String) -> [Int] { [] }
    }

    static func document(_ number: String, id: String) -> Document {
        Document(volumeID: "frus1958-60v05mSupp", number: number, id: id, titleInlines: [.text("T")], blocks: [], footnotes: [])
    }

    @Test func aNumberTypedWithAHyphenOrInTheOtherCaseFindsItsDocument() {
        let docs = [Self.document("ETA–1", id: "eta_d1"), Self.document("ETA—2", id: "eta_d2"), Self.document("A", id: "appA")]
        let volume = Volume(id: "frus1958-60v05mSupp", title: "Sample", documents: docs)
        let map = Map(documents: docs.map { MappedDocument(number: $0.number, id: $0.id, kind: .document) })
        for (typed, position) in [("ETA-1", 0), ("eta–1", 0), ("ETA‑1", 0), (" ETA-2 ", 1), ("a", 2), ("ETA–1", 0), ("eta_d2", 1)] {
            #expect(volume.position(of: typed) == position, "\(typed)")
            #expect(map.position(of: typed) == position, "\(typed)")
        }
        #expect(volume.position(of: "ETA-3") == nil)
        #expect(map.position(of: "ETA1") == nil)
    }

    /// What was typed exactly wins over a folded match.
    @Test func anExactNumberWinsOverAFoldedOne() {
        let docs = [Self.document("12a", id: "d12a"), Self.document("12A", id: "d12A-1")]
        let volume = Volume(id: "frus1999-00v01", title: "Sample", documents: docs)
        #expect(volume.position(of: "12A") == 1)
        #expect(volume.position(of: "12a") == 0)
        #expect(DocumentNumber.folded("ETA\u{2013}1") == "eta-1")
    }
}
