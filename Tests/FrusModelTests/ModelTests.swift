import FrusModel
import Synchronization
import Testing

@Suite struct VolumeIDTests {
    @Test(arguments: [
        ("frus1981-88v05", "FRUS, 1981–1988, vol. V"),
        ("frus1981-88v04", "FRUS, 1981–1988, vol. IV"),
        ("frus1964-68v10", "FRUS, 1964–1968, vol. X"),
        ("frus1952-54v02p1", "FRUS, 1952–1954, vol. II, pt. 1"),
        ("frus1969-76ve15p2", "FRUS, 1969–1976, vol. E–15, pt. 2"),
        ("frus1981-88v44p1", "FRUS, 1981–1988, vol. XLIV, pt. 1"),
        ("frus1945", "FRUS, 1945"),
    ])
    func citations(id: String, citation: String) {
        #expect(VolumeID(id).citation == citation)
    }

    @Test func otherShapesHaveNoCitation() {
        #expect(VolumeID("frus1918Supp01v01").citation == nil)
        #expect(VolumeID("my-volume").citation == nil)
    }

    @Test func idsFromPrintedReferences() {
        #expect(VolumeID.make(firstYear: 1981, lastYear: 1988, volume: "IV") == "frus1981-88v04")
        #expect(VolumeID.make(firstYear: 1969, lastYear: 1976, volume: "XIV") == "frus1969-76v14")
        #expect(VolumeID.make(firstYear: 1952, lastYear: 1954, volume: "II", part: 1) == "frus1952-54v02p1")
        #expect(VolumeID.make(firstYear: 1899, lastYear: 1901, volume: "III") == "frus1899-1901v03")
        #expect(VolumeID.make(firstYear: 1981, lastYear: 1988, volume: "Q") == nil)
    }

    @Test func romanNumerals() {
        #expect(Roman.numeral(44) == "XLIV")
        #expect(Roman.value("XLIV") == 44)
        #expect(Roman.value("IIII") == nil)
    }
}

/// A small in-memory volume: 168 (pages 744, 745) cited by 175 (page 766), which cites 136 (absent).
func sampleCorpus() -> Corpus {
    let v = "frus1981-88v05"
    let d168 = Document(
        volumeID: v, number: "168", titleInlines: [.text("Letter From President Reagan"), .footnoteRef(1)],
        blocks: [.paragraph([.text("Some unfortunately"), .pageBreak("744"), .text(" have yet")], .normal),
                 .paragraph([.pageBreak("745")], .normal)],
        footnotes: [Footnote(number: 1, blocks: [.paragraph([.text("Source.")], .normal)])])
    let d175 = Document(
        volumeID: v, number: "175", titleInlines: [.text("Memorandum From Shultz"), .footnoteRef(1)],
        blocks: [.paragraph([.text("In Moscow."), .footnoteRef(2), .text(" moment."), .pageBreak("766"), .text(" So")], .normal)],
        footnotes: [
            Footnote(number: 1, blocks: [.paragraph([.text("Source.")], .normal)]),
            Footnote(number: 2, blocks: [.paragraph([
                .text("See "), .link(.document(volume: v, number: "168"), [.text("Document 168")]), .text("; "),
                .link(.footnote(volume: v, document: "136", footnote: 3), [.text("footnote 3, Document 136")]),
            ], .normal)]),
        ])
    return Corpus(volumes: [Volume(id: v, title: "Foreign Relations, 1981–1988, Volume V", documents: [d168, d175])])
}

@Suite struct ResolutionTests {
    let corpus = sampleCorpus()
    let v = "frus1981-88v05"

    @Test func documentResolvesWithItsTitle() {
        let r = corpus.resolve(.document(volume: v, number: "168"))
        #expect(r == .resolved(ResolvedTarget(volume: v, document: "168", description: "Document 168: Letter From President Reagan")))
    }

    @Test func absentDocumentSaysWhy() {
        #expect(corpus.resolve(.footnote(volume: v, document: "136", footnote: 3)) == .unresolved(reason: "Document 136 is not in this corpus"))
        #expect(corpus.resolve(.footnote(volume: v, document: "168", footnote: 9)) == .unresolved(reason: "Document 168 has no footnote 9"))
    }

    @Test func otherVolumeNotInCorpus() {
        let t = LinkTarget.document(volume: "frus1981-88v04", number: "224")
        #expect(corpus.resolve(t).reason == "Document 224 of FRUS, 1981–1988, vol. IV is not in this corpus")
        #expect(corpus.citation(t) == "FRUS, 1981–1988, vol. IV, Doc. 224")
        #expect(t.webAddress == "https://history.state.gov/historicaldocuments/frus1981-88v04/d224")
    }

