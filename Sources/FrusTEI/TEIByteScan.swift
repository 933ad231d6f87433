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
        var holdsPageBreaks = false
        /// Lines before the entry in the file (its documents' `source` line).
        var newlinesBefore = 0
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

    /// Newlines in the first `count` bytes (a plain loop the compiler vectorizes).
    static func newlines(_ bytes: UnsafeBufferPointer<UInt8>, upTo count: Int) -> Int {
        var n = 0
        for b in UnsafeBufferPointer(rebasing: bytes[0..<min(count, bytes.count)]) where b == 0x0A { n += 1 }
        return n
    }

    // MARK: The pass

    private mutating func scan(_ p: UnsafePointer<UInt8>, _ n: Int) {
        var i = 0
        var depth = 0
        var area: Area?
        var inHeader = false
        var headerStart = 0
        /// The open entry: its depth (the depth outside its div), start, and what it is.
        var open: (depth: Int, start: Int, entry: Entry)?
        /// Notes open outside entries (a page break in a footnote of a chapter title is not
        /// the document's).
        var notesOutside = 0
        /// Newlines counted so far, up to `counted`.
        var newlines = 0
        var counted = 0

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
            if c == 0x2F {  // end tag
                let nameStart = i + 1
                let nameEnd = Self.nameEnd(p, n, nameStart)
                let local = Self.localName(p, nameStart, nameEnd)
                guard let end = Self.tagEnd(p, n, from: nameEnd) else { break }
                i = end
                depth -= 1
                if let o = open, depth == o.depth {
                    var entry = o.entry
                    entry.range = o.start..<end
                    entries.append(entry)
                    open = nil
                } else if open == nil {
                    if Self.equals(p, local, "teiHeader") {
                        if inHeader { header = headerStart..<end }
                        inHeader = false
                    } else if Self.equals(p, local, "front") || Self.equals(p, local, "back") || Self.equals(p, local, "body") {
                        area = nil
                    } else if Self.equals(p, local, "note"), notesOutside > 0 {
                        notesOutside -= 1
                    }
                }
                continue
            }
            // A start tag.
            let nameEnd = Self.nameEnd(p, n, i)
            guard let end = Self.tagEnd(p, n, from: nameEnd) else { break }
            let selfClosing = end >= 2 && p[end - 2] == 0x2F
            let local = Self.localName(p, i, nameEnd)
            let tag = at..<end
            i = end
            defer { if !selfClosing { depth += 1 } }
            if Self.equals(p, local, "pb") {
                guard !inHeader, let name = Self.pageName(p, tag) else { continue }
                if open != nil {
                    open!.entry.holdsPageBreaks = true
                    pages.append(PageMark(name: name, tag: tag, entry: entries.count, between: false))
                } else if notesOutside == 0 {
                    pages.append(PageMark(name: name, tag: tag, entry: entries.count - 1, between: true))
                }
                continue
            }
            guard open == nil else { continue }
            if Self.equals(p, local, "div") {
                guard !inHeader, var entry = entry(p, tag, area: area) else { continue }
                newlines += Self.newlines(UnsafeBufferPointer(start: p + counted, count: at - counted), upTo: at - counted)
                counted = at
                entry.newlinesBefore = newlines
                open = (depth, at, entry)
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

    /// The attributes of a start tag, by qualified name, values as XML reads them (white
    /// space characters as spaces, character and predefined entity references replaced).
    static func attributes(_ p: UnsafePointer<UInt8>, _ tag: Range<Int>) -> [String: String] {
        var out: [String: String] = [:]
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
            out[String(decoding: UnsafeBufferPointer(start: p + name.lowerBound, count: name.count), as: UTF8.self)] =
                attributeValue(UnsafeBufferPointer(start: p + valueStart, count: j - valueStart))
            j += 1
        }
        return out
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
        let attributes = attributes(p, tag)
        if let id = attributes["xml:id"], id.hasPrefix("pg_"), id.count > 3 { return String(id.dropFirst(3)) }
        guard var n = attributes["n"]?.trimmingSpaces, !n.isEmpty else { return nil }
        if n.count > 2, n.first == "[", n.last == "]" { n = String(n.dropFirst().dropLast()) }
        return n
    }
}
