import FrusModel
import FrusReader
import Testing

/// A corpus with a file that cannot be read, or documents with defects: the reader goes on
/// with the rest and says, on the status line, which file and what is wrong.
@Suite struct ProblemReportTests {
    static let broken = "frus1981-88v04"
    static let brokenFile = "/corpus/frus1981-88v04.xml"
    static let reason = "cannot read TEI volume: AttValue: ' expected"

    /// The seeds' volume (v05), and a volume before it (v04) that cannot be read, or (when
    /// `warnings`) that reads with these defects.
    func corpus(warnings: [Diagnostic]? = nil) -> Corpus {
        let good = bundledVolume
        let v04 = Volume(id: Self.broken, title: "FRUS, 1981–1988, vol. IV", documents: [
            fillerDocument(number: "1"),
        ].map { var d = $0; d.volumeID = Self.broken; return d })
        let sources = [
            VolumeSource(id: Self.broken, title: nil, path: Self.brokenFile, format: "tei") {
                guard let warnings else {
                    throw Diagnostic(.error, Self.reason, at: SourceLocation(file: Self.brokenFile, line: 3573, column: 45))
                }
                return VolumeLoad(volume: v04, diagnostics: warnings)
            },
            VolumeSource(id: good.id, title: good.title, path: "/corpus/frus1981-88v05", format: "text") {
                VolumeLoad(volume: good, diagnostics: [])
            },
        ]
        return Corpus(location: "/corpus", sources: sources)
    }

    @Test func anUnreadableFirstVolumeIsPassedOverAndNamed() throws {
        var state = ReaderState(corpus: corpus(), width: 100, height: 30)
        state.start()
        #expect(state.document?.volumeID == v05, "the first readable volume's first document")
        let message = try #require(state.message)
        #expect(message.kind == .error)
        #expect(message.text == "Skipped frus1981-88v04.xml:3573:45: \(Self.reason)")
    }

    @Test func eachProblemIsToldOnce() {
        var state = ReaderState(corpus: corpus(), width: 100, height: 30)
        state.start()
        #expect(state.message?.text.hasPrefix("Skipped frus1981-88v04.xml") == true)
        state.reduce(.scroll(.lines(1)))
        #expect(state.message == nil)
    }

    /// Volumes `ids` in order; those in `broken` cannot be read (each with its own line).
    func corpus(_ ids: [String], broken: Set<String>) -> Corpus {
        let sources = ids.enumerated().map { i, id in
            VolumeSource(id: id, title: nil, path: "/corpus/\(id).xml", format: "tei") {
                guard !broken.contains(id) else {
                    throw Diagnostic(.error, Self.reason, at: SourceLocation(file: "/corpus/\(id).xml", line: i + 1, column: 1))
                }
                var doc = fillerDocument(number: "1")
                doc.volumeID = id
                return VolumeLoad(volume: Volume(id: id, title: id, documents: [doc]), diagnostics: [])
            }
        }
        return Corpus(location: "/corpus", sources: sources)
    }

    func tocVolume(_ state: ReaderState) -> String? {
        if case .tableOfContents(let toc) = state.topOverlay { return toc.volume }
        return nil
    }

    @Test func theContentsGoOverAnUnreadableVolumeToTheNextOne() {
        let ids = ["frus1981-88v03", "frus1981-88v04", "frus1981-88v05"]
        var state = ReaderState(corpus: corpus(ids, broken: ["frus1981-88v04"]), width: 100, height: 30)
        state.start()
        #expect(state.document?.volumeID == ids[0])
        state.reduce(.openTableOfContents)
        state.reduce(.switchTableOfContentsVolume(1))
        #expect(tocVolume(state) == ids[2], "v04 passed over")
        // Its problem waited for a free status line: it is told now, once.
        #expect(state.message?.text == "Skipped frus1981-88v04.xml:2:1: \(Self.reason)")
        state.reduce(.switchTableOfContentsVolume(-1))
        #expect(tocVolume(state) == ids[0], "and back over it")
        #expect(state.message == nil)
    }

