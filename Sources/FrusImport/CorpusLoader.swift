import Foundation
#if canImport(Glibc)
import Glibc
#endif
import FrusModel
import FrusPlainText
import FrusTEI

/// Opens a corpus: a folder (read recursively) or a single FRUS TEI volume file.
///
/// Listing is cheap — folder names, and the first bytes of each TEI file for its id and title —
/// and each volume is parsed when first needed, so a checkout's `volumes/` folder of 550 volumes
/// opens at once. In a folder:
/// - every `*.xml` file is a TEI volume;
/// - every folder holding `*.txt` documents is a plain-text volume, its id the folder's name
///   unless its `volume.json` says otherwise (`{"id": …, "title": …}`).
/// Nothing is ever written into the corpus.
public enum CorpusLoader {
    /// Lists the volumes at `path`. Throws a `Diagnostic` when the path does not exist or is
    /// not readable; problems with single files become warnings in `Corpus.diagnostics`.
    ///
    /// - Parameter headers: ids and titles of TEI files already known (the search index keeps
    ///   them), so that an unchanged file's header is not read again.
    /// - Parameter outlines: outlines of volumes known without parsing them (the search index
    ///   keeps them): links into unread volumes resolve, and volumes list, from them.
    public static func open(
        _ path: String, headers: (any VolumeHeaderCache)? = nil, outlines: (any VolumeOutlineCache)? = nil
    ) throws -> Corpus {
        var diagnostics: [Diagnostic] = []
        let sources = try unique(listing(path, headers: headers, diagnostics: &diagnostics), diagnostics: &diagnostics)
        return Corpus(location: path, sources: sources, diagnostics: diagnostics, outlines: outlines)
    }

    /// Opens several corpora as one (the default corpus: the bundled sample, then the user's
    /// library). A volume in a later root replaces one of the same id in an earlier root (the
    /// library's copy wins over the sample's), silently: that is what the order is for. Roots
    /// that do not exist are skipped. `location` names the whole (messages, the index).
    public static func open(
        roots: [String], location: String, headers: (any VolumeHeaderCache)? = nil,
        outlines: (any VolumeOutlineCache)? = nil
    ) throws -> Corpus {
        var diagnostics: [Diagnostic] = []
        var byID: [String: VolumeSource] = [:]
        for root in roots where FileManager.default.fileExists(atPath: root) {
            for s in try unique(listing(root, headers: headers, diagnostics: &diagnostics), diagnostics: &diagnostics) {
                byID[s.id] = s
            }
        }
        let sources = byID.values.sorted { ($0.id, $0.path) < ($1.id, $1.path) }
        return Corpus(location: location, sources: sources, diagnostics: diagnostics, outlines: outlines)
    }

    /// The volumes found at `path`, unsorted, duplicates included.
    private static func listing(
        _ path: String, headers: (any VolumeHeaderCache)?, diagnostics: inout [Diagnostic]
    ) throws -> [VolumeSource] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
            throw Diagnostic(.error, "no such file or folder", at: SourceLocation(file: path))
        }
        guard fm.isReadableFile(atPath: path) else {
            throw Diagnostic(.error, "not readable (permission denied)", at: SourceLocation(file: path))
        }
        var sources: [VolumeSource] = []
        if isDir.boolValue {
            let listing = FolderListing(root: path)
            diagnostics += listing.diagnostics
            for folder in listing.textFolders {
                sources.append(PlainTextVolume.source(folder: folder.path, files: folder.files, diagnostics: &diagnostics))
            }
            for file in listing.xmlFiles {
                if let s = teiSource(file, headers: headers, diagnostics: &diagnostics) { sources.append(s) }
            }
        } else if path.lowercased().hasSuffix(".xml") {
            if let s = teiSource(path, headers: headers, diagnostics: &diagnostics) { sources.append(s) }
        } else if path.lowercased().hasSuffix(".txt") {
            let folder = (path as NSString).deletingLastPathComponent
            sources.append(PlainTextVolume.source(folder: folder.isEmpty ? "." : folder, files: [path], diagnostics: &diagnostics))
        } else {
            throw Diagnostic(.error, "not a corpus: expected a folder, a FRUS TEI volume (.xml) or a document (.txt)", at: SourceLocation(file: path))
        }
        return sources
    }

    /// One volume per id, sorted by id: the first found wins, the others are warned about.
    private static func unique(_ sources: [VolumeSource], diagnostics: inout [Diagnostic]) -> [VolumeSource] {
        var seen: [String: String] = [:]
        var unique: [VolumeSource] = []
        for s in sources.sorted(by: { ($0.id, $0.path) < ($1.id, $1.path) }) {
            if let first = seen[s.id] {
                diagnostics.append(Diagnostic(.warning, "volume \(s.id) is also in \(first); this copy is ignored", at: SourceLocation(file: s.path)))
                continue
            }
            seen[s.id] = s.path
            unique.append(s)
            if !VolumeID.isPlain(s.id) {
                diagnostics.append(Diagnostic(
                    .warning, "volume id \"\(s.id)\" has characters other than A–Z, a–z, 0–9, \".\", \"_\" and \"-\"",
                    at: SourceLocation(file: s.path)))
            }
        }
        return unique
    }

    private static func teiSource(
        _ file: String, headers: (any VolumeHeaderCache)?, diagnostics: inout [Diagnostic]
    ) -> VolumeSource? {
        let fallback = fileStem(file)
        var id = fallback
        var title: String?
        var status: String?
        if let known = headers?.header(ofFile: file) {
            id = VolumeID.normalized(known.id)
            title = known.title
        } else {
            do {
                let peek = try TEIImporter.peekHeader(path: file)
                if let i = peek.id, !i.isEmpty { id = i }
                title = peek.title
                status = peek.status
            } catch let d as Diagnostic {
                diagnostics.append(d)
                return nil
            } catch {
                diagnostics.append(Diagnostic(.error, "\(error)", at: SourceLocation(file: file)))
                return nil
            }
        }
        var source = VolumeSource(
            id: id, title: title, path: file, format: "tei",
            loadDocument: { number in try TEIImporter.readDocumentChecked(number, path: file, fallbackID: fallback) }
        ) {
            try TEIImporter.read(path: file, fallbackID: fallback)
        }
        source.status = status
        source.map = { try TEIVolumeMap(path: file, fallbackID: fallback) }
        return source
    }
}

