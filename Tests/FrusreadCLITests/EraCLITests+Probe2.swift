import Foundation
import FrusTestSupport
import Testing

extension EraCLITests {
    /// A document whose notes are printed 21, 22 (its first note is the volume's 21st, as in
    /// 1977–80 and 1950–55 volumes): `check` and `links` name the note as printed.
    @Test func checkAndLinksNameANoteByItsPrintedLabel() throws {
        let folder = try Fixtures.temporaryFolder("frusread-era-cli")
        let url = folder.appendingPathComponent("frus1977-80Sample.xml")
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title type="complete">Sample</title>
            </titleStmt><publicationStmt><idno type="frus">frus1977-80Sample</idno></publicationStmt></fileDesc></teiHeader>
            <text><body>
            <div type="document" n="62" xml:id="d62"><head>62. Memorandum</head>
              <p>I should visit Peking.<note n="21" xml:id="d62fn21">See <ref target="frus1977-80v13#d108">Document
                108</ref>.</note> Later.<note n="22" xml:id="d62fn22">Not until August 1979.</note></p></div>
            </body></text></TEI>
            """.write(to: url, atomically: true, encoding: .utf8)
        let check = try FrusreadBinary.run(["check", "--corpus", url.path])
        #expect(check.stdout.contains("document 62, footnote 21: “Document 108”"), "\(check.stdout)")
        #expect(!check.stdout.contains("footnote 1:"))
        let links = try FrusreadBinary.run(["links", "62", "--corpus", url.path])
        #expect(links.stdout.hasPrefix("footnote 21\t"), "\(links.stdout)")
    }
}
