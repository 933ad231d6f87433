import Foundation
import FrusFind
import FrusSearch
import FrusTestSupport
import Testing

/// The index keeps terms and positions (FTS5) and the text only compressed, for snippets
/// (issue 14, "a lean index").
@Suite struct LeanIndexTests {
    /// Under half the size of the XML it indexes (it was 0.88× when FTS5 stored its own copy
    /// of the text and the pages freed by a build stayed in the file).
    @Test func indexIsUnderHalfTheXML() throws {
        guard let partial = Fixtures.partialVolume else { return print(Fixtures.sharedMissing) }
        let scratch = try ScratchCorpus("lean")
        defer { scratch.remove() }
        let ids = (1...4).map { "frus1981-88v4\($0)" }
        // The partial volume is 12% front matter (a whole volume: 2%, 160 KB of 8.1 MB), and the
        // front matter is dense text (lists of persons and terms) that is indexed too: so one
        // volume of the sample keeps it (3.5% of the sample), the others are documents only.
        for (i, id) in ids.enumerated() { try scratch.addTEIVolume(id, from: partial, frontMatter: i == 0) }
        let (_, index, report) = try scratch.open()
        #expect(report.added == 4)
        let file = try #require(index.file)
        let xml = try ids.reduce(0) {
            $0 + (try FileManager.default.attributesOfItem(
                atPath: scratch.corpus.appendingPathComponent("\($1).xml").path)[.size] as? Int ?? 0)
        }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
        #expect(xml > 0)
        #expect(Double(size) <= 0.5 * Double(xml), "index \(size) bytes for \(xml) bytes of XML")
    }

    /// Snippets come from the stored text, and stay right after a volume's documents were
    /// written again (FTS5 reads the old text back through the stored copy to delete its
    /// terms: a wrong copy would leave stale terms behind).
    @Test func snippetsAndUpdatesReadTheStoredText() throws {
        guard let partial = Fixtures.partialVolume else { return print(Fixtures.sharedMissing) }
        let scratch = try ScratchCorpus("lean-update")
        defer { scratch.remove() }
        try scratch.addTEIVolume("frus1981-88v45", from: partial)
        _ = try scratch.open()
        // The volume changed: "Krasnoyarsk" replaced by a word no document has.
        let url = scratch.corpus.appendingPathComponent("frus1981-88v45.xml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let occurrences = text.components(separatedBy: "Krasnoyarsk").count - 1
        #expect(occurrences > 0)
        try text.replacingOccurrences(of: "Krasnoyarsk", with: "Xylograph").write(to: url, atomically: true, encoding: .utf8)
        let (corpus, index, report) = try scratch.open()
        #expect(report.updated == 1)
        #expect(try index.documents(matching: "Krasnoyarsk", in: corpus).isEmpty)
        let hits = try index.search(SearchQuery(parsing: "Xylograph"), limit: 100, in: corpus)
        #expect(!hits.isEmpty)
        for hit in hits { #expect(hit.snippet.marked().contains("[Xylograph]"), "\(hit.snippet.marked())") }
    }
}
