import Foundation
import FrusModel
import FrusTEI
import FrusTestSupport
import Testing

/// More shapes met in real volumes (second probe, December 2026: 1870, 1914 Supplement, 1919
/// Paris XI, 1950–55 Intelligence, 1961–63 X/XI/XII microfiche supplement, 1969–76 E–5 …),
/// each as a small hand-written fragment; the expectations are read off the fragment.
extension EraShapesTests {
    /// 1870s volumes print the number alone above the head, as a source note or as a centred
    /// opener: right above the head, the heading prints it ("No. 2. By the President …"), not
    /// a line above it and again in the heading.
    @Test func aNumberPrintedAboveTheHeadIsTheHeadingsNumber() throws {
        let docs = try Self.load("frus1870", """
            <div type="document" n="2" xml:id="d2"><opener><seg rendition="#center">No. 2.</seg></opener>
              <head>By the President of the United States of America.</head><p>Text.</p></div>
            <div type="document" n="3" xml:id="d3"><note rend="inline" type="source">No. 3.</note>
              <opener><seg rendition="#center">[Telegram.]</seg></opener>
              <head><persName type="from">Mr. Jay</persName> to <persName type="to">Mr. Fish</persName>.</head>
              <p>Text.</p></div>
            <div type="document" n="4" xml:id="d4"><note rend="inline" type="source">4.</note>
              <head>Mr. Jay to Mr. Fish.</head><p>Text.</p></div>
            <div type="document" n="5" xml:id="d5"><note rend="inline" type="source">No. 6.</note>
              <head>Mr. Jay to Mr. Fish.</head><p>Text.</p></div>
            """).volume.documents
        #expect(docs.map(\.printedNumber) == ["No. 2.", "", nil, "No. 6."])
        #expect(docs.map(\.headingNumber) == ["No. 2. ", "", "4. ", "No. 6. "])
        #expect(docs[0].headLabel.isEmpty)
        // Above another line it stays where it is printed, and the heading prints no number:
        // the text keeps the source's order.
        #expect(docs[1].headLabel == [.text("No. 3."), .lineBreak, .text("[Telegram.]")])
        #expect(docs[2].headLabel.isEmpty)
        // "No. 6." above document 5: printed numbers may differ from @n (as in frus1884).
        #expect(docs[3].headLabel.isEmpty)
    }

    /// An attachment's opener holding a dateline before its head ("[From the Times, Monday,
    /// September 19, 1870.]") is its label, drawn above the head, as printed.
    @Test func aDatelineBeforeAnAttachmentsHeadIsItsLabel() throws {
        let doc = try Self.only("""
            <div type="document" n="125" xml:id="d125"><head>Mr. Motley to Mr. Fish.</head><p>Sir: text.</p>
              <frus:attachment><opener><dateline rendition="#center">[From the Times, Monday, <date
                when="1870-09-19">September 19, 1870</date>.]</dateline></opener>
                <head>British neutrality.</head><p>The following correspondence.</p></frus:attachment></div>
            """, id: "frus1870")
        let attachment = try #require(doc.attachments.first)
        #expect(attachment.label.plainText == "[From the Times, Monday, September 19, 1870.]")
        #expect(attachment.heading.plainText == "British neutrality.")
        #expect(attachment.blocks.map(\.plainText) == ["The following correspondence."])
    }

    /// The 1919 commissioners' minutes print each item's topic in the margin
    /// (`<seg type="margin">`): it is set apart on a line of its own, not run into the sentence.
    @Test func marginNotesStandApartFromTheText() throws {
        let doc = try Self.only("""
            <div type="document" n="60" xml:id="d60"><head>Minutes</head><list>
              <label>1.</label><item>The Commissioners approved. <seg type="margin">Rhineland
                Commission</seg></item></list>
              <p><seg type="margin">Couriers</seg></p></div>
            """, id: "frus1919Parisv11")
        guard case .list(_, let items)? = doc.blocks.first, case .paragraph(let inlines, _)? = items.first?.first else {
            Issue.record("\(doc.blocks)")
            return
        }
        let lines = inlines.split(separator: .lineBreak).map { Array($0).plainText.trimmingSpaces }
        #expect(lines.last == "[Margin: Rhineland Commission]")
        #expect(lines.first?.hasSuffix("The Commissioners approved.") == true)
        #expect(doc.blocks.last?.plainText == "[Margin: Couriers]")
    }

    /// A microfiche entry whose page count is not known (`…citation>?</…`) says so, not a
    /// bare "?".
    @Test func anUnknownPageCountIsNotABareValue() throws {
        let doc = try Self.only("""
            <div type="document" n="418" xml:id="d418"><head>418. Rough notes, October 26.</head>
              <frus:page-count-according-to-citation>?</frus:page-count-according-to-citation>
              <frus:file id="2050" path="0022/0056.tif"/><frus:pdf bytes="145409" readable="145 KB"/></div>
            """, id: "frus1961-63v10-12mSupp")
        let address = "https://static.history.state.gov/frus/frus1961-63v10-12mSupp/pdf/d418.pdf"
        #expect(doc.scan?.pages == nil)
        #expect(doc.blocks.last?.plainText == "pages: ?, scanned: \(address) (PDF, 145 KB)")
    }

