import Foundation
import FrusTestSupport
import Testing

/// `frusread notes` and `frusread history` on files written by hand or left empty.
@Suite struct MemoryCLITests {
    func run(_ args: [String], data: URL, state: URL) throws -> FrusreadBinary.Output {
        try FrusreadBinary.run(args, environment: ["XDG_DATA_HOME": data.path, "XDG_STATE_HOME": state.path, "FRUSREAD_CORPUS": nil])
    }

    @Test func notesReadsHandWrittenFilesAndKeepsControlsOffTheTerminal() throws {
        let root = try Fixtures.temporaryFolder("frusread-notes-cli")
        let data = root.appendingPathComponent("data")
        let folder = data.appendingPathComponent("frusread/notes/frus1981-88v05")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "Loose words\u{1B}[31m in red?\n".write(to: folder.appendingPathComponent("168.md"), atomically: true, encoding: .utf8)
        try "---\nvolume: frus1981-88v05\ndocument: \"175\"\nanchor: link 1\n---\nOn the link.\n"
            .write(to: folder.appendingPathComponent("175.md"), atomically: true, encoding: .utf8)
        let other = data.appendingPathComponent("frusread/notes/frus1969-76v01")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try "Elsewhere.\n".write(to: other.appendingPathComponent("3.md"), atomically: true, encoding: .utf8)

        let text = try run(["notes", "--volume", "frus1981-88v05"], data: data, state: root)
        #expect(text.status == 0)
        #expect(!text.stdout.contains("\u{1B}"), "no escape reaches the terminal")
        #expect(text.stdout.contains("frus1981-88v05/168"))
        #expect(text.stdout.contains("frus1981-88v05/175 (link 1)"))
        #expect(!text.stdout.contains("Elsewhere"))

        let json = try run(["notes", "--json"], data: data, state: root)
        let notes = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]])
        #expect(notes.map { "\($0["volume"]!)/\($0["document"]!)" } == ["frus1969-76v01/3", "frus1981-88v05/168", "frus1981-88v05/175"])
        #expect(notes[1]["text"] == "Loose words\u{1B}[31m in red?", "JSON keeps the text as written, escaped")
        #expect(notes[2]["anchor"] == "link 1")
    }

    @Test func historyOfACorpusNeverReadIsEmpty() throws {
        let root = try Fixtures.temporaryFolder("frusread-history-cli")
        let r = try run(["history", "--json", "--corpus", Fixtures.bundledCorpus.path], data: root, state: root)
        #expect(r.status == 0)
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        #expect(r.stderr.isEmpty)
    }
}
