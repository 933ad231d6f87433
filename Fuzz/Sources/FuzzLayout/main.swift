import FrusLayout
import FrusModel
import FuzzSupport

/// Layout: a random document laid out at random widths, its invariants checked —
///   - no line is wider than the width (measured again, not taken from the runs), and each run's
///     recorded width is its text's;
///   - in running paragraphs, every word comes out once and in order: the text of the lines,
///     spaces left out, is the words' text (controls as their placeholders), spaces left out.
/// A second document mixes every block and inline kind (quotes, lists, tables, notes, page tags)
/// and is checked for widths only, since those add their own marks and labels.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLayout(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    var input = FuzzInput(data, count)
    var words: [String] = []
    var paragraphs: [Block] = []
    for _ in 0..<input.int(1...4) {
        var inlines: [Inline] = []
        for _ in 0..<input.int(1...12) {
            let word = randomWord(&input)
            words.append(word)
            let text = Inline.text(word + " ")
            switch input.int(0...5) {
            case 0: inlines.append(.styled(.italic, [text]))
            case 1: inlines.append(.styled(.bold, [.styled(.smallCaps, [text])]))
            case 2: inlines += [text, .lineBreak]
            default: inlines.append(text)
            }
        }
        let style = input.pick([ParagraphStyle.normal, .centered, .flushLeft, .flushRight])
        paragraphs.append(.paragraph(inlines, style))
    }
    let plain = Document(volumeID: "fuzz", number: "", titleInlines: [], blocks: paragraphs, footnotes: [])
    let mixed = Document(
        volumeID: "fuzz", number: randomWord(&input), titleInlines: [.text(randomWord(&input)), .footnoteRef(1)],
        subject: randomWord(&input), dateline: randomWord(&input),
        blocks: [
            .heading([.text(randomWord(&input))]),
            .quote(paragraphs),
            .list(input.pick([ListKind.plain, .bulleted, .ordered, .participants]), [paragraphs, [.dateline([.text(randomWord(&input))])]]),
            .table([[[.text(randomWord(&input))], [.text(randomWord(&input)), .footnoteRef(1)]], [[.pageBreak(randomWord(&input))]]]),
            .container("tei:closer", [.closer([.text(randomWord(&input))]), .editorialNote([.text(randomWord(&input))])]),
        ] + paragraphs,
        footnotes: [Footnote(number: 1, label: randomWord(&input), blocks: paragraphs)])
    let expected = nonSpaceScalars(words.map { TerminalText.sanitize($0) }.joined())
    for _ in 0..<3 {
        let width = input.int(1...250)
        let laid = Layout.document(plain, LayoutOptions(width: width))
        checkWidths(laid, width)
        // At width 1 a two-column character cannot be drawn and becomes "?": words are checked
        // from width 2.
        if width >= 2 {
            let got = nonSpaceScalars(laid.lines.map(\.text).joined())
            fuzzCheck(got == expected, "width \(width): words \(words) came out as \(laid.lines.map(\.text))")
        }
        checkWidths(Layout.document(mixed, LayoutOptions(width: width, includeFootnotes: true)), width)
        checkWidths(Layout.footnotes(mixed, width: width), width)
    }
    return 0
}

/// A word of pieces chosen to stress measuring and breaking: wide, combining, zero-width,
/// emoji sequences, controls, bidi controls.
func randomWord(_ input: inout FuzzInput) -> String {
    let pieces = [
        "a", "Z", "7", "é", "e\u{301}", "漢", "字", "👍🏽", "👨‍👩‍👧", "\u{1B}[31m", "\u{9B}", "\u{202E}", "\u{2067}",
        "\u{200B}", "—", "’", "\u{0308}", "ก\u{0E31}", "\u{00A0}", "\u{7F}", "x\u{FE0F}", "🇺🇸",
    ]
    var word = ""
    for _ in 0..<input.int(1...(input.bool() ? 40 : 6)) { word += input.pick(pieces) }
    return word
}

func nonSpaceScalars(_ s: String) -> [Unicode.Scalar] { s.unicodeScalars.filter { $0 != " " } }

func checkWidths(_ laid: LaidOutText, _ width: Int) {
    for line in laid.lines {
        var total = 0
        for run in line.runs {
            let measured = DisplayWidth.of(run.text)
            fuzzCheck(measured == run.width, "run \(run.text.debugDescription) recorded \(run.width) columns, measures \(measured)")
            total += measured
        }
        fuzzCheck(total <= width, "line \(line.text.debugDescription) is \(total) columns, wider than \(width)")
    }
}

/// The executable's entry point (see FuzzSupport's `fuzzMain`).
@_cdecl("FuzzLayout_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    fuzzMain(argc, argv, fuzzLayout)
}
