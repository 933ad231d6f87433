import FrusModel
import Testing

@testable import FrusTEI

/// Text cut by empty inline elements is one run, as if they were not there — up to
/// `TEIBuilder.joinLimit`: a run of megabytes is not copied again at each join (that made an
/// 11 MB paragraph of 1 MB pieces quadratic); the runs after it follow it, text unchanged.
@Suite struct HugeTextImportTests {
    static func paragraphInlines(_ pieces: [String]) throws -> [Inline] {
        let doc = try TEISample.onlyDocument("<p>" + pieces.joined(separator: "<hi rend=\"italic\"></hi>") + "</p>")
        guard case .paragraph(let inlines, _)? = doc.blocks.first else { return [] }
        return inlines
    }

    @Test func smallPiecesJoinIntoOneRun() throws {
        #expect(try Self.paragraphInlines(["Mos", "cow", " talks"]) == [.text("Moscow talks")])
    }

    @Test func piecesPastTheJoinLimitFollowTheRunInOrder() throws {
        let piece = TEIBuilder.joinLimit * 3 / 5
        let pieces = ["漢", "e\u{301}", "x"].map { String(repeating: $0, count: piece / $0.utf8.count) }
        let inlines = try Self.paragraphInlines(pieces)
        let texts = inlines.compactMap { inline -> String? in
            if case .text(let t) = inline { return t }
            return nil
        }
        #expect(texts.count == inlines.count)
        #expect(texts.joined() == pieces.joined())
        // The first two joined (the run was under the limit), the third follows on its own.
        #expect(texts.map(\.utf8.count) == [pieces[0].utf8.count + pieces[1].utf8.count, pieces[2].utf8.count])
    }
}
