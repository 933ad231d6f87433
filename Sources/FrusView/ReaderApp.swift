import FrusModel
import FrusReader
import FrusTheme

/// The reader as the terminal layer drives it: keys in, frames out. Wires the keymap, the pure
/// reducer and the pure view; owns no terminal.
public final class ReaderApp: TerminalApp {
    public private(set) var state: ReaderState
    public let themes: [Theme]
    /// Each theme's styles, looked up once: not again on every frame.
    private let themeStyles: [ViewStyles]
    public let keymap: Keymap
    /// Runs corpus searches (`S`, `:search`); nil: the reader says search is not available.
    public let searcher: (any CorpusSearching)?
    /// The corpus search running in the background, if any.
    private var job: CorpusSearchJob?
    /// Entries' names being looked up in other volumes.
    private var elsewhereJobs: [ElsewhereSearchJob] = []
    /// Opens a web address in a browser, detached; returns what to tell the user (the
    /// terminal layer's `URLOpener` in the reader; a double in tests).
    public let openURL: (String) -> StatusMessage
    /// Clipboard texts not yet handed to the terminal layer.
    private var clipboard: [String] = []
    /// Where what the reader remembers between sessions goes (the app's user files).
    public let keeper: ReaderKeeper
    /// Where marks, history, the place and notes are kept (nil: nothing is remembered).
    public let memory: (any ReaderMemoryStoring)?
    /// What to do once the screen size is known (see `StartPlan`).
    private var startPlan: StartPlan?
    /// The note waiting for the editor (`AppResponse.handOver`).
    private var noteToEdit: NoteRequest?

    /// - Parameters:
    ///   - corpus: the corpus to read.
    ///   - themes: from `ThemeLoader.loadAll(preferred:)`; its warnings are shown in the status line.
    ///   - start: the document to open first (volume id, number); the corpus' first document when nil.
    public init(
        corpus: Corpus, themes: ThemeSet = ThemeSet(themes: [ThemeLoader.compiledDefault]),
        start: (volume: String, number: String)? = nil, width: Int = 80, height: Int = 24,
        keymap: Keymap = .standard, layouter: Layouter = .standard, searcher: (any CorpusSearching)? = nil,
        settings: ReaderSettings = ReaderSettings(), keeper: ReaderKeeper = ReaderKeeper(),
        openURL: @escaping (String) -> StatusMessage = { _ in
            StatusMessage("Opening web addresses is not available in this session.", kind: .error)
        },
        memory: (any ReaderMemoryStoring)? = nil, commands: [String] = []
    ) {
        self.openURL = openURL
        self.keeper = keeper
        self.themes = themes.themes
        self.themeStyles = themes.themes.map(ViewStyles.init)
        self.keymap = keymap
        self.searcher = searcher
        self.memory = memory
        state = ReaderState(
            corpus: corpus, width: width, height: height, themeNames: themes.themes.map(\.name),
            themeIndex: themes.initialIndex, layouter: layouter)
        state.keymap = keymap
        state.commandHistory = settings.commandHistory
        if settings.maxTextWidth != state.screen.maxTextWidth { state.setMaxTextWidth(settings.maxTextWidth) }
        // A theme problem is told first: problems found reading the corpus wait for the next
        // key (see ReaderState.reportNewProblems).
        let warnings = themes.warnings + settings.warnings
        if let warning = warnings.first {
            let more = warnings.count > 1 ? " (+\(warnings.count - 1) more)" : ""
            state.message = StatusMessage(warning + more, kind: .error)
        }
        state.start(volume: start?.volume, number: start?.number)
        // The remembered place is restored at the real screen size (its scroll is a line of
        // that layout): at the first resize.
        if memory != nil || !commands.isEmpty { startPlan = StartPlan(start: start, commands: commands) }
    }

    /// How the session starts: `--at` and start commands win over the remembered place.
    struct StartPlan {
        var start: (volume: String, number: String)?
        var commands: [String]
    }

    private func begin(_ plan: StartPlan) {
        let kept = state.message
        if let memory {
            state.memory.clock = { ISOTime.now() }
            let (remembered, warnings) = memory.load()
            state.remember(remembered)
            // Start commands run from the remembered place (`:p 766` is a page of its volume; back
            // returns there); `--at` replaces it.
            if plan.start == nil && remembered.place != nil {
                state.resume(remembered.place)
            } else {
                state.recordCurrentVisit()
            }
            if let w = warnings.first {
                state.message = StatusMessage(w + (warnings.count > 1 ? " (+\(warnings.count - 1) more)" : ""), kind: .error)
            }
        }
        for command in plan.commands {
            let text = command.hasPrefix(":") ? String(command.dropFirst()) : command
            for effect in state.reduce(.command(text)) { run(effect) }
        }
        if state.message == nil { state.message = kept }
        // The visit of the start is saved when the reader is idle, not before the first frame.
    }

    public var theme: Theme { themes[min(state.themeIndex, themes.count - 1)] }

    public func resize(width: Int, height: Int) {
        state.reduce(.resize(width: max(0, width), height: max(0, height)))
        if let plan = startPlan {
            startPlan = nil
            begin(plan)
        }
    }

    public func handle(_ key: Key) -> AppResponse {
        var response = AppResponse.continue
        for effect in state.press(key, keymap: keymap) {
            switch effect {
            case .quit(let code):
                save(force: true)
                return .quit(code)
            default:
                if let r = run(effect) { response = r }
            }
        }
        // What changed is saved when the reader is next idle (`idle`), after the frame is drawn:
        // a write with its fsync never delays a key.
        return response
    }

