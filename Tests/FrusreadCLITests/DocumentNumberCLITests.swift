import Foundation
import FrusTestSupport
import Testing

/// Numbers as typed on a keyboard: a microfiche supplement numbers its documents "ETA–1"
/// (an en dash); `show ETA-1` and `cite eta-1` find it, and the output prints the number as
/// the volume does.
@Suite struct DocumentNumberCLITests {
    @Test func aDashedNumberIsFoundTypedWithAHyphen() throws {
        let folder = try Fixtures.temporaryFolder("frusread-number-cli")
        let url = folder.appendingPathComponent("frus1958-60v05mSupp.xml")
        let numbers = ["ETA\u{2013}1", "ETA\u{2013}2"]
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title type="complete">Supplement</title>
            </titleStmt><publicationStmt><idno type="frus">frus1958-60v05mSupp</idno></publicationStmt></fileDesc></teiHeader>
            <text><body>
            <div type="document" n="\(numbers[0])" xml:id="eta_d1"><head>Telegram From the Embassy in Caracas</head><p>One.</p></div>
            <div type="document" n="\(numbers[1])" xml:id="eta_d2"><head>Despatch From the Embassy in Lima</head><p>Two.</p></div>
            </body></text></TEI>
            """.write(to: url, atomically: true, encoding: .utf8)
        let show = try FrusreadBinary.run(["show", "ETA-2", "--corpus", url.path])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.hasPrefix("\(numbers[1]). Despatch From the Embassy in Lima"))
        let cite = try FrusreadBinary.run(["cite", "eta-1", "--corpus", url.path])
        #expect(cite.status == 0, "\(cite.stderr)")
        #expect(cite.stdout.contains("Document \(numbers[0]), https://history.state.gov/historicaldocuments/frus1958-60v05mSupp/eta_d1"))
        let missing = try FrusreadBinary.run(["show", "ETA-3", "--corpus", url.path])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no document ETA-3"))
    }
}

/// A volume id whose second year comes before its first ("frus1999-0010v01"), or whose digits
/// run on past any year, crashed every command reading a dated document of it (both found by
/// fuzzing the TEI importer); it is read.
@Suite struct DamagedVolumeIDCLITests {
    @Test(arguments: ["frus1999-0010v01", "frus" + String(repeating: "9", count: 30) + "-00v01"])
    func aVolumeIDWithYearsOutOfOrderIsRead(id: String) throws {
        let folder = try Fixtures.temporaryFolder("frusread-damaged-id")
        let url = folder.appendingPathComponent("odd.xml")
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title type="complete">Odd</title>
            </titleStmt><publicationStmt><idno type="frus">\(id)</idno></publicationStmt></fileDesc></teiHeader>
            <text><body>
            <div type="document" n="1" xml:id="d1"><head>A Memo</head>
              <opener><dateline><date when="1999-03-04">March 4, 1999</date></dateline></opener><p>Text.</p></div>
            </body></text></TEI>
            """.write(to: url, atomically: true, encoding: .utf8)
        for command in [["check"], ["list"], ["show", "1"]] {
            let r = try FrusreadBinary.run(command + ["--corpus", url.path])
            #expect(r.status == 0, "\(command): \(r.status) \(r.stderr)")
        }
        #expect(try FrusreadBinary.run(["list", "--corpus", url.path]).stdout.contains("1999-03-04"))
    }
}
