import Foundation
import FrusModel
import FrusUserFiles
import Testing

@Suite struct SessionStoreTests {
    func folders() throws -> UserFolders {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("frusread-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return UserFolders(
            state: root.appendingPathComponent("state"), data: root.appendingPathComponent("data"),
            config: root.appendingPathComponent("config"))
    }

    func mark(_ doc: String) -> Mark {
        Mark(place: ReadingPlace(volume: "v", document: doc, scroll: 3), title: "\(doc). T", set: "2026-12-05T10:00:00Z")
    }

    @Test func placeHistoryAndMarksLast() throws {
        let f = try folders()
        let store = SessionStore(folders: f, corpusPath: "/tmp/corpus")
        let place = ReadingPlace(volume: "v", document: "136", scroll: 10, focus: "footnotes")
        let visit = Visit(time: "t1", volume: "v", document: "136", title: "T")
        _ = store.save(SessionChange(place: place, back: [place], forward: [], visits: [visit], marks: ["a": mark("140")]))
        let (record, warnings) = SessionStore(folders: f, corpusPath: "/tmp/corpus").load()
        #expect(warnings.isEmpty)
        #expect(record.place == place)
        #expect(record.back == [place])
        #expect(record.history == [visit])
        #expect(record.marks["a"] == mark("140"))
    }

    @Test func twoReadersKeepEachOthersMarks() throws {
        let f = try folders()
        let one = SessionStore(folders: f, corpusPath: "/tmp/corpus")
        let two = SessionStore(folders: f, corpusPath: "/tmp/corpus")
        _ = one.save(SessionChange(marks: ["a": mark("140")]))
        _ = two.save(SessionChange(marks: ["b": mark("160")]))
        // The first quits: its place is saved, the other's mark stays.
        let (merged, _) = one.save(SessionChange(place: ReadingPlace(volume: "v", document: "1")))
        #expect(merged?.marks.keys.sorted() == ["a", "b"])
        // A deletion deletes only that letter.
        let (after, _) = two.save(SessionChange(marks: ["a": Mark?.none]))
        #expect(after?.marks.keys.sorted() == ["b"])
    }

    @Test func historyIsCapped() {
        var record = SessionRecord(corpus: "/c")
        let visits = (0..<(SessionRecord.historyLimit + 5)).map { Visit(time: "\($0)", volume: "v", document: "\($0)", title: "") }
        record.merge(SessionChange(visits: visits))
        #expect(record.history.count == SessionRecord.historyLimit)
        #expect(record.history.first?.document == "5")
    }

    @Test(arguments: ["garbage", "", "{\"version\": 1, \"corpus\": \"/tmp/corpus\", \"pla"])
    func aDamagedFileIsSetAsideAndTheStartIsFresh(content: String) throws {
        let f = try folders()
        let store = SessionStore(folders: f, corpusPath: "/tmp/corpus")
        try FileManager.default.createDirectory(at: f.state, withIntermediateDirectories: true)
        try Data(content.utf8).write(to: store.file)
        let (record, warnings) = store.load()
        #expect(record == SessionRecord(corpus: "/tmp/corpus"))
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains(store.file.lastPathComponent + ".bad") == true)
        #expect(try Data(contentsOf: store.file.appendingPathExtension("bad")) == Data(content.utf8))
    }

    @Test func anInterruptedWritesLeftoverIsSetAside() throws {
        let f = try folders()
        let store = SessionStore(folders: f, corpusPath: "/tmp/corpus")
        _ = store.save(SessionChange(marks: ["a": mark("140")]))
        let leftover = f.state.appendingPathComponent(".\(store.file.lastPathComponent).999.1.tmp")
        try Data("{\"half".utf8).write(to: leftover)
        let (record, warnings) = store.load()
        #expect(record.marks["a"] != nil)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("Interrupted state write") == true)
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
        #expect(FileManager.default.fileExists(atPath: leftover.path + ".bad"))
    }

    @Test func anUnwritableFolderWarnsOnceAndRemembersNothing() throws {
        let f = try folders()
        // The state folder's parent is a file: nothing can be created under it.
        try FileManager.default.createDirectory(at: f.state.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: f.state)
        let store = SessionStore(folders: f, corpusPath: "/tmp/corpus")
        let (_, loadWarnings) = store.load()
        #expect(loadWarnings.isEmpty)
        let first = store.save(SessionChange(marks: ["a": mark("1")]))
        #expect(first.record == nil)
        #expect(first.warnings.count == 1)
        let second = store.save(SessionChange(marks: ["b": mark("2")]))
        #expect(second.warnings.isEmpty)
    }

    @Test func oneCorpusOneFileHoweverNamed() throws {
        let f = try folders()
        let a = SessionStore(folders: f, corpusPath: "/tmp/x/../corpus")
        let b = SessionStore(folders: f, corpusPath: "/tmp/corpus")
        let c = SessionStore(folders: f, corpusPath: "/tmp/other")
        #expect(a.file == b.file)
        #expect(a.file != c.file)
    }
}
