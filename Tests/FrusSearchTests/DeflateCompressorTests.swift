import FrusDeflate
import Testing

/// The index's stored text is compressed by libdeflate when the system has it, else by zlib:
/// both must write streams the one decompressor reads back exactly, whatever the input.
@Suite(.serialized) struct DeflateCompressorTests {
    static let inputs: [[UInt8]] = [
        [],
        Array("a".utf8),
        Array(String(repeating: "Memorandum From Secretary of State Shultz to President Reagan. ", count: 500).utf8),
        // Incompressible: the output needs more room than the input (the fallback's case).
        (0..<70_000).map { i in UInt8(truncatingIfNeeded: (i &* 2_654_435_761) >> 13) },
        Array("Памятная записка 漢字 👍🏽 \u{0}\u{1B}[31m".utf8),
    ]

    @Test func bothCompressorsRoundTripEveryInput() {
        defer { Deflate.useLibdeflate(true) }
        for fast in [true, false] {
            Deflate.useLibdeflate(fast)
            for input in Self.inputs {
                let packed = Deflate.compress(input)
                #expect(input.isEmpty ? packed.isEmpty : packed.count > 4, "fast \(fast), \(input.count) bytes")
                #expect(packed.withUnsafeBytes { Deflate.decompress($0) } == input, "fast \(fast), \(input.count) bytes")
            }
        }
    }

    @Test(.enabled(if: Deflate.usesLibdeflate, "libdeflate.so.0 is not on this system: zlib compresses"))
    func libdeflateIsUsedWhenTheSystemHasIt() throws {
        // Where libdeflate is installed (the build machine: libdeflate0), compression is not
        // zlib's: the same prose, compressed by each, gives different bytes of one format.
        defer { Deflate.useLibdeflate(true) }
        let prose = Self.inputs[2]
        Deflate.useLibdeflate(true)
        let fast = Deflate.compress(prose)
        Deflate.useLibdeflate(false)
        let zlib = Deflate.compress(prose)
        #expect(fast != zlib)
        #expect(fast.withUnsafeBytes { Deflate.decompress($0) } == prose)
    }
}