    @Test func footnoteCitation() {
        #expect(Corpus.citation(.footnote(volume: v, document: "136", footnote: 3)) == "FRUS, 1981–1988, vol. V, Doc. 136, note 3")
        #expect(Corpus.citation(.page(volume: v, page: "766")) == "FRUS, 1981–1988, vol. V, p. 766")
    }

    @Test func pagesResolveToTheirDocument() {
        guard case .resolved(let t) = corpus.resolve(.page(volume: v, page: "745")) else { Issue.record("unresolved"); return }
        #expect(t.document == "168")
        #expect(t.page == "745")
        // 765 has no marker: it is the page document 175 begins on (its first marker is 766).
        guard case .resolved(let top) = corpus.resolve(.page(volume: v, page: "765")) else { Issue.record("unresolved"); return }
        #expect(top.document == "175")
        #expect(top.page == nil)
        #expect(corpus.resolve(.page(volume: v, page: "900")).reason == "page 900 is not in this corpus")
    }

    @Test func urlsAreExternal() {
        #expect(corpus.resolve(.url("https://history.state.gov")) == .external("https://history.state.gov"))
    }

    @Test func citedBy() {
        #expect(corpus.citedBy(volume: v, number: "168").map(\.number) == ["175"])
        #expect(corpus.citedBy(volume: v, number: "175").isEmpty)
    }

    /// Cited-by is answered from an index made once per volume: every way of citing counts
    /// (document, footnote, a page inside it, from another volume), each citing document once,
    /// in corpus order, never the document itself — and a volume read later is included.
    @Test func citedByCountsEveryWayOfCitingOnce() {
        let v04 = "frus1981-88v04"
        func doc(_ volume: String, _ n: String, _ targets: [LinkTarget], pages: [String] = []) -> Document {
            Document(
                volumeID: volume, number: n, titleInlines: [.text("D\(n)")],
                blocks: [.paragraph(targets.map { .link($0, [.text("x")]) } + pages.map { .pageBreak($0) }, .normal)],
                footnotes: [])
        }
        let target = doc(v, "10", [.document(volume: v, number: "10")], pages: ["50", "51"])
        let a = doc(v, "11", [.document(volume: v, number: "10"), .footnote(volume: v, document: "10", footnote: 2)])
        let b = doc(v, "12", [.page(volume: v, page: "51")])
        let c = doc(v, "13", [.page(volume: v, page: "52"), .document(volume: v, number: "9")])
        let d = doc(v04, "1", [.footnote(volume: v, document: "10", footnote: 1)])
        let later = Volume(id: v04, title: "IV", documents: [d])
        let corpus = Corpus(location: "/m", sources: [
            VolumeSource(id: v, title: nil, path: "/m", format: "memory") {
                VolumeLoad(volume: Volume(id: v, title: "V", documents: [target, a, b, c]), diagnostics: [])
            },
            VolumeSource(id: v04, title: nil, path: "/m4", format: "memory") { VolumeLoad(volume: later, diagnostics: []) },
        ])
        #expect(corpus.citedBy(volume: v, number: "10").map(\.number) == ["11", "12"])
        _ = corpus.volume(v04)
        #expect(corpus.citedBy(volume: v, number: "10").map { "\($0.volumeID)/\($0.number)" }
            == ["\(v)/11", "\(v)/12", "\(v04)/1"])
        #expect(corpus.citedBy(volume: v, number: "9").map(\.number) == ["13"])
    }

    @Test func referencesInReadingOrder() throws {
        let doc = try #require(corpus.document(volume: v, number: "175"))
        #expect(doc.references.map(\.label) == ["Document 168", "footnote 3, Document 136"])
        #expect(doc.references.map(\.site) == [.footnote(2), .footnote(2)])
        #expect(doc.markerNumbers == [1, 2])
        #expect(doc.footnoteProblems.isEmpty)
    }

    @Test func footnoteProblemsNameTheMarker() {
        let doc = Document(volumeID: v, number: "1", titleInlines: [.text("T"), .footnoteRef(1)],
                           blocks: [.paragraph([.text("a"), .footnoteRef(3)], .normal)],
                           footnotes: [Footnote(number: 1, blocks: []), Footnote(number: 2, blocks: [])])
        #expect(doc.footnoteProblems == [
            "footnote marker 3 has no footnote in the list",
            "footnote marker 2 is missing from the text (footnote 2 has no marker)",
        ])
    }
}

@Suite struct LazyCorpusTests {
    final class Counter: @unchecked Sendable { var loads = 0 }