    @Test func whenNoOtherVolumeCanBeReadTheContentsStayAndSaySo() {
        let ids = ["frus1981-88v03", "frus1981-88v04", "frus1981-88v05"]
        var state = ReaderState(corpus: corpus(ids, broken: ["frus1981-88v03", "frus1981-88v04"]), width: 100, height: 30)
        state.start(volume: ids[2], number: "1")
        #expect(state.message == nil, "nothing read but v05")
        state.reduce(.openTableOfContents)
        state.reduce(.switchTableOfContentsVolume(1))
        #expect(tocVolume(state) == ids[2])
        // The action's own message stays; the two problems come with the next key.
        #expect(state.message?.text == "None of the other 2 volumes can be read (frusread check says why).")
        state.reduce(.moveInTableOfContents(1))
        #expect(state.message?.text == "Skipped frus1981-88v03.xml:1:1: \(Self.reason) (+1 more: frusread check lists them)")
    }

    @Test func followingALinkIntoAnUnreadableVolumeSaysWhyEveryTime() throws {
        // v05 with a document whose footnote 1 cites Document 1 of v04, which cannot be read.
        var linking = fillerDocument(number: "900", paragraphs: 1, links: [1: .document(volume: Self.broken, number: "1")])
        linking.volumeID = v05
        let v05Volume = Volume(id: v05, title: bundledVolume.title, documents: bundledVolume.documents + [linking])
        let sources = [
            VolumeSource(id: Self.broken, title: nil, path: Self.brokenFile, format: "tei") {
                throw Diagnostic(.error, Self.reason, at: SourceLocation(file: Self.brokenFile, line: 3573, column: 45))
            },
            VolumeSource(id: v05, title: nil, path: "/corpus/frus1981-88v05", format: "text") {
                VolumeLoad(volume: v05Volume, diagnostics: [])
            },
        ]
        var state = ReaderState(corpus: Corpus(location: "/corpus", sources: sources), width: 100, height: 30)
        state.start(volume: v05, number: "900")
        // Laying the document out named the link's target: v04 was tried then, and told.
        #expect(state.message?.text == "Skipped frus1981-88v04.xml:3573:45: \(Self.reason)")
        while state.selected?.target == nil { state.reduce(.selectNext) }
        let expected = "Not followed: FRUS, 1981–1988, vol. IV cannot be read: frus1981-88v04.xml:3573:45: \(Self.reason)"
        for _ in 1...2 {
            state.reduce(.activate)
            #expect(state.message?.text == expected)
            #expect(state.document?.number == "900" && state.back.isEmpty, "no jump")
        }
    }

    @Test func theContentsPassOverAnUnreadableVolume() {
        var state = ReaderState(corpus: corpus(), width: 100, height: 30)
        state.start(volume: v05, number: "175")
        state.reduce(.openTableOfContents)
        for delta in [1, -1] {
            state.reduce(.switchTableOfContentsVolume(delta))
            guard case .tableOfContents(let toc) = state.topOverlay else {
                Issue.record("the contents closed")
                return
            }
            #expect(toc.volume == v05, "never the empty contents of a volume that cannot be read")
            #expect(state.message?.text == "FRUS, 1981–1988, vol. IV cannot be read: frus1981-88v04.xml:3573:45: \(Self.reason)")
        }
    }

    /// A document of a plain-text volume skipped: named from the corpus folder (every volume
    /// folder has its 175.txt), and "skipped" said once, first.
    @Test func aSkippedDocumentIsNamedFromTheCorpusFolder() {
        let skipped = Diagnostic(.error, "binary data; skipped", at: SourceLocation(file: "/corpus/frus1981-88v04/garbage.txt", line: 1))
        var state = ReaderState(corpus: corpus(warnings: [skipped]), width: 100, height: 30)
        state.start()
        #expect(state.document?.volumeID == Self.broken)
        #expect(state.message?.text == "Skipped frus1981-88v04/garbage.txt:1: binary data")
    }

    @Test func defectsOfAVolumeReadLaterAreToldWhenItIsRead() {
        let warnings = [
            Diagnostic(.warning, "footnote marker 3 has no footnote", at: SourceLocation(file: "/corpus/frus1981-88v04.xml", line: 120)),
            Diagnostic(.warning, "document 7 has no number", at: SourceLocation(file: "/corpus/frus1981-88v04.xml", line: 900)),
        ]
        var state = ReaderState(corpus: corpus(warnings: warnings), width: 100, height: 30)
        state.start(volume: v05, number: "175")
        #expect(state.message == nil)
        state.reduce(.command("d \(Self.broken)/1"))
        #expect(state.document?.volumeID == Self.broken)
        #expect(state.message?.text == "frus1981-88v04.xml:120: footnote marker 3 has no footnote (+1 more: frusread check lists them)")
        #expect(state.message?.kind == .info)
    }
}
