import Foundation
import FrusModel
import FrusPlainText
import FrusTestSupport
import Testing

/// General rules of the plain-text format on made-up documents, beyond the two seeds.
@Suite struct FormatRuleTests {
    static let sample = """
        12. Telegram From the Embassy in the Soviet Union to the Department of State 1

          • Arms Control Talks

        Moscow, March 3, 1985

        The talks opened today.2 In 1985 about 400 delegates came, 95 percent of them on time.

        See also the memo of 16-year old Ivan.3 More text.


        Attachment


        Paper Prepared in the Department of State 4

        The first attachment says so.5


        Talking Points for the Secretary 6

        Point one is here.

        George P. Shultz
          1. Source: Department of State. Secret. [Page 12] Continued.
          2. See Documents 10 and 11.
          3. See Document 9, footnote 2.
          4. See footnote 2 above.
          5. See Foreign Relations, 1981–1988, vol. IV, Soviet Union, January 1983–March 1985, Document 150.
          6. Printed from a copy; see Documents 3–5.
        """

    @Test func structureOfARicherDocument() throws {
        let r = try importText(Self.sample)
        let d = r.document
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        #expect(d.number == "12")
        #expect(d.subject == "Arms Control Talks")
        #expect(d.dateline == "Moscow, March 3, 1985")
        #expect(d.markerNumbers == [1, 2, 3, 4, 5, 6])
        #expect(d.footnotes.count == 6)
        #expect(d.attachments.count == 2)
        #expect(d.attachments[0].label.sketch == "Attachment")
        #expect(d.attachments[0].heading.sketch == "Paper Prepared in the Department of State⟨4⟩")
        #expect(d.attachments[1].heading.sketch == "Talking Points for the Secretary⟨6⟩")
        #expect(d.attachments[1].blocks.last?.sketch == "SIG: George P. Shultz")
        #expect(d.blocks[1].sketch.contains("about 400 delegates came, 95 percent"))
    }

    @Test func pageMarkersInFootnotes() throws {
        let d = try importText(Self.sample).document
        #expect(d.footnote(1)?.blocks.first?.sketch == "P: Source: Department of State. Secret. ⟦12⟧Continued.")
    }

    @Test func crossReferenceForms() throws {
        let refs = try importText(Self.sample).document.references
        let v = "frus1981-88v05"
        let targets = refs.map(\.target)
        #expect(targets.contains(.document(volume: v, number: "10")))
        #expect(targets.contains(.document(volume: v, number: "11")))
        #expect(targets.contains(.footnote(volume: v, document: "9", footnote: 2)))
        #expect(targets.contains(.footnote(volume: v, document: "12", footnote: 2)))  // "footnote 2 above"
        #expect(targets.contains(.document(volume: "frus1981-88v04", number: "150")))
        #expect(targets.contains(.document(volume: v, number: "3")))
        #expect(targets.contains(.document(volume: v, number: "5")))
        let labels = refs.map(\.label)
        #expect(labels.contains("Document 9, footnote 2"))
        #expect(labels.contains("footnote 2 above"))
        #expect(labels.contains { $0.hasPrefix("Foreign Relations, 1981–1988, vol. IV") && $0.hasSuffix("Document 150") })
    }

    @Test(arguments: [
        ("See Document 168.", ["Document 168"]),
        ("Documents 12 and 15 show it.", ["Documents 12", "15"]),
        ("Documents 12, 14, and 15.", ["Documents 12", "14", "15"]),
        ("Documents 12–14.", ["Documents 12", "14"]),
        ("See footnote 3, Document 136.", ["footnote 3, Document 136"]),
        ("See Document 136, footnote 3.", ["Document 136, footnote 3"]),
        ("As in footnote 4 above.", ["footnote 4 above"]),
        ("In 1932 some 400 people.", []),
    ])
    func crossReferenceLabels(text: String, labels: [String]) {
        let found = CrossReferences.find(in: text, volume: "v", document: "1").map(\.label)
        #expect(found == labels)
    }

    @Test func otherVolumeWithoutDocumentIsAVolumeLink() {
        let found = CrossReferences.find(in: "See Foreign Relations, 1969–1976, vol. XIV, for more.", volume: "v", document: "1")
        #expect(found.map(\.target) == [.volume("frus1969-76v14", anchor: nil)])
    }

    @Test func toleratesCRLFBomTabsTrailingSpacesAndBlankLines() throws {
        let messy = "\u{FEFF}7. Memo\tFrom Me 1  \r\n\r\n\r\n\r\nFirst\tparagraph here.2   \r\n\r\n\r\n\r\nSecond.\r\n  1. Source: x.\r\n  2. Note two.   \r\n"
        let r = try importText(messy)
        #expect(r.diagnostics.isEmpty)
        #expect(r.document.title == "Memo From Me")
        #expect(r.document.markerNumbers == [1, 2])
        #expect(r.document.blocks.map(\.sketch) == ["P: First paragraph here.⟨2⟩", "P: Second."])
        #expect(r.document.footnote(2)?.plainText == "Note two.")
    }

    @Test func missingMarkerIsNamedInAWarning() throws {
        let text = "5. Memo 1\n\nOne.2 Two without its marker. Three.4\n  1. a\n  2. b\n  3. c\n  4. d\n"
        let r = try importText(text)
        #expect(r.document.markerNumbers == [1, 2, 4])
        #expect(r.diagnostics.count == 1)
        #expect(r.diagnostics.first?.message == "footnote marker 3 is missing from the text (footnote 3 is in the list)")
        #expect(r.diagnostics.first?.location?.file == "test.txt")
    }

    @Test func markersButNoFootnoteListWarns() throws {
        let r = try importText("5. Memo 1\n\nOne.2 Two.\n")
        #expect(r.document.footnotes.isEmpty)
        #expect(r.diagnostics.map(\.message) == ["footnote markers 1–2 but no footnote list"])
    }

    @Test func footnoteWithoutMarkerWarns() throws {
        let r = try importText("5. Memo 1\n\nOne. Two.\n  1. a\n  2. b\n")
        #expect(r.diagnostics.map(\.message) == ["footnote marker 2 is missing from the text (footnote 2 has no marker)"])
    }

    @Test func garbageIsAClearErrorWithTheLine() {
        #expect(throws: Diagnostic.self) { try importText("this is not a FRUS document\nat all\n") }
        do {
            _ = try PlainTextImporter.read([0x31, 0x2E, 0x20, 0x41, 0x0A, 0xFF, 0xFE], path: "bad.txt", volumeID: "v")
            Issue.record("invalid UTF-8 must throw")
        } catch let d as Diagnostic {
            #expect(d.description == "error: bad.txt:2: not valid UTF-8 text")
        } catch { Issue.record("\(error)") }
        do {
            _ = try importText("\n\nnonsense line\n")
        } catch let d as Diagnostic {
            #expect(d.location?.line == 3)
            #expect(d.message.contains("expected the title line"))
        } catch { Issue.record("\(error)") }
    }

    @Test func codesAndDecimalsAreNotMarkers() throws {
        let r = try importText("3. Memo 1\n\nThe SS-20 and SS20 missiles, 3.5 percent, and D860091 codes.2\n  1. a\n  2. b\n")
        #expect(r.document.markerNumbers == [1, 2])
        #expect(r.document.blocks[0].plainText == "The SS-20 and SS20 missiles, 3.5 percent, and D860091 codes.")
    }
}
