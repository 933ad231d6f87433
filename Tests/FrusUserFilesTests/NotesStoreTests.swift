import Foundation
import FrusModel
import FrusUserFiles
import Testing

@Suite struct NotesStoreTests {
    func tempFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("frusread-notes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    let sample = Note(
        volume: "frus1981-88v05", document: "175", anchor: "paragraph 4",
        quote: "He said: \"no\" — twice\nand left", created: "2026-12-05T18:40:00Z", text: "First line.\n\n---\n\nAfter a rule.")

    @Test func aNoteReadsBackAsWritten() throws {
        let store = NotesStore(folder: try tempFolder())
        let stored = try store.add(sample, title: "175. Memorandum")
        #expect(stored.file == store.file(volume: "frus1981-88v05", document: "175").path)
        #expect(stored.file.hasSuffix("/frus1981-88v05/175.md"))
        let back = store.notes(volume: "frus1981-88v05", document: "175")
        #expect(back == [stored])
        // The front matter a person reads: one key per line, the anchor bare.
        let text = try String(contentsOfFile: stored.file, encoding: .utf8)
        #expect(text.hasPrefix("# 175. Memorandum\n"))
        #expect(text.contains("\nanchor: paragraph 4\n"))
        #expect(text.contains("\nvolume: frus1981-88v05\n"))
    }

    @Test func appendingKeepsEveryByteOfAFileThatDoesNotParse() throws {
        let store = NotesStore(folder: try tempFolder())
        let url = store.file(volume: "v", document: "1")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Invalid UTF-8, an unclosed front matter, no final newline.
        var garbage = Data("---\nvolume: v\nnot a key line\n".utf8)
        garbage.append(contentsOf: [0xFF, 0xFE, 0x00, 0x41])
        try garbage.write(to: url)
        try store.add(Note(volume: "v", document: "1", text: "added"))
        let after = try Data(contentsOf: url)
        #expect(after.prefix(garbage.count) == garbage)
        let notes = store.notes(volume: "v", document: "1")
        #expect(notes.last?.text == "added")
        // The garbage before it is read as far as it goes: a note of its own, not lost.
        #expect(notes.count == 2)
        #expect(notes[0].text.contains("not a key line"))
    }

    @Test func handEditedNotesAreRead() throws {
        let text = """
            # 175. A memorandum

            Some words written by hand before any front matter.

            ---
            volume: frus1981-88v05
            document: 175
            anchor: 'link 2'
            created: 2026-01-01
            extra: kept aside
            ---
            A note.

            ---

            The rule above is part of the note.
            ---
            document: "175"
            quote: "a \\"quoted\\" passage"
            ---
            Last note, its header left without volume.
            """
        let notes = NotesFile.parse(Data(text.utf8), volume: "frus1981-88v05", document: "175")
        #expect(notes.count == 3)
        #expect(notes[0].text == "Some words written by hand before any front matter.")
        #expect(notes[0].anchor == "")
        #expect(notes[1].anchor == "link 2")
        #expect(notes[1].created == "2026-01-01")
        #expect(notes[1].text == "A note.\n\n---\n\nThe rule above is part of the note.")
        #expect(notes[2].quote == "a \"quoted\" passage")
        #expect(notes[2].volume == "frus1981-88v05")
        #expect(notes[2].text == "Last note, its header left without volume.")
    }

    @Test func aTruncatedFrontMatterIsReadAsFarAsItGoes() {
        let text = "---\nvolume: v\ndocument: \"3\"\nanchor: paragraph 2\ncreated: 2026"
        let notes = NotesFile.parse(Data(text.utf8), volume: "v", document: "3")
        #expect(notes.count == 1)
        #expect(notes[0].anchor == "paragraph 2")
        #expect(notes[0].text == "")
    }

    @Test func twoWritersKeepEachOthersNotes() async throws {
        let folder = try tempFolder()
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<8 {
                group.addTask {
                    let store = NotesStore(folder: folder)
                    _ = try? store.add(Note(volume: "v", document: "9", text: "note \(i)"))
                }
            }
        }
        let texts = Set(NotesStore(folder: folder).notes(volume: "v", document: "9").map(\.text))
        #expect(texts == Set((0..<8).map { "note \($0)" }))
        // Nothing but the notes in the notes folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("v").path) == ["9.md"])
    }

    @Test func idsCannotLeaveTheNotesFolder() throws {
        let folder = try tempFolder()
        let url = NotesStore(folder: folder).file(volume: "../x", document: "../../y")
        #expect(url.deletingLastPathComponent().deletingLastPathComponent().path == folder.path)
    }

    @Test func allListsByVolumeThenNumber() throws {
        let store = NotesStore(folder: try tempFolder())
        for (v, d) in [("b", "10"), ("a", "9"), ("b", "2")] {
            try store.add(Note(volume: v, document: d, text: "\(v)\(d)"))
        }
        #expect(store.all().notes.map(\.text) == ["a9", "b2", "b10"])
        #expect(store.all(volume: "b").notes.map(\.text) == ["b2", "b10"])
    }
}

@Suite struct NotesFileValueTests {
    @Test(arguments: [
        "plain", "", "175", "with: colon", "quote \" and \\ backslash", "line\nbreak\ttab", "emoji 🇺🇸 and é",
        "\u{1}control", "trailing space ",
    ])
    func valuesReadBackAsWritten(value: String) {
        let note = Note(volume: "v", document: "1", anchor: "paragraph 1", quote: value, created: "c", text: "t")
        let back = NotesFile.parse(Data(NotesFile.format(note).utf8), volume: "v", document: "1")
        #expect(back.first?.quote == value)
    }

    @Test func jsonEscapesAndSurrogatePairsAreRead() {
        let text = "---\nquote: \"a\\u00e9\\ud83d\\ude00\\/\\q\"\n---\n"
        #expect(NotesFile.parse(Data(text.utf8), volume: "v", document: "1").first?.quote == "aé😀/\\q")
    }
}

@Suite struct NotesFileDamageTests {
    /// Random bytes, and random cuts of a real notes file: parsing never fails, and a note
    /// appended after any of them is read back whole, every earlier byte kept.
    @Test func anyBytesParseAndKeepWhatFollows() throws {
        var generator = SystemRandomNumberGenerator()
        let store = NotesStore(folder: FileManager.default.temporaryDirectory.appendingPathComponent("frusread-notes-damage-\(UUID().uuidString)"))
        let good = Data(NotesFile.format(Note(volume: "v", document: "1", anchor: "paragraph 2", quote: "q \"x\"", created: "c", text: "t")).utf8)
        for round in 0..<60 {
            var bytes: Data
            if round % 2 == 0 {
                bytes = Data((0..<Int.random(in: 0..<300, using: &generator)).map { _ in
                    // Mostly the characters that matter to the format.
                    let pick: [UInt8] = [0x2D, 0x2D, 0x0A, 0x3A, 0x22, 0x5C, 0x20, 0x61, 0xFF, 0x00, 0x0D]
                    return Bool.random(using: &generator) ? pick.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
                })
            } else {
                bytes = good.prefix(Int.random(in: 0...good.count, using: &generator))
            }
            _ = NotesFile.parse(bytes, volume: "v", document: "\(round)")
            let url = store.file(volume: "v", document: "\(round)")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: url)
            try store.add(Note(volume: "v", document: "\(round)", text: "appended \(round)"))
            let after = try Data(contentsOf: url)
            #expect(after.prefix(bytes.count) == bytes)
            #expect(store.notes(volume: "v", document: "\(round)").last?.text == "appended \(round)")
        }
    }
}
