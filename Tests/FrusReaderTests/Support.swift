import FrusLayout
import FrusModel
import FrusReader
import FrusTestSupport

let v05 = HandBuiltSeeds.volumeID

/// The simple, known layout (see FrusTestSupport.SimpleLayout).
let simpleLayouter = Layouter(
    document: { SimpleLayout.document($0, width: $1) }, footnotes: { SimpleLayout.footnotes($0, width: $1) })

/// A reader on the hand-built seeds (plus `extra` documents), opened at `number`.
func seedState(width: Int = 100, height: Int = 30, number: String = "175", extra: [Document] = []) -> ReaderState {
    var state = ReaderState(
        corpus: HandBuiltSeeds.corpus(extra: extra), width: width, height: height,
        themeNames: ["default", "light", "mono"], layouter: simpleLayouter)
    state.start(volume: v05, number: number)
    return state
}

/// A small made-up document: `paragraphs` paragraphs of filler, each ending with a marker, and
/// footnotes holding `links`.
func fillerDocument(number: String, paragraphs: Int = 3, links: [Int: LinkTarget] = [:], pageAt: Int? = nil) -> Document {
    var blocks: [Block] = []
    for p in 1...max(1, paragraphs) {
        var inlines: [Inline] = [.text(String(repeating: "word ", count: 40) + "end of paragraph \(p).")]
        if p == pageAt { inlines.insert(.pageBreak("900"), at: 0) }
        inlines.append(.footnoteRef(p))
        blocks.append(.paragraph(inlines, .normal))
    }
    let notes = (1...max(1, paragraphs)).map { n in
        Footnote(number: n, blocks: [.paragraph(links[n].map { [.text("See "), .link($0, [.text("target")]), .text(".")] } ?? [.text("Note \(n).")], .normal)])
    }
    return Document(volumeID: v05, number: number, titleInlines: [.text("Filler \(number)")], blocks: blocks, footnotes: notes)
}

extension ReaderState {
    /// The document pane's selection, described.
    var selected: Selectable? {
        guard let s = selection, let v = view, v.selectables.indices.contains(s) else { return nil }
        return v.selectables[s]
    }
}
