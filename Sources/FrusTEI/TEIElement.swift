/// The TEI elements the importer gives a meaning to. Everything else is `.other`: its text
/// is kept (inline) or it becomes a `.container` (at block level).
enum TEIElement: UInt8 {
    case tei, teiHeader, title, idno, front, div, head, p, note, pb, lb, hi, ref, persName, gloss,
        term, list, item, label, table, row, cell, quote, opener, closer, dateline, salute, signed,
        postscript, attachment, seg, ab, l, lg, byline, docAuthor, trailer, addrLine, address,
        floatingText, text, body, back, group
    case other

    static let tei_ns: StaticString = "http://www.tei-c.org/ns/1.0"
    static let frus_ns: StaticString = "http://history.state.gov/frus/ns/1.0"

    private static let byName: [String: TEIElement] = [
        "TEI": .tei, "teiHeader": .teiHeader, "title": .title, "idno": .idno, "front": .front,
        "div": .div, "head": .head, "p": .p, "note": .note, "pb": .pb, "lb": .lb, "hi": .hi,
        "ref": .ref, "persName": .persName, "gloss": .gloss, "term": .term, "list": .list,
        "item": .item, "label": .label, "table": .table, "row": .row, "cell": .cell,
        "quote": .quote, "opener": .opener, "closer": .closer, "dateline": .dateline,
        "salute": .salute, "signed": .signed, "postscript": .postscript, "seg": .seg, "ab": .ab,
        "l": .l, "lg": .lg, "byline": .byline, "docAuthor": .docAuthor, "trailer": .trailer,
        "addrLine": .addrLine, "address": .address, "floatingText": .floatingText, "text": .text,
        "body": .body, "back": .back, "group": .group,
    ]

    /// Classifies a start tag: TEI elements by local name (in the TEI namespace or none),
    /// `frus:attachment` by its namespace.
    init(_ tag: XMLStartTag) {
        if let uri = tag.namespaceURI, !cStringEquals(uri, TEIElement.tei_ns) {
            self = cStringEquals(uri, TEIElement.frus_ns) && cStringEquals(tag.localName, "attachment")
                ? .attachment : .other
            return
        }
        self = TEIElement.byName[tag.localNameString] ?? .other
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

    /// Elements that, met at block level, make a paragraph of their content.
    var isParagraphLike: Bool {
        switch self {
        case .p, .seg, .ab, .label, .l, .byline, .docAuthor, .trailer, .addrLine: return true
        default: return false
        }
    }

    /// Elements that only group other blocks: at block level their children take their
    /// place (an `opener` holds a dateline and a salutation, a `div` sections a document).
    var isBlockWrapper: Bool {
        switch self {
        case .opener, .div, .lg, .address, .floatingText, .text, .body, .back, .front, .group, .tei:
            return true
        default:
            return false
        }
    }
}
