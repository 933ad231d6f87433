import FrusModel
import FrusTEI
import Testing

/// White space collapsing runs sixteen bytes at a time where it can: compare it, on text of
/// every shape, with the plain definition (split at XML white space, join with one space).
@Suite struct WhiteSpaceTests {
    static func reference(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\r\n" })
            .joined(separator: " ")
    }

    @Test(arguments: 0..<40)
    func collapsingMatchesTheDefinition(seed: Int) throws {
        var rng = SplitMix(seed: UInt64(seed))
        let pieces = ["a", "word", "Gorbachev’s", "—", "é", "x", " ", "  ", "\n", "\n        ", "\t", " \r\n ", "0123456789abcdef"]
        var text = ""
        for _ in 0..<(50 + seed * 20) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
        let doc = try TEISample.onlyDocument("<p>\(text)</p>")
        let expected = Self.reference(text)
        if expected.isEmpty {
            #expect(doc.blocks.isEmpty)
        } else {
            #expect(doc.blocks == [.paragraph([.text(expected)], .normal)])
        }
    }

    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
