internal import CLibXML2

/// The text of the inline run being read, as UTF-8, with XML white space collapsed as it
/// arrives: a run of spaces, tabs and newlines becomes one space, and none at all right
/// after a space or at the start of a block (`atSpace`).
///
/// Raw storage and a byte loop: this sees every character of the volume.
struct TextCollector: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    /// Whether the text ends in a space, or a block has just begun: white space is then dropped.
    var atSpace = true

    init(capacity: Int = 4096) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        if count + n > capacity { grow(to: count + n) }
        guard n > 0, let source = bytes.baseAddress else { return }
        var space: Int32 = atSpace ? 1 : 0
        count += cnx_collapse_space(source, n, storage + count, &space)
        atSpace = space != 0
        if count > TextCollector.limit { overLimit = true }
    }

    /// libxml2's limit on one text node without XML_PARSE_HUGE (XML_MAX_TEXT_LENGTH): a run
    /// of text longer than this is refused, as libxml2 and xmllint refuse it.
    static let limit = 10_000_000
    /// Set when a run of text exceeded `limit`.
    private(set) var overLimit = false

    private mutating func grow(to minimum: Int) {
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStorage.update(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }

    /// The collected text as a String; the collector is then empty (white space state kept).
    mutating func take() -> String {
        let s = String(decoding: UnsafeBufferPointer(start: storage, count: count), as: UTF8.self)
        count = 0
        return s
    }

    /// Forgets the collected text.
    mutating func clear() { count = 0 }

    /// The last byte collected, if any.
    var lastByte: UInt8? { count > 0 ? storage[count - 1] : nil }

    /// Forgets the last byte collected.
    mutating func dropLastByte() { if count > 0 { count -= 1 } }
}
