import ArgumentParser
import Foundation
import FrusImport
import FrusModel
import FrusSearch
import FrusTheme
import FrusUserFiles

/// `--corpus PATH`, shared by every subcommand.
struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A corpus folder or a FRUS TEI volume file (default: $FRUSREAD_CORPUS, else the bundled sample plus your library of volumes from `frusread get`).",
        valueName: "path"))
    var corpus: String?

    /// Opens the corpus named by `--corpus`, `path` (the reader's positional argument),
    /// $FRUSREAD_CORPUS or the bundled one, in that order.
    func open(path: String? = nil) throws -> Corpus {
        let chosen = try chosenPath(path)
        do {
            return ProcessLifetime.keep(try load(chosen, standard: path == nil, headers: nil, outlines: nil))
        } catch let d as Diagnostic {
            throw CLIError(d.location.map { "\($0): \(d.message)" } ?? d.message)
        }
    }

    /// The corpus at `chosen`: the default corpus (the bundled sample and the library) when
    /// no corpus was named (`standard`, and no --corpus or $FRUSREAD_CORPUS), else the folder or file.
    private func load(
        _ chosen: String, standard named: Bool, headers: (any VolumeHeaderCache)?, outlines: (any VolumeOutlineCache)?
    ) throws -> Corpus {
        guard named, !isExplicit, let standard = StandardCorpus.current, chosen == standard.key else {
            return try CorpusLoader.open(chosen, headers: headers, outlines: outlines)
        }
        return try CorpusLoader.open(roots: standard.roots, location: standard.location, headers: headers, outlines: outlines)
    }

    /// Whether a corpus was named (`--corpus`, $FRUSREAD_CORPUS), so the default one is not used.
    private var isExplicit: Bool { corpus != nil || ProcessInfo.processInfo.environment["FRUSREAD_CORPUS"] != nil }

    /// Opens the corpus together with its search index (not brought up to date): unchanged TEI
    /// files are listed from the index, without reading their headers.
    func openIndexed(path: String? = nil) throws -> (Corpus, SearchIndex) {
        let chosen = try chosenPath(path)
        // A corpus that is not there gets the loader's error before an index file is made for
        // it in the user's cache (a mistyped path left an empty index behind).
        if !FileManager.default.fileExists(atPath: chosen) { _ = try open(path: path) }
        return try openIndexed(chosen, standard: path == nil, index: SearchIndex(corpusPath: chosen))
    }

    /// The corpus, with its search index only if one was built before (then unchanged volumes
    /// are listed, and links into unread volumes resolved, from the index): commands that do
    /// not search must not leave an index file behind for every folder they are pointed at.
    func openWithExistingIndex(path: String? = nil) throws -> (Corpus, SearchIndex?) {
        let chosen = try chosenPath(path)
        guard FileManager.default.fileExists(atPath: IndexLocation(corpusPath: chosen).file) else {
            return (try open(path: path), nil)
        }
        let (corpus, index) = try openIndexed(chosen, standard: path == nil, index: SearchIndex(corpusPath: chosen))
        return (corpus, Optional(index))
    }

    private func openIndexed(_ chosen: String, standard: Bool, index: SearchIndex) throws -> (Corpus, SearchIndex) {
        do {
            let corpus = try load(chosen, standard: standard, headers: index.headers, outlines: index)
            return (ProcessLifetime.keep(corpus), index)
        } catch let d as Diagnostic {
            throw CLIError(d.location.map { "\($0): \(d.message)" } ?? d.message)
        }
    }

    /// `path`, `--corpus`, $FRUSREAD_CORPUS, or the default corpus (the bundled sample and the
    /// library), in that order. For the default corpus, the path that names it (its search
    /// index, its remembered state): see `StandardCorpus.key`.
    func chosenPath(_ path: String? = nil) throws -> String {
        if let chosen = path ?? corpus ?? ProcessInfo.processInfo.environment["FRUSREAD_CORPUS"] { return chosen }
        guard let standard = StandardCorpus.current else {
            throw CLIError("""
                no volumes: the bundled sample was not found and your library \
                (\(Output.safe(UserFolders.from().library.path))) is empty. Get a volume with \
                `frusread get frus1981-88v05`, or pass --corpus PATH
                """)
        }
        return standard.key
    }
}

/// The bundled Corpus/ folder: beside the installed executable (`PREFIX/share/frusread/Corpus`
/// for `PREFIX/bin/frusread`), beside the package the executable was built in
/// (.build/<config>/frusread → ../../Corpus), or beside the executable.
enum BundledCorpus {
    static var path: String? { BundledFolder.find("Corpus", executablePath: CommandLine.arguments[0]) }
}

/// The corpus used when none is named: the bundled sample plus the volumes of the user's
/// library (`frusread get`); for a volume in both, the library's copy.
struct StandardCorpus {
    var bundled: String?
    var library: String
    var libraryHasVolumes: Bool

    /// Nil when there is neither a bundled sample nor a volume in the library.
    static var current: StandardCorpus? {
        let library = Library(folders: .from())
        let s = StandardCorpus(bundled: BundledCorpus.path, library: library.folder.path, libraryHasVolumes: !library.volumeIDs().isEmpty)
        return s.bundled == nil && !s.libraryHasVolumes ? nil : s
    }

    /// The folders read, the library last (it wins).
    var roots: [String] { [bundled, libraryHasVolumes ? library : nil].compactMap { $0 } }

    /// The path naming this corpus: the bundled folder while the library is empty (as before
    /// there was a library), else the library folder.
    var key: String { libraryHasVolumes ? library : bundled ?? library }

    /// What the title bar and messages call it.
    var location: String {
        guard libraryHasVolumes else { return bundled ?? library }
        return bundled == nil ? library : "\(library) + the bundled sample"
    }
}

/// A one-line error for the user: printed as "frusread: message" with a non-zero exit, no trace.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32
    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }
    var description: String { message }
}

/// Objects that live until the process exits. A command's corpus can hold a whole parsed
/// volume (tens of MB of small objects); freeing it one object at a time just before exit
/// costs a noticeable share of a command's time, and the system frees it at once anyway.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [AnyObject] = []

    static func keep<T: AnyObject>(_ object: T) -> T {
        kept.append(object)
        return object
    }
}
