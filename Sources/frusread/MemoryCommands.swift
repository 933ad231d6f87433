import ArgumentParser
import FrusModel
import FrusUserFiles

/// `frusread history`: the documents opened in the reader on this corpus, oldest first — a
/// research log.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List the documents opened in the reader on the corpus, oldest first.")

    @OptionGroup var options: CorpusOptions
    @Flag(help: "JSON: [{\"time\",\"volume\",\"document\",\"title\"}].") var json = false

    func run() throws {
        let store = SessionStore(folders: UserFolders.from(), corpusPath: try options.chosenPath())
        let (record, warnings) = store.load()
        for w in warnings { Output.error(w) }
        if json {
            return Output.json(.array(record.history.map {
                .object([
                    ("time", .string($0.time)), ("volume", .string($0.volume)), ("document", .string($0.document)),
                    ("title", .string($0.title)),
                ])
            }))
        }
        var rows = Output.Rows(reservingRows: record.history.count)
        for v in record.history { rows.add(v.time, v.volume, v.document, v.title) }
        Output.write(rows)
    }
}

/// `frusread notes`: the notes written in the reader (`a`), from their Markdown files.
struct Notes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes", abstract: "List your notes (kept in $XDG_DATA_HOME/frusread/notes/VOLUME/NUMBER.md).")

    @Option(help: "Only this volume's notes.") var volume: String?
    @Flag(help: "JSON: [{\"volume\",\"document\",\"anchor\",\"quote\",\"created\",\"text\",\"file\"}].") var json = false

    func run() throws {
        let (notes, problems) = NotesStore(folders: UserFolders.from()).all(volume: volume)
        for p in problems { Output.error(p) }
        if json {
            return Output.json(.array(notes.map { n in
                .object([
                    ("volume", .string(n.volume)), ("document", .string(n.document)), ("anchor", .string(n.anchor)),
                    ("quote", .string(n.quote)), ("created", .string(n.created)), ("text", .string(n.text)),
                    ("file", .string(n.file)),
                ])
            }))
        }
        // A heading line per note, then its text indented.
        var rows = Output.Rows(reservingRows: notes.count * 3)
        for n in notes {
            let about = [n.anchor, n.created].filter { !$0.isEmpty }.joined(separator: ", ")
            rows.add("\(n.volume)/\(n.document)" + (about.isEmpty ? "" : " (\(about))"))
            for line in n.text.split(separator: "\n", omittingEmptySubsequences: false) {
                rows.add("    " + line)
            }
        }
        Output.write(rows)
    }
}
