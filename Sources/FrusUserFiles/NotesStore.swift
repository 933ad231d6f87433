import Foundation
import FrusModel

/// The reader's notes: one Markdown file per document, `notes/VOLUME/NUMBER.md` under the data
/// folder (see `NotesFile` for the format). Files are only ever appended to, under a lock and
/// atomically, so a note added by another reader, or by hand, in the meantime is kept, and a file
/// that does not parse keeps every byte. The folder holds nothing else: the lock is beside it.
public struct NotesStore: Sendable {
    /// `$XDG_DATA_HOME/frusread/notes`.
    public let folder: URL

    public init(folder: URL) { self.folder = folder }
    public init(folders: UserFolders = .from()) { self.folder = folders.notes }

    /// The file holding a document's notes. Ids are used as file names with anything that could
    /// leave the folder ("/", a leading ".") replaced.
    public func file(volume: String, document: String) -> URL {
        folder.appendingPathComponent(Self.safeName(volume)).appendingPathComponent(Self.safeName(document) + ".md")
    }

    /// A document's notes in file order; none when it has no file or the file cannot be read.
    public func notes(volume: String, document: String) -> [Note] {
        (try? load(volume: volume, document: document)) ?? []
    }

    /// A document's notes; throws when its file exists but cannot be read.
    public func load(volume: String, document: String) throws -> [Note] {
        let url = file(volume: volume, document: document)
        guard let data = try AtomicFile.read(url) else { return [] }
        return NotesFile.parse(data, volume: volume, document: document, file: url.path)
    }

    /// Every note (of one volume when `volume` is given), by volume, then document number, then
    /// order in the file; with the files that could not be read, as messages naming them.
    public func all(volume: String? = nil) -> (notes: [Note], problems: [String]) {
        let fm = FileManager.default
        var notes: [Note] = []
        var problems: [String] = []
        let volumes: [String]
        if let volume {
            volumes = [Self.safeName(volume)]
        } else {
            volumes = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        }
        for v in volumes {
            let dir = folder.appendingPathComponent(v)
            let files = ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? [])
                .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
                .sorted { $0.localizedStandardCompare($1) == .orderedAscending }
            for name in files {
                let url = dir.appendingPathComponent(name)
                do {
                    guard let data = try AtomicFile.read(url) else { continue }
                    notes += NotesFile.parse(data, volume: v, document: String(name.dropLast(3)), file: url.path)
                } catch {
                    problems.append("\(error)")
                }
            }
        }
        return (notes, problems)
    }

    /// The documents that have at least one note, as "VOLUME/NUMBER" (for flags in lists).
    public func documentsWithNotes() -> Set<String> {
        Set(all().notes.map { "\($0.volume)/\($0.document)" })
    }

    /// Appends `note` to its document's file (created with a `# title` line when new) and
    /// returns it as stored (with `file`). Under the file's lock the file is read again and the
    /// note added after every byte already there, so nothing written meanwhile is lost.
    @discardableResult
    public func add(_ note: Note, title: String? = nil) throws -> Note {
        let url = file(volume: note.volume, document: note.document)
        var stored = note
        stored.file = url.path
        // One lock for all notes, beside the notes folder (`.notes.lock`): no lock files among
        // the notes a user keeps under git.
        try AtomicFile.withLock(on: folder) {
            var data = try AtomicFile.read(url) ?? Data(NotesFile.heading(title: title ?? "\(note.volume) \(note.document)").utf8)
            if let last = data.last, last != UInt8(ascii: "\n") { data.append(UInt8(ascii: "\n")) }
            if NotesFile.endsInOpenFrontMatter(data) { data.append(Data(NotesFile.closingLine.utf8)) }
            data.append(Data(NotesFile.format(stored).utf8))
            try AtomicFile.write(data, to: url)
        }
        return stored
    }

    static func safeName(_ id: String) -> String {
        var name = id.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "\0", with: "_")
        if name.hasPrefix(".") { name = "_" + name.dropFirst() }
        return name.isEmpty ? "_" : name
    }
}
