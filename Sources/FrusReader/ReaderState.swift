import FrusFind
import FrusLayout
import FrusModel

/// Which pane keys act on.
public enum Focus: String, Sendable, Hashable, CaseIterable {
    case document, footnotes, links

    public var next: Focus {
        switch self {
        case .document: return .footnotes
        case .footnotes: return .links
        case .links: return .document
        }
    }
}

/// Where the reader is, exactly: what history records for each jump and back restores.
public struct Place: Sendable, Hashable {
    public var volume: String
    public var number: String
    public var scroll: Int
    public var selection: Int?
    public var footnoteScroll: Int
    public var footnoteSelection: Int?
    public var linkScroll: Int
    public var linkSelection: Int?
    public var focus: Focus
}

/// A line of text for the status bar.
public struct StatusMessage: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case info, error }
    public var text: String
    public var kind: Kind

    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}

/// Something drawn over the panes; the topmost takes the keys.
public enum Overlay: Sendable, Hashable {
    case help(scroll: Int)
    case tableOfContents(TableOfContentsState)
    /// The last corpus search's results (`ReaderState.searchResults`).
    case searchResults
    /// `K`: hint letters on the mentions in view; `typed` the letters typed so far.
    case mentionHints(typed: String)
    /// A person's or term's entry and the documents mentioning it.
    case entry(EntryState)
    /// `P`: the volume's persons and terms.
    case entries(EntriesState)
    /// `p`: what the selected link leads to, without going there (`Peek`).
    case peek(Peek)
    /// `M`: the marks; `H`: the lasting history, newest first.
    case marks(MemoryListState)
    case history(MemoryListState)
}

/// What the status-line prompt is for.
public enum PromptKind: Sendable, Hashable {
    /// `:` commands.
    case command
    /// `/`: search this document and its footnotes.
    case find
    /// `S`: search every volume.
    case corpusSearch
    /// `a` with no editor: the note's text.
    case note

    /// What the status line shows before the typed text.
    public var prefix: String {
        switch self {
        case .command: return ":"
        case .find: return "/"
        case .corpusSearch: return "Search all volumes: "
        case .note: return "Note: "
        }
    }
}

/// The whole reader: pure data, changed only by `reduce`.
public struct ReaderState: Sendable {
    public let corpus: Corpus
    public var layouter: Layouter {
        didSet { recentLayouts = RecentLayouts() }
    }
    /// Layouts of the documents shown last (see `RecentLayouts`).
    var recentLayouts = RecentLayouts()
    /// How many documents' layouts are kept (for tests).
    public var keptLayoutCount: Int { recentLayouts.count }

    public var screen: ScreenLayout
    /// The open document with its layouts (nil: the corpus has no documents).
    public var view: DocumentView?

    public var focus: Focus = .document
    /// First line of the document pane.
    public var scroll = 0
    /// Index into `view.selectables` (the document pane's references).
    public var selection: Int?
    public var footnoteScroll = 0
    /// Index into `view.footnoteLayout.references`.
    public var footnoteSelection: Int?
    public var linkScroll = 0
    /// Index into `view.navigatorTargets`.
    public var linkSelection: Int?

    public var back: [Place] = []
    public var forward: [Place] = []

    /// Overlays, bottom first: the last one is drawn on top and takes the keys.
    public var overlays: [Overlay] = []
    /// The status-line prompt's text while it is open (`:`, `/` or `S`: see `prompt`).
    public var commandLine: String? {
        didSet { if commandLine == nil { commandCursor = 0; historyPosition = nil } }
    }
    public var prompt: PromptKind = .command
    /// Where on the command line the cursor is, in characters.
    public var commandCursor = 0
    /// The `:` commands run, oldest first (kept between sessions by the app: `Effect.saveCommandHistory`).
    public var commandHistory: [String] = []
    /// The history entry shown by ↑ / ↓, and the line as typed before ↑.
    var historyPosition: Int?
    var historyDraft = ""

    /// The keys in force: the standard ones with the user's `[keys]` over them.
    public var keymap: Keymap = .standard
    /// A count typed before a key (`5` of `5j`).
    public var pendingCount: Int?
    /// Space was pressed at the end of the document: another opens the next one.
    var spaceAtEnd = false

    /// The in-document search (`/`, `n`, `N`), kept across documents as vim keeps its pattern.
    public var search: FindState?
    /// The last corpus search's results (shown by the `.searchResults` overlay).
    public var searchResults: SearchResultsState?
    /// A corpus search the app is running (asked for with `Effect.searchCorpus`).
    public var pendingCorpusSearch: CorpusSearchRequest?
    /// An entry's name to look for in other volumes, asked of the app once the action is done
    /// (`Effect.searchElsewhere`), and what such look-ups found this session.
    var elsewhereToAsk: ElsewhereRequest?
    var elsewhereFound: [ElsewhereRequest: [SearchHit]] = [:]

    public var themeNames: [String]
    public var themeIndex: Int
    public var message: StatusMessage?
    /// Marks, the lasting history and notes (see `ReaderMemory`).
    public var memory = ReaderMemory()
    /// How many of the corpus' problems the status line has told (see `reportNewProblems`).
    var reportedProblems = 0

    public init(
        corpus: Corpus, width: Int = 80, height: Int = 24, themeNames: [String] = ["default"],
        themeIndex: Int = 0, layouter: Layouter = .standard
    ) {
        self.corpus = corpus
        self.layouter = layouter
        self.screen = ScreenLayout(width: width, height: height)
        self.themeNames = themeNames.isEmpty ? ["default"] : themeNames
        self.themeIndex = min(max(0, themeIndex), self.themeNames.count - 1)
    }

    public var document: Document? { view?.document }

    /// Where the reader is now, for history.
    public var place: Place? {
        guard let doc = view?.document else { return nil }
        return Place(
            volume: doc.volumeID, number: doc.number, scroll: scroll, selection: selection,
            footnoteScroll: footnoteScroll, footnoteSelection: footnoteSelection,
            linkScroll: linkScroll, linkSelection: linkSelection, focus: focus)
    }

    /// Lines the document pane shows at once.
    public var documentHeight: Int { max(1, screen.documentText.height) }
    public var footnotesHeight: Int { max(1, screen.footnotesText.height) }
    public var linksHeight: Int { max(1, screen.linksText.height) }

    public var topOverlay: Overlay? { overlays.last }
}
