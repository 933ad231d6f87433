import Foundation
import FrusTestSupport
import Testing

/// The CLI on small volumes of older and special shapes, written to a temporary folder.
@Suite struct EraCLITests {
    static let volume = """
        <?xml version="1.0" encoding="UTF-8"?>
        <TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0">
        <teiHeader><fileDesc><titleStmt><title type="complete">Sample, 1894</title></titleStmt>
        <publicationStmt><idno type="frus">frus1894Sample</idno></publicationStmt></fileDesc></teiHeader>
        <text><body>
        <div type="document" n="12" xml:id="d12"><head>No. 12.<lb/><hi rend="italic">Mr. <persName type="from">Baker</persName>
          to Mr. <persName type="to">Gresham</persName>.</hi></head>
          <p>One<note n="*" xml:id="d12fn1">Star.</note> two<note n="1" xml:id="d12fn2">See <ref target="#d13fn1">the note</ref>.</note>
             three<note n="1" xml:id="d12fn3">Again.</note></p>
          <frus:foo>unknown</frus:foo></div>
        <div type="document" n="13" xml:id="d13"><head>Memorandum</head>
          <opener><dateline><date notBefore="1894-01-01" notAfter="1894-12-31">undated</date></dateline></opener>
          <p>Text<note n="†" xml:id="d13fn1">Dagger.</note>.</p>
          <frus:page-count-according-to-citation>71</frus:page-count-according-to-citation>
          <frus:pdf url="https://example.org/scans/d13.pdf"/></div>
        </body></text></TEI>
        """

    static func file() throws -> URL {
        let folder = try Fixtures.temporaryFolder("frusread-era-cli")
        let url = folder.appendingPathComponent("frus1894Sample.xml")
        try volume.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func json(_ args: [String]) throws -> Any {
        let r = try FrusreadBinary.run(args)
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    }

    @Test func showPrintsLabelsSendersAndScans() throws {
        let file = try Self.file()
        let doc = try #require(try Self.json(["show", "12", "--json", "--corpus", file.path]) as? [String: Any])
        #expect(doc["title"] as? String == "Mr. Baker to Mr. Gresham.")
        #expect(doc["from"] as? [String] == ["Baker"])
        #expect(doc["to"] as? [String] == ["Gresham"])
        let notes = try #require(doc["footnotes"] as? [[String: Any]])
        #expect(notes.map { $0["label"] as? String } == ["*", "1", "1"])
        #expect(notes.map { $0["number"] as? Int } == [1, 2, 3])
        let text = try #require(doc["text"] as? String)
        #expect(text.hasPrefix("No. 12. Mr. Baker to Mr. Gresham."))
        #expect(text.contains("One[*] two[1] three[1]"))

        let scanned = try #require(try Self.json(["show", "13", "--json", "--corpus", file.path]) as? [String: Any])
        let scan = try #require(scanned["scan"] as? [String: Any])
        #expect(scan["pages"] as? Int == 71)
        #expect(scan["address"] as? String == "https://example.org/scans/d13.pdf")
        #expect((scanned["text"] as? String)?.contains("71 pages, scanned: https://example.org/scans/d13.pdf") == true)
        #expect(scanned["date"] as? String == "1894-01-01")
        let plain = try FrusreadBinary.run(["show", "13", "--corpus", file.path])
        #expect(plain.stdout.contains("† Dagger."))
        #expect(!plain.stdout.split(separator: "\n").contains("71"))
    }

    @Test func listAndLinksUseTheLabel() throws {
        let file = try Self.file()
        let list = try FrusreadBinary.run(["list", "--corpus", file.path])
        #expect(list.stdout == "frus1894Sample\t12\t-\tMr. Baker to Mr. Gresham.\nfrus1894Sample\t13\t1894-01-01\tMemorandum\n")
        let links = try #require(try Self.json(["links", "12", "--json", "--corpus", file.path]) as? [[String: Any]])
        let target = try #require(links.first?["target"] as? [String: Any])
        #expect(target["footnote"] as? Int == 1)
        #expect(target["label"] as? String == "†")
        #expect(links.first?["resolved"] as? Bool == true)
    }

    /// A list of papers: a table whose cells link to printed pages, which resolve to the
    /// document the page begins in; a page of another volume stays a typed page link.
    @Test func tableCellsLinkToPages() throws {
        let folder = try Fixtures.temporaryFolder("frusread-era-cli")
        let url = folder.appendingPathComponent("frus1894Pages.xml")
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title type="complete">Pages</title>
            </titleStmt><publicationStmt><idno type="frus">frus1894Pages</idno></publicationStmt></fileDesc></teiHeader>
            <text><body>
            <div type="document" n="1" xml:id="d1"><head>List of papers</head>
              <table><row><cell>No.</cell><cell>Page</cell></row>
                <row><cell>2</cell><cell><ref target="#pg_48">48</ref></cell></row></table>
              <p>See <ref target="frus1889#pg_469">page 469 of 1889</ref>.</p></div>
            <pb n="48" xml:id="pg_48"/>
            <div type="document" n="2" xml:id="d2"><head>No. 2.<lb/>Mr. A to Mr. B.</head><p>Text.</p></div>
            </body></text></TEI>
            """.write(to: url, atomically: true, encoding: .utf8)
        let links = try #require(try Self.json(["links", "1", "--json", "--corpus", url.path]) as? [[String: Any]])
        #expect(links.count == 2)
        let page = try #require(links.first)
        #expect((page["target"] as? [String: Any])?["page"] as? String == "48")
        #expect(page["resolved"] as? Bool == true)
        let other = try #require(links.last?["target"] as? [String: Any])
        #expect(other["kind"] as? String == "page")
        #expect(other["volume"] as? String == "frus1889")
        #expect(other["page"] as? String == "469")
        let plain = try FrusreadBinary.run(["links", "1", "--corpus", url.path])
        #expect(plain.stdout.contains("Page 48, in Document 2: Mr. A to Mr. B."))
    }

    @Test func checkCountsUnknownElementsWithoutLabelWarnings() throws {
        let file = try Self.file()
        let r = try FrusreadBinary.run(["check", "--corpus", file.path])
        #expect(r.stdout.contains("1 element frusread does not know: frus:foo ×1"))
        #expect(!r.stdout.contains("repeat") && !r.stdout.contains("numbered"))
    }
}
