import FrusLayout
import FrusModel
import Testing

/// Mentions of persons and terms: the look of the text around them kept, marked as mentions,
/// and where they are drawn recorded for the reader's look-up.
@Suite struct MentionLayoutTests {
    @Test func aNameInAHeadingStaysAHeadingAndIsMarked() {
        let doc = document([.heading([.text("Meeting With "), .mention(.person("p_BMH1"), [.text("Baldrige")])])])
        let out = Layout.document(doc, LayoutOptions(width: 80))
        let run = out.lines.flatMap(\.runs).first { $0.text.contains("Baldrige") }
        #expect(run?.role == .heading)
        #expect(run?.isMention == true)
        // The words before it are the heading, not a mention.
        #expect(out.lines.flatMap(\.runs).first { $0.text.contains("Meeting") }?.isMention == false)
    }

    @Test func aBoldNameStaysBold() {
        let doc = document([paragraph(.styled(.bold, [.mention(.term("t_INF1"), [.text("INF")])]))])
        let run = Layout.document(doc, LayoutOptions(width: 80)).lines.flatMap(\.runs).first { $0.text == "INF" }
        #expect(run?.styles == [.bold])
        #expect(run?.isMention == true)
    }

    @Test func spansCoverTheNameAcrossAWrap() throws {
        // "aaaa bbbb Malcolm Baldrige" at width 14: the name wraps after "Malcolm".
        let doc = document([paragraph(.text("aaaa bbbb "), .mention(.person("p_BMH1"), [.text("Malcolm Baldrige")]), .text(" cc"))])
        let out = Layout.document(doc, LayoutOptions(width: 14))
        let mention = try #require(out.mentions.first)
        #expect(mention.mention == .person("p_BMH1"))
        let drawn = mention.spans.map { span -> String in
            let chars = Array(out.lines[span.line].text)
            return String(chars[span.columns.lowerBound..<min(span.columns.upperBound, chars.count)])
        }
        #expect(drawn.joined(separator: " ") == "Malcolm Baldrige")
        #expect(mention.spans.count == 2)
    }

    @Test func theSpaceInsideANameIsPartOfItsSpan() throws {
        let doc = document([paragraph(.mention(.person("p_X"), [.text("Anatoly Dobrynin")]), .text(" said"))])
        let out = Layout.document(doc, LayoutOptions(width: 80))
        let mention = try #require(out.mentions.first)
        let line = Array(out.lines[mention.firstLine].text)
        #expect(mention.spans.count == 1)
        #expect(String(line[mention.spans[0].columns]) == "Anatoly Dobrynin")
    }

    @Test func mentionsInFootnotesAreRecordedInTheFootnoteLayout() {
        let note = Footnote(number: 1, blocks: [paragraph(.text("See "), .mention(.person("p_GMS1"), [.text("Gorbachev")]))])
        let doc = document([paragraph(.text("Text"), .footnoteRef(1))], footnotes: [note])
        let out = Layout.footnotes(doc, width: 40)
        #expect(out.mentions.map(\.mention) == [.person("p_GMS1")])
        #expect(out.footnoteLines[1]?.contains(out.mentions[0].firstLine) == true)
    }
}
