import Foundation
import FrusDeflate
import FrusModel

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
    var documents: [DocumentRow]
    /// The documents' text compressed for storage (made here, on the parsing threads: the
    /// writer is the one thread a build cannot spread over the cores).
    var text: StoredText
    /// The volume's outline (`OutlineCodec`); nil when it could not be read.
    var outline: Data?
    /// Why the volume could not be read, if it could not: it is recorded with no documents and
    /// not tried again until it changes.
    var problem: String?
    var diagnostics: [Diagnostic]

    /// Reads the volume of `job` with the corpus's own loader, and hashes its bytes (a second
    /// read, from the page cache, streamed: cheaper than holding the whole file in memory).
    static func read(_ job: IndexJob) -> PreparedVolume {
        let source = job.source
        let hash = job.knownHash ?? VolumeFingerprint.contentHash(path: source.path) ?? ""
        let load = Result { try source.load() }
        switch load {
        case .success(let loaded):
            let documents = loaded.volume.documents.map(row)
            return PreparedVolume(
                job: job, volumeID: source.id, title: loaded.volume.title, hash: hash,
                documents: documents, text: StoredText(documents),
                outline: Deflate.compressed(OutlineCodec.encode(loaded.volume.outline, apparatus: loaded.volume.apparatus)),
                problem: nil, diagnostics: loaded.diagnostics)
        case .failure(let error):
            let diagnostic = (error as? Diagnostic) ?? Diagnostic(.error, "\(error)", at: SourceLocation(file: source.path))
            return PreparedVolume(
                job: job, volumeID: source.id, title: source.title ?? source.id, hash: hash,
                documents: [], text: StoredText([]), outline: nil, problem: diagnostic.description, diagnostics: [diagnostic])
        }
    }

    /// The searchable text of a document: what a reader sees of the title, subject, body
    /// (attachments included) and footnotes; no markers or page numbers.
    static func row(_ doc: Document) -> DocumentRow {
        var body = doc.subject ?? ""
        body.reserveCapacity(16 * 1024)
        // The lines printed above the head (a file citation) are searchable text too.
        if !doc.headLabel.isEmpty { SearchText.append(.paragraph(doc.headLabel, .normal), to: &body) }
        for block in doc.blocks { SearchText.append(block, to: &body) }
        var notes = ""
        for note in doc.footnotes {
            for block in note.blocks { SearchText.append(block, to: &notes) }
        }
        return DocumentRow(number: doc.number, id: doc.id, title: doc.title, date: doc.date, body: body, notes: notes)
    }
}

/// The text of blocks as `Block.plainText` has it (inline lists separated by a space, page
/// breaks and markers dropped, line breaks as spaces), appended to one buffer: the index build
/// reads gigabytes, and building a string per block and per inline list showed in profiles.
enum SearchText {
    static func append(_ block: Block, to out: inout String) {
        block.forEachInlineList { list in
            let before = out.utf8.count
            if before > 0 { out.append(" ") }
            append(list, to: &out)
            if out.utf8.count == before + 1 { out.removeLast() }  // the list held no text
        }
    }

    static func append(_ inlines: [Inline], to out: inout String) {
        for inline in inlines {
            switch inline {
            case .text(let s): out.append(s)
            case .styled(_, let c), .link(_, let c), .mention(_, let c): append(c, to: &out)
            case .lineBreak: out.append(" ")
            case .footnoteRef, .pageBreak: break
            }
        }
    }
}
