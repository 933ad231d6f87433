import Testing
import FrusModel
@testable import FrusLayout

@Suite struct ReferenceTests {
    private func links(_ out: LaidOutText) -> [(target: LinkTarget, index: Int, reference: LaidOutReference)] {
        out.references.compactMap { r in
            if case .link(let target, let index) = r.kind { return (target, index, r) } else { return nil }
        }
    }

    @Test func linkSpanCoversExactlyItsLabel() {
        let out = Layout.document(Samples.document175, LayoutOptions(width: 80, includeFootnotes: true))
        let found = links(out)
        #expect(found.count == 2)
        #expect(out.text(of: found[0].reference) == "Document 168")
        #expect(out.text(of: found[1].reference) == "footnote 3, Document 136")
        #expect(found[0].reference.site == .footnote(2))
        #expect(found[1].reference.site == .footnote(3))
        let span = found[0].reference.spans[0]
        for column in span.columns { #expect(out.role(atLine: span.line, column: column) == .link) }
    }

    @Test func aWrappedLinkHasOneSpanPerLine() {
        let doc = document([paragraph(
            .text("See "), .link(.footnote(volume: Samples.volume, document: "136", footnote: 3), [.text("footnote 3, Document 136")]),
            .text("."))])
        let out = Layout.document(doc, LayoutOptions(width: 20))
        let reference = try! #require(links(out).first?.reference)
        #expect(reference.spans.count == 2)
        #expect(out.text(at: reference.spans[0]) == "footnote 3,")
        #expect(out.text(at: reference.spans[1]) == "Document 136")
        #expect(reference.spans[1].line == reference.spans[0].line + 1)
        #expect(reference.spans[1].columns == 0..<12)
    }

    @Test func linkIndicesFollowDocumentReferencesOrder() {
        let doc = Samples.everyBlockKind
        let expected = doc.references
        #expect(expected.count == 10)
        for width in [12, 40, 100] {
            let out = Layout.document(doc, LayoutOptions(width: width, includeFootnotes: true))
            let found = links(out)
            #expect(found.map(\.index) == Array(expected.indices), "width \(width)")
            #expect(found.map(\.target) == expected.map(\.target))
            #expect(found.map(\.reference.site) == expected.map(\.site))
            if width == 100 {
                #expect(found.map { out.text(of: $0.reference) } == expected.map(\.label))
            }
        }
    }

    @Test func referencesAreInReadingOrder() {
        let out = Layout.document(Samples.everyBlockKind, LayoutOptions(width: 100, includeFootnotes: true))
        let kinds = out.references.map { r -> String in
            switch r.kind {
            case .marker(let n): return "m\(n)"
            case .link(let target, _):
                if case .document(_, let number) = target { return "d\(number)" }
                return "?"
            }
        }
        #expect(kinds == ["d1", "m1", "d2", "m2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "d10"])
        let firstLines = out.references.map(\.firstLine)
        #expect(firstLines == firstLines.sorted())
    }

    @Test func footnotePaneNumbersLinksAfterTheBody() {
        let doc = Samples.everyBlockKind
        let pane = Layout.footnotes(doc, width: 40)
        let found = links(pane)
        #expect(found.map(\.index) == [8, 9])
        #expect(found.map(\.reference.site) == [.footnote(1), .footnote(2)])
        #expect(pane.text(of: found[0].reference) == "Document 9")
        #expect(doc.references[8].label == "Document 9")
    }
}
