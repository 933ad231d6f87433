internal import CLibXML2
import FrusModel

/// Builds a volume from the SAX events of a TEI file, in one pass.
///
/// A stack of frames, one per open element. Two indexes say where content goes: the frame
/// receiving inlines (a paragraph, a styled run …) and the frame receiving blocks (the
/// document, a footnote, a list item …). Text is collected as UTF-8 bytes with white space
/// collapsed on the fly, and becomes a `String` only when an inline element starts or ends.
final class TEIBuilder: XMLEventSink {
    let path: String
    /// The volume's id, for its documents and links: the header's `idno`, else the `TEI`
    /// element's `xml:id`, else the fallback (both come before any document).
    var volumeID: String
    let fallbackID: String?

    // Results.
    var headerID: String?
    var rootID: String?
    var volumeTitle: String?
    var documents: [Document] = []
    var chapters: [Chapter] = []
    var persons: [String: Person] = [:]
    var terms: [String: Term] = [:]
    var bibliography = Bibliography()
    /// Whether any document's head prints its number as a document number ("175. Memorandum
    /// …"): else the volume is cited by page. Every volume's TEI numbers its documents (`@n`,
    /// history.state.gov's d1…dN), but the older printed volumes did not: their papers are
    /// cited by page, whether a head says "No. 11." (a serial of the papers) or nothing ("No.
    /// 203." in an opener is the sender's dispatch number).
    var sawPrintedDocumentNumber = false
    var diagnostics: [Diagnostic] = []
    /// `revisionDesc/@status` of the header ("published", "being-digitized" …).
    var revisionStatus: String?
    /// Elements of documents with no rule here, by qualified name (`Volume.unknownElements`).
    var unknownElements: [String: Int] = [:]
    /// `Volume.remarks`.
    var remarks: [Diagnostic] = []

    // Parse state.
    @exclusivity(unchecked) var frames: [Frame] = []
    @exclusivity(unchecked) var inlineTarget = -1
    @exclusivity(unchecked) var blockTarget = -1
    @exclusivity(unchecked) var text = TextCollector()
    /// Whether the collected text ends in a space (or nothing yet): the next white space is dropped.
    var atSpace: Bool {
        get { text.atSpace }
        set { text.atSpace = newValue }
    }
    /// Depth inside a subtree whose content is skipped (a footnote inside a chapter title).
    @exclusivity(unchecked) var ignoreDepth = 0
    @exclusivity(unchecked) var draft: DocumentDraft?
    var documentNumbers: Set<String> = []
    /// Each document's in-volume link targets (by position), for `InVolumeLinks`.
    var localTargets: [[LinkTarget]] = []
    /// Page breaks met between blocks or between documents: they open the next text.
    @exclusivity(unchecked) var pendingPages: [String] = []
    var chapterStack: [Int] = []
    var entryKind: EntryKind?
    /// The names (id, text) in the persons or terms entry being read: one entry may name
    /// several ids ("PII or P–II, Pershing II missile").
    var pendingEntries: [(id: String, name: String)] = []
    var inHeader = false
    var inFront = false
    var inBack = false
    var inTitleStmt = false
    /// The text of the dateline's `placeName` being read, when one is (`Document.place`).
    var placeText: [UInt8]?
    /// An inline element has just ended: a closing mark right after it takes the place of the
    /// space its content ended with (ElementEdgeSpaces).
    var elementJustEnded = false
    /// Elements started so far, and their count when the `body` started: a `body` with no
    /// element in it (`<body/>`) is a volume's shell awaiting its documents.
    var elementsStarted = 0
    var elementsBeforeBody = -1
    var bodyHoldsElements = false
    /// Where an inline list label ended (the frame receiving inlines, its inline count): an
    /// item starting right there goes on the label's line.
    var labelEnd: (frame: Int, count: Int)?
    /// Whether the root element is `TEI`.
    var sawTEIRoot = false
    /// Where the parser is, for warnings (set when the parse begins).
    var location: () -> (line: Int, column: Int) = { (0, 0) }

