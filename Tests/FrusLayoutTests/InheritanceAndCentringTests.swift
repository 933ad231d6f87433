import FrusModel
import Testing

@testable import FrusLayout

/// Issue 12, item 7: a name in a heading keeps the heading's look; a page tag does not push a
/// centred line off centre.
@Suite struct InheritanceAndCentringTests {
    func doc(_ blocks: [Block], title: [Inline] = [.text("Memo")]) -> Document {
        Document(volumeID: "v", number: "1", titleInlines: title, blocks: blocks, footnotes: [])
    }

    @Test func aMentionInAHeadingKeepsTheHeadingsRole() throws {
        let out = Layout.document(doc([
            .heading([.text("Meeting with "), .mention(.person("p_SE_1"), [.text("Shevardnadze")])]),
            .paragraph([.text("Talked with "), .mention(.person("p_SE_1"), [.text("Shevardnadze")]), .text(".")], .normal),
        ]), LayoutOptions(width: 60))
        let heading = try #require(out.lines.firstIndex { $0.text.hasPrefix("Meeting with") })
        #expect(out.lines[heading].runs.filter { $0.text.contains("Shevardnadze") }.allSatisfy { $0.role == .heading })
        // In running text a mention is still set apart.
        let body = try #require(out.lines.firstIndex { $0.text.hasPrefix("Talked with") })
        #expect(out.lines[body].runs.contains { $0.text.contains("Shevardnadze") && $0.isMention })
    }

    @Test func aMentionInTheTitleKeepsTheTitlesRole() {
        let out = Layout.document(doc([], title: [.text("Letter From "), .mention(.person("p_RRW_1"), [.text("Reagan")])]), LayoutOptions(width: 60))
        #expect(out.lines[0].runs.filter { $0.text.contains("Reagan") }.allSatisfy { $0.role == .title })
    }

    @Test func aPageTagDoesNotPushACentredLineOffCentre() throws {
        let text = "MEMORANDUM FOR THE PRESIDENT"
        let out = Layout.document(doc([
            .paragraph([.text("MEMORANDUM "), .pageBreak("5"), .text("FOR THE PRESIDENT")], .centered),
        ]), LayoutOptions(width: 60))
        let line = try #require(out.lines.first { $0.text.contains("MEMORANDUM") })
        let leading = line.text.prefix { $0 == " " }.count
        #expect(line.text.trimmingCharacters(in: .whitespaces) == text)
        #expect(leading == (60 - text.count) / 2)
        // The page tag is still there, on its own line, and still recorded.
        #expect(out.lines.contains { $0.text.trimmingCharacters(in: .whitespaces) == "[Page 5]" })
        #expect(out.pages.map(\.page) == ["5"])
    }
}
