import FrusLayout
import FrusModel
import Testing

/// Words longer than the line are cut between glyphs: by scalars for Latin and CJK text (the
/// fast path of defect 6), by graphemes otherwise — the same lines either way.
@Suite struct LongWordBreakingTests {
    func lines(_ word: String, width: Int) -> [String] {
        let doc = Document(volumeID: "v", number: "", titleInlines: [], blocks: [.paragraph([.text(word)], .normal)], footnotes: [])
        return Layout.document(doc, LayoutOptions(width: width)).lines.map(\.text).filter { !$0.isEmpty }
    }

    @Test(arguments: [7, 10, 11, 80])
    func aLongCJKWordIsCutEveryWidthOverTwoIdeographs(width: Int) {
        let ideographs = Array("漢字仮名交じり文")
        let word = String((0..<500).map { ideographs[$0 % ideographs.count] })
        let got = lines(word, width: width)
        let perLine = width / 2
        let expected = stride(from: 0, to: 500, by: perLine).map { String(Array(word)[$0..<min(500, $0 + perLine)]) }
        #expect(got == expected)
    }

    @Test func mixedLatinAndWideTextFillsEachLineToTheWidth() {
        let word = String(repeating: "ab漢", count: 40)  // 4 columns a repeat
        let got = lines(word, width: 9)
        #expect(got.joined() == word)
        for line in got.dropLast() {
            let w = DisplayWidth.of(line)
            #expect(w == 9 || w == 8, "\(line)")  // 8 when the next glyph is wide and would overflow
        }
    }

    @Test func combiningMarksStayWithTheirLetterWhenCut() {
        let word = String(repeating: "e\u{301}", count: 30)
        let got = lines(word, width: 7)
        #expect(got.joined() == word)
        #expect(got.first == String(repeating: "e\u{301}", count: 7))
        #expect(!got.contains { $0.unicodeScalars.first == "\u{301}" })
    }
}