/// The file's name without its folder and extension (`a/frus1981-88v05.xml` → `frus1981-88v05`),
/// as `NSString`'s `lastPathComponent` and `deletingPathExtension` give it, without their cost
/// (they ran for every volume at every start).
func fileStem(_ path: String) -> String {
    let slash = UInt8(ascii: "/")
    let bytes = Array(path.utf8)
    var end = bytes.count
    while end > 1, bytes[end - 1] == slash { end -= 1 }
    var start = 0
    if end > 1, let s = bytes[..<end].lastIndex(of: slash) { start = s + 1 }
    var stemEnd = end
    if let dot = bytes[start..<end].lastIndex(of: UInt8(ascii: ".")), dot != start { stemEnd = dot }
    return String(decoding: bytes[start..<stemEnd], as: UTF8.self)
}

/// Volume ids and titles known without reading a file's header: the search index remembers
/// them with each file's size and time.
public protocol VolumeHeaderCache: Sendable {
    /// The id and title of the TEI volume in `file`, if known for the file as it is now.
    func header(ofFile file: String) -> (id: String, title: String?)?
}

/// What a folder holds: folders of `.txt` documents and `.xml` volume files, found recursively.
struct FolderListing {
    struct TextFolder {
        var path: String
        var files: [String]
    }
    var textFolders: [TextFolder] = []
    var xmlFiles: [String] = []
    var diagnostics: [Diagnostic] = []

    init(root: String) {
        var byFolder: [String: [String]] = [:]
        var stack = [root]
        var visited = Set<String>()
        while let dir = stack.popLast() {
            let real = (dir as NSString).resolvingSymlinksInPath
            guard visited.insert(real).inserted else { continue }  // symlink loops
            guard let entries = Self.entries(of: dir) else {
                diagnostics.append(Diagnostic(.warning, "cannot read this folder; skipped", at: SourceLocation(file: dir)))
                continue
            }
            for (name, kind) in entries.sorted(by: { $0.name < $1.name }) where !name.hasPrefix(".") {
                let full = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                let lower = name.lowercased()
                switch kind {
                case .missing: continue
                case .folder: stack.append(full)
                case .file:
                    if lower.hasSuffix(".txt") {
                        byFolder[dir, default: []].append(full)
                    } else if lower.hasSuffix(".xml") {
                        xmlFiles.append(full)
                    } else if lower == "volume.json" || lower.hasSuffix(".md") || lower == "readme" {
                        continue  // metadata and notes
                    } else {
                        diagnostics.append(Diagnostic(
                            .warning, "ignored: not a .txt document or an .xml volume", at: SourceLocation(file: full)))
                    }
                }
            }
        }
        textFolders = byFolder.keys.sorted().map { TextFolder(path: $0, files: byFolder[$0]!.sorted()) }
        xmlFiles.sort()
    }

    enum EntryKind { case file, folder, missing }

    /// The names in `dir` and what each is, symbolic links followed (a broken one is
    /// `missing`); nil when the folder cannot be read. The kind comes from the folder entry
    /// itself where the file system gives it, so listing 400 volumes costs no `stat` each
    /// (FileManager's listing and `fileExists` cost a search's start ~2 ms there).
    static func entries(of dir: String) -> [(name: String, kind: EntryKind)]? {
        guard let handle = opendir(dir) else { return nil }
        defer { closedir(handle) }
        var result: [(name: String, kind: EntryKind)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let kind: EntryKind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_REG): kind = .file
            default:
                // A link, or a file system that does not say: ask, following links.
                var info = Glibc.stat()
                let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                if fstatat(AT_FDCWD, path, &info, 0) != 0 {
                    kind = .missing
                } else {
                    kind = (info.st_mode & S_IFMT) == S_IFDIR ? .folder : .file
                }
            }
            result.append((name, kind))
        }
        return result
    }
}
