import FrusLayout
import FrusModel
import Testing

/// Lines the source prints before a document's head (`Document.headLabel`: an older volume's
/// file citation) are drawn above the heading, after any page that begins there.
@Suite struct HeadLabelLayoutTests {
    @Test func headLabelIsDrawnAboveTheHeading() {
        var doc = Document(
            volumeID: "frus1930v01", number: "143", titleInlines: [.text("The Chargé in France to the Secretary of State")],
            blocks: [.paragraph([.text("345. From Gibson.")], .normal)], footnotes: [])
        doc.headLabel = [.pageBreak("156"), .text("500.A15a3/1208: Telegram")]
        let lines = Layout.document(doc, LayoutOptions(width: 80)).lines.map(\.text)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let label = lines.firstIndex { $0.hasSuffix("500.A15a3/1208: Telegram") }
        let title = lines.firstIndex { $0.hasPrefix("143. The Chargé in France") }
        let body = lines.firstIndex { $0 == "345. From Gibson." }
        #expect(label != nil && title != nil && body != nil, "\(lines)")
        if let label, let title, let body { #expect(label < title && title < body, "\(lines)") }
        #expect(lines.first?.contains("156") == true, "\(lines)")
        #expect(doc.pageBreaks == ["156"])
    }
}
