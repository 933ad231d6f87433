import FrusModel

/// What an open element is building. One frame per open element (except inside ignored
/// subtrees), so an end tag always closes exactly its own frame.
enum FrameRole {
    // Outside documents.
    /// Text is dropped; `pb`, chapters, persons and terms are still found inside.
    case outside(OutsideKind)
    /// A chapter, compilation or section: index into the volume's chapter list.
    case chapter(Int)
    /// `div[@xml:id="persons"|"terms"]`.
    case entryList(EntryKind)
    /// Text read as plain text: the volume's title and id, a chapter's title, a list entry.
    case capture(CaptureKind)

    // Documents.
    case document
    /// A container of blocks (the blocks go in `Frame.blocks`).
    case container(ContainerKind)
    case list(ListKind)
    case table
    case row
    /// An element whose inline content makes one block (or a title, a label, a cell).
    case root(RootKind)
    /// An inline element that wraps its content (style, link, mention).
    case wrapper(WrapperKind)
    /// An element with no meaning of its own: its content flows into its parent.
    case transparent
    /// A block-like element met inside running text: its content becomes a line of it.
    case lineLike
    /// A list item's `label` met inside running text ("1)", "(a)"): a line of it that the
    /// item after it continues ("1) The existing laws …").
    case inlineLabel
    /// The `placeName` of a document's dateline: transparent (its text runs on in the
    /// dateline's), and also copied into `TEIBuilder.placeText`.
    case placeName
}

enum OutsideKind {
    case plain, header, front, back, titleStmt
    /// The `body`: whether it holds anything is noted when it ends.
    case body
    /// A section passed over while one document is read (`onlyDocument`): documents inside
    /// it are still found; its page breaks are not carried past it.
    case skippedSection
}
enum EntryKind { case person, term }
enum CaptureKind {
    case volumeTitle, volumeID, chapterTitle(Int), entry(EntryKind), bibliography(BibliographyField)
    /// The parts of a scan's catalogue entry: the page count, the file or PDF's address.
    case scanPages, scanAddress(fromPDF: Bool)
}

/// A field of the header read for `Volume.bibliography`.
enum BibliographyField {
    case title(type: String), editor(role: String?), publisher, place, year
}

enum ContainerKind {
    case item, quote, attachment, postscript, editorialNote
    case footnote(number: Int, label: String, id: String?)
    /// An element the importer does not map, by its name.
    case named(String)
}

enum RootKind {
    case paragraph(ParagraphStyle)
    /// Running text found directly in a block container (an `item`'s text, a footnote's
    /// text): closed by the next block element or the container's end.
    case implicitParagraph
    case heading, documentTitle, attachmentHeading, attachmentLabel, listOrTableHead
    case dateline, salutation, closer, cell
    /// A `label` in a list ("41."): printed before the next item's text.
    case itemLabel
}

enum WrapperKind {
    case styled([TextStyle])
    case link(LinkTarget)
    case mention(Mention)
    /// The name of a persons or terms entry (`persName[@xml:id]`, `term[@xml:id]`).
    case entryName(String)
    /// A sender or recipient named in the document's head (`persName[@type="from"|"to"]`),
    /// maybe also a mention of the persons list.
    case party(from: Bool, mention: Mention?)
    /// A note printed in the margin (`seg type="margin"`, the topic beside each item of the
    /// 1919 commissioners' minutes): set apart from the sentence it follows.
    case margin
}

extension Frame {
    /// An inline element's frame: a style, link or name, or one with no meaning of its own.
    var isInlineElement: Bool {
        switch role {
        case .wrapper, .transparent, .placeName: return true
        default: return false
        }
    }
}

struct Frame {
    var role: FrameRole
    /// The frames that received inlines and blocks before this one opened, and the
    /// white-space state, restored when it closes.
    var savedInlineTarget: Int
    var savedBlockTarget: Int
    var savedAtSpace: Bool

    var inlines: [Inline] = []
    var blocks: [Block] = []
    /// A list's items.
    var items: [[Block]] = []
    /// A table's rows.
    var rows: [[[Inline]]] = []
    /// A row's cells.
    var cells: [[Inline]] = []
    /// An attachment's label; a list's or table's head.
    var label: [Inline] = []
    /// An attachment's heading.
    var heading: [Inline] = []
    /// A list's label waiting for its item (`<label>41.</label><item>…`).
    var itemLabel: [Inline] = []
    var hasHeading = false

    init(_ role: FrameRole, inlineTarget: Int, blockTarget: Int, atSpace: Bool) {
        self.role = role
        savedInlineTarget = inlineTarget
        savedBlockTarget = blockTarget
        savedAtSpace = atSpace
        if case .root(.implicitParagraph) = role { isImplicitParagraph = true } else { isImplicitParagraph = false }
    }

    /// Stored, not derived from `role`: it is asked at every end tag, and matching on the
    /// role would copy its payload.
    let isImplicitParagraph: Bool
}

/// The document being read, apart from its blocks (which its frame holds).
struct DocumentDraft {
    var number: String
    var id: String
    var date: String?
    var dateEnd: String?
    var line: Int
    var kind: DocumentKind = .document
    /// From the document's dateline: its `placeName`, and its `date` element's attributes
    /// (used when the `div` carries no `frus:doc-dateTime-min`).
    var place: String?
    var datelineDate: String?
    var datelineDateEnd: String?
    /// Inside the document's own dateline (not an attachment's or a footnote's).
    var inDateline = false
    /// The footnote holding the source note (`note type="source"`), for the classification.
    var sourceNote: Int?
    var title: [Inline] = []
    var hasTitle = false
    var dateline: String?
    var subject: String?
    var footnotes: [Footnote] = []
    /// Link targets in this volume, checked once all documents are known.
    var localTargets: [LinkTarget] = []
    /// Footnote markers placed in the title and body, in order.
    var markers: [Int] = []
    /// Open attachments and footnotes: their datelines and subjects are not the document's.
    var attachmentDepth = 0
    var footnoteDepth = 0
    /// Footnotes begun so far: a note's number is its place (1-based) in the document, which
    /// is its printed number wherever notes are printed 1…N.
    var noteCount = 0
    /// Whether the document's head is being read (typed names in it are sender and recipient).
    var inTitle = false
    var senders: [String] = []
    var recipients: [String] = []
    /// A catalogue entry of a scan, and where among the document's blocks it stands.
    var scan: Scan?
    var scanBlockIndex: Int?
    /// Text of the entry not shown by the count and address ("71 pp.", a file's description):
    /// shown with them, so nothing of the source is lost.
    var scanPagesText: String?
    var scanTexts: [String] = []
    /// A `frus:pdf` without an address: the scan's PDF is at history.state.gov's usual place;
    /// its size as the TEI prints it ("288 KB"), if given.
    var scanPDFWithoutAddress = false
    var scanPDFSize: String?
    /// Lines before the head (`Document.headLabel`).
    var headLabel: [Inline] = []
}
