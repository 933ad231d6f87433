import Foundation
import FrusDeflate

/// The documents' searchable text as the index keeps it for snippets: consecutive documents'
/// body and notes (UTF-8, one after another) compressed together in groups of about
/// `groupBytes`. Compressing documents one by one left 0.40 of the text (a typical document
/// is 8 KB, too little for zlib to find its repeats); 64 KB groups leave 0.35, and a snippet
/// still inflates only 64 KB (a fraction of a millisecond).
struct StoredText: Sendable {
    static let groupBytes = 64 * 1024

    /// Where each document's text is: its group and the byte offset of its body there (its
    /// notes follow the body).
    struct Place: Sendable {
        var group: Int
        var offset: Int
    }

    var groups: [Data] = []
    var places: [Place] = []

    init(_ documents: [PreparedVolume.DocumentRow]) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.groupBytes * 2)
        for d in documents {
            places.append(Place(group: groups.count, offset: buffer.count))
            buffer += d.body.utf8
            buffer += d.notes.utf8
            if buffer.count >= Self.groupBytes {
                groups.append(Data(Deflate.compress(buffer)))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty || groups.isEmpty { groups.append(Data(Deflate.compress(buffer))) }
    }

    /// The last group inflated, shared by the connections of the process: FTS5 reads a
    /// document's body and notes one after the other, and deleting a volume's terms reads its
    /// documents in order, so each group is inflated once, not once per column and document.
    static let cache = InflatedGroupCache()
}

final class InflatedGroupCache: @unchecked Sendable {
    private let lock = NSLock()
    private var compressed = Data()
    private var inflated: [UInt8] = []
    /// Whether `inflated` is the whole group, or only its start.
    private var whole = false

    /// Bytes inflated past what a group's first reader asks for: its document's notes follow
    /// its body, read next.
    static let slack = 16 * 1024

    /// `length` bytes at `offset` of `group`'s text; nil when the group is damaged or too short.
    ///
    /// A group is first inflated only as far as asked (plus `slack`): a search's snippets read
    /// one document of each of 20 groups, most of them near a group's start (a volume's front
    /// matter comes first), and inflating whole 64 KB groups was a sixth of a query for `the`.
    /// A second, further read of the same group inflates all of it, so reading a group's
    /// documents in order (deleting a volume's terms) inflates it at most twice. With
    /// libdeflate (see `Deflate`) a group is always inflated whole, at once.
    func text(in group: Data, offset: Int, length: Int) -> String? {
        guard offset >= 0, length >= 0 else { return nil }
        if length == 0 { return "" }
        return lock.withLock { () -> String? in
            let needed = offset + length
            if group != compressed || (!whole && needed > inflated.count) {
                // With libdeflate, whole: it inflates ~3× as fast as zlib, and only whole streams.
                let again = group == compressed || Deflate.decompressesWithLibdeflate
                let bytes = group.withUnsafeBytes { raw -> [UInt8]? in
                    again ? Deflate.decompress(raw) : Deflate.decompressPrefix(raw, count: needed + Self.slack)
                }
                guard let bytes else { return nil }
                compressed = group
                inflated = bytes
                whole = again || bytes.count < needed + Self.slack
            }
            guard needed <= inflated.count else { return nil }
            return String(decoding: inflated[offset..<needed], as: UTF8.self)
        }
    }
}
