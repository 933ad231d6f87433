import ArgumentParser
import Foundation
import FrusUserFiles

/// `frusread get VOLUME…`: downloads FRUS TEI volumes into the user's library
/// (`$XDG_DATA_HOME/frusread/volumes/`), which the default corpus includes.
struct Get: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Download FRUS volumes into your library.",
        discussion: """
            Downloads volumes/VOLUME.xml of the public HistoryAtState/frus repository (or of \
            --from / $FRUSREAD_MIRROR) into $XDG_DATA_HOME/frusread/volumes/ (default \
            ~/.local/share/frusread/volumes/), resuming an interrupted download, and verifying \
            each volume before it replaces the one there. A volume already there is downloaded \
            again only when it changed.
            """)

    /// The raw files of the repository's default branch.
    static let defaultBase = "https://raw.githubusercontent.com/HistoryAtState/frus/HEAD/volumes"

    @Argument(help: "Volume ids, e.g. frus1981-88v05.") var volumes: [String] = []
    @Flag(help: "Refresh every volume in the library (and get those named).") var update = false
    @Option(help: ArgumentHelp(
        "The address of a folder holding VOLUME.xml files (default: $FRUSREAD_MIRROR, else the HistoryAtState/frus repository).",
        valueName: "url"))
    var from: String?

    func validate() throws {
        guard update || !volumes.isEmpty else {
            throw ValidationError("name a volume (frusread get frus1981-88v05), or --update to refresh the library")
        }
        for v in volumes where !Library.isValidID(v) {
            throw ValidationError("not a volume id: \(Output.safe(v)) (ids look like frus1981-88v05)")
        }
    }

    func run() throws {
        let library = Library(folders: .from())
        let mirror = from ?? ProcessInfo.processInfo.environment["FRUSREAD_MIRROR"].flatMap { $0.isEmpty ? nil : $0 }
        var ids = volumes
        if update {
            let held = library.volumeIDs()
            if held.isEmpty, volumes.isEmpty {
                Output.line("The library (\(Output.safe(library.folder.path))) has no volumes yet: frusread get frus1981-88v05")
                return
            }
            ids = held + volumes.filter { !held.contains($0) }
        }
        let progress = DownloadProgress(terminal: isatty(STDERR_FILENO) == 1)
        var failures = 0
        for id in ids {
            // --update asks where each volume came from, unless told another place.
            let base = mirror ?? library.metadata(id)?.url.baseFolder ?? Self.defaultBase
            do {
                try VolumeDownload(id: id, base: base, library: library, progress: progress).run()
            } catch let e as CLIError {
                Output.error(e.message)
                failures += 1
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}

extension String {
    /// "https://host/a/b.xml" → "https://host/a".
    fileprivate var baseFolder: String? {
        guard let slash = lastIndex(of: "/") else { return nil }
        return String(self[..<slash])
    }
}
