import Foundation
import FrusModel
import FrusWriters
import Testing

/// The Markdown writer on small hand-made documents: escaping, page tags, breaks, links.
@Suite struct MarkdownWriterTests {
    func doc(_ blocks: [Block], title: [Inline] = [.text("Title")], notes: [Footnote] = []) -> Document {
        Document(volumeID: "frus1981-88v05", number: "7", titleInlines: title, blocks: blocks, footnotes: notes)
    }

    func body(_ blocks: [Block], notes: [Footnote] = []) -> [String] {
        Writers.markdown(doc(blocks, notes: notes), volume: nil).components(separatedBy: "\n\n")
    }

    @Test func textThatLooksLikeMarkdownIsEscaped() {
        let parts = body([
            .paragraph([.text("1986. A *star*, [x](y), <b> & _under_ # | `code` \\")], .normal),
            .paragraph([.text("- not a list")], .normal),
            .paragraph([.text("+ nor this")], .normal),
            .paragraph([.text("=====")], .normal),
            .paragraph([.text("> nor a quote")], .normal),
        ])
        #expect(parts[1] == "1986\\. A \\*star\\*, \\[x\\](y), \\<b\\> \\& \\_under\\_ \\# \\| \\`code\\` \\\\")
        #expect(parts[2] == "\\- not a list")
        #expect(parts[3] == "\\+ nor this")
        #expect(parts[4] == "\\=====")
        #expect(parts[5] == "\\> nor a quote")
    }

    @Test func aPageInsideAWordIsWrittenAfterTheWord() {
        let parts = body([.paragraph([.text("the rela"), .pageBreak("12"), .text("tionship is"), .pageBreak("13"), .text(" fine")], .normal)])
        #expect(parts[1] == "the relationship \\[Page 12\\] is \\[Page 13\\] fine")
    }

    @Test func aPageBeforeTheTitleStandsAboveIt() {
        let md = Writers.markdown(doc([], title: [.pageBreak("5"), .text("Title")]), volume: nil)
        #expect(md.hasPrefix("\\[Page 5\\]\n\n# 7. Title\n"))
    }

    @Test func signatureLinesAreHardBreaksAndNoBreakEndsAParagraph() {
        let parts = body([.closer([.lineBreak, .text("John Doe"), .lineBreak, .lineBreak, .text("- Secretary"), .lineBreak])])
        #expect(parts[1] == "John Doe\\\n\\- Secretary")
    }

    @Test func aMarkerWithoutItsFootnoteIsText() {
        let note = Footnote(number: 1, blocks: [.paragraph([.text("First.")], .normal), .paragraph([.text("Second.")], .normal)])
        let parts = body([.paragraph([.text("a"), .footnoteRef(1), .text(" b"), .footnoteRef(2)], .normal)], notes: [note])
        #expect(parts[1] == "a[^1] b\\[2\\]")
        // A footnote's second paragraph is indented under its definition.
        #expect(parts[2] == "[^1]: First.")
        #expect(parts[3] == "    Second.")
    }

    @Test func emphasisKeepsItsSpacesOutside() {
        let parts = body([.paragraph([.text("a"), .styled(.italic, [.text(" word ")]), .text("b"), .styled(.bold, [.text("c")])], .normal)])
        #expect(parts[1] == "a *word* b**c**")
    }

    @Test func linksGoToTheirAddressesAndMarkersInsideThemFollow() {
        let parts = body([.paragraph([
            .link(.page(volume: "frus1981-88v05", page: "766"), [.text("page 766"), .footnoteRef(1)]),
            .text(" and "), .link(.url("https://example.org/a b(c)"), []),
        ], .normal)], notes: [Footnote(number: 1, blocks: [.paragraph([.text("n")], .normal)])])
        #expect(parts[1] == "[page 766](https://history.state.gov/historicaldocuments/frus1981-88v05/pg_766)[^1] and "
            + "[https://example.org/a b(c)](https://example.org/a%20b%28c%29)")
    }

    @Test func listsNestAndTablesArePadded() {
        let parts = body([
            .list(.ordered, [[.paragraph([.text("one")], .normal), .list(.bulleted, [[.paragraph([.text("inner")], .normal)]])], [.paragraph([.text("two")], .normal)]]),
            .table([[[.text("a")], [.text("b")]], [[.text("c")]]]),
        ])
        // A loose list (an item of two blocks): items apart, the inner list under its item.
        #expect(parts[1...3] == ["1. one", "   - inner", "2. two"])
        #expect(parts[4] == "| a | b |\n| --- | --- |\n| c |  |")
    }

    @Test func notesAndTheCitationComeLast() {
        let md = Writers.markdown(doc([]), volume: nil, citation: "Cite *me*.",
                                  notes: [Note(volume: "frus1981-88v05", document: "7", anchor: "paragraph 2", quote: "- quoted", created: "2026-12-05", text: "My **own** note.")])
        #expect(md.hasSuffix("## My notes\n\n> \\- quoted\n\nMy **own** note.\n\n_paragraph 2, 2026-12-05_\n\n**Citation:** Cite \\*me\\*.\n"))
    }

    @Test func theSimpleCitationNamesVolumeDocumentAndAddress() {
        let v = Volume(id: "frus1981-88v05", title: "Foreign Relations, Volume V", documents: [])
        #expect(Writers.simpleCitation(doc([]), volume: v)
            == "Foreign Relations, Volume V, Document 7. https://history.state.gov/historicaldocuments/frus1981-88v05/d7")
        #expect(Writers.simpleCitation(doc([]), volume: nil).hasPrefix("FRUS, 1981–1988, vol. V, Document 7."))
    }
}
