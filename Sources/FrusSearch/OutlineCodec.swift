import Foundation
import FrusModel

/// A volume's outline as one blob, stored with the volume: a warm `list` or a link into an
/// unread volume reads one row, not a row per document. Length-prefixed fields (any text can
/// hold any character, so no separators), versioned by the index schema.
///
/// The volume's apparatus (persons, terms, who mentions whom: `frusread who`) comes first,
/// behind its length, so that reading an outline skips it without decoding it.
enum OutlineCodec {
    static func encode(_ outline: VolumeOutline, apparatus: VolumeApparatus? = nil) -> Data {
        var w = Writer()
        var a = Writer()
        if let apparatus { encode(apparatus, into: &a) }
        w.count(a.bytes.count)
        w.bytes += a.bytes
        w.string(outline.title)
        w.count(outline.chapters.count)
        for c in outline.chapters {
            w.optional(c.id)
            w.string(c.title)
            w.count(c.depth)
            w.strings(c.documentNumbers)
        }
        w.count(outline.documents.count)
        for d in outline.documents {
            w.string(d.number)
            w.string(d.id)
            w.string(d.title)
            w.optional(d.date)
            w.count(DocumentKind.allCases.firstIndex(of: d.kind) ?? 0)
            w.count(d.footnoteNumbers.count)
            for n in d.footnoteNumbers { w.signed(n) }
            w.strings(d.pageBreaks)
        }
        return Data(w.bytes)
    }

    private static func encode(_ a: VolumeApparatus, into w: inout Writer) {
        w.count(a.persons.count)
        for p in a.persons { w.strings([p.id, p.name, p.description]) }
        w.count(a.terms.count)
        for t in a.terms { w.strings([t.id, t.term, t.description]) }
        let mentions = a.mentionedIn.sorted { ($0.key.kind, $0.key.id) < ($1.key.kind, $1.key.id) }
        w.count(mentions.count)
        for (m, numbers) in mentions {
            w.count(m.kind == "person" ? 0 : 1)
            w.string(m.id)
            w.strings(numbers)
        }
    }

    /// The apparatus stored with the outline; nil when there is none or the blob is damaged.
    static func decodeApparatus(_ data: Data, volumeID: String) -> VolumeApparatus? {
        data.withUnsafeBytes { raw -> VolumeApparatus? in
            var r = Reader(bytes: raw)
            guard let length = r.count(), length > 0 else { return nil }
            let end = r.at + length
            guard let personCount = r.count() else { return nil }
            var persons: [Person] = []
            for _ in 0..<personCount {
                guard let f = r.strings(), f.count == 3 else { return nil }
                persons.append(Person(id: f[0], name: f[1], description: f[2]))
            }
            guard let termCount = r.count() else { return nil }
            var terms: [Term] = []
            for _ in 0..<termCount {
                guard let f = r.strings(), f.count == 3 else { return nil }
                terms.append(Term(id: f[0], term: f[1], description: f[2]))
            }
            guard let mentionCount = r.count() else { return nil }
            var mentionedIn: [Mention: [String]] = [:]
            for _ in 0..<mentionCount {
                guard let kind = r.count(), let id = r.string(), let numbers = r.strings() else { return nil }
                mentionedIn[kind == 0 ? .person(id) : .term(id)] = numbers
            }
            guard r.at == end else { return nil }
            return VolumeApparatus(volumeID: volumeID, persons: persons, terms: terms, mentionedIn: mentionedIn)
        }
    }

    /// The most bytes the apparatus's length takes at the head of an outline (a varint).
    static let lengthPrefixBytes = 10

    /// How many bytes of an outline hold its apparatus, with its length before it, read from
    /// the outline's first bytes; nil when they are not an outline's.
    static func apparatusLength(_ head: Data) -> Int? {
        head.withUnsafeBytes { raw -> Int? in
            var r = Reader(bytes: raw)
            guard let v = r.varint(), v <= UInt64(Int32.max) else { return nil }
            return r.at + Int(v)
        }
    }

    /// The apparatus with only the entries `filter` keeps. Entries are judged on their stored
    /// bytes and only those kept are made into values, with who mentions them: `who` over a
    /// series' 100,000 entries builds the handful it prints.
    static func decodeApparatus(_ data: Data, volumeID: String, keeping filter: EntryFilter) -> VolumeApparatus? {
        data.withUnsafeBytes { raw -> VolumeApparatus? in
            var r = Reader(bytes: raw)
            guard let length = r.count(), length > 0 else { return nil }
            let end = r.at + length
            /// Each entry as three strings (id, label, the rest), made only when kept.
            func entries(_ make: (String, String, String) -> Void) -> Bool {
                guard let count = r.count() else { return false }
                for _ in 0..<count {
                    guard r.count() == 3, let id = r.slice(), let label = r.slice(), let rest = r.slice() else { return false }
                    if filter.keeps(id, label) { make(r.text(id), r.text(label), r.text(rest)) }
                }
                return true
            }
            var persons: [Person] = []
            var terms: [Term] = []
            guard entries({ persons.append(Person(id: $0, name: $1, description: $2)) }),
                entries({ terms.append(Term(id: $0, term: $1, description: $2)) }),
                let mentionCount = r.count()
            else { return nil }
            let keptIDs = [Set(persons.map(\.id)), Set(terms.map(\.id))]
            var mentionedIn: [Mention: [String]] = [:]
            for _ in 0..<mentionCount {
                guard let kind = r.count(), kind < 2, let idBytes = r.slice() else { return nil }
                // Nothing kept of this kind (the usual case): the numbers are skipped unread.
                guard !keptIDs[kind].isEmpty, keptIDs[kind].contains(r.text(idBytes)) else {
                    guard r.skipStrings() else { return nil }
                    continue
                }
                guard let numbers = r.strings() else { return nil }
                let id = r.text(idBytes)
                mentionedIn[kind == 0 ? .person(id) : .term(id)] = numbers
            }
            guard r.at == end else { return nil }
            return VolumeApparatus(volumeID: volumeID, persons: persons, terms: terms, mentionedIn: mentionedIn)
        }
    }

