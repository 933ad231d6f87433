import Testing
import FrusModel
@testable import FrusLayout

/// Wrapping must hold at every width: nothing past the edge, no text lost, no crash.
@Suite struct WrappingTests {
    static let samples = [Samples.document175, Samples.document168, Samples.everyBlockKind]
    /// Whether words must come out in the model's order: not in a grid, whose lines
    /// interleave the words of its cells.
    static let ordered = [true, true, false]

    @Test(arguments: samples.indices)
    func noLineExceedsTheWidthAndNoWordIsLostAtAnyWidth(sample: Int) {
        let doc = Self.samples[sample]
        for footnotes in [false, true] {
            let words = modelWords(doc, footnotes: footnotes)
            for width in 1...120 {
                let out = Layout.document(doc, LayoutOptions(width: width, includeFootnotes: footnotes))
                for (i, line) in out.lines.enumerated() {
                    #expect(line.width <= width, "line \(i) at width \(width): \(line.text)")
                    for run in line.runs {
                        #expect(run.width == DisplayWidth.of(run.text), "run width at width \(width): \(run.text)")
                    }
                }
                #expect(missingCharacters(out.inkStream, words).isEmpty, "width \(width)")
                if Self.ordered[sample] {
                    let missing = containsInOrder(out.inkStream, words)
                    #expect(missing == nil, "width \(width): missing \(missing ?? "")")
                }
            }
        }
    }

    @Test func footnotePaneFitsEveryWidth() {
        for width in 1...120 {
            let out = Layout.footnotes(Samples.document175, width: width)
            #expect(out.lines.allSatisfy { $0.width <= width }, "width \(width)")
            let words = Samples.document175.footnotes.flatMap { $0.plainText.split(separator: " ").map(String.init) }
            #expect(containsInOrder(out.inkStream, words) == nil, "width \(width)")
        }
    }

    @Test func wordsWrapWholeAtSpaces() {
        let doc = document([paragraph(.text("alpha beta gamma delta"))])
        let out = Layout.document(doc, LayoutOptions(width: 11))
        #expect(out.bodyTexts == ["alpha beta", "gamma delta"])
    }

    @Test func aWordWiderThanTheLineIsBrokenHard() {
        let doc = document([paragraph(.text("ab abcdefghij"))])
        let out = Layout.document(doc, LayoutOptions(width: 4))
        #expect(out.bodyTexts == ["ab", "abcd", "efgh", "ij"])
    }

    @Test func aWordTooWideBreaksBetweenWordAndMarkerBeforeInsideEither() {
        let doc = document([paragraph(.text("Lists follow."), .footnoteRef(12))])
        let out = Layout.document(doc, LayoutOptions(width: 8))
        #expect(out.bodyTexts == ["Lists", "follow.", "[12]"])
    }

    @Test func wideCharactersCountTwoColumns() {
        let doc = document([paragraph(.text("日本語の文書 中文"))])
        let out = Layout.document(doc, LayoutOptions(width: 12))
        #expect(out.bodyTexts == ["日本語の文書", "中文"])
        #expect(out.lines[2].width == 12)
        // An odd width cannot hold a third wide glyph: the line stops at 4 of 5 columns.
        let narrow = Layout.document(doc, LayoutOptions(width: 5))
        #expect(narrow.bodyTexts == ["日本", "語の", "文書", "中文"])
        #expect(narrow.lines.allSatisfy { $0.width <= 5 })
        // A wide glyph on a one-column screen is shown as a stand-in, never past the edge.
        let single = Layout.document(doc, LayoutOptions(width: 1))
        #expect(single.lines.allSatisfy { $0.width <= 1 })
    }

    @Test func combiningMarksDoNotTakeColumns() {
        let doc = document([paragraph(.text("cafe\u{301} cafe\u{301}"))])
        let out = Layout.document(doc, LayoutOptions(width: 9))
        #expect(out.bodyTexts == ["cafe\u{301} cafe\u{301}"])
        #expect(out.lines.last?.width == 9)
    }

    @Test func controlCharactersNeverReachTheOutput() {
        let doc = document(
            [paragraph(.text("red\u{1B}[31m alarm\u{7} next\u{85}line tab\there del\u{7F}"))],
            title: [.text("Ti\u{1B}]0;pwned\u{7}tle")])
        let out = Layout.document(doc, LayoutOptions(width: 80))
        for line in out.lines {
            for scalar in line.text.unicodeScalars {
                #expect(!(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)), "control \(scalar.value) in \(line.text)")
            }
        }
        #expect(out.texts.contains("red␛[31m alarm␇ next\u{FFFD}line tab here del␡"))
        #expect(out.texts[0] == "1. Ti␛]0;pwned␇tle")
    }
}
