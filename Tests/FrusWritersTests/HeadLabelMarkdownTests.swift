import FrusModel
import FrusWriters
import Testing

/// Lines printed before a document's head (`Document.headLabel`, an older volume's file
/// citation) come before the title in the Markdown export, as in the reader.
@Suite struct HeadLabelMarkdownTests {
    @Test func headLabelPrecedesTheTitle() {
        var doc = Document(
            volumeID: "frus1930v01", number: "143", titleInlines: [.text("The Chargé in France to the Secretary of State")],
            blocks: [.paragraph([.text("345. From Gibson.")], .normal)], footnotes: [])
        doc.headLabel = [.text("500.A15a3/1208: Telegram")]
        let parts = Writers.markdown(doc, volume: nil).components(separatedBy: "\n\n")
        let label = parts.firstIndex { $0.contains("500.A15a3/1208: Telegram") }
        let title = parts.firstIndex { $0.hasPrefix("# 143") }
        #expect(label != nil && title != nil, "\(parts)")
        if let label, let title { #expect(label < title, "\(parts)") }
    }
}
