import Testing
import FrusModel
@testable import FrusLayout

@Suite struct MarkerAndPageTests {
    @Test func markerIsGluedToThePrecedingWord() {
        let out = Layout.document(Samples.document175, LayoutOptions(width: 100))
        let body = out.texts.joined(separator: "\n")
        #expect(body.contains("Moscow.[2]"))
        #expect(body.contains("Shevardnadze.[3]"))
        #expect(body.contains("moment.[4]"))
        #expect(!body.contains("Moscow.2"))
    }

    @Test func titleAndAttachmentHeadingShowTheirMarkers() {
        let out = Layout.document(Samples.document175, LayoutOptions(width: 120))
        #expect(out.texts[0] == "175. Memorandum From Secretary of State Shultz to President Reagan [1]")
        #expect(out.texts.contains("Letter From Soviet General Secretary Gorbachev to President Reagan [5]"))
    }

    /// At every width that can hold "Shevardnadze.[3]", each marker sits right after its word.
    @Test func aMarkerNeverWrapsAwayFromItsWord() {
        for width in 16...120 {
            let out = Layout.document(Samples.document175, LayoutOptions(width: width))
            for reference in out.references {
                guard case .marker(let n) = reference.kind, n != 1, n != 5 else { continue }
                #expect(reference.spans.count == 1)
                let span = reference.spans[0]
                #expect(span.columns.lowerBound > 0, "marker \(n) starts a line at width \(width)")
                let before = out.text(at: Span(line: span.line, columns: span.columns.lowerBound - 1..<span.columns.lowerBound))
                #expect(before == ".", "marker \(n) at width \(width) follows \(before)")
            }
        }
    }

    @Test func aMarkerAfterASpaceIsStillKeptWithItsWord() {
        // An importer may leave the space ("Reagan " + marker): running text glues the marker anyway.
        let doc = document([paragraph(.text("aaaa bbbb "), .footnoteRef(1), .text(" cccc"))])
        let out = Layout.document(doc, LayoutOptions(width: 9))
        #expect(out.bodyTexts == ["aaaa", "bbbb[1]", "cccc"])
    }

    @Test func midWordPageBreakKeepsTheWordWholeWithTheTagAfterIt() {
        let out = Layout.document(Samples.document168, LayoutOptions(width: 100))
        #expect(out.joinedText.contains("Some unfortunately [Page 744] have yet"))
        #expect(!out.texts.contains { $0.contains("unfortu[") || $0.hasSuffix("unfortu") })
        for width in 13...120 {
            let narrow = Layout.document(Samples.document168, LayoutOptions(width: width))
            #expect(narrow.texts.contains { $0.split(separator: " ").contains("unfortunately") }, "width \(width)")
        }
    }

    @Test func aParagraphOfOnlyAPageBreakIsATagOnItsOwnLine() {
        let out = Layout.document(Samples.document168, LayoutOptions(width: 80))
        let line = try! #require(out.lineIndex(containing: "[Page 745]"))
        #expect(out.texts[line] == "[Page 745]")
        #expect(out.texts[line - 1].isEmpty && out.texts[line + 1].isEmpty)
        #expect(out.lines[line].runs.map(\.role) == [.page])
    }

    @Test func pagesAreRecordedInOrderWhereTheyAreDrawn() {
        let out = Layout.document(Samples.document168, LayoutOptions(width: 70))
        #expect(out.pages.map(\.page) == ["744", "745"])
        for page in out.pages {
            #expect(out.text(at: page.span) == "[Page \(page.page)]")
            #expect(out.role(atLine: page.span.line, column: page.span.columns.lowerBound) == .page)
        }
        #expect(out.page(atLine: out.line(ofPage: "745")!) == "745")
        let doc175 = Layout.document(Samples.document175, LayoutOptions(width: 70))
        #expect(doc175.pages.map(\.page) == ["766", "767"])
        #expect(doc175.joinedText.contains("moment.[4] [Page 766] So is"))
        #expect(doc175.joinedText.contains("the spouses [Page 767] and to living"))
    }

    @Test func markerReferencesPointAtTheirBrackets() {
        for width in [30, 60, 100] {
            let out = Layout.document(Samples.document175, LayoutOptions(width: width))
            let markers = out.references.compactMap { r -> (Int, LaidOutReference)? in
                if case .marker(let n) = r.kind { return (n, r) } else { return nil }
            }
            #expect(markers.map(\.0) == [1, 2, 3, 4, 5])
            for (n, reference) in markers {
                #expect(out.text(of: reference) == "[\(n)]")
                #expect(reference.site == .body)
                let span = reference.spans[0]
                #expect(out.role(atLine: span.line, column: span.columns.lowerBound) == .marker)
            }
        }
    }
}