    func parseBegan(location: @escaping () -> (line: Int, column: Int)) { self.location = location }

    /// When set, only this document is built (`frusread show N`): the others are skipped as
    /// the parser streams past them, and the parse stops once this one is complete.
    var onlyDocument: String?
    var wantsStop: Bool { onlyDocument != nil && !documents.isEmpty }
    /// Reading one document alone from a volume map (`TEIVolumeMap.read`): documents before
    /// it in the volume (a `div` without a number is numbered by its place), every document's
    /// number and id (in-volume links are fixed with them), and whether page breaks left at
    /// the end are the last document's (only when it is the volume's last).
    var documentCountBase = 0
    var volumeDocuments: [(number: String, id: String)]?
    var attachesTrailingPages = true
    var failure: String? {
        text.overLimit ? "a run of text longer than \(TextCollector.limit) bytes (libxml2's limit; refused)" : nil
    }

    init(path: String, fallbackID: String?) {
        self.path = path
        self.fallbackID = fallbackID
        self.volumeID = fallbackID ?? "unknown"
        frames.reserveCapacity(64)
    }

    // MARK: Events

    func startElement(_ tag: XMLStartTag) {
        if ignoreDepth > 0 { ignoreDepth += 1; return }
        elementsStarted &+= 1
        let element = TEIElement(tag)
        if element == .other {
            // Web-page markup embedded in a volume (a video player's `script`, `object`,
            // hidden `div`s): not text of the volume; nothing of it is shown.
            if Self.isEmbeddedWebCode(tag) { ignoreDepth = 1; return }
            countIfUnknown(element, tag)
        }
        if inlineTarget >= 0 {
            elementJustEnded = false
            dropSpaceAfterOpeningBracket()
            startInline(element, tag)
        } else if blockTarget >= 0 {
            startBlock(element, tag)
        } else {
            startOutside(element, tag)
        }
    }

    func endElement() {
        if ignoreDepth > 0 { ignoreDepth -= 1; return }
        while let top = frames.indices.last, frames[top].isImplicitParagraph { popFrame() }
        let inlineElement = frames.last?.isInlineElement ?? false
        popFrame()
        elementJustEnded = inlineElement && inlineTarget >= 0
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if ignoreDepth > 0 { return }
        if inlineTarget < 0 {
            // Between blocks: indentation, unless there is real text (then it opens a paragraph).
            guard blockTarget >= 0, let base = bytes.baseAddress, cnx_is_all_space(base, bytes.count) == 0 else { return }
            openImplicitParagraph()
        }
        if elementJustEnded {
            elementJustEnded = false
            dropSpaceBeforeClosingMark(bytes)
        }
        text.append(bytes)
        if placeText != nil { placeText!.append(contentsOf: bytes) }
    }

    // MARK: Text

    /// Moves the collected text into the frame receiving inlines.
    @inline(__always)
    func flushText() {
        guard !text.isEmpty else { return }
        if inlineTarget >= 0 {
            // Text after an element that only marks its content (a place name) joins the text
            // before it: one run, as if the element were not there.
            if case .text(var before)? = frames[inlineTarget].inlines.last, before.utf8.count < Self.joinLimit {
                // The array's copy is dropped first, so `before` grows in place: `before + text`
                // copied the run so far at each join, quadratic in an 11 MB paragraph cut by
                // empty elements.
                let last = frames[inlineTarget].inlines.count - 1
                frames[inlineTarget].inlines[last] = .lineBreak
                before += text.take()
                frames[inlineTarget].inlines[last] = .text(before)
            } else {
                frames[inlineTarget].inlines.append(.text(text.take()))
            }
        } else {
            text.clear()
        }
    }

    /// Text is joined to a run before it up to this size; past it, runs follow one another
    /// (layout reads them as one word all the same): growing a run of megabytes by copies
    /// cost more than libxml2's whole parse.
    static let joinLimit = 1 << 20

    func appendInline(_ inline: Inline) {
        flushText()
        if inlineTarget >= 0 { frames[inlineTarget].inlines.append(inline) }
    }