    @Test func volumesLoadOnFirstUseOnly() {
        let counter = Counter()
        let source = VolumeSource(id: "frus1981-88v05", title: nil, path: "x", format: "test") {
            counter.loads += 1
            return VolumeLoad(volume: Volume(id: "frus1981-88v05", title: "T", documents: []), diagnostics: [])
        }
        let corpus = Corpus(location: "x", sources: [source])
        #expect(counter.loads == 0)
        #expect(corpus.title(ofVolume: "frus1981-88v05") == "FRUS, 1981–1988, vol. V")
        _ = corpus.volume("frus1981-88v05")
        _ = corpus.volume("frus1981-88v05")
        #expect(counter.loads == 1)
        #expect(corpus.isLoaded("frus1981-88v05"))
    }

    @Test func aVolumeThatFailsIsReportedOnce() {
        let source = VolumeSource(id: "bad", title: nil, path: "bad.xml", format: "test") {
            throw Diagnostic(.error, "broken", at: SourceLocation(file: "bad.xml", line: 3, column: 7))
        }
        let corpus = Corpus(location: "x", sources: [source])
        #expect(corpus.volume("bad") == nil)
        #expect(corpus.volume("bad") == nil)
        #expect(corpus.diagnostics.map(\.description) == ["error: bad.xml:3:7: broken"])
        #expect(corpus.resolve(.document(volume: "bad", number: "1")).reason == "bad cannot be read")
    }
}

/// Outlines handed to a corpus (as the search index does) that count what they were asked.
final class CountingOutlines: VolumeOutlineCache, @unchecked Sendable {
    let outlines: [String: VolumeOutline]
    private(set) var asked: [String] = []
    init(_ outlines: [VolumeOutline]) { self.outlines = Dictionary(uniqueKeysWithValues: outlines.map { ($0.id, $0) }) }
    func outline(of source: VolumeSource) -> VolumeOutline? {
        asked.append(source.id)
        return outlines[source.id]
    }
}

/// Links into a volume not read yet resolve from its outline exactly as from the volume, and
/// the volume is not read to do it (a corpus of 550 TEI volumes must name link targets at once).
@Suite struct OutlineResolutionTests {
    let v = "frus1981-88v05"

    final class Reads: Sendable {
        let count = Mutex(0)
        var value: Int { count.withLock { $0 } }
    }

    /// The sample volume behind a source that records whether it was read.
    func corpus(outlines: (any VolumeOutlineCache)?, reads: Reads) -> Corpus {
        let volume = sampleCorpus().volume(v)!
        let source = VolumeSource(id: v, title: nil, path: "/nowhere", format: "memory") {
            reads.count.withLock { $0 += 1 }
            return VolumeLoad(volume: volume, diagnostics: [])
        }
        return Corpus(location: "/nowhere", sources: [source], outlines: outlines)
    }

    static let targets: [LinkTarget] = [
        .document(volume: "frus1981-88v05", number: "168"), .document(volume: "frus1981-88v05", number: "d175"),
        .document(volume: "frus1981-88v05", number: "999"),
        .footnote(volume: "frus1981-88v05", document: "175", footnote: 2),
        .footnote(volume: "frus1981-88v05", document: "175", footnote: 7),
        .footnote(volume: "frus1981-88v05", document: "136", footnote: 3),
        .page(volume: "frus1981-88v05", page: "744"), .page(volume: "frus1981-88v05", page: "766"),
        .page(volume: "frus1981-88v05", page: "765"), .page(volume: "frus1981-88v05", page: "9"),
        .volume("frus1981-88v05", anchor: nil),
    ]

    @Test func resolvesFromTheOutlineAsFromTheVolumeWithoutReadingIt() {
        let outline = sampleCorpus().volume(v)!.outline
        #expect(outline.documents.first { $0.number == "175" }?.footnoteNumbers == [1, 2])
        #expect(outline.documents.first { $0.number == "175" }?.pageBreaks == ["766"])
        let cache = CountingOutlines([outline])
        let reads = Reads()
        let outlined = corpus(outlines: cache, reads: reads)
        let read = sampleCorpus()
        for target in Self.targets {
            #expect(outlined.resolve(target) == read.resolve(target), "\(target)")
        }
        #expect(reads.value == 0, "the volume was read")
        #expect(!outlined.isLoaded(v))
        #expect(cache.asked == [v], "the outline is asked once")
        #expect(outlined.outline(ofVolume: v) == outline)
        #expect(outlined.title(ofVolume: v) == outline.title)
    }

    @Test func withoutAnOutlineTheVolumeIsRead() {
        let reads = Reads()
        let plain = corpus(outlines: CountingOutlines([]), reads: reads)
        #expect(plain.resolve(.document(volume: v, number: "168")).isResolved)
        #expect(reads.value == 1)
        #expect(plain.isLoaded(v))
    }
}
