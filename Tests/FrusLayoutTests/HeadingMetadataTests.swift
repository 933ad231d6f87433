import FrusLayout
import FrusModel
import Testing

/// Subject and dateline are metadata; a TEI document also has them as blocks. Each is drawn once.
@Suite struct HeadingMetadataTests {
    func doc(subject: String?, dateline: String?, blocks: [Block], title: [Inline] = [.text("Memo")]) -> Document {
        Document(volumeID: "v", number: "175", titleInlines: title, subject: subject, dateline: dateline, blocks: blocks, footnotes: [])
    }

    @Test func subjectAndDatelineFromMetadataWhenTheBodyLacksThem() {
        let out = Layout.document(doc(subject: "Arms", dateline: "Moscow, March 3, 1985", blocks: [.paragraph([.text("Body.")], .normal)]), LayoutOptions(width: 60))
        #expect(out.lines.map(\.text) == ["175. Memo", "Subject: Arms", "Moscow, March 3, 1985", "", "Body."])
    }

    @Test func subjectAndDatelineBlocksAreNotDrawnTwice() {
        let d = doc(subject: "Arms", dateline: "Moscow, March 3, 1985", blocks: [
            .dateline([.text("Moscow, March 3, 1985")]),
            .list(.subject, [[.paragraph([.text("Arms")], .normal)]]),
        ])
        let text = Layout.document(d, LayoutOptions(width: 60)).lines.map(\.text)
        #expect(text.filter { $0.contains("Moscow, March 3, 1985") }.count == 1)
        #expect(text.filter { $0.contains("Arms") }.count == 1)
    }

    @Test func aPageBeginningWithTheDocumentStandsAboveTheTitle() {
        let d = doc(subject: nil, dateline: nil, blocks: [], title: [.pageBreak("765"), .text("Memo"), .footnoteRef(1)])
        let out = Layout.document(d, LayoutOptions(width: 60))
        #expect(out.lines.map(\.text).prefix(2) == ["[Page 765]", "175. Memo [1]"])
        #expect(out.pages.map(\.page) == ["765"])
    }
}
