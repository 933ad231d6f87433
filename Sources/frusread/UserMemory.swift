import FrusModel
import FrusReader
import FrusUserFiles

/// The reader's memory over the user's files: the corpus' state file (place, back/forward,
/// history, marks) and the notes folder, with the editor for new notes.
final class UserMemory: ReaderMemoryStoring {
    let session: SessionStore
    let notes: NotesStore
    let editor: ExternalEditor

    init(folders: UserFolders, corpusPath: String, editor: ExternalEditor = ExternalEditor()) {
        session = SessionStore(folders: folders, corpusPath: corpusPath)
        notes = NotesStore(folders: folders)
        self.editor = editor
    }

    func load() -> (RememberedState, warnings: [String]) {
        let (record, warnings) = session.load()
        let (allNotes, problems) = notes.all()
        return (
            RememberedState(
                place: record.place, back: record.back, forward: record.forward, history: record.history,
                marks: record.marks, notes: allNotes),
            warnings + problems)
    }

    func save(_ update: MemoryUpdate) -> (marks: [String: Mark]?, warnings: [String]) {
        let (record, warnings) = session.save(SessionChange(
            place: update.place, back: update.back, forward: update.forward, visits: update.visits, marks: update.marks))
        return (record?.marks, warnings)
    }

    func add(_ note: Note, title: String) throws -> Note { try notes.add(note, title: title) }

    var hasEditor: Bool { editor.command != nil }

    func edit(_ text: String) throws -> String { try editor.edit(text) }
}
