import Foundation
import FrusImport
import FrusModel
import FrusSearch
import FrusTestSupport
import Testing

/// A damaged, truncated or outdated index is rebuilt; an unwritable cache gives an index in
/// memory. In every case the search still answers right.
@Suite struct RecoveryTests {
    /// A corpus of three volumes with an index built and closed.
    func builtCorpus(_ name: String) throws -> (ScratchCorpus, String) {
        let scratch = try ScratchCorpus(name)
        for (folder, id) in [("a", "frus1981-88v91"), ("b", "frus1981-88v92"), ("c", "frus1981-88v93")] {
            try scratch.addTextVolume(folder, id: id)
        }
        let file = try #require(try scratch.open().1.file)
        return (scratch, file)
    }

    func expectSearchWorks(_ scratch: ScratchCorpus) throws -> IndexReport {
        let (corpus, index, report) = try scratch.open()
        #expect(try index.documents(matching: "Shcharanskiy", in: corpus).count == 6)
        #expect(try index.documents(matching: #""bending the rules""#, in: corpus).count == 3)
        #expect(index.warnings.isEmpty)
        return report
    }

    @Test func truncatedIndexIsRebuilt() throws {
        let (scratch, file) = try builtCorpus("truncated")
        defer { scratch.remove() }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
        // Closed cleanly: the write-ahead log was checkpointed into the file and removed.
        #expect(!FileManager.default.fileExists(atPath: file + "-wal"))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.truncate(atOffset: UInt64(size / 2))
        try handle.close()
        let report = try expectSearchWorks(scratch)
        #expect(report.added == 3)
    }

    @Test func fileThatIsNotADatabaseIsRebuilt() throws {
        let (scratch, file) = try builtCorpus("garbage")
        defer { scratch.remove() }
        try Data(repeating: 0x5A, count: 50_000).write(to: URL(fileURLWithPath: file))
        let report = try expectSearchWorks(scratch)
        #expect(report.added == 3)
    }

    @Test func pageDamageInsideTheFileIsRebuilt() throws {
        let (scratch, file) = try builtCorpus("pages")
        defer { scratch.remove() }
        // Overwrite everything after the first page (the schema) with noise.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: file))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data((0..<(Int(size) - 4096)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }))
        try handle.close()
        _ = try expectSearchWorks(scratch)
    }

    @Test func indexFromAnOlderSchemaIsRebuilt() throws {
        let (scratch, file) = try builtCorpus("schema")
        defer { scratch.remove() }
        // The schema version is SQLite's user_version: 4 bytes at offset 60 of the header.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: file))
        try handle.seek(toOffset: 60)
        try handle.write(contentsOf: Data([0, 0, 0, 1]))
        try handle.close()
        let report = try expectSearchWorks(scratch)
        #expect(report.added == 3)
    }

    @Test func unwritableCacheFolderSearchesInMemoryWithAWarning() throws {
        let scratch = try ScratchCorpus("readonly")
        defer { scratch.remove() }
        try scratch.addTextVolume("a", id: "frus1981-88v91")
        // A cache "folder" under a regular file cannot be created, even by root (ENOTDIR),
        // where chmod would not stop writes.
        let blocker = scratch.root.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let index = SearchIndex(corpusPath: scratch.corpus.path, cacheHome: blocker.appendingPathComponent("cache").path)
        #expect(index.isInMemory)
        #expect(index.warnings.count == 1)
        #expect(index.warnings.first?.contains("cannot write the search index") == true)
        #expect(index.warnings.first?.contains("Not a directory") == true)
        let corpus = try CorpusLoader.open(scratch.corpus.path, headers: index.headers)
        try index.update(corpus)
        #expect(try index.documents(matching: "Shcharanskiy", in: corpus) == ["frus1981-88v91/168", "frus1981-88v91/175"])
    }

    @Test func rebuildStartsFromNothing() throws {
        let (scratch, _) = try builtCorpus("rebuild")
        defer { scratch.remove() }
        let index = SearchIndex(corpusPath: scratch.corpus.path, cacheHome: scratch.cache.path)
        let corpus = try CorpusLoader.open(scratch.corpus.path, headers: index.headers)
        let report = try index.update(corpus, rebuild: true)
        #expect(report.added == 3)
        #expect(try index.documents(matching: "Shcharanskiy", in: corpus).count == 6)
    }

    @Test func eachCorpusHasItsOwnIndexFile() {
        let a = IndexLocation(corpusPath: "/data/frus/volumes", cacheHome: "/c")
        let b = IndexLocation(corpusPath: "/other/frus/volumes", cacheHome: "/c")
        let c = IndexLocation(corpusPath: "/data/frus/./volumes/", cacheHome: "/c")
        #expect(a.directory == "/c/frusread")
        #expect(a.file.hasPrefix("/c/frusread/volumes-"))
        #expect(a.file != b.file)
        #expect(a.file == c.file)
        #expect(IndexLocation.defaultCacheHome(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x")
        #expect(IndexLocation.defaultCacheHome(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]) == "/h/.cache")
        #expect(IndexLocation.defaultCacheHome(environment: ["HOME": "/h"]) == "/h/.cache")
    }
}
