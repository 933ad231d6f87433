import FrusModel

#if canImport(Glibc)
import Glibc
#endif

/// One pass over the bytes of a TEI volume that reads tags only: the documents and sections
/// (`div`s the importer reads as documents, by the importer's own rules in
/// `TEIBuilder.startDivOutside`), their byte ranges, and the page breaks. Text between tags is
/// skipped with `memchr`; comments, CDATA sections and processing instructions are stepped
/// over; quoted attribute values may hold `>`. It trusts the file: a file that is not
/// well-formed gives a wrong map, never a crash (reading the whole volume reports the damage).
struct TEIByteScan {
    enum Area: String { case front, body, back }

    struct Entry {
        var number: String
        var id: String
        var kind: DocumentKind
        var area: Area
        /// From `<div` to the end of its `</div>`.
        var range: Range<Int>
        /// Whether page breaks may be left waiting at its end (they open the next document):
        /// a page break after its last element that takes them (`endsWithPageBreaks`).
        var endsWithPageBreaks = false
    }

    /// A page break and where it stands: in entry `entry`, or (`between`) after entry
    /// `entry` (−1: before the first), outside any entry.
    struct PageMark {
        var name: String
        var tag: Range<Int>
        var entry: Int
        var between: Bool
    }

    /// The `TEI` start tag.
    private(set) var rootTag: Range<Int>?
    /// The `teiHeader` element, whole.
    private(set) var header: Range<Int>?
    private(set) var entries: [Entry] = []
    private(set) var pages: [PageMark] = []
    /// A section of the front or back matter holds a `div type="document"` (an appendix of
    /// documents): the importer splits such a section (`TEIBuilder.documentInsideSection`),
    /// which this pass does not follow, so the volume is read whole instead.
    private(set) var hasDocumentsInSections = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        scan(base, bytes.count)
    }

    /// The page breaks outside entries just before entry `position` (after the previous
    /// entry, or from the start), outside notes: they open it.
    func pagesBefore(_ position: Int) -> [Range<Int>] {
        pages.filter { $0.between && $0.entry == position - 1 }.map(\.tag)
    }

    /// The page breaks after the last entry: the importer adds them to it.
    func pagesAfterLast() -> [Range<Int>] {
        pages.filter { $0.between && $0.entry == entries.count - 1 }.map(\.tag)
    }

    /// Newlines in the first `count` bytes, eight bytes at a time: a byte of `x ^ 0x0A…` is
    /// zero exactly where a newline is, and `((y & 0x7F…) + 0x7F…) | y` sets the high bit of
    /// each byte of `y` that is not zero (exact: no carry crosses bytes).
    static func newlines(_ bytes: UnsafeBufferPointer<UInt8>, upTo count: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let p = UnsafeRawPointer(base)
        let end = min(count, bytes.count)
        let newline: UInt64 = 0x0A0A_0A0A_0A0A_0A0A, low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, high: UInt64 = 0x8080_8080_8080_8080
        var n = 0
        var i = 0
        while i + 8 <= end {
            let y = p.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ newline
            n &+= (~(((y & low) &+ low) | y) & high).nonzeroBitCount
            i += 8
        }
        while i < end {
            if base[i] == 0x0A { n += 1 }
            i += 1
        }
        return n
    }

    // MARK: The pass

    /// Outside entries every tag is read (the front matter, chapter heads: little of the file).
    /// Inside an entry only `div` (its end) and `pb` tags matter, so a `<` followed by anything
    /// else is passed over without reading the tag: most of the file costs one `memchr` per tag.
    private mutating func scan(_ p: UnsafePointer<UInt8>, _ n: Int) {
        var i = 0
        /// Open `div`s: an entry ends at the `</div>` that brings this back to its own level.
        var divs = 0
        var area: Area?
        var inHeader = false
        var headerStart = 0
        /// The open entry: the `div`s open outside it, its start, and what it is.
        var open: (divs: Int, start: Int, entry: Entry)?
        /// Notes open outside entries (a page break in a footnote of a chapter title is not
        /// the document's).
        var notesOutside = 0
        /// Whether the open entry holds a page break.
        var sawPageBreak = false

        while i < n {
            guard let lt = memchr(p + i, 0x3C, n - i) else { break }
            let at = UnsafePointer<UInt8>(lt.assumingMemoryBound(to: UInt8.self)) - p
            i = at + 1
            guard i < n else { break }
            let c = p[i]
            if c == 0x21 {  // "<!": comment, CDATA or declaration
                if Self.matches(p, n, at, "<!--") {
                    i = Self.find(p, n, from: at + 4, "-->").map { $0 + 3 } ?? n
                } else if Self.matches(p, n, at, "<![CDATA[") {
                    i = Self.find(p, n, from: at + 9, "]]>").map { $0 + 3 } ?? n
                } else {
                    i = Self.tagEnd(p, n, from: i) ?? n
                }
                continue
            }
            if c == 0x3F {  // "<?": processing instruction
                i = Self.find(p, n, from: i, "?>").map { $0 + 2 } ?? n
                continue
            }
            if let o = open {
                // Inside an entry: only `</div>`, `<div` and `<pb` are read.
                if c == 0x2F {
                    guard Self.named(p, n, i + 1, "div") else { continue }
                    guard let gt = memchr(p + i, 0x3E, n - i) else { break }
                    i = UnsafePointer<UInt8>(gt.assumingMemoryBound(to: UInt8.self)) - p + 1
                    divs -= 1
                    if divs == o.divs {
                        var entry = o.entry
                        entry.range = o.start..<i
                        if sawPageBreak { entry.endsWithPageBreaks = Self.endsWithPageBreaks(p, entry.range) }
                        entries.append(entry)
                        open = nil
                    }
                } else if Self.named(p, n, i, "div") {
                    guard let end = Self.tagEnd(p, n, from: i + 3) else { break }
                    i = end
                    if p[end - 2] != 0x2F { divs += 1 }
                    if o.entry.kind != .document, Self.attribute(p, at..<end, "type") == "document" {
                        hasDocumentsInSections = true
                    }
                } else if Self.named(p, n, i, "pb") {
                    guard let end = Self.tagEnd(p, n, from: i + 2) else { break }
                    i = end
                    sawPageBreak = true
                    if let name = Self.pageName(p, at..<end) {
                        pages.append(PageMark(name: name, tag: at..<end, entry: entries.count, between: false))
                    }
                }
                continue
            }
            if c == 0x2F {  // an end tag outside entries
                let nameStart = i + 1
                let nameEnd = Self.nameEnd(p, n, nameStart)
                let local = Self.localName(p, nameStart, nameEnd)
                guard let end = Self.tagEnd(p, n, from: nameEnd) else { break }
                i = end
                if Self.equals(p, local, "div") {
                    divs -= 1
                } else if Self.equals(p, local, "teiHeader") {
                    if inHeader { header = headerStart..<end }
                    inHeader = false
                } else if Self.equals(p, local, "front") || Self.equals(p, local, "back") || Self.equals(p, local, "body") {
                    area = nil
                } else if Self.equals(p, local, "note"), notesOutside > 0 {
                    notesOutside -= 1
                }
                continue
            }
            // A start tag outside entries.
            let nameEnd = Self.nameEnd(p, n, i)
            guard let end = Self.tagEnd(p, n, from: nameEnd) else { break }
            let selfClosing = end >= 2 && p[end - 2] == 0x2F
            let local = Self.localName(p, i, nameEnd)
            let tag = at..<end
            i = end
            if Self.equals(p, local, "pb") {
                if !inHeader, notesOutside == 0, let name = Self.pageName(p, tag) {
                    pages.append(PageMark(name: name, tag: tag, entry: entries.count - 1, between: true))
                }
            } else if Self.equals(p, local, "div") {
                if !inHeader, let entry = entry(p, tag, area: area) {
                    sawPageBreak = false
                    if selfClosing {
                        entries.append(entry)  // an empty document: its range is its tag
                    } else {
                        open = (divs, at, entry)
                    }
                }
                if !selfClosing { divs += 1 }
            } else if Self.equals(p, local, "TEI") {
                if rootTag == nil { rootTag = tag }
            } else if Self.equals(p, local, "teiHeader") {
                inHeader = !selfClosing
                headerStart = at
                if selfClosing { header = tag }
            } else if Self.equals(p, local, "front") {
                area = .front
            } else if Self.equals(p, local, "back") {
                area = .back
            } else if Self.equals(p, local, "body") {
                area = .body
            } else if Self.equals(p, local, "note"), !selfClosing {
                notesOutside += 1
            }
        }
    }

    /// Elements that take no page breaks waiting before them: the importer passes them to the
    /// next element that does (`TEIBuilder.startBlock`), so a page break before them may still
    /// be waiting at the end of the document. Generous on purpose: naming one too many only
    /// costs parsing the previous document with the next.
    private static let passing: Set<String> = [
        "pb", "lb", "note", "div", "opener", "attachment", "list", "item", "table", "row", "quote",
        "postscript", "lg", "graphic", "anchor", "milestone",
    ]

    /// Whether page breaks may be waiting at the end of the entry in `range`: going back from
    /// its `</div>`, a `pb` (in a note or not) comes before any start tag that takes waiting
    /// page breaks. Only the entry's tail is read.
    static func endsWithPageBreaks(_ p: UnsafePointer<UInt8>, _ range: Range<Int>) -> Bool {
        var j = range.upperBound - 1
        var first = true
        /// Notes entered going back: what is in a footnote takes no waiting page break.
        var notes = 0
        while true {
            while j > range.lowerBound, p[j] != 0x3C { j -= 1 }
            let at = j
            guard at > range.lowerBound else { return false }
            j -= 1
            if first {
                first = false  // the entry's own </div>
                continue
            }
            let c = p[at + 1]
            if c == 0x21 || c == 0x3F { continue }
            let closing = c == 0x2F
            let start = closing ? at + 2 : at + 1
            let local = localName(p, start, nameEnd(p, range.upperBound, start))
            let name = String(decoding: UnsafeBufferPointer(start: p + local.lowerBound, count: local.count), as: UTF8.self)
            if name == "note" {
                notes += closing ? 1 : (notes > 0 ? -1 : 0)
                continue
            }
            if closing { continue }  // end tags take nothing
            if name == "pb" { return true }
            if notes == 0, !passing.contains(name) { return false }
        }
    }

    /// Whether the tag name at `at` is `name` (unprefixed), followed by what ends a name.
    @inline(__always)
    private static func named(_ p: UnsafePointer<UInt8>, _ n: Int, _ at: Int, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        guard at + count < n, memcmp(p + at, name.utf8Start, count) == 0 else { return false }
        let b = p[at + count]
        return b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x3E || b == 0x2F
    }

    /// The entry a `div` outside entries starts, if the importer reads it as a document or a
    /// section (`TEIBuilder.startDivOutside`, `startDocument`, `startSection`).
    private func entry(_ p: UnsafePointer<UInt8>, _ tag: Range<Int>, area: Area?) -> Entry? {
        let attributes = Self.attributes(p, tag)
        let type = attributes["type"]
        let id = attributes["xml:id"]
        let count = entries.count
        if type == "document" {
            var number = attributes["n"]?.trimmingSpaces ?? ""
            if number.isEmpty {
                if let id, id.hasPrefix("d"), id.count > 1 { number = String(id.dropFirst()) }
                else if let id, !id.isEmpty { number = id }
                else { number = "\(count + 1)" }
            }
            return Entry(number: number, id: id ?? "d\(number)", kind: .document, area: area ?? .body, range: tag)
        }
        let inFront = area == .front, inBack = area == .back
        if id == "persons" || id == "terms" || inFront || (inBack && !TEIBuilder.holdsDocuments(type)) {
            let kind: DocumentKind = inBack ? .back : .front
            let number = id.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces } ?? "\(kind.rawValue)\(count + 1)"
            return Entry(number: number, id: number, kind: kind, area: area ?? .body, range: tag)
        }
        return nil
    }

    // MARK: Bytes

    @inline(__always)
    private static func matches(_ p: UnsafePointer<UInt8>, _ n: Int, _ at: Int, _ s: StaticString) -> Bool {
        let count = s.utf8CodeUnitCount
        guard at + count <= n else { return false }
        return memcmp(p + at, s.utf8Start, count) == 0
    }

    /// Where `s` next occurs from `from`, if it does.
    private static func find(_ p: UnsafePointer<UInt8>, _ n: Int, from: Int, _ s: StaticString) -> Int? {
        let count = s.utf8CodeUnitCount
        var j = from
        while j + count <= n, let hit = memchr(p + j, Int32(s.utf8Start[0]), n - j) {
            j = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - p
            if j + count <= n, memcmp(p + j, s.utf8Start, count) == 0 { return j }
            j += 1
        }
        return nil
    }

    @inline(__always)
    private static func nameEnd(_ p: UnsafePointer<UInt8>, _ n: Int, _ start: Int) -> Int {
        var j = start
        while j < n {
            let b = p[j]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x3E || b == 0x2F { break }
            j += 1
        }
        return j
    }

    /// The name without its prefix ("frus:attachment" → "attachment").
    @inline(__always)
    private static func localName(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int> {
        var j = end
        while j > start, p[j - 1] != 0x3A { j -= 1 }
        return j..<end
    }

    @inline(__always)
    private static func equals(_ p: UnsafePointer<UInt8>, _ r: Range<Int>, _ s: StaticString) -> Bool {
        r.count == s.utf8CodeUnitCount && memcmp(p + r.lowerBound, s.utf8Start, r.count) == 0
    }

    /// Just after the `>` ending the tag whose name ends at `from`: quoted values may hold `>`.
    @inline(__always)
    private static func tagEnd(_ p: UnsafePointer<UInt8>, _ n: Int, from: Int) -> Int? {
        var j = from
        while j < n {
            let b = p[j]
            if b == 0x3E { return j + 1 }
            if b == 0x22 || b == 0x27 {
                guard let close = memchr(p + j + 1, Int32(b), n - j - 1) else { return nil }
                j = UnsafePointer<UInt8>(close.assumingMemoryBound(to: UInt8.self)) - p
            }
            j += 1
        }
        return nil
    }

    /// One attribute of a start tag by qualified name (`attributes` without the dictionary).
    static func attribute(_ p: UnsafePointer<UInt8>, _ tag: Range<Int>, _ wanted: StaticString) -> String? {
        var found: String?
        forEachAttribute(p, tag) { name, value in
            guard name.count == wanted.utf8CodeUnitCount, memcmp(p + name.lowerBound, wanted.utf8Start, name.count) == 0 else {
                return true
            }
            found = attributeValue(UnsafeBufferPointer(start: p + value.lowerBound, count: value.count))
            return false
        }
        return found
    }

    /// The attributes of a start tag, by qualified name, values as XML reads them (white
    /// space characters as spaces, character and predefined entity references replaced).
    static func attributes(_ p: UnsafePointer<UInt8>, _ tag: Range<Int>) -> [String: String] {
        var out: [String: String] = [:]
        forEachAttribute(p, tag) { name, value in
            out[String(decoding: UnsafeBufferPointer(start: p + name.lowerBound, count: name.count), as: UTF8.self)] =
                attributeValue(UnsafeBufferPointer(start: p + value.lowerBound, count: value.count))
            return true
        }
        return out
    }

    /// Calls `body` with each attribute's name and raw value ranges until it returns false.
    private static func forEachAttribute(
        _ p: UnsafePointer<UInt8>, _ tag: Range<Int>, _ body: (Range<Int>, Range<Int>) -> Bool
    ) {
        var j = nameEnd(p, tag.upperBound, tag.lowerBound + 1)
        let end = tag.upperBound
        while j < end {
            while j < end, isXMLSpace(p[j]) { j += 1 }
            let nameStart = j
            while j < end, p[j] != 0x3D, p[j] != 0x3E, p[j] != 0x2F, !isXMLSpace(p[j]) { j += 1 }
            let name = nameStart..<j
            while j < end, isXMLSpace(p[j]) { j += 1 }
            guard j < end, p[j] == 0x3D else {
                j += 1
                continue
            }
            j += 1
            while j < end, isXMLSpace(p[j]) { j += 1 }
            guard j < end, p[j] == 0x22 || p[j] == 0x27 else { continue }
            let quote = p[j]
            let valueStart = j + 1
            j = valueStart
            while j < end, p[j] != quote { j += 1 }
            guard body(name, valueStart..<j) else { return }
            j += 1
        }
    }

    static func attributeValue(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        guard raw.contains(where: { $0 == 0x26 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) else {
            return String(decoding: raw, as: UTF8.self)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var k = 0
        while k < raw.count {
            let b = raw[k]
            if b == 0x0A || b == 0x09 || b == 0x0D {
                bytes.append(0x20)
            } else if b == 0x26, let semi = raw[k...].firstIndex(of: 0x3B) {
                let name = String(decoding: UnsafeBufferPointer(rebasing: raw[(k + 1)..<semi]), as: UTF8.self)
                if let replacement = entity(name) {
                    bytes += Array(replacement.utf8)
                    k = semi + 1
                    continue
                }
                bytes.append(b)
            } else {
                bytes.append(b)
            }
            k += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func entity(_ name: String) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }

    /// A page break's name as the importer gives it (`TEIBuilder.pageName`).
    private static func pageName(_ p: UnsafePointer<UInt8>, _ tag: Range<Int>) -> String? {
        if let id = attribute(p, tag, "xml:id"), id.hasPrefix("pg_"), id.count > 3 { return String(id.dropFirst(3)) }
        guard var n = attribute(p, tag, "n")?.trimmingSpaces, !n.isEmpty else { return nil }
        if n.count > 2, n.first == "[", n.last == "]" { n = String(n.dropFirst().dropLast()) }
        return n
    }
}
