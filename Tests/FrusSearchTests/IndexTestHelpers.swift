import Foundation
import FrusFind
import FrusImport
import FrusModel
import FrusSearch
import FrusTestSupport

/// A corpus in a temporary folder with its own cache folder, so tests never share an index.
struct ScratchCorpus {
    let root: URL
    let corpus: URL
    let cache: URL

    init(_ name: String = "search") throws {
        root = try Fixtures.temporaryFolder("frusread-\(name)")
        corpus = root.appendingPathComponent("corpus")
        cache = root.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// A copy of the bundled plain-text volume under another id, in folder `folder`.
    func addTextVolume(_ folder: String, id: String) throws {
        let dir = corpus.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let source = Fixtures.bundledCorpus.appendingPathComponent("frus1981-88v05")
        for name in ["000_6c35261424b29c7e.txt", "002_2498076a82a6aec1.txt"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        try #"{"id": "\#(id)", "title": "Volume \#(id)"}"#.write(
            to: dir.appendingPathComponent("volume.json"), atomically: true, encoding: .utf8)
    }

    /// A copy of the shared partial TEI volume with its id replaced.
    func addTEIVolume(_ id: String, from partial: URL) throws {
        let text = try String(contentsOf: partial, encoding: .utf8)
            .replacingOccurrences(of: "frus1981-88v05", with: id)
        try text.write(to: corpus.appendingPathComponent("\(id).xml"), atomically: true, encoding: .utf8)
    }

    /// Opens the corpus and its index, and brings the index up to date.
    func open() throws -> (Corpus, SearchIndex, IndexReport) {
        let index = SearchIndex(corpusPath: corpus.path, cacheHome: cache.path)
        let corpus = try CorpusLoader.open(self.corpus.path, headers: index.headers, outlines: index)
        let report = try index.update(corpus)
        return (corpus, index, report)
    }
}

extension SearchIndex {
    /// "volume/number" of every document matching `query`.
    func documents(matching query: String, in corpus: Corpus) throws -> Set<String> {
        Set(try search(SearchQuery(parsing: query), limit: 100_000, in: corpus).map { "\($0.volumeID)/\($0.number)" })
    }
}

/// Sets a file's modification time `seconds` later than it is.
func touch(_ url: URL, later seconds: TimeInterval = 10) throws {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    let date = (attributes[.modificationDate] as? Date ?? Date()).addingTimeInterval(seconds)
    try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url.path)
}