    /// Ends the current line of running text (TEI `lb`, the lines of a signature).
    func breakLine() {
        guard inlineTarget >= 0 else { return }
        flushText()
        frames[inlineTarget].inlines.trimTrailing(lineBreaks: false)
        if let last = frames[inlineTarget].inlines.last, last != .lineBreak {
            frames[inlineTarget].inlines.append(.lineBreak)
        }
        atSpace = true
    }

    // MARK: Frames

    func push(_ role: FrameRole, inline: Int? = nil, block: Int? = nil, resetSpace: Bool = false) {
        frames.append(Frame(role, inlineTarget: inlineTarget, blockTarget: blockTarget, atSpace: atSpace))
        if let inline { inlineTarget = inline }
        if let block { blockTarget = block }
        if resetSpace { atSpace = true }
    }

    /// A frame with no meaning: content goes where it went before.
    func pushTransparent() { push(.transparent) }

    /// A frame outside documents: text is dropped, and nothing receives blocks.
    func pushOutside(_ role: FrameRole = .outside(.plain)) { push(role, inline: -1, block: -1) }

    /// A frame whose inlines make a block, a title or a cell.
    func pushRoot(_ kind: RootKind) {
        flushText()
        push(.root(kind), inline: frames.count, resetSpace: true)
        // Most paragraphs hold several runs: growing from 1 by doubling costs more.
        frames[frames.count - 1].inlines.reserveCapacity(8)
        // Page breaks waiting between blocks open the next text of the document's body.
        if !pendingPages.isEmpty, let draft, draft.footnoteDepth == 0 {
            frames[frames.count - 1].inlines = pendingPages.map { .pageBreak($0) }
            pendingPages.removeAll()
        }
    }

    func pushCapture(_ kind: CaptureKind) {
        flushText()
        push(.capture(kind), inline: frames.count, resetSpace: true)
    }

    func pushWrapper(_ kind: WrapperKind) {
        flushText()
        push(.wrapper(kind), inline: frames.count)
    }

    func pushContainer(_ role: FrameRole) {
        flushText()
        push(role, inline: -1, block: frames.count)
    }

    func openImplicitParagraph() { pushRoot(.implicitParagraph) }

    /// Closes the innermost frame and hands what it built to its parent.
    func popFrame() {
        guard let index = frames.indices.last else { return }
        if inlineTarget == index { flushText() }
        var frame = frames.removeLast()
        inlineTarget = frame.savedInlineTarget
        blockTarget = frame.savedBlockTarget
        switch frame.role {
        case .transparent, .wrapper, .placeName:
            break  // white space state runs on through inline elements
        case .lineLike:
            breakLine()
        case .inlineLabel:
            flushText()
            if inlineTarget >= 0 { labelEnd = (inlineTarget, frames[inlineTarget].inlines.count) }
        default:
            atSpace = frame.savedAtSpace
        }
        finish(&frame)
    }

    /// Adds a finished block to the frame receiving blocks: a list makes it an item, a table
    /// a row, a row a cell.
    func emit(_ block: Block) {
        guard blockTarget >= 0 else { return }
        switch frames[blockTarget].role {
        case .list: frames[blockTarget].items.append([block])
        case .table: frames[blockTarget].rows.append([block.flattenedInlines])
        case .row: frames[blockTarget].cells.append(block.flattenedInlines)
        default: frames[blockTarget].blocks.append(block)
        }
    }

    func warn(_ message: String, line: Int? = nil) {
        let where_ = line ?? location().line
        diagnostics.append(Diagnostic(.warning, message, at: SourceLocation(file: path, line: where_)))
    }
}

@inline(__always)
func isXMLSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }

extension Block {
    /// The block's inlines as one run, for places that hold only inlines (a table cell):
    /// inline lists joined by line breaks.
    var flattenedInlines: [Inline] {
        var out: [Inline] = []
        forEachInlineList { list in
            guard !list.isEmpty else { return }
            if !out.isEmpty { out.append(.lineBreak) }
            out += list
        }
        return out
    }
}
