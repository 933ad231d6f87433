import FrusModel
import Testing

@testable import FrusLayout

/// `PlainGraphemes` finds grapheme clusters and widths on UTF-8 bytes for the scalars it
/// accepts; it must agree exactly with Swift's own grapheme breaking (`Character`) and
/// `DisplayWidth.of(Character)`, and refuse everything else. Checked on every BMP scalar, on
/// random strings of accepted and refused scalars, and on adversarial ones (marks first, marks
/// after a soft hyphen, long runs of marks, the edges of every accepted range).
@Suite struct PlainGraphemesTests {
    /// Scalars at the edges of what is accepted, and scalars that break by other rules (ZWJ,
    /// regional indicators, Hangul jamo, variation selectors, spacing marks, prepend, controls).
    static let alphabet: [String] = [
        "a", "Z", "~", " ", "é", "\u{A0}", "\u{AD}", "ʼ", "\u{2FF}", "\u{300}", "\u{301}", "\u{33F}", "\u{340}",
        "\u{36F}", "\u{370}", "—", "\u{2010}", "\u{2027}", "\u{2028}", "\u{200F}", "←", "\u{21FF}", "\u{2200}",
        "✓", "✗", "\u{2714}", "漢", "\u{4E00}", "\u{9FFF}", "\u{A000}", "\u{3400}", "\u{4DBF}", "\u{4DC0}",
        "\u{3040}", "\u{3041}", "\u{3096}", "\u{3097}", "\u{30A0}", "\u{30A1}", "\u{30FA}", "\u{30FB}", "가",
        "\u{D7A3}", "\u{D7A4}", "\u{200D}", "\u{1F1FA}", "\u{1F1F8}", "\u{1100}", "\u{1161}", "\u{11A8}",
        "\u{FE0F}", "😀", "\u{903}", "\u{600}", "\u{1B}", "\u{85}", "\u{202E}", "\u{200B}", "\u{1AB0}", "\t",
    ]

    static func isAccepted(_ s: Unicode.Scalar) -> Bool {
        DisplayWidth.plainWidth(s) != nil || (0x300...0x36F).contains(s.value)
    }

    /// Swift's clusters of `s`: each Character's end (UTF-8 offset) and width.
    static func swiftClusters(_ s: String) -> [(end: Int, width: Int)] {
        var out: [(end: Int, width: Int)] = []
        var offset = 0
        for c in s {
            offset += c.utf8.count
            out.append((offset, DisplayWidth.of(c)))
        }
        return out
    }

    /// Checks every function of `PlainGraphemes` on `s` against Swift; a description of the
    /// first difference, or nil.
    static func difference(_ s: String) -> String? {
        let bytes = Array(s.utf8)
        let accepted = s.unicodeScalars.allSatisfy(isAccepted)
        let clusters = swiftClusters(s)
        return bytes.withUnsafeBufferPointer { p -> String? in
            let width = PlainGraphemes.width(p)
            if (width != nil) != accepted { return "accepted: \(width != nil), expected \(accepted)" }
            if accepted, width != clusters.reduce(0, { $0 + $1.width }) {
                return "width \(String(describing: width)), expected \(clusters.reduce(0) { $0 + $1.width })"
            }
            if let base = p.baseAddress, !bytes.isEmpty {
                // The tokenizer's word: up to the first space or tab.
                let end = bytes.firstIndex { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } ?? bytes.count
                let word = String(decoding: bytes[..<end], as: UTF8.self)
                let scan = PlainGraphemes.scanWord(base, from: 0, count: bytes.count)
                let wordAccepted = word.unicodeScalars.allSatisfy(isAccepted)
                if scan.end != end { return "word end \(scan.end), expected \(end)" }
                if scan.plain != wordAccepted { return "word plain \(scan.plain)" }
                if scan.plain, scan.width != DisplayWidth.of(word) { return "word width \(scan.width)" }
                if scan.uniform != 0 {
                    let (w, l) = (Int(scan.uniform >> 2), Int(scan.uniform & 3))
                    if !word.allSatisfy({ $0.utf8.count == l && DisplayWidth.of($0) == w }) {
                        return "word called uniform (\(w) wide, \(l) bytes) but its clusters differ"
                    }
                } else if scan.plain, !word.isEmpty, word.allSatisfy({ $0.unicodeScalars.count == 1 }),
                    Set(word.map { "\($0.utf8.count),\(DisplayWidth.of($0))" }).count == 1, DisplayWidth.of(word) > 0
                {
                    return "uniform word not seen as uniform"
                }
            }
            guard accepted else { return nil }
            // Greedy lines of whole clusters, as Swift's clusters make them.
            for room in [0, 1, 2, 3, 5, 80] {
                var position = 0
                var next = 0
                while position < bytes.count {
                    var expectedWidth = 0
                    var expectedEnd = position
                    while next < clusters.count, expectedWidth + clusters[next].width <= room {
                        expectedWidth += clusters[next].width
                        expectedEnd = clusters[next].end
                        next += 1
                    }
                    let got = PlainGraphemes.prefix(p, from: position, to: bytes.count, fitting: room)
                    if got.end != expectedEnd || got.width != expectedWidth {
                        return "room \(room) from \(position): \(got), expected (\(expectedEnd), \(expectedWidth))"
                    }
                    if got.end == position { break }  // the next cluster is wider than the room, for both
                    position = got.end
                }
            }
            return nil
        }
    }

