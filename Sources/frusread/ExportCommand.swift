import ArgumentParser
import FrusModel
import FrusUserFiles
import FrusWriters

/// `frusread export N`: the document in another format (Markdown) on standard output, written
/// by FrusWriters from the same model the reader shows.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a document as CommonMark with footnotes, links and its citation.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown
    }

    @OptionGroup var options: CorpusOptions
    @Argument(help: "The document number (\"175\"), or VOLUME/NUMBER.") var number: String
    @Option(help: "The volume id, when the corpus has several.") var volume: String?
    @Option(help: "The output format: markdown (CommonMark with [^1] footnotes and pipe tables).")
    var format: Format = .markdown
    @Flag(help: "Add your notes on the document (from `frusread notes`) after it.") var notes = false

    func run() throws {
        let (corpus, _) = try options.openWithExistingIndex()
        let doc = try DocumentChoice.find(number, volume: volume, in: corpus)
        Output.warnings(corpus)
        let userNotes = notes ? try userNotes(on: doc) : []
        let text = Writers.markdown(doc, volume: corpus.volume(doc.volumeID), notes: userNotes)
        // The writer's own line breaks stay; anything else that could reach the terminal from
        // the document is made visible.
        Output.text(text)
    }

    /// The user's notes on the document: the files the reader's `a` writes.
    private func userNotes(on doc: Document) throws -> [Note] {
        do {
            return try NotesStore(folders: .from()).load(volume: doc.volumeID, document: doc.number)
        } catch {
            throw CLIError("--notes: \(error)")
        }
    }
}
