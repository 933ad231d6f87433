import FrusModel
import FrusTEI
import FrusTestSupport
import Testing

/// `TEIImporter.readDocument` (the fast path of `frusread show N`) gives the same document as
/// reading the whole volume.
@Suite struct SingleDocumentReadTests {
    @Test func everyDocumentReadAloneEqualsTheOneInTheWholeVolume() throws {
        guard let path = Fixtures.partialVolume?.path else {
            print(Fixtures.sharedMissing)
            return
        }
        let whole = try TEIImporter.read(path: path).volume
        for doc in whole.documents {
            let alone = try #require(try TEIImporter.readDocument(doc.number, path: path), "document \(doc.number)")
            #expect(alone.number == doc.number)
            #expect(alone.id == doc.id)
            #expect(alone.titleInlines == doc.titleInlines, "document \(doc.number)")
            #expect(alone.bodyText == doc.bodyText, "document \(doc.number)")
            #expect(alone.footnotes.map(\.plainText) == doc.footnotes.map(\.plainText), "document \(doc.number)")
            #expect(alone.pageBreaks == doc.pageBreaks, "document \(doc.number)")
            #expect(alone.markerNumbers == doc.markerNumbers, "document \(doc.number)")
            #expect(alone.date == doc.date)
        }
    }

    @Test func aMissingDocumentIsNil() throws {
        guard let path = Fixtures.partialVolume?.path else {
            print(Fixtures.sharedMissing)
            return
        }
        #expect(try TEIImporter.readDocument("9999", path: path) == nil)
        #expect(try TEIImporter.readDocument("d168", path: path)?.number == "168")
    }
}
