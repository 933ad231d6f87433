import Foundation
import FrusModel
import FrusTEI

/// A volume read and reduced to the rows the index stores: done on the parsing threads, so the
/// writer only inserts.
struct PreparedVolume: Sendable {
    struct DocumentRow: Sendable {
        var number: String
        var id: String
        var title: String
        var date: String?
        /// Subject and body text (the title has its own column).
        var body: String
        /// The footnotes' text, one per line.
        var notes: String
    }

    var job: IndexJob
    var volumeID: String
    var title: String
    var hash: String
    var chapters: [Chapter]
    var documents: [DocumentRow]
    /// Why the volume could not be read, if it could not: it is recorded with no documents and
    /// not tried again until it changes.
    var problem: String?
    var diagnostics: [Diagnostic]

    /// Reads the volume of `job`. A TEI file is read into memory once, for both its hash and
    /// the parser; a plain-text folder is loaded by the corpus's own loader.
    static func read(_ job: IndexJob) -> PreparedVolume {
        let source = job.source
        var hash = job.knownHash ?? ""
        let load: Result<VolumeLoad, Error>
        if source.format == "tei" {
            if let data = FileManager.default.contents(atPath: source.path) {
                let bytes = [UInt8](data)
                if hash.isEmpty { hash = VolumeFingerprint.hex(ContentHash.of(bytes)) }
                load = Result { try TEIImporter.read(data: bytes, path: source.path, fallbackID: source.id) }
            } else {
                load = .failure(Diagnostic(.error, "cannot read this file", at: SourceLocation(file: source.path)))
            }
        } else {
            if hash.isEmpty { hash = VolumeFingerprint.contentHash(path: source.path) ?? "" }
            load = Result { try source.load() }
        }
        switch load {
        case .success(let loaded):
            return PreparedVolume(
                job: job, volumeID: source.id, title: loaded.volume.title, hash: hash,
                chapters: loaded.volume.chapters, documents: loaded.volume.documents.map(row),
                problem: nil, diagnostics: loaded.diagnostics)
        case .failure(let error):
            let diagnostic = (error as? Diagnostic) ?? Diagnostic(.error, "\(error)", at: SourceLocation(file: source.path))
            return PreparedVolume(
                job: job, volumeID: source.id, title: source.title ?? source.id, hash: hash, chapters: [],
                documents: [], problem: diagnostic.description, diagnostics: [diagnostic])
        }
    }

    /// The searchable text of a document: what a reader sees of the title, subject, body
    /// (attachments included) and footnotes; no markers or page numbers.
    static func row(_ doc: Document) -> DocumentRow {
        var body = doc.subject ?? ""
        for block in doc.blocks {
            let text = block.plainText
            if text.isEmpty { continue }
            if !body.isEmpty { body += "\n" }
            body += text
        }
        let notes = doc.footnotes.map(\.plainText).filter { !$0.isEmpty }.joined(separator: "\n")
        return DocumentRow(number: doc.number, id: doc.id, title: doc.title, date: doc.date, body: body, notes: notes)
    }
}
