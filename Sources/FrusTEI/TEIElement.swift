/// The TEI elements the importer gives a meaning to. Everything else is `.other`: its text
/// is kept (inline) or it becomes a `.container` (at block level).
enum TEIElement: UInt8 {
    case tei, teiHeader, title, idno, front, div, head, p, note, pb, lb, hi, ref, persName, gloss,
        term, list, item, label, table, row, cell, quote, opener, closer, dateline, salute, signed,
        postscript, attachment, seg, ab, l, lg, byline, docAuthor, trailer, addrLine, address,
        floatingText, text, body, back, group
    /// Dates and places inside datelines: their text flows on; `date` is read for the date.
    case date, placeName
    /// Figures and their images: shown as a placeholder naming the image.
    case figure, graphic
    /// Text left out of the transcription: shown as "[…]".
    case gap
    /// The catalogue entry of a scanned document (microfiche supplements):
    /// `frus:page-count-according-to-citation`, `frus:file`, `frus:pdf`.
    case scanPages, scanFile, scanPDF
    /// `frus:problem`: a note on a problem of the source, kept as an editorial note.
    case problem
    case other

    static let tei_ns: StaticString = "http://www.tei-c.org/ns/1.0"
    static let frus_ns: StaticString = "http://history.state.gov/frus/ns/1.0"
    /// The same vocabulary under the URI some volumes declare for `frus:`
    /// (`frus1917-72PubDip`: `xmlns:frus="http://history.state.gov/ns/1.0"`).
    static let frus_ns_variant: StaticString = "http://history.state.gov/ns/1.0"

    /// Classifies a start tag: TEI elements by local name (in the TEI namespace or none),
    /// `frus:attachment` by its namespace.
    init(_ tag: XMLStartTag) {
        if let uri = tag.namespaceURI, !cStringEquals(uri, TEIElement.tei_ns) {
            let frus = cStringEquals(uri, TEIElement.frus_ns) || cStringEquals(uri, TEIElement.frus_ns_variant)
            self = frus ? TEIElement.classifyFRUS(tag.localName) : .other
            return
        }
        self = TEIElement.classify(tag.localName)
    }

    /// An element of the FRUS namespace, by local name.
    static func classifyFRUS(_ n: UnsafePointer<UInt8>) -> TEIElement {
        if cStringEquals(n, "attachment") { return .attachment }
        if cStringEquals(n, "page-count-according-to-citation") { return .scanPages }
        if cStringEquals(n, "file") { return .scanFile }
        if cStringEquals(n, "pdf") { return .scanPDF }
        if cStringEquals(n, "problem") { return .problem }
        return .other
    }

    /// The element named by a NUL-terminated local name: a switch on the first byte, then
    /// byte comparisons (this runs for every element of a volume; no String is made).
    static func classify(_ n: UnsafePointer<UInt8>) -> TEIElement {
        @inline(__always) func eq(_ s: StaticString) -> Bool { cStringEquals(n, s) }
        switch n[0] {
        case UInt8(ascii: "p"):
            if n[1] == 0 { return .p }
            if eq("pb") { return .pb }
            if eq("persName") { return .persName }
            if eq("postscript") { return .postscript }
            if eq("placeName") { return .placeName }
        case UInt8(ascii: "h"):
            if eq("hi") { return .hi }
            if eq("head") { return .head }
        case UInt8(ascii: "g"):
            if eq("gloss") { return .gloss }
            if eq("group") { return .group }
            if eq("graphic") { return .graphic }
            if eq("gap") { return .gap }
        case UInt8(ascii: "i"):
            if eq("item") { return .item }
            if eq("idno") { return .idno }
        case UInt8(ascii: "n"):
            if eq("note") { return .note }
        case UInt8(ascii: "r"):
            if eq("ref") { return .ref }
            if eq("row") { return .row }
        case UInt8(ascii: "l"):
            if n[1] == 0 { return .l }
            if eq("list") { return .list }
            if eq("lb") { return .lb }
            if eq("label") { return .label }
            if eq("lg") { return .lg }
        case UInt8(ascii: "d"):
            if eq("div") { return .div }
            if eq("dateline") { return .dateline }
            if eq("docAuthor") { return .docAuthor }
            if eq("date") { return .date }
        case UInt8(ascii: "q"):
            if eq("quote") { return .quote }
        case UInt8(ascii: "o"):
            if eq("opener") { return .opener }
        case UInt8(ascii: "c"):
            if eq("closer") { return .closer }
            if eq("cell") { return .cell }
        case UInt8(ascii: "s"):
            if eq("signed") { return .signed }
            if eq("salute") { return .salute }
            if eq("seg") { return .seg }
        case UInt8(ascii: "t"):
            if eq("term") { return .term }
            if eq("title") { return .title }
            if eq("table") { return .table }
            if eq("text") { return .text }
            if eq("teiHeader") { return .teiHeader }
            if eq("trailer") { return .trailer }
        case UInt8(ascii: "a"):
            if eq("ab") { return .ab }
            if eq("addrLine") { return .addrLine }
            if eq("address") { return .address }
        case UInt8(ascii: "b"):
            if eq("body") { return .body }
            if eq("back") { return .back }
            if eq("byline") { return .byline }
        case UInt8(ascii: "f"):
            if eq("front") { return .front }
            if eq("floatingText") { return .floatingText }
            if eq("figure") { return .figure }
        case UInt8(ascii: "T"):
            if eq("TEI") { return .tei }
        default:
            break
        }
        return .other
    }

    /// Elements that, met inside running text, start a new line of it (the lines of a
    /// signature, the paragraphs of an inline quotation).
    var isLineLike: Bool {
        switch self {
        case .p, .item, .l, .ab, .head, .label, .salute, .signed, .dateline, .row, .addrLine, .byline,
            .docAuthor, .trailer:
            return true
        default:
            return false
        }
    }
}