    /// `<ref target="d346">346</ref>` (no "#") links document 346 of the volume.
    @Test func aDocumentTargetWithoutItsHashIsALink() throws {
        let load = try Self.load("frus1961-63v10-12mSupp", """
            <div type="document" n="1" xml:id="d1"><head>1. A</head><p>Documents <ref target="d2">2</ref>
              and <ref target="#d2">2</ref> appeared out of sequence.</p></div>
            <div type="document" n="2" xml:id="d2"><head>2. B</head><p>Text.</p></div>
            """)
        let links = load.volume.documents[0].references.map(\.target)
        let d2 = LinkTarget.document(volume: "frus1961-63v10-12mSupp", number: "2")
        #expect(links == [d2, d2])
    }

    /// A table written inside a paragraph (1931–41 volumes: "… include the following:
    /// <table>…</table></p>") stands as a table between the text before and after it.
    @Test func aTableInsideAParagraphIsATable() throws {
        let doc = try Self.only("""
            <div type="document" n="175" xml:id="d175"><head>Executive Order No. 8703</head>
              <p>1. The articles shall include the following: <table cols="3">
                <row><cell>(1)</cell><cell>Jute:</cell><cell>B</cell></row>
                <row><cell/><cell>Fiber</cell><cell role="num">3499*</cell></row></table> and no other.</p>
              <p>2. Text.</p></div>
            """, id: "frus1931-41v02")
        #expect(doc.blocks == [
            .paragraph([.text("1. The articles shall include the following:")], .normal),
            .table([[[.text("(1)")], [.text("Jute:")], [.text("B")]], [[], [.text("Fiber")], [.text("3499*")]]]),
            .paragraph([.text("and no other.")], .normal),
            .paragraph([.text("2. Text.")], .normal),
        ])
    }

    /// A table that is not a block of its own (inside a styled run) is read as lines: its
    /// cells stay words apart even where the source puts nothing between them.
    @Test func cellsReadAsALineStayWordsApart() throws {
        let doc = try Self.only("""
            <div type="document" n="9" xml:id="d9"><head>A</head><p><hi rend="italic">Rates: <table><row><cell>Fiber</cell><cell>3499*</cell></row></table></hi></p></div>
            """, id: "frus1931-41v02")
        #expect(doc.blocks.first?.plainText.split(separator: " ").contains("Fiber") == true)
        #expect(doc.blocks.first?.plainText.contains("Fiber 3499*") == true)
    }

    /// `frus1917-72PubDip` declares `xmlns:frus="http://history.state.gov/ns/1.0"`: its
    /// `frus:` elements are the FRUS vocabulary all the same.
    @Test func theFRUSVocabularyUnderAnotherURI() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/ns/1.0">
            <teiHeader><fileDesc><titleStmt><title type="complete">Sample</title></titleStmt>
            <publicationStmt><idno type="frus">frus1917-72PubDip</idno></publicationStmt></fileDesc></teiHeader>
            <text><body><div type="document" n="37" xml:id="d37"><head>37. Letter</head><p>Text.</p>
              <frus:attachment><head>Attachment</head><p>Its text.</p></frus:attachment></div></body></text></TEI>
            """
        let load = try TEIImporter.read(data: Array(xml.utf8), path: "frus1917-72PubDip.xml")
        let doc = try #require(load.volume.documents.first)
        #expect(doc.attachments.map(\.heading.plainText) == ["Attachment"])
        #expect(load.volume.unknownElements.isEmpty)
    }

    /// `<item><label>1.</label> The second person …</item>`: a label inside its item runs on
    /// with the item's text, one line, as a label beside the item does.
    @Test func aLabelInsideItsItemRunsOn() throws {
        let doc = try Self.only("""
            <div type="document" n="37" xml:id="d37"><head>37. Letter</head><list type="simple">
              <item>
                <label>1.</label> The second person has been altered.</item>
              <item><label>2.</label> #3 has been rendered.<p>A second paragraph.</p></item></list></div>
            """, id: "frus1917-72PubDip")
        guard case .list(_, let items)? = doc.blocks.first else {
            Issue.record("\(doc.blocks)")
            return
        }
        #expect(items.map { $0.map(\.plainText) } == [
            ["1. The second person has been altered."], ["2. #3 has been rendered.", "A second paragraph."],
        ])
    }

    /// Some 2000s headers write the title types without hyphens (`subseries`, `volumenumber`).
    @Test func headerTitleTypesWithoutHyphens() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
            <title type="complete">Foreign Relations of the United States, 1950–1955, The Intelligence Community</title>
            <title type="series">Foreign Relations of the United States</title>
            <title type="subseries">1950–1955</title><title type="volumenumber">Volume XIV</title>
            <title type="volume">The Intelligence Community, 1950–1955</title></titleStmt>
            <publicationStmt><idno type="frus">frus1950-55Intel</idno></publicationStmt></fileDesc></teiHeader>
            <text><body><div type="document" n="1" xml:id="d1"><head>1. A</head><p>Text.</p></div></body></text></TEI>
            """
        let b = try TEIImporter.read(data: Array(xml.utf8), path: "frus1950-55Intel.xml").volume.bibliography
        #expect(b.subseriesTitle == "1950–1955")
        #expect(b.volumeNumber == "Volume XIV")
    }

    /// 1940s volumes pretty-print inline elements (`(<persName type="from">⏎<hi>Hamilton</hi>⏎
    /// </persName>)`): the line breaks at the element's inner edges are not spaces inside the
    /// brackets or before the comma. A space written inside one run of text is kept, and so is
    /// the space of a spaced ellipsis after an element ("NSC . . . decided").
    @Test func noSpacesAtAnElementsEdgesInsideBrackets() throws {
        let doc = try Self.only("""
            <div type="document" n="212" xml:id="d212"><head>
              <hi rend="italic">Memorandum by the Chief</hi> (<persName type="from">
                <hi rend="italic">Hamilton</hi>
              </persName>) <hi rend="italic">to the Under Secretary</hi> (<persName type="to">
                <hi rend="italic">Welles</hi>
              </persName>)</head>
              <opener><dateline rendition="#right">[<placeName>
                <hi rend="smallcaps">Washington</hi>
                </placeName>,] <date when="1942-04-13">April 13, 1942</date>.</dateline></opener>
              <p>Kept as written: ( a ) and b , c. The <gloss target="#t_NSC1">NSC</gloss> . . . decided.</p></div>
            """, id: "frus1942China")
        #expect(doc.title == "Memorandum by the Chief (Hamilton) to the Under Secretary (Welles)")
        #expect(doc.senders == ["Hamilton"] && doc.recipients == ["Welles"])
        #expect(doc.blocks.map(\.plainText) == ["[Washington,] April 13, 1942.", "Kept as written: ( a ) and b , c. The NSC . . . decided."])
    }

    /// frus1884 numbers its documents apart from the numbers it prints (`n="192"`, head
    /// "No. 186."): the printed number is still the heading's number, not part of the title.
    @Test func aPrintedNumberOtherThanTheDocumentsNumber() throws {
        let docs = try Self.load("frus1884", """
            <div type="document" xml:id="d192" n="192"><head>No. 186.<lb/><hi rend="italic">Mr. <persName
              type="from">Schuyler</persName> to Mr. <persName type="to">Frelinghuysen</persName>.</hi></head>
              <p>Sir: text.</p></div>
            <div type="document" xml:id="d193" n="193"><note rend="inline" type="source">No. 187.</note>
              <head>Mr. Schuyler to Mr. Frelinghuysen.</head><p>Text.</p></div>
            <div type="document" xml:id="d194" n="194"><head>No. 188.</head><head>Mr. A to Mr. B.</head><p>Text.</p></div>
            <div type="document" xml:id="d195" n="195"><head>No. 5 Downing Street.</head><p>Text.</p></div>
            """).volume.documents
        #expect(docs.map(\.title) == [
            "Mr. Schuyler to Mr. Frelinghuysen.", "Mr. Schuyler to Mr. Frelinghuysen.", "Mr. A to Mr. B.",
            "No. 5 Downing Street.",
        ])
        #expect(docs.map(\.headingNumber) == ["No. 186. ", "No. 187. ", "No. 188. ", "195. "])
        #expect(docs[0].senders == ["Schuyler"] && docs[0].recipients == ["Frelinghuysen"])
        #expect(docs[1].headLabel.isEmpty)
    }

    /// A volume's shell awaiting its documents (`frus1981-88v06` as stored in 2016: a press
    /// release in the front matter, `<body/>`, no status) is not a defect; a body with
    /// divisions but no document still is.
    @Test func aShellWithAnEmptyBodyIsNoDefect() throws {
        func load(_ body: String) throws -> VolumeLoad {
            let xml = """
                <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="frus1981-88v06"><teiHeader><fileDesc><titleStmt>
                <title type="complete">Sample</title></titleStmt><publicationStmt><idno type="frus">frus1981-88v06</idno>
                </publicationStmt></fileDesc><revisionDesc><change>2016-12-27: Created TEI shell</change></revisionDesc>
                </teiHeader><text><front><div xml:id="pressrelease" type="section"><head>Press Release</head>
                <tei:p xmlns:tei="http://www.tei-c.org/ns/1.0">This volume is part of a <tei:hi rend="italic">subseries</tei:hi>.</tei:p>
                </div></front>\(body)<back/></text></TEI>
                """
            return try TEIImporter.read(data: Array(xml.utf8), path: "frus1981-88v06.xml")
        }
        let shell = try load("<body/>")
        #expect(shell.diagnostics.isEmpty, "\(shell.diagnostics)")
        #expect(shell.volume.documents.map { $0.blocks.map(\.plainText) } == [["This volume is part of a subseries."]])
        #expect(shell.volume.unknownElements.isEmpty)
        let empty = try load("<body><div type=\"chapter\" xml:id=\"ch1\"><head>One</head></div></body>")
        #expect(empty.diagnostics.map(\.message).contains { $0.contains("has no documents") })
    }
}