    @Test func everyBMPScalarIsAcceptedExactlyWhenItsWidthNeedsNoTable() {
        for v in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let bytes = Array(String(scalar).utf8)
            let got = bytes.withUnsafeBufferPointer { PlainGraphemes.width($0) }
            let expected = Self.isAccepted(scalar) ? DisplayWidth.of(scalar) : nil
            #expect(got == expected, "U+\(String(v, radix: 16))")
        }
    }

    @Test func acceptedBasesTakeTheMarksAfterThemExceptTheSoftHyphen() {
        for v in UInt32(0x20)...0xFFFF {
            guard let scalar = Unicode.Scalar(v), DisplayWidth.plainWidth(scalar) != nil else { continue }
            let expected = v == 0xAD ? 2 : 1  // U+00AD is Grapheme_Cluster_Break Control
            #expect(String(String.UnicodeScalarView([scalar, "\u{301}", "\u{36F}"])).count == expected, "U+\(String(v, radix: 16))")
            #expect(Self.difference(String(String.UnicodeScalarView([scalar, "\u{301}", "a", "\u{300}"]))) == nil)
        }
    }

    @Test func adversarialStringsBreakAsSwiftBreaksThem() {
        let marks = String(repeating: "\u{301}", count: 21)
        let cases = [
            "", "\u{301}", "\u{301}\u{301}a", "\u{AD}\u{301}\u{301}b", "a" + marks, "a" + marks + "b" + marks,
            marks + "漢", "a\u{301}\u{36F}\u{300}\u{33F}\u{340}\u{301}\u{301}\u{301}\u{301}\u{301}c",
            String(repeating: "e\u{301}", count: 12), "가\u{301}", "漢\u{301}\u{302}字", "\u{AD}\u{AD}\u{301}",
            "a\u{370}", "가\u{1161}", "\u{1100}가", "a\u{200D}b", "\u{1F1FA}\u{1F1F8}", "❤\u{FE0F}", "a b\u{301} \u{301}",
            String(repeating: "\u{301}", count: 9) + "x", "x" + String(repeating: "\u{33F}", count: 16) + "\u{340}",
            "\u{301}" + String(repeating: "ab", count: 10),
        ]
        for s in cases {
            #expect(Self.difference(s) == nil, "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func randomStringsBreakAsSwiftBreaksThem() {
        var random = SplitMix64(seed: 0x5EED_6)
        let acceptedOnly = Self.alphabet.filter { $0.unicodeScalars.allSatisfy(Self.isAccepted) }
        for round in 0..<4000 {
            let letters = round % 2 == 0 ? acceptedOnly : Self.alphabet
            let length = Int(random.next() % 40)
            let s = (0..<length).map { _ in letters[Int(random.next() % UInt64(letters.count))] }.joined()
            #expect(Self.difference(s) == nil, "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// The terminal-safety check eight bytes at a time agrees with the byte-by-byte one.
    @Test func fastSanitizingCheckAgreesWithTheByteLoop() {
        let pieces = [
            "a", "é", "漢", "\t", "\n", "\r", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}", "\u{A0}", "\u{202A}", "\u{202E}",
            "\u{202F}", "\u{2029}", "\u{2066}", "\u{2069}", "\u{206A}", "\u{2065}", "—", "\u{301}", "\u{C2}", "\u{E2}",
        ]
        var random = SplitMix64(seed: 42)
        for _ in 0..<4000 {
            let length = Int(random.next() % 24)
            let s = (0..<length).map { _ in random.next() % 3 == 0 ? pieces[Int(random.next() % UInt64(pieces.count))] : "a" }.joined()
            let bytes = Array(s.utf8)
            for (lines, tabs) in [(false, false), (true, false), (false, true), (true, true)] {
                let slow = TerminalText.needsSanitizing(bytes, keepingLines: lines, keepingTabs: tabs)
                let fast = bytes.withUnsafeBufferPointer { TerminalText.needsSanitizingFast($0, keepingLines: lines, keepingTabs: tabs) }
                #expect(fast == slow, "\(s.unicodeScalars.map { String($0.value, radix: 16) }) \(lines) \(tabs)")
            }
        }
    }
}

/// Huge words stay on the byte paths: laying out twice the text takes no grapheme breaking
/// either (`TextWriter.slowPathBytes` stays 0 — it grew with the text before the fast paths),
/// and the lines are still Swift's clusters, each line full, none wider than the width.
@Suite struct HugeTextLayoutTests {
    static func writer(_ text: String, width: Int) -> TextWriter {
        let doc = Document(volumeID: "v", number: "", titleInlines: [], blocks: [.paragraph([.text(text)], .normal)], footnotes: [])
        return Layout.writer(doc, LayoutOptions(width: width))
    }

    static func check(_ text: String, width: Int) {
        let writer = writer(text, width: width)
        #expect(writer.slowPathBytes == 0)
        let lines = writer.result.lines.map(\.text).filter { !$0.isEmpty }
        #expect(lines.joined() == text)
        // Every line is whole Characters of the text, in order, fits, and is full.
        #expect(lines.flatMap { Array($0) } == Array(text))
        for (i, line) in lines.enumerated() {
            #expect(DisplayWidth.of(line) <= width)
            if i + 1 < lines.count, let next = lines[i + 1].first {
                #expect(DisplayWidth.of(line) + DisplayWidth.of(next) > width)
            }
        }
    }

    @Test(arguments: ["漢字仮名交じり文", "e\u{301}", "Gorbachev’s—", "ab漢\u{AD}", "a\u{301}\u{302}가"])
    func hugeWordsAreCutOnBytes(unit: String) {
        for repeats in [3_000, 6_000] {
            Self.check(String(repeating: unit, count: repeats), width: 37)
        }
    }

    @Test func aLetterWithHundredsOfThousandsOfMarksIsOneGlyph() {
        for count in [100_000, 200_000] {
            let text = "a" + String(repeating: "\u{301}", count: count) + "b"
            let writer = Self.writer(text, width: 10)
            #expect(writer.slowPathBytes == 0)
            #expect(writer.result.lines.map(\.text) == [text])
            #expect(writer.result.lines.first?.width == 2)
        }
    }

    @Test func textNeedingGraphemeBreakingIsCounted() {
        // Emoji with modifiers, regional indicators: Swift's grapheme breaking, counted.
        let writer = Self.writer(String(repeating: "👍🏽🇺🇸", count: 50), width: 10)
        #expect(writer.slowPathBytes > 0)
        #expect(writer.result.lines.allSatisfy { DisplayWidth.of($0.text) <= 10 })
    }
}

/// A seeded generator: the same strings every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