    /// The outline, or nil when the blob is not one (damaged): the caller reads the volume.
    static func decode(_ data: Data, volumeID: String) -> VolumeOutline? {
        data.withUnsafeBytes { raw -> VolumeOutline? in
            var r = Reader(bytes: raw)
            guard let apparatusLength = r.count() else { return nil }
            r.at += apparatusLength
            guard let title = r.string(), let chapterCount = r.count() else { return nil }
            var chapters: [Chapter] = []
            chapters.reserveCapacity(chapterCount)
            for _ in 0..<chapterCount {
                guard let id = r.optional(), let t = r.string(), let depth = r.number(), let numbers = r.strings()
                else { return nil }
                chapters.append(Chapter(id: id, title: t, depth: depth, documentNumbers: numbers))
            }
            guard let documentCount = r.count() else { return nil }
            var documents: [DocumentSummary] = []
            documents.reserveCapacity(documentCount)
            for _ in 0..<documentCount {
                guard let number = r.string(), let id = r.string(), let t = r.string(), let date = r.optional(),
                    let kind = r.count(), kind < DocumentKind.allCases.count, let noteCount = r.count()
                else { return nil }
                var notes: [Int] = []
                notes.reserveCapacity(noteCount)
                for _ in 0..<noteCount {
                    guard let n = r.signed() else { return nil }
                    notes.append(n)
                }
                guard let pages = r.strings() else { return nil }
                documents.append(DocumentSummary(
                    volumeID: volumeID, number: number, id: id, title: t, date: date,
                    kind: DocumentKind.allCases[kind], footnoteNumbers: notes, pageBreaks: pages))
            }
            guard r.atEnd else { return nil }
            return VolumeOutline(id: volumeID, title: title, chapters: chapters, documents: documents)
        }
    }

    private struct Writer {
        var bytes: [UInt8] = []

        mutating func count(_ n: Int) { varint(UInt64(max(0, n))) }
        /// Zig-zag, so that a negative number (never seen, but representable) stays short.
        mutating func signed(_ n: Int) { varint(UInt64(bitPattern: Int64(n << 1) ^ Int64(n >> 63))) }

        mutating func varint(_ value: UInt64) {
            var v = value
            while v >= 0x80 {
                bytes.append(UInt8(v & 0x7F) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }

        mutating func string(_ s: String) {
            count(s.utf8.count)
            bytes.append(contentsOf: s.utf8)
        }

        /// 0 for none, else 1 + the string.
        mutating func optional(_ s: String?) {
            guard let s else { return bytes.append(0) }
            bytes.append(1)
            string(s)
        }

        mutating func strings(_ list: [String]) {
            count(list.count)
            for s in list { string(s) }
        }
    }

    /// Reads what `Writer` wrote; every read checks the bounds (nil past the end).
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var at = 0

        var atEnd: Bool { at == bytes.count }

        mutating func varint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while at < bytes.count, shift < 64 {
                let b = bytes[at]
                at += 1
                value |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
            }
            return nil
        }

        /// A count of things still to read: each takes at least a byte, so a damaged count
        /// larger than what is left fails here instead of reserving absurd memory.
        mutating func count() -> Int? {
            guard let v = varint(), v <= UInt64(bytes.count - at) else { return nil }
            return Int(v)
        }

        mutating func number() -> Int? {
            guard let v = varint(), v <= UInt64(Int32.max) else { return nil }
            return Int(v)
        }

        mutating func signed() -> Int? {
            guard let v = varint() else { return nil }
            return Int(Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1))
        }

        mutating func string() -> String? {
            guard let n = count(), n <= bytes.count - at else { return nil }
            let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)]), as: UTF8.self)
            at += n
            return s
        }

        /// `.some(nil)` for none, nil when damaged.
        mutating func optional() -> String?? {
            guard at < bytes.count else { return nil }
            let flag = bytes[at]
            at += 1
            switch flag {
            case 0: return .some(nil)
            case 1: return string().map { .some($0) }
            default: return nil
            }
        }

        /// The bytes of the next string, not made into one.
        mutating func slice() -> UnsafeRawBufferPointer? {
            guard let n = count(), n <= bytes.count - at else { return nil }
            defer { at += n }
            return UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)])
        }

        func text(_ slice: UnsafeRawBufferPointer) -> String { String(decoding: slice, as: UTF8.self) }

        /// Passes over a list of strings; false when damaged.
        mutating func skipStrings() -> Bool {
            guard let n = count() else { return false }
            for _ in 0..<n { guard slice() != nil else { return false } }
            return true
        }

        mutating func strings() -> [String]? {
            guard let n = count() else { return nil }
            var out: [String] = []
            for _ in 0..<n {
                guard let s = string() else { return nil }
                out.append(s)
            }
            return out
        }
    }
}
