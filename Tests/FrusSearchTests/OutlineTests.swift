import Foundation
import FrusImport
import FrusModel
@testable import FrusSearch
import FrusTestSupport
import Testing

/// Outlines stored in the index: the blob round-trips, a damaged one is refused (the volume is
/// then parsed), and links into an indexed volume resolve from it without parsing.
@Suite struct OutlineTests {
    static let outline = VolumeOutline(
        id: "frus1981-88v91", title: "Volume “91”, with\ttabs\u{1F}and\u{1E}separators",
        chapters: [
            Chapter(id: "ch1", title: "Chapter 1", depth: 0, documentNumbers: ["1", "2"]),
            Chapter(id: nil, title: "", depth: 3, documentNumbers: []),
        ],
        documents: [
            DocumentSummary(volumeID: "frus1981-88v91", number: "1", id: "d1", title: "Памятная записка 漢字 👍🏽",
                            date: "1985-03-11", footnoteNumbers: [1, 2, 300, -1], pageBreaks: ["744", "745"]),
            DocumentSummary(volumeID: "frus1981-88v91", number: "2", id: "d2", title: "", date: nil),
        ])

    @Test func roundTrips() {
        let blob = OutlineCodec.encode(Self.outline)
        #expect(OutlineCodec.decode(blob, volumeID: "frus1981-88v91") == Self.outline)
        let empty = VolumeOutline(id: "x", title: "", chapters: [], documents: [])
        #expect(OutlineCodec.decode(OutlineCodec.encode(empty), volumeID: "x") == empty)
    }

    @Test func damagedBlobsAreRefused() {
        let blob = OutlineCodec.encode(Self.outline)
        // Cut anywhere, or with bytes after the end, or with a huge count: never a wrong outline.
        for cut in 0..<blob.count {
            #expect(OutlineCodec.decode(blob.prefix(cut), volumeID: "frus1981-88v91") == nil, "cut at \(cut)")
        }
        #expect(OutlineCodec.decode(blob + Data([0]), volumeID: "frus1981-88v91") == nil)
        #expect(OutlineCodec.decode(Data([0, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]), volumeID: "x") == nil)
        #expect(OutlineCodec.decode(Data(repeating: 0xFF, count: 64), volumeID: "x") == nil)
    }

    @Test func linksIntoAnIndexedVolumeResolveWithoutParsingIt() throws {
        guard let partial = Fixtures.partialVolume else {
            print(Fixtures.sharedMissing)
            return
        }
        let scratch = try ScratchCorpus("outline-links")
        defer { scratch.remove() }
        try scratch.addTEIVolume("frus1981-88v91", from: partial)
        let (parsedCorpus, _, report) = try scratch.open()
        #expect(report.added == 1)
        let parsed = try #require(parsedCorpus.volume("frus1981-88v91"))

        // A later run: the corpus opened with the index's outlines.
        let index = SearchIndex(corpusPath: scratch.corpus.path, cacheHome: scratch.cache.path)
        let corpus = try CorpusLoader.open(scratch.corpus.path, headers: index.headers, outlines: index)
        var targets: [LinkTarget] = [.volume("frus1981-88v91", anchor: nil)]
        for doc in parsed.documents {
            targets.append(.document(volume: "frus1981-88v91", number: doc.number))
            if let note = doc.footnotes.last { targets.append(.footnote(volume: "frus1981-88v91", document: doc.number, footnote: note.number)) }
            for page in doc.pageBreaks { targets.append(.page(volume: "frus1981-88v91", page: page)) }
        }
        for chapter in parsed.chapters { targets.append(.volume("frus1981-88v91", anchor: chapter.id)) }
        targets.append(.footnote(volume: "frus1981-88v91", document: "168", footnote: 99))
        #expect(targets.count > 150)
        for target in targets {
            #expect(corpus.resolve(target) == parsedCorpus.resolve(target), "\(target)")
        }
        #expect(!corpus.isLoaded("frus1981-88v91"), "resolving parsed the volume")
        #expect(corpus.outline(ofVolume: "frus1981-88v91") == parsed.outline)

        // Changed on disk: the outline no longer counts; links resolve from the file (its map
        // and the documents they name, read alone: lazy opening), the contents from the volume read.
        try touch(scratch.corpus.appendingPathComponent("frus1981-88v91.xml"))
        let after = try CorpusLoader.open(scratch.corpus.path, headers: index.headers, outlines: index)
        let d168: LinkTarget = .document(volume: "frus1981-88v91", number: "168")
        #expect(after.resolve(d168) == parsedCorpus.resolve(d168))
        #expect(after.map(ofVolume: "frus1981-88v91") != nil, "the stale outline is not used")
        #expect(after.outline(ofVolume: "frus1981-88v91") == parsed.outline)
        #expect(after.isLoaded("frus1981-88v91"))
    }
}