    public func takeClipboardRequests() -> [String] {
        defer { clipboard.removeAll() }
        return clipboard
    }

    /// The terminal is going away (SIGTERM, SIGHUP, its window closed): the place is saved as
    /// at `q`.
    public func willTerminate() {
        save(force: true)
    }

    /// Runs an effect other than quitting; returns what the terminal must do, if anything.
    @discardableResult
    private func run(_ effect: Effect) -> AppResponse? {
        switch effect {
        case .quit: return nil
        case .redraw: return .redraw
        case .searchCorpus(let request): start(request)
        case .searchElsewhere(let request):
            if let searcher { elsewhereJobs.append(ElsewhereSearchJob(request, searcher: searcher)) }
            else { state.reduce(.elsewhereFound(request, nil)) }
        case .editNote(let request):
            guard let memory else {
                state.reduce(.noteFailed("notes are not kept in this session"))
                return nil
            }
            if memory.hasEditor {
                noteToEdit = request
                return .handOver
            }
            state.reduce(.openNotePrompt(request))
        case .saveNote(let request, let text): saveNote(request, text)
        case .copyToClipboard(let text): clipboard.append(text)
        case .openURL(let address): state.reduce(.report(openURL(address)))
        case .saveCommandHistory(let lines): keeper.saveCommandHistory(lines)
        case .saveTheme(let name): keeper.saveTheme(name)
        }
        return nil
    }

    /// The terminal is ours: the editor runs on the note's template.
    public func runHandedOver() {
        guard let request = noteToEdit, let memory else { return }
        noteToEdit = nil
        let template = NoteTemplate.text(for: request)
        do {
            let edited = NoteTemplate.strip(try memory.edit(template))
            guard !edited.trimmingSpaces.isEmpty else {
                state.message = StatusMessage("Empty note: nothing saved.")
                return
            }
            saveNote(request, edited)
        } catch {
            state.reduce(.noteFailed("\(error)"))
        }
    }

    private func saveNote(_ request: NoteRequest, _ text: String) {
        guard let memory else { return }
        let note = Note(
            volume: request.volume, document: request.document, anchor: request.anchor, quote: request.quote,
            created: ISOTime.now(), text: text.trimmingSpaces)
        do {
            state.reduce(.noteAdded(try memory.add(note, title: request.title)))
        } catch {
            state.reduce(.noteFailed("\(error)"))
        }
    }

    /// Saves what changed (marks, history; with `force` the place too, as at quitting); true
    /// when the status line has a warning to show.
    @discardableResult
    private func save(force: Bool) -> Bool {
        guard let memory, let update = state.takeMemoryUpdate(force: force) else { return false }
        let (marks, warnings) = memory.save(update)
        if let marks { state.memory.marks = marks }
        guard let w = warnings.first else { return false }
        state.message = StatusMessage(w, kind: .error)
        return true
    }

    /// Takes what the background search has to say: progress, or its result.
    public func idle() -> Bool {
        // Saved here, about 100 ms after the last key: marks, documents opened.
        if memory != nil, startPlan == nil, save(force: false) { return true }
        for (i, pending) in elsewhereJobs.enumerated() {
            guard let answer = pending.take() else { continue }
            elsewhereJobs.remove(at: i)
            state.reduce(answer)
            return true
        }
        guard let job, let update = job.take() else { return false }
        switch update {
        case .progress(let p):
            state.reduce(.corpusSearchProgress(p))
        case .finished(let hits, let indexed):
            self.job = nil
            state.reduce(.corpusSearchFinished(job.request, hits, indexed: indexed))
        case .failed(let reason):
            self.job = nil
            state.reduce(.corpusSearchFailed(job.request, reason))
        }
        return true
    }

    /// Waits for the corpus search in progress, if any, and applies its result (tests).
    public func finishSearch() {
        for pending in elsewhereJobs { pending.wait() }
        guard let job else {
            while idle() {}
            return
        }
        job.wait()
        while idle() {}
    }

    private func start(_ request: CorpusSearchRequest) {
        guard let searcher else {
            state.reduce(.corpusSearchFailed(request, "corpus search is not available in this session."))
            return
        }
        job = CorpusSearchJob(request, searcher: searcher, limit: ReaderState.corpusSearchLimit)
    }

    public func draw(into grid: inout Grid) {
        ReaderView.draw(state, styles: themeStyles[min(state.themeIndex, themeStyles.count - 1)], into: &grid)
    }
}

/// What the reader starts with from the user's files: the `:` history, the text width, and
/// warnings about the config file to show.
public struct ReaderSettings: Sendable {
    public var commandHistory: [String]
    public var maxTextWidth: Int
    public var warnings: [String]

    public init(commandHistory: [String] = [], maxTextWidth: Int = ScreenLayout.defaultMaxTextWidth, warnings: [String] = []) {
        self.commandHistory = commandHistory
        self.maxTextWidth = maxTextWidth
        self.warnings = warnings
    }
}

/// Keeps what the reader remembers between sessions; the app gives functions writing the
/// user's files (FrusUserFiles), tests give none or their own.
public struct ReaderKeeper: Sendable {
    public var saveCommandHistory: @Sendable ([String]) -> Void
    public var saveTheme: @Sendable (String) -> Void

    public init(saveCommandHistory: @escaping @Sendable ([String]) -> Void = { _ in },
                saveTheme: @escaping @Sendable (String) -> Void = { _ in }) {
        self.saveCommandHistory = saveCommandHistory
        self.saveTheme = saveTheme
    }
}
