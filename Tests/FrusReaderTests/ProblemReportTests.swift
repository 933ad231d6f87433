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
        state.reduce(.scroll(.lines(1)))
        #expect(state.message == nil)
    }

    @Test func goingToADocumentOfAnUnreadableVolumeSaysWhy() {
        var state = ReaderState(corpus: corpus(), width: 100, height: 30)
        state.start(volume: v05, number: "175")
        #expect(state.message == nil, "v04 is not read until it is asked for")
        let expected = "FRUS, 1981–1988, vol. IV cannot be read: frus1981-88v04.xml:3573:45: \(Self.reason)"
        for _ in 1...2 {  // the second time too (the problem was told already)
            state.reduce(.command("d \(Self.broken)/1"))
            #expect(state.message?.text == expected)
            #expect(state.document?.number == "175" && state.back.isEmpty, "no jump")
        }
        state.reduce(.command("d frus1981-88v99/1"))
        #expect(state.message?.text == "FRUS, 1981–1988, vol. XCIX is not in this corpus.")
        state.reduce(.command("d 999"))
        #expect(state.message?.text == "Document 999 is not in FRUS, 1981–1988, vol. V.")
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
