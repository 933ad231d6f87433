import Foundation
import FrusModel
import FrusTEI
import FrusTestSupport
import Testing

/// The volume map (`TEIVolumeMap`: one pass over the bytes, then documents read alone) gives
/// what reading the whole volume gives: the same documents in the same order, with the same
/// numbers, ids and kinds, and each document read alone equal to the whole volume's.
@Suite struct VolumeMapTests {
    /// The real volumes in ../shared: the partial 1981–88 volume and the volumes of other eras.
    static var realVolumes: [String] {
        guard let shared = Fixtures.shared else { return [] }
        let eras = shared.appendingPathComponent("frus/eras")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: eras.path)) ?? []
        return [Fixtures.partialVolume?.path].compactMap { $0 }
            + names.filter { $0.hasSuffix(".xml") }.sorted().map { eras.appendingPathComponent($0).path }
    }

    @Test func theMapListsTheDocumentsTheWholeVolumeHas() throws {
        let volumes = Self.realVolumes
        if volumes.isEmpty { print(Fixtures.sharedMissing) }
        for path in volumes {
            let whole = try TEIImporter.read(path: path).volume
            let map = try TEIVolumeMap(path: path)
            #expect(map.documents.map(\.number) == whole.documents.map(\.number), "\(path)")
            #expect(map.documents.map(\.id) == whole.documents.map(\.id), "\(path)")
            #expect(map.documents.map(\.kind) == whole.documents.map(\.kind), "\(path)")
            #expect(map.firstPosition.map { map.documents[$0].number } == whole.firstDocument?.number, "\(path)")
        }
    }

    @Test func everyDocumentReadAloneEqualsTheWholeVolumes() throws {
        let volumes = Self.realVolumes
        if volumes.isEmpty { print(Fixtures.sharedMissing) }
        for path in volumes {
            let whole = try TEIImporter.read(path: path).volume
            let map = try TEIVolumeMap(path: path)
            for (i, doc) in whole.documents.enumerated() {
                let alone = try map.read(i)
                // Title, text, footnotes, pages, date, line: the whole value.
                #expect(alone == doc, "\(path): document \(doc.number)")
                if alone != doc {
                    #expect(alone.title == doc.title, "\(path): \(doc.number)")
                    #expect(alone.pageBreaks == doc.pageBreaks, "\(path): \(doc.number)")
                    #expect(alone.source == doc.source, "\(path): \(doc.number)")
                    #expect(alone.references.map(\.target) == doc.references.map(\.target), "\(path): \(doc.number)")
                }
            }
        }
    }

    @Test func everyPrintedPageIsFoundInTheDocumentsTheMapNames() throws {
        let volumes = Self.realVolumes
        if volumes.isEmpty { print(Fixtures.sharedMissing) }
        for path in volumes {
            let whole = try TEIImporter.read(path: path).volume
            let map = try TEIVolumeMap(path: path)
            for page in Set(whole.documents.flatMap(\.pageBreaks)) {
                let owner = try #require(whole.locatePage(page)).document.number
                let candidates = map.positions(ofPage: page).map { map.documents[$0].number }
                #expect(candidates.contains(owner), "\(path): page \(page) is in \(owner), map says \(candidates)")
            }
        }
    }

    /// Shapes the real volumes may not have: page breaks at the end of a document (they open
    /// the next), between chapters, after the last document; a document without a number; a
    /// comment and CDATA holding tag-like text; a `>` in an attribute value.
    @Test func documentsReadAloneKeepWhatTheyTakeFromAroundThem() throws {
        let body = """
            <div type="chapter" xml:id="ch1"><head>Chapter <note n="1">A note <pb n="99"/></note>One</head>
            \(TEISample.document("<p>First.</p><pb n=\"2\" xml:id=\"pg_2\"/>", n: "1"))
            <!-- <div type="document" n="7"> not a document -->
            </div><pb n="3" xml:id="pg_3"/>
            <div type="chapter" xml:id="ch2" rend="a > b"><head>Two</head>
            <div type="document" xml:id="d5"><head>No number</head><p><![CDATA[<div type="document">]]> text</p>
              <p>See <ref target="#d1">Document 1</ref> and <ref target="#x9">the tenth</ref>.</p></div>
            <div type="document" n="10" xml:id="x9"><head>10. Last</head><p>Text.</p><div><p>Inner</p></div><pb n="4"/></div>
            <div type="document" n="11"/>
            </div><pb n="5"/>
            """
        let xml = TEISample.volume(body: body, front: "<div xml:id=\"preface\"><head>Preface</head><p>P.</p></div>")
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("frus1999-00v01.xml").path
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        let whole = try TEIImporter.read(path: path).volume
        let map = try TEIVolumeMap(path: path)
        #expect(map.documents.map(\.number) == ["preface", "1", "5", "10", "11"])
        #expect(map.documents.map(\.number) == whole.documents.map(\.number))
        for (i, doc) in whole.documents.enumerated() {
            #expect(try map.read(i) == doc, "document \(doc.number)")
        }
        // Computed from the source above: page 2 ends document 1 and page 3 stands between
        // the chapters, so both open document 5; page 4 ends document 10 and opens 11, and page 5,
        // after the volume's last document, is added to it.
        #expect(whole.document(number: "5")?.pageBreaks == ["2", "3"])
        #expect(whole.document(number: "11")?.pageBreaks == ["4", "5"])
    }

    /// A section holding documents (an appendix in the back matter) is split by the importer:
    /// the map leaves such a volume to be read whole.
    @Test func aSectionHoldingDocumentsIsLeftToTheWholeVolume() throws {
        let xml = TEISample.volume(body: TEISample.document("<p>One.</p>"))
            .replacingOccurrences(of: "</body>", with: "</body><back><div xml:id=\"appA\"><head>Appendix</head>\(TEISample.document("<p>Two.</p>", n: "2"))</div></back>")
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("frus1999-00v01.xml").path
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try TEIImporter.read(path: path).volume.document(number: "2") != nil)
        #expect(throws: Diagnostic.self) { try TEIVolumeMap(path: path) }
    }

    @Test func aFileWithoutTEIIsRefused() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("x.xml").path
        try "<html><body>no</body></html>".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: Diagnostic.self) { try TEIVolumeMap(path: path) }
        #expect(throws: Diagnostic.self) { try TEIVolumeMap(path: folder.appendingPathComponent("none.xml").path) }
    }
}
