import FrusLayout
import FrusModel
import FrusReader
import FrusTestSupport

import FrusImport

let v05 = "frus1981-88v05"

/// The bundled corpus (the two seeds, read by the plain-text importer).
let bundledVolume: Volume = {
    let corpus = try! CorpusLoader.open(Fixtures.bundledCorpus.path)
    return corpus.volume(v05)!
}()

/// The bundled corpus plus `extra` documents in its volume.
func seedCorpus(extra: [Document] = []) -> Corpus {
    guard !extra.isEmpty else { return try! CorpusLoader.open(Fixtures.bundledCorpus.path) }
    let docs = (bundledVolume.documents + extra).sorted { (Int($0.number) ?? 0) < (Int($1.number) ?? 0) }
    return Corpus(volumes: [Volume(id: v05, title: bundledVolume.title, documents: docs)])
}

/// A reader on the bundled seeds (plus `extra` documents), opened at `number`, with the real layout.
func seedState(width: Int = 100, height: Int = 30, number: String = "175", extra: [Document] = []) -> ReaderState {
    var state = ReaderState(
        corpus: seedCorpus(extra: extra), width: width, height: height,
        themeNames: ["default", "light", "mono"])
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
