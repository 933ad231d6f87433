import Foundation
import FrusImport
import FrusModel
@testable import FrusSearch
import FrusTestSupport
import Testing

/// A bulk build merges FTS5's segments sixteen at a time; every other sync, and the index
/// after any sync, has FTS5's defaults (`SegmentMerging`).
@Suite struct SegmentMergingTests {
    @Test func bulkIsAtLeastAsMuchAsTheIndexKeeps() {
        #expect(SegmentMerging.isBulk(bytesToRead: 10, bytesKept: 0))
        #expect(SegmentMerging.isBulk(bytesToRead: 10, bytesKept: 10))
        #expect(!SegmentMerging.isBulk(bytesToRead: 9, bytesKept: 10))
        #expect(!SegmentMerging.isBulk(bytesToRead: 0, bytesKept: 0))
    }

    /// What the index's options are while each volume is written (read from the progress
    /// callback, which runs between the volumes' transactions) and after the sync.
    private func optionsDuring(_ scratch: ScratchCorpus) throws -> (during: Set<Int>, after: (Int?, Int?), report: IndexReport) {
        let index = SearchIndex(corpusPath: scratch.corpus.path, cacheHome: scratch.cache.path)
        let corpus = try CorpusLoader.open(scratch.corpus.path, headers: index.headers, outlines: index)
        let seen = Seen()
        let report = try index.update(corpus) { progress in
            guard progress.volumesDone > 0, let automerge = try? index.mergingOptions().automerge else { return }
            seen.add(automerge)
        }
        let after = try index.mergingOptions()
        return (seen.values, (after.automerge, after.crisismerge), report)
    }

    private func expectDefaults(_ options: (Int?, Int?), sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(options.0 == SegmentMerging.defaultAutomerge, sourceLocation: sourceLocation)
        #expect(options.1 == SegmentMerging.defaultCrisismerge, sourceLocation: sourceLocation)
    }

    @Test func firstBuildMergesInBulkThenSetsTheDefaults() throws {
        let scratch = try ScratchCorpus("bulk")
        defer { scratch.remove() }
        try scratch.addTextVolume("a", id: "frus1981-88v91")
        try scratch.addTextVolume("b", id: "frus1981-88v92")
        let (during, after, report) = try optionsDuring(scratch)
        #expect(report.added == 2)
        #expect(during == [SegmentMerging.bulkAutomerge])
        expectDefaults(after)
        let (corpus, index, _) = try scratch.open()
        #expect(try index.documents(matching: "Shcharanskiy", in: corpus).count == 4)
    }

    /// Five volumes written in bulk are five segments (16 would be merged as the build goes);
    /// the build's end merges every level of three or more, and puts `usermerge` back.
    @Test func bulkBuildEndsWithNoLevelOfThreeSegments() throws {
        let scratch = try ScratchCorpus("tidy")
        defer { scratch.remove() }
        for n in 1...5 { try scratch.addTextVolume("v\(n)", id: "frus1981-88v9\(n)") }
        let (corpus, index, report) = try scratch.open()
        #expect(report.added == 5)
        let segments = try index.ftsSegmentCount()
        #expect(segments >= 1 && segments < SegmentMerging.tidyMinimumSegments)
        #expect(try index.usermergeOption() == SegmentMerging.defaultUsermerge)
        // Every document is still found: each volume holds the two seed documents.
        #expect(try index.documents(matching: "Shcharanskiy", in: corpus).count == 10)
    }

    /// A small update does not merge what FTS5's defaults leave (a tidy could rewrite the
    /// whole index for one new volume).
    @Test func smallUpdateLeavesTheSegmentsToFTS5() throws {
        let scratch = try ScratchCorpus("notidy")
        defer { scratch.remove() }
        for n in 1...2 { try scratch.addTextVolume("v\(n)", id: "frus1981-88v9\(n)") }
        _ = try scratch.open()
        try scratch.addTextVolume("v3", id: "frus1981-88v93")
        let (_, index, report) = try scratch.open()
        #expect(report.added == 1)
        // Three level-0 segments, fewer than FTS5's automerge (4) and left alone.
        #expect(try index.ftsSegmentCount() == 3)
    }

    @Test func smallUpdateKeepsTheDefaultsEvenAfterAStoppedBulkBuild() throws {
        let scratch = try ScratchCorpus("smallupdate")
        defer { scratch.remove() }
        try scratch.addTextVolume("a", id: "frus1981-88v91")
        try scratch.addTextVolume("b", id: "frus1981-88v92")
        let (_, index, _) = try scratch.open()
        // As a bulk build killed before its end leaves them.
        try index.setBulkMergingOptions()
        #expect(try index.mergingOptions().automerge == SegmentMerging.bulkAutomerge)
        try scratch.addTextVolume("c", id: "frus1981-88v93")
        let (during, after, report) = try optionsDuring(scratch)
        #expect(report.added == 1)
        #expect(during == [SegmentMerging.defaultAutomerge])
        expectDefaults(after)
        let (corpus, index2, _) = try scratch.open()
        #expect(try index2.documents(matching: "Shcharanskiy", in: corpus).count == 6)
    }
}

/// Values collected from a callback that must be `@Sendable`.
private final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var set: Set<Int> = []
    func add(_ value: Int) { lock.withLock { _ = set.insert(value) } }
    var values: Set<Int> { lock.withLock { set } }
}
