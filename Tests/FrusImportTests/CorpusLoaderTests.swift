import Foundation
import FrusImport
import FrusModel
import FrusTestSupport
import Testing

@Suite struct CorpusLoaderTests {
    @Test func bundledCorpusIsOneVolumeWithItsTitle() throws {
        let corpus = try CorpusLoader.open(Fixtures.bundledCorpus.path)
        #expect(corpus.volumeIDs == ["frus1981-88v05"])
        #expect(corpus.title(ofVolume: "frus1981-88v05") == "Foreign Relations of the United States, 1981–1988, Volume V, Soviet Union, March 1985–October 1986")
        let v = try #require(corpus.volume("frus1981-88v05"))
        #expect(v.documents.map(\.number) == ["168", "175"])
        #expect(corpus.diagnostics.isEmpty)
    }

    @Test func volumeIdDefaultsToTheFolderNameAndFoldersNest() throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("series/frus1981-88v04")
        let b = dir.appendingPathComponent("frus1981-88v05")
        for d in [a, b] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }
        try "150. Memo 1\n\nText.\n  1. Source.\n".write(to: a.appendingPathComponent("150.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: Fixtures.seed175, to: b.appendingPathComponent("175.txt"))
        let corpus = try CorpusLoader.open(dir.path)
        #expect(corpus.volumeIDs == ["frus1981-88v04", "frus1981-88v05"])
        #expect(!corpus.isLoaded("frus1981-88v04"))
        // A cross-volume link resolves once the other volume is in the corpus.
        #expect(corpus.resolve(.document(volume: "frus1981-88v04", number: "150")).isResolved)
        #expect(corpus.volume("frus1981-88v05")?.documents.first?.volumeID == "frus1981-88v05")
    }

    @Test func missingPathThrowsNamingIt() {
        #expect(throws: Diagnostic(.error, "no such file or folder", at: SourceLocation(file: "/nope"))) {
            try CorpusLoader.open("/nope")
        }
    }

    @Test func emptyFolderHasNoVolumes() throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CorpusLoader.open(dir.path).sources.isEmpty)
    }

    @Test func brokenMetadataWarnsAndFallsBackToTheFolderName() throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let v = dir.appendingPathComponent("myvol")
        try FileManager.default.createDirectory(at: v, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.seed168, to: v.appendingPathComponent("168.txt"))
        try "{ not json".write(to: v.appendingPathComponent("volume.json"), atomically: true, encoding: .utf8)
        let corpus = try CorpusLoader.open(dir.path)
        #expect(corpus.volumeIDs == ["myvol"])
        #expect(corpus.diagnostics.first?.message.hasPrefix("cannot read the volume metadata") == true)
    }

    @Test func duplicateNumbersKeepTheFirstFile() throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: Fixtures.seed168, to: dir.appendingPathComponent("a.txt"))
        try "168. Another Title 1\n\nX.\n  1. S.\n".write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let corpus = try CorpusLoader.open(dir.path)
        let v = try #require(corpus.volume(corpus.volumeIDs[0]))
        #expect(v.documents.count == 1)
        #expect(v.documents[0].title.hasPrefix("Letter From President Reagan"))
        #expect(corpus.diagnostics.map(\.message).contains { $0.hasPrefix("duplicate document 168") })
    }
}
