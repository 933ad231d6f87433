import ArgumentParser
import Foundation
import FrusTerminal
import FrusTheme
import FrusReader
import FrusUserFiles
import FrusView

/// The interactive reader (the default command): `frusread [PATH]`.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Open the interactive reader (the default).")

    @Argument(help: "A corpus folder or a FRUS TEI volume file.")
    var path: String?

    @OptionGroup var options: CorpusOptions

    @Option(help: ArgumentHelp(
        "The colour theme: default, light, mono or one of yours (default: $FRUSREAD_THEME).",
        valueName: "name"))
    var theme: String?

    @Option(help: ArgumentHelp(
        "Open at this document (175, frus1981-88v05/175, as `show` takes it) instead of where the last session left off.",
        valueName: "doc"))
    var at: String?

    @Option(name: .customLong("command"), help: ArgumentHelp(
        "A command to run at start, as typed after “:” (repeatable: --command ':p 766'); wins over the remembered place.",
        valueName: "command"))
    var commands: [String] = []

    /// For the start-up benchmark: quit as soon as the first frame is on the screen.
    @Flag(help: .hidden) var exitAfterFirstFrame = false

    func run() throws {
        // Checked before anything touches curses: without a terminal on both ends curses would
        // write escape sequences into a pipe or wait for keys that never come.
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CLIError(
                "the reader needs a terminal on standard input and output; to print a document, use `frusread show N`",
                exitCode: 2)
        }
        let corpusPath = try options.chosenPath(path)
        // With a warm index, links into other volumes are named from it, unparsed.
        let (corpus, index) = try options.openWithExistingIndex(path: path)
        guard !corpus.sources.isEmpty else {
            throw CLIError("no documents in \(corpus.location): nothing to read (a corpus is a folder of FRUS TEI volumes or plain-text documents)")
        }
        let environment = ProcessInfo.processInfo.environment
        let folders = UserFolders.from()
        let settings = UserSettings(folders: folders)
        let choices = ReaderChoices(folders)
        let loader = ThemeLoader.standard()
        // --theme, then FRUSREAD_THEME, then config.toml's theme, then the last one chosen with c.
        let remembered = choices.theme().flatMap { loader.availableNames().contains($0) ? $0 : nil }
        let themes = loader.loadAll(
            preferred: theme ?? environment["FRUSREAD_THEME"].flatMap { $0.isEmpty ? nil : $0 } ?? settings.config.theme ?? remembered)
        let keeper = ReaderKeeper(
            saveCommandHistory: { try? choices.saveCommandHistory($0) },
            saveTheme: { try? choices.saveTheme($0) })
        let start = try at.map { spec -> (volume: String, number: String) in
            let doc = try DocumentChoice.find(spec, volume: nil, in: corpus, lazily: true)
            return (doc.volumeID, doc.number)
        }
        let app = ReaderApp(
            corpus: corpus, themes: themes, start: start, keymap: settings.keymap,
            searcher: IndexedCorpusSearch(corpusPath: corpusPath, corpus: corpus, index: index),
            settings: ReaderSettings(
                commandHistory: choices.commandHistory(),
                maxTextWidth: settings.config.textWidth ?? ScreenLayout.defaultMaxTextWidth, warnings: settings.warnings),
            keeper: keeper, openURL: { URLOpener.open($0) },
            memory: UserMemory(folders: folders, corpusPath: corpusPath), commands: commands)
        // The reader opens on the remembered document, else the first of the first volume that
        // can be read (each read alone, the rest of its volume later). A corpus with none
        // fails here, saying why, rather than on an empty screen.
        guard app.state.document != nil else {
            Output.warnings(corpus)
            throw CLIError("no document in \(corpus.location) can be read: nothing to read")
        }
        let code = Terminal.run(app: app, options: Terminal.Options(exitAfterFirstFrame: exitAfterFirstFrame))
        if code != 0 { throw ExitCode(code) }
    }
}
