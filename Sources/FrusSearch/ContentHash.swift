/// A fast 64-bit hash of file contents: tells a changed volume from a touched one. Not
/// cryptographic — it only has to notice edits — but it reads 8 bytes a step so that hashing
/// never slows the index build down (several GB/s).
enum ContentHash {
    static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of(UnsafeRawBufferPointer($0)) }
    }

    static func of(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var state = Accumulator()
        state.add(buffer)
        return state.value
    }

    /// A hash built from several pieces (the files of a plain-text volume).
    struct Accumulator {
        private var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        private var length: UInt64 = 0

        mutating func add(_ buffer: UnsafeRawBufferPointer) {
            let count = buffer.count
            var i = 0
            while i + 8 <= count {
                let word = buffer.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                h = mix(h ^ word)
                i += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < count {
                tail |= UInt64(buffer[i]) << shift
                shift += 8
                i += 1
            }
            h = mix(h ^ tail ^ (UInt64(count) << 56))
            length &+= UInt64(count)
        }

        mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

        var value: UInt64 { mix(h ^ length) }

        private func mix(_ x: UInt64) -> UInt64 {
            // The finaliser of splitmix64: every input bit moves every output bit.
            var z = x &+ 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
