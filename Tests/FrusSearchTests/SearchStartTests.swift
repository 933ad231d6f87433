import Foundation
import FrusImport
import FrusModel
@testable import FrusSearch
import FrusTestSupport
import Testing

/// What a search does at its start to answer quickly: the volumes' files looked at once, only
/// the best candidates looked up, outlines kept out of the volume rows.
@Suite struct SearchStartTests {
    private func candidates(_ scores: [Double]) -> [IndexQueries.Candidate] {
        scores.enumerated().map { IndexQueries.Candidate(rowid: Int64($0.offset + 1), score: $0.element) }
    }

    @Test func theBestCandidatesAndEveryOneTiedWithTheLast() {
        let all = candidates([-3, -1, -5, -2, -2, -2, -4])
        // Lower is better: -5, -4, -3, then -2 three times (tied with the fourth best).
        #expect(IndexQueries.bestCandidates(all, limit: 4).map(\.score) == [-5, -4, -3, -2, -2, -2])
        #expect(IndexQueries.bestCandidates(all, limit: 3).map(\.rowid) == [3, 7, 1])
        #expect(IndexQueries.bestCandidates(all, limit: 7).count == 7)
        #expect(IndexQueries.bestCandidates(all, limit: 20).count == 7)
        #expect(IndexQueries.bestCandidates(all, limit: 0).isEmpty)
        #expect(IndexQueries.bestCandidates([], limit: 5).isEmpty)
    }

    @Test func fingerprintsSeenWhileListingAreHandedOnceAndOnlyWhileFresh() {
        let seen = SeenFingerprints()
        let fingerprint = VolumeFingerprint(size: 10, modified: 20)
        seen.record("a.xml", fingerprint)
        #expect(seen.take() == ["a.xml": fingerprint])
        #expect(seen.take().isEmpty, "handed to one update only")
        seen.record("a.xml", fingerprint)
        #expect(seen.take(freshFor: .zero).isEmpty, "older than allowed: the files are looked at again")
        #expect(seen.take().isEmpty)
    }

    /// A search at 400 volumes reads every volume row: they hold no outline (27 KB each, a
    /// page per volume), which is in a table of its own, read only for `list` and links.
    @Test func volumeRowsHoldNoOutline() throws {
        guard let partial = Fixtures.partialVolume else {
            print(Fixtures.sharedMissing)
            return
        }
        let scratch = try ScratchCorpus("outline-table")
        defer { scratch.remove() }
        try scratch.addTEIVolume("frus1981-88v91", from: partial)
        let (corpus, index, _) = try scratch.open()
        let columns = try index.volumeColumns()
        #expect(columns.contains("path") && !columns.contains("outline"))
        #expect(try index.storedOutlineCount() == 1)
        // And the outline is still there for the volume, as parsed.
        let source = try #require(corpus.source("frus1981-88v91"))
        let outline = try #require(index.outline(of: source))
        let parsed = try #require(corpus.volume("frus1981-88v91"))
        #expect(outline == parsed.outline)
    }

    /// Removing or replacing a volume removes its outline with it.
    @Test func aRemovedVolumeLeavesNoOutlineBehind() throws {
        let scratch = try ScratchCorpus("outline-removed")
        defer { scratch.remove() }
        try scratch.addTextVolume("a", id: "frus-test-a")
        try scratch.addTextVolume("b", id: "frus-test-b")
        let (_, index, first) = try scratch.open()
        #expect(first.added == 2)
        #expect(try index.storedOutlineCount() == 2)
        try FileManager.default.removeItem(at: scratch.corpus.appendingPathComponent("b"))
        let (_, index2, second) = try scratch.open()
        #expect(second.removed == 1)
        #expect(try index2.storedOutlineCount() == 1)
    }
}
