import Foundation
import FrusImport
import FrusModel
import FrusSearch
import FrusTestSupport
import Testing

/// The index follows the corpus: touched volumes are not read again, changed ones are, new
/// ones are added and removed ones dropped.
@Suite struct IncrementalUpdateTests {
    @Test func firstUseBuildsEverythingAndASecondChangesNothing() throws {
        let scratch = try ScratchCorpus("incremental")
        defer { scratch.remove() }
        try scratch.addTextVolume("a", id: "frus1981-88v91")
        try scratch.addTextVolume("b", id: "frus1981-88v92")
        let (_, index, first) = try scratch.open()
        #expect(first.added == 2)
        #expect(index.file?.hasPrefix(scratch.cache.path + "/frusread/") == true)
        let (_, _, second) = try scratch.open()
        #expect(second == IndexReport(unchanged: 2))
    }

    @Test func touchedVolumeIsNotReadAgain() throws {
        let scratch = try ScratchCorpus("touch")
        defer { scratch.remove() }
        try scratch.addTextVolume("a", id: "frus1981-88v91")
        _ = try scratch.open()
        try touch(scratch.corpus.appendingPathComponent("a/000_6c35261424b29c7e.txt"))
        let (corpus, index, report) = try scratch.open()
        #expect(report.added + report.updated == 0)
        #expect(report.unchanged == 1)
        // And the new time was recorded: the next run does not even hash the volume.
        let source = try #require(corpus.source("frus1981-88v91"))
        #expect(index.outline(of: source) != nil)
        #expect(try index.documents(matching: "Shcharanskiy", in: corpus).count == 2)
    }

    @Test func changedVolumeIsReadAgain() throws {
        let scratch = try ScratchCorpus("change")
        defer { scratch.remove() }
        try scratch.addTextVolume("a", id: "frus1981-88v91")
        let (corpus0, index0, _) = try scratch.open()
        #expect(try index0.documents(matching: "Zanzibarian", in: corpus0).isEmpty)
        let file = scratch.corpus.appendingPathComponent("a/000_6c35261424b29c7e.txt")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "Dobrynin", with: "Zanzibarian")
        try text.write(to: file, atomically: false, encoding: .utf8)
        let (corpus, index, report) = try scratch.open()
        #expect(report.updated == 1)
        #expect(try index.documents(matching: "Zanzibarian", in: corpus) == ["frus1981-88v91/175"])
        #expect(try index.documents(matching: "Dobrynin", in: corpus).isEmpty)
    }

    @Test func sameSizeEditIsSeenByItsHash() throws {
        let scratch = try ScratchCorpus("samesize")
        defer { scratch.remove() }
        try scratch.addTextVolume("a", id: "frus1981-88v91")
        _ = try scratch.open()
        let file = scratch.corpus.appendingPathComponent("a/000_6c35261424b29c7e.txt")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "Dobrynin", with: "Dobrynix")
        try text.write(to: file, atomically: false, encoding: .utf8)
        try touch(file)
        let (corpus, index, report) = try scratch.open()
        #expect(report.updated == 1)
        #expect(try index.documents(matching: "Dobrynix", in: corpus) == ["frus1981-88v91/175"])
    }

    @Test func addedAndRemovedVolumes() throws {
        let scratch = try ScratchCorpus("addremove")
        defer { scratch.remove() }
        try scratch.addTextVolume("a", id: "frus1981-88v91")
        try scratch.addTextVolume("b", id: "frus1981-88v92")
        _ = try scratch.open()
        try FileManager.default.removeItem(at: scratch.corpus.appendingPathComponent("a"))
        try scratch.addTextVolume("c", id: "frus1981-88v93")
        let (corpus, index, report) = try scratch.open()
        #expect(report.added == 1)
        #expect(report.removed == 1)
        #expect(report.unchanged == 1)
        #expect(try index.documents(matching: "Shcharanskiy", in: corpus)
            == ["frus1981-88v92/168", "frus1981-88v92/175", "frus1981-88v93/168", "frus1981-88v93/175"])
    }

    @Test func teiVolumeTouchedAddedRemovedAndListedFromTheIndex() throws {
        guard let partial = Fixtures.partialVolume else {
            print(Fixtures.sharedMissing)
            return
        }
        let scratch = try ScratchCorpus("tei")
        defer { scratch.remove() }
        try scratch.addTEIVolume("frus1981-88v91", from: partial)
        let (corpus0, index0, first) = try scratch.open()
        #expect(first.added == 1)
        let parsed = try #require(corpus0.volume("frus1981-88v91"))

        try touch(scratch.corpus.appendingPathComponent("frus1981-88v91.xml"))
        try scratch.addTEIVolume("frus1981-88v92", from: partial)
        let (corpus, index, report) = try scratch.open()
        #expect(report.added == 1 && report.unchanged == 1 && report.updated == 0)
        #expect(try index.documents(matching: "Krasnoyarsk", in: corpus).count == 8)

        // The outline comes from the index, equal to the parsed volume's, and the volume was
        // not parsed to make it.
        let source = try #require(corpus.source("frus1981-88v91"))
        let outline = try #require(index.outline(of: source))
        #expect(!corpus.isLoaded("frus1981-88v91"))
        #expect(outline == parsed.outline)
        #expect(outline.chapters.isEmpty == false)
        _ = index0

        try FileManager.default.removeItem(at: scratch.corpus.appendingPathComponent("frus1981-88v91.xml"))
        let (corpus2, index2, report2) = try scratch.open()
        #expect(report2.removed == 1)
        #expect(try index2.documents(matching: "Krasnoyarsk", in: corpus2).allSatisfy { $0.hasPrefix("frus1981-88v92/") })
    }

    @Test func headersOfUnchangedFilesComeFromTheIndex() throws {
        guard let partial = Fixtures.partialVolume else {
            print(Fixtures.sharedMissing)
            return
        }
        let scratch = try ScratchCorpus("headers")
        defer { scratch.remove() }
        try scratch.addTEIVolume("frus1981-88v91", from: partial)
        _ = try scratch.open()
        let index = SearchIndex(corpusPath: scratch.corpus.path, cacheHome: scratch.cache.path)
        let file = scratch.corpus.appendingPathComponent("frus1981-88v91.xml").path
        #expect(index.headers.header(ofFile: file)?.id == "frus1981-88v91")
        try touch(URL(fileURLWithPath: file))
        #expect(index.headers.header(ofFile: file) == nil)
    }
}
