import Foundation
import FrusModel
import FrusTEI
import FrusTestSupport
import Testing

/// Documents 168 and 175 of the TEI contain every word of the seeds (the documents as the web
/// shows them, in the plain-text format) in the same order. The TEI has more (datelines,
/// "SUBJECT"), which is fine.
@Suite struct SeedFidelityTests {
    @Test(arguments: [("168", Fixtures.seed168), ("175", Fixtures.seed175)])
    func documentContainsEverySeedWordInOrder(number: String, seed: URL) throws {
        guard let volume = PartialVolume.volume else { print(Fixtures.sharedMissing); return }
        let doc = try #require(volume.document(number: number))
        let seedText = try String(contentsOf: seed, encoding: .utf8)
        let seedWords = Self.words(Self.removingPageMarkers(seedText))
        let teiWords = Self.words(doc.fullText)
        #expect(seedWords.count > 300)
        var i = 0
        for word in teiWords where i < seedWords.count && word == seedWords[i] { i += 1 }
        let missing = i < seedWords.count ? seedWords[i..<min(i + 12, seedWords.count)].joined(separator: " ") : ""
        #expect(i == seedWords.count, "document \(number): seed words from \"\(missing)\" not found in order")
    }

    /// "unfortu[Page 744]nately" → "unfortunately": the seed marks pages inside words.
    static func removingPageMarkers(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "[Page ") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "]") else { break }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// Words as runs of letters: footnote marker digits glued to words ("Moscow.2") and pure
    /// numbers do not count, on either side.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.isLetter }).map(String.init)
    }

    @Test func theComparisonCanFail() {
        // The check above must notice a word the TEI lacks or a change of order.
        let tei = Self.words("Dear Mr. President, your letter arrived.")
        func contains(_ seed: String) -> Bool {
            let s = Self.words(seed)
            var i = 0
            for w in tei where i < s.count && w == s[i] { i += 1 }
            return i == s.count
        }
        #expect(contains("Mr. President1 your letter"))
        #expect(!contains("President Mr."))
        #expect(!contains("your telegram"))
        #expect(Self.removingPageMarkers("unfortu[Page 744]nately so") == "unfortunately so")
    }
}
