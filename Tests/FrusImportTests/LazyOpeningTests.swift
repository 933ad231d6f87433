import Foundation
import FrusImport
import FrusModel
import FrusTEI
import FrusTestSupport
import Testing

/// Lazy opening at the corpus: a document is opened alone through its volume's map without
/// reading the volume, equal to the whole volume's; links resolve through the map exactly as
/// through the volume read whole; a file damaged after the document still opens it, and reading
/// the rest says what is wrong.
@Suite struct LazyOpeningTests {
    static let volumeID = "frus1981-88v05"

    @Test func theFirstDocumentOpensAloneEqualToTheWholeVolumes() throws {
        guard let url = Fixtures.partialVolume else { return print(Fixtures.sharedMissing) }
        let whole = try TEIImporter.read(path: url.path).volume
        let corpus = try CorpusLoader.open(url.path)
        let first = try #require(corpus.firstDocument())
        #expect(!corpus.isLoaded(Self.volumeID), "opening the first document reads only that document")
        #expect(first == whole.firstDocument)
        // Any document, by number or id, opened alone before the volume is read.
        let last = try #require(whole.documents.last)
        #expect(corpus.openDocument(volume: Self.volumeID, number: last.id) == last)
        #expect(!corpus.isLoaded(Self.volumeID))
        // Then read whole: the same documents.
        #expect(corpus.volume(Self.volumeID)?.documents == whole.documents)
        #expect(corpus.openDocument(volume: Self.volumeID, number: first.number) == first)
    }

    /// Every reference of every document, and every printed page, resolves through the map
    /// (titles of the documents read alone) exactly as through the volume read whole.
    @Test func linksAndPagesResolveThroughTheMapAsThroughTheVolume() throws {
        guard let url = Fixtures.partialVolume else { return print(Fixtures.sharedMissing) }
        let read = try CorpusLoader.open(url.path)
        let whole = try #require(read.volume(Self.volumeID))
        var targets = whole.documents.flatMap { $0.references.map(\.target) }
        targets += Set(whole.documents.flatMap(\.pageBreaks)).sorted().map { .page(volume: Self.volumeID, page: $0) }
        targets += [.page(volume: Self.volumeID, page: "99999"), .document(volume: Self.volumeID, number: "99999")]
        #expect(targets.count > 100)
        let lazy = try CorpusLoader.open(url.path)
        for target in targets {
            #expect(lazy.resolve(target) == read.resolve(target), "\(target)")
        }
        #expect(!lazy.isLoaded(Self.volumeID) || targets.contains { if case .volume = $0 { true } else { false } })
    }

    /// A copy of the volume cut off inside a later document: the first document opens (it is
    /// well-formed), and reading the volume fails naming the file and the line.
    @Test func aFileDamagedAfterTheFirstDocumentOpensItAndTheRestSaysWhy() throws {
        guard let url = Fixtures.partialVolume else { return print(Fixtures.sharedMissing) }
        let folder = try Fixtures.temporaryFolder("damaged-after-first")
        defer { try? FileManager.default.removeItem(at: folder) }
        let xml = try String(contentsOf: url, encoding: .utf8)
        let tei = TEIExpectations(xml: xml)
        let third = try #require(tei.documents.dropFirst(2).first)
        // Cut in the middle of the third document's text.
        let cut = try #require(xml.range(of: third.startTag)).upperBound
        let damaged = folder.appendingPathComponent("\(Self.volumeID).xml")
        try String(xml[..<cut]).appending("<p>cut off").write(to: damaged, atomically: true, encoding: .utf8)

        let whole = try TEIImporter.read(path: url.path).volume
        let corpus = try CorpusLoader.open(damaged.path)
        var expected = try #require(whole.firstDocument)
        expected.source?.file = damaged.path  // the same line, in the copy
        #expect(corpus.firstDocument() == expected)
        #expect(corpus.volume(Self.volumeID) == nil)
        let problem = try #require(corpus.problem(ofVolume: Self.volumeID))
        #expect(problem.location?.file == damaged.path)
        #expect(problem.location?.line != nil)
        #expect(problem.message.contains("cannot read TEI volume"))
    }
}
