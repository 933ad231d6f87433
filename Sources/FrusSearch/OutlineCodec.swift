import Foundation
import FrusModel

/// A volume's outline as one blob, stored with the volume: a warm `list` or a link into an
/// unread volume reads one row, not a row per document. Length-prefixed fields (any text can
/// hold any character, so no separators), versioned by the index schema.
enum OutlineCodec {
    static func encode(_ outline: VolumeOutline) -> Data {
        var w = Writer()
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
            w.count(d.footnoteNumbers.count)
            for n in d.footnoteNumbers { w.signed(n) }
            w.strings(d.pageBreaks)
        }
        return Data(w.bytes)
    }

    /// The outline, or nil when the blob is not one (damaged): the caller reads the volume.
    static func decode(_ data: Data, volumeID: String) -> VolumeOutline? {
        data.withUnsafeBytes { raw -> VolumeOutline? in
            var r = Reader(bytes: raw)
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
                    let noteCount = r.count()
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
                    footnoteNumbers: notes, pageBreaks: pages))
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
