import Foundation
import FrusTestSupport
import Testing

/// The CLI on the real FRUS TEI (../shared/frus; skipped with a message when absent).
@Suite struct TEICLITests {
    /// For each document of the raw TEI: its number and how many numbered notes it holds,
    /// counted with a plain scan of the file (no XML parser, independent of the importer).
    func numberedNotesPerDocument(_ xml: String) throws -> [(String, Int)] {
        let div = try NSRegularExpression(pattern: #"<div\b[^>]*\btype="document"[^>]*>"#)
        let n = try NSRegularExpression(pattern: #"\bn="([^"]+)""#)
        let note = try NSRegularExpression(pattern: #"<note\b[^>]*\bn="[^"]+""#)
        let ns = xml as NSString
        let starts = div.matches(in: xml, range: NSRange(location: 0, length: ns.length))
        return starts.enumerated().map { i, m in
            let tag = ns.substring(with: m.range)
            let number = n.firstMatch(in: tag, range: NSRange(location: 0, length: (tag as NSString).length))
                .map { (tag as NSString).substring(with: $0.range(at: 1)) } ?? "?"
            let end = i + 1 < starts.count ? starts[i + 1].range.location : ns.length
            let slice = NSRange(location: m.range.location, length: end - m.range.location)
            return (number, note.numberOfMatches(in: xml, range: slice))
        }
    }

    @Test func showJSONOfEveryDocumentHasAsManyFootnotesAsTheTEI() throws {
        guard let volume = Fixtures.partialVolume else {
            print(Fixtures.sharedMissing)
            return
        }
        let expected = try numberedNotesPerDocument(String(contentsOf: volume, encoding: .utf8))
        #expect(expected.count == 46)
        #expect(expected.reduce(0) { $0 + $1.1 } == 189)
        let list = try FrusreadBinary.run(["list", "--corpus", volume.path])
        #expect(list.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[1]) } == expected.map(\.0))
        for (number, notes) in expected {
            let r = try FrusreadBinary.run(["show", number, "--json", "--corpus", volume.path])
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "document \(number)")
            #expect((doc["footnotes"] as? [Any])?.count == notes, "document \(number)")
            #expect(doc["number"] as? String == number)
        }
    }

    @Test func links175OnTheTEI() throws {
        guard let volume = Fixtures.partialVolume else {
            print(Fixtures.sharedMissing)
            return
        }
        let r = try FrusreadBinary.run(["links", "175", "--json", "--corpus", volume.path])
        let links = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        func target(_ l: [String: Any]) -> [String: Any] { l["target"] as? [String: Any] ?? [:] }
        let to168 = links.first { target($0)["kind"] as? String == "document" && target($0)["document"] as? String == "168" }
        #expect(to168?["resolved"] as? Bool == true)
        let to136 = links.first { target($0)["kind"] as? String == "footnote" && target($0)["document"] as? String == "136" }
        #expect(to136?["resolved"] as? Bool == true)
        #expect(target(to136 ?? [:])["footnote"] as? Int == 3)
    }

    /// 175 cites no other volume in the TEI; 133 does (FRUS 1981–1988, vol. IV): such a link
    /// stays typed and unresolved, with its citation and history.state.gov address.
    @Test func crossVolumeReferenceIsUnresolvedWithItsAddress() throws {
        guard let volume = Fixtures.partialVolume else {
            print(Fixtures.sharedMissing)
            return
        }
        let r = try FrusreadBinary.run(["links", "133", "--json", "--corpus", volume.path])
        let links = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let other = try #require(links.first {
            ((($0["target"] as? [String: Any])?["volume"] as? String) ?? "frus1981-88v05") != "frus1981-88v05"
        })
        let t = try #require(other["target"] as? [String: Any])
        let v = try #require(t["volume"] as? String)
        #expect(other["resolved"] as? Bool == false)
        #expect((other["reason"] as? String)?.contains("is not in this corpus") == true)
        #expect((other["citation"] as? String)?.hasPrefix("FRUS, ") == true)
        #expect((other["url"] as? String)?.hasPrefix("https://history.state.gov/historicaldocuments/\(v)") == true)
    }
}
