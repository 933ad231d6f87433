import Foundation
import FrusUserFiles
import Testing

@Suite struct AtomicFileTests {
    func tempFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("frusread-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writeReplacesTheFileAndLeavesNoTemporaryFile() throws {
        let folder = try tempFolder()
        let file = folder.appendingPathComponent("sub/state.json")
        try AtomicFile.write(Data("one".utf8), to: file)
        try AtomicFile.write(Data("two".utf8), to: file)
        #expect(try AtomicFile.read(file) == Data("two".utf8))
        let names = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(names == ["state.json"])
    }

    @Test func readOfAMissingFileIsNil() throws {
        #expect(try AtomicFile.read(try tempFolder().appendingPathComponent("none")) == nil)
    }

    @Test func setAsideKeepsEveryDamagedCopy() throws {
        let folder = try tempFolder()
        let file = folder.appendingPathComponent("state.json")
        try AtomicFile.write(Data("bad 1".utf8), to: file)
        let first = try AtomicFile.setAside(file)
        try AtomicFile.write(Data("bad 2".utf8), to: file)
        let second = try AtomicFile.setAside(file)
        #expect(first.lastPathComponent == "state.json.bad")
        #expect(second.lastPathComponent == "state.json.bad.2")
        #expect(try AtomicFile.read(first) == Data("bad 1".utf8))
        #expect(try AtomicFile.read(second) == Data("bad 2".utf8))
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test func foldersFollowXDGAndIgnoreRelativeValues() {
        let f = UserFolders.from(environment: ["HOME": "/home/u", "XDG_STATE_HOME": "/s", "XDG_DATA_HOME": "rel"])
        #expect(f.state.path == "/s/frusread")
        #expect(f.data.path == "/home/u/.local/share/frusread")
        #expect(f.config.path == "/home/u/.config/frusread")
        #expect(f.notes.path == "/home/u/.local/share/frusread/notes")
        #expect(f.library.path == "/home/u/.local/share/frusread/volumes")
    }
}
