import Synchronization

/// A grapheme as a number: a single Unicode scalar is its own value; anything else (several
/// scalars, or none) gets a number from 0x110000 up, the same for the same text, from a table
/// shared by every grid (such graphemes are rare in documents, so the table stays small).
@usableFromInline
struct GraphemeCode: Sendable, Hashable {
    @usableFromInline let value: UInt32

    @inlinable
    static func == (a: GraphemeCode, b: GraphemeCode) -> Bool { a.value == b.value }

    init(scalar: UInt32) { value = scalar }

    init(_ text: String) {
        var scalars = text.unicodeScalars.makeIterator()
        if let first = scalars.next(), scalars.next() == nil {
            value = first.value
        } else {
            value = Self.firstInterned + Self.table.withLock { table in
                if let id = table.ids[text] { return id }
                let id = UInt32(table.strings.count)
                table.ids[text] = id
                table.strings.append(text)
                return id
            }
        }
    }

    var string: String {
        if value < 0x80 { return Self.ascii[Int(value)] }
        if value < Self.firstInterned, let scalar = Unicode.Scalar(value) { return String(Character(scalar)) }
        let index = Int(value - Self.firstInterned)
        return Self.table.withLock { $0.strings[index] }
    }

    private static let firstInterned: UInt32 = 0x110000
    /// The ASCII graphemes made once: the terminal layer asks for a string per changed cell.
    private static let ascii: [String] = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
    private static let table = Mutex<(ids: [String: UInt32], strings: [String])>(([:], []))
}
