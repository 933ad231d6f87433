import FrusModel
import FrusWriters

/// The user's notes on a document, for `export --notes`.
enum ExportNotes {
    // The notes files are written by the reader's note key (FrusUserFiles); until their reader
    // is in this build, `--notes` says so instead of silently exporting nothing.
    static func of(_ doc: Document) throws -> [ExportNote] {
        throw CLIError("--notes: reading notes is not available in this build yet")
    }
}
