internal import CZlib

/// zlib compression of what the search index stores but never searches: each document's text
/// (kept for snippets; the full-text index itself holds only terms and positions) and each
/// volume's outline. Prose compresses to about a third, which takes the index from 0.88× the
/// XML it indexes to under half.
///
/// A module of its own, without Foundation, over a small C target (CZlib).
///
/// Format: the uncompressed length (4 bytes, little-endian), then a zlib stream. Empty input
/// is stored as no bytes.
public enum Deflate {
    /// zlib's default level: within a few percent of level 9's size at a fraction of its time.
    static let level: Int32 = 6

    /// Whether compression goes through libdeflate (the system's, found at run time): the same
    /// zlib streams, about twice as fast. Without it, zlib compresses.
    public static var usesLibdeflate: Bool { cz_fast_compressor_available() != 0 }
    /// Whether `decompress` (whole streams) goes through libdeflate: then inflating a whole
    /// stream costs less than inflating a part of it with zlib.
    public static var decompressesWithLibdeflate: Bool { cz_fast_decompressor_available() != 0 }

    /// Compression through zlib only (`false`) or libdeflate when there is one (`true`, the
    /// default): for tests comparing the two.
    public static func useLibdeflate(_ enabled: Bool) { cz_use_fast_compressor(enabled ? 1 : 0) }

    public static func compress(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        guard bytes.count > 0, bytes.count <= Int(UInt32.max), let source = bytes.baseAddress else { return [] }
        var capacity = cz_compress_bound(UInt(bytes.count))
        var out = [UInt8](repeating: 0, count: 4 + Int(capacity))
        let n = UInt32(bytes.count)
        for i in 0..<4 { out[i] = UInt8(truncatingIfNeeded: n >> (8 * UInt32(i))) }
        let status = out.withUnsafeMutableBufferPointer { dst in
            cz_compress(dst.baseAddress! + 4, &capacity, source.assumingMemoryBound(to: UInt8.self), UInt(bytes.count), level)
        }
        guard status == CZ_OK else { return [] }
        out.removeLast(out.count - 4 - Int(capacity))
        return out
    }

    public static func compress(_ bytes: [UInt8]) -> [UInt8] { bytes.withUnsafeBytes { compress($0) } }

    public static func compress(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { compress(UnsafeRawBufferPointer($0)) }
    }

    /// The first `count` bytes of what `data` holds (all of it if shorter), inflating no more
    /// than that: a reader wanting the head of a large blob does not pay for the rest. Nil when
    /// `data` is damaged there.
    public static func decompressPrefix(_ data: UnsafeRawBufferPointer, count: Int) -> [UInt8]? {
        if data.count == 0 { return [] }
        guard let (src, n) = stream(data) else { return nil }
        let wanted = min(max(0, count), n)
        var out = [UInt8](repeating: 0, count: wanted)
        var length = UInt(wanted)
        let status = out.withUnsafeMutableBufferPointer { dst in
            cz_uncompress_prefix(dst.baseAddress!, &length, src + 4, UInt(data.count - 4))
        }
        guard status == CZ_OK, Int(length) == wanted else { return nil }
        return out
    }

    /// The bytes back; nil when `data` is not what `compress` made (damage).
    public static func decompress(_ data: UnsafeRawBufferPointer) -> [UInt8]? {
        if data.count == 0 { return [] }
        guard let (src, n) = stream(data) else { return nil }
        var out = [UInt8](repeating: 0, count: n)
        var length = UInt(n)
        let status = out.withUnsafeMutableBufferPointer { dst in
            cz_uncompress(dst.baseAddress!, &length, src + 4, UInt(data.count - 4))
        }
        guard status == CZ_OK, Int(length) == n else { return nil }
        return out
    }

    /// The stored data's bytes and the length it holds uncompressed; nil when the length is not
    /// one `compress` could have written (a damaged length must not ask for gigabytes: zlib
    /// compresses at most ~1032:1).
    private static func stream(_ data: UnsafeRawBufferPointer) -> (UnsafePointer<UInt8>, Int)? {
        guard data.count > 4, let base = data.baseAddress else { return nil }
        let src = base.assumingMemoryBound(to: UInt8.self)
        let n = (0..<4).reduce(0) { $0 | Int(src[$1]) << (8 * $1) }
        guard n > 0, n <= (data.count - 4) * 1032 + 64 else { return nil }
        return (src, n)
    }
}
