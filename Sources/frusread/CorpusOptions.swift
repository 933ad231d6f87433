import ArgumentParser
import Foundation
import FrusImport
import FrusModel
import FrusSearch
import FrusTheme

/// `--corpus PATH`, shared by every subcommand.
struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A corpus folder or a FRUS TEI volume file (default: $FRUSREAD_CORPUS, else the bundled Corpus/).",
        valueName: "path"))
    var corpus: String?

    /// Opens the corpus named by `--corpus`, `path` (the reader's positional argument),
    /// $FRUSREAD_CORPUS or the bundled one, in that order.
    func open(path: String? = nil) throws -> Corpus {
        let chosen = try chosenPath(path)
        do {
            return ProcessLifetime.keep(try CorpusLoader.open(chosen))
        } catch let d as Diagnostic {
            throw CLIError(d.location.map { "\($0): \(d.message)" } ?? d.message)
        }
    }

    /// Opens the corpus together with its search index (not brought up to date): unchanged TEI
    /// files are listed from the index, without reading their headers.
    func openIndexed(path: String? = nil) throws -> (Corpus, SearchIndex) {
        let chosen = try chosenPath(path)
        return try openIndexed(chosen, index: SearchIndex(corpusPath: chosen))
    }

    /// The corpus, with its search index only if one was built before (then unchanged volumes
    /// are listed, and links into unread volumes resolved, from the index): commands that do
    /// not search must not leave an index file behind for every folder they are pointed at.
    func openWithExistingIndex(path: String? = nil) throws -> (Corpus, SearchIndex?) {
        let chosen = try chosenPath(path)
        guard FileManager.default.fileExists(atPath: IndexLocation(corpusPath: chosen).file) else {
            return (try open(path: chosen), nil)
        }
        let (corpus, index) = try openIndexed(chosen, index: SearchIndex(corpusPath: chosen))
        return (corpus, Optional(index))
    }

    private func openIndexed(_ chosen: String, index: SearchIndex) throws -> (Corpus, SearchIndex) {
        do {
            let corpus = try CorpusLoader.open(chosen, headers: index.headers, outlines: index)
            return (ProcessLifetime.keep(corpus), index)
        } catch let d as Diagnostic {
            throw CLIError(d.location.map { "\($0): \(d.message)" } ?? d.message)
        }
    }

    /// `path`, `--corpus`, $FRUSREAD_CORPUS or the bundled corpus, in that order.
    func chosenPath(_ path: String? = nil) throws -> String {
        let chosen = path ?? corpus ?? ProcessInfo.processInfo.environment["FRUSREAD_CORPUS"] ?? BundledCorpus.path
        guard let chosen else {
            throw ValidationError("no corpus: the bundled Corpus/ folder was not found; pass --corpus PATH")
        }
        return chosen
    }
}

/// The bundled Corpus/ folder: beside the package the executable was built in
/// (.build/<config>/frusread → ../../Corpus), or beside the executable.
enum BundledCorpus {
    static var path: String? { BundledFolder.find("Corpus", executablePath: CommandLine.arguments[0]) }
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
