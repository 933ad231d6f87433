import Foundation
import FrusModel
import FrusTEI
import FrusTestSupport
import Testing

/// Shapes met in real volumes of 1861–1976 (probed December 2026), each as a small hand-written
/// fragment; the expectations are read off the fragment.
extension EraShapesTests {
    /// 1900s–1950s heads type the sender or recipient on a `gloss` (an office, not a person),
    /// or on an `orgName`, beside `persName`.
    @Test func typedSendersAndRecipientsOnAnyNameOfTheHead() throws {
        let load = try Self.load("frus1948v01", """
            <div type="document" n="2" xml:id="d2"><head><hi rend="italic">The <gloss type="from">Acting
              Secretary of State</gloss> to the United States Representative</hi> (<persName
              type="to"><hi rend="italic">Austin</hi></persName>)</head><p>Text.</p></div>
            <div type="document" n="3" xml:id="d3"><head>The <gloss type="from" target="#t_SecState">Secretary
              of State</gloss> to the <orgName type="to">Legation in China</orgName></head><p>Text.</p></div>
            <div type="document" n="4" xml:id="d4"><head>Memorandum</head><p>The <gloss type="from">Secretary</gloss>
              said so.</p></div>
            """)
        let docs = load.volume.documents
        #expect(docs[0].senders == ["Acting Secretary of State"])
        #expect(docs[0].recipients == ["Austin"])
        #expect(docs[0].title == "The Acting Secretary of State to the United States Representative (Austin)")
        #expect(docs[1].senders == ["Secretary of State"])
        #expect(docs[1].recipients == ["Legation in China"])
        // A typed gloss with a pointer is still a mention of its term.
        #expect(docs[1].mentions.map(\.mention) == [.term("t_SecState")])
        // Only the head names the parties.
        #expect(docs[2].senders.isEmpty && docs[2].recipients.isEmpty)
        #expect(load.volume.unknownElements.isEmpty)
    }

    /// `<p>… <list><label>1)</label><item>…</item>…</list></p>`: in running text each item
    /// runs on after its label, one line each, as printed.
    @Test func listLabelsInRunningTextRunOnWithTheirItems() throws {
        let doc = try Self.only("""
            <div type="document" n="36" xml:id="d36"><head>Mr. A to Mr. B</head>
              <p>The subjects: <list>
                <label>1)</label>
                <item>The laws of war on land.</item>
                <label>(<hi rend="italic">b</hi>)</label>
                <item>The laws of war at sea.</item>
              </list></p></div>
            """)
        guard case .paragraph(let inlines, _)? = doc.blocks.first else {
            Issue.record("\(doc.blocks)")
            return
        }
        let lines = inlines.split(separator: .lineBreak).map { Array($0).plainText.trimmingSpaces }
        #expect(lines == ["The subjects:", "1) The laws of war on land.", "(b) The laws of war at sea."])
    }

    /// A dateline's place over two lines, and a comma the older volumes put inside `placeName`.
    @Test func placesWithLineBreaksAndTrailingCommas() throws {
        let load = try Self.load("frus1901", """
            <div type="document" n="34" xml:id="d34"><head>A to B.</head>
              <opener><dateline><placeName><hi rend="smallcaps">Embassy of the French
                Republic</hi>,<lb/><hi rend="italic">Washington</hi></placeName>, <date
                when="1900-10-17">October 17, 1900</date>.</dateline></opener><p>Text.</p></div>
            <div type="document" n="40" xml:id="d40"><head>C to D.</head>
              <opener><dateline><placeName><hi rend="italic">London</hi>,</placeName>
                <date when="1900-03-22">March 22, 1900</date>.</dateline></opener><p>Text.</p></div>
            """)
        #expect(load.volume.documents.map(\.place) == ["Embassy of the French Republic, Washington", "London"])
    }

    /// `frus:doc-dateTime-min/max` spanning days from a day's first second (an undated
    /// document between two dates) begins on a day, as a single whole day does.
    @Test func aRangeOfDaysBeginsOnADay() throws {
        let docs = try Self.load("frus1961-63v07-09mSupp", """
            <div type="document" n="3" xml:id="d3" frus:doc-dateTime-min="1961-02-21T00:00:00-05:00"
              frus:doc-dateTime-max="1961-03-02T23:59:59-05:00"><head>3. Letter</head><p>Text.</p></div>
            <div type="document" n="4" xml:id="d4" frus:doc-dateTime-min="1961-03-03T00:00:00-05:00"
              frus:doc-dateTime-max="1961-03-04T18:00:00-05:00"><head>4. Note</head><p>Text.</p></div>
            <div type="document" n="5" xml:id="d5" frus:doc-dateTime-min="1961-03-05T00:00:00-05:00"
              frus:doc-dateTime-max="1961-03-05T00:00:00-05:00"><head>5. Meeting at midnight</head><p>Text.</p></div>
            """).volume.documents
        #expect(docs.map(\.date) == ["1961-02-21", "1961-03-03", "1961-03-05T00:00:00-05:00"])
        #expect(docs.map(\.dateEnd) == ["1961-03-02", "1961-03-04T18:00:00-05:00", nil])
    }

    /// 1918–1950s volumes print the file citation above the head:
    /// `<note rend="inline" type="source">500.A15a3/1208: Telegram</note><head>…`. It is drawn
    /// above the heading (HeadLabelLayoutTests), so the text reads in the source's order.
    @Test func linesBeforeTheHeadAreKeptApartFromTheBody() throws {
        let load = try Self.load("frus1930v01", """
            <pb n="156" xml:id="pg_156"/>
            <div type="document" n="143" xml:id="d143"><note rend="inline" type="source">500.A15a3/1208:
              Telegram</note><head>The Chargé in France to the Secretary of State</head>
              <opener><seg rendition="#center">[Paraphrase]</seg></opener><p>345. From Gibson.</p></div>
            <div type="document" n="144" xml:id="d144"><note rend="inline" type="source">See <ref
              target="#d143">No. 143</ref></note><head>The Secretary of State to the Chargé</head><p>Text.</p></div>
            """)
        let docs = load.volume.documents
        #expect(docs[0].title == "The Chargé in France to the Secretary of State")
        #expect(docs[0].headLabel == [.pageBreak("156"), .text("500.A15a3/1208: Telegram")])
        #expect(docs[0].blocks.first == .paragraph([.text("[Paraphrase]")], .centered))
        #expect(docs[0].pageBreaks == ["156"])
        // A line holding a link stays in the body, where links are numbered in order.
        #expect(docs[1].headLabel.isEmpty)
        #expect(docs[1].references.count == 1)
        #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
    }

    /// `<frus:pdf bytes=… readable="288 KB"/>` names no address: the PDF is where
    /// history.state.gov keeps each document's PDF, and its size is shown.
    @Test func aScanPDFWithoutAnAddressIsAtTheUsualPlace() throws {
        let doc = try Self.only("""
            <div type="document" n="12" xml:id="d12"><head>12. Memorandum from McCloy to Bundy, May 16.</head>
              <dateline><date when="1961-05-16">May 16, 1961</date></dateline>
              <frus:page-count-according-to-citation>4</frus:page-count-according-to-citation>
              <frus:file id="0271" path="0004/0030.TIF"/><frus:file id="0272" path="0004/0031.TIF"/>
              <frus:pdf bytes="294624" readable="288 KB"/></div>
            """, id: "frus1961-63v07-09mSupp")
        let address = "https://static.history.state.gov/frus/frus1961-63v07-09mSupp/pdf/d12.pdf"
        #expect(doc.scan == Scan(pages: 4, address: address))
        #expect(doc.blocks.last?.plainText == "4 pages, scanned: \(address) (PDF, 288 KB)")
    }

    /// An appendix of documents in the back matter written as a section
    /// (`<back><div type="section" xml:id="appendix"><div type="document" …>`): its documents
    /// are documents, in order, found alone too (`frusread show N`); the section keeps its
    /// head and opening text and becomes a division of the contents.
    @Test func documentsInsideASectionOfTheBackMatter() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title
            type="complete">Sample</title></titleStmt><publicationStmt><idno type="frus">frus1950v01</idno>
            </publicationStmt></fileDesc></teiHeader><text>
            <body><div type="chapter" xml:id="ch1"><head>One</head>
              <div type="document" n="1" xml:id="d1"><head>1. A</head><p>Text A.</p></div></div></body>
            <back><div type="section" xml:id="appendix"><head>Appendix</head><p>Papers found later.</p>
              <div type="document" n="2" xml:id="d2"><head>2. B</head><p>Text B.</p></div>
              <div type="document" n="3" xml:id="d3"><head>3. C</head><p>Text C.</p></div></div>
            <div type="section" xml:id="index"><head>Index</head><p>A, 1</p></div></back></text></TEI>
            """
        let load = try TEIImporter.read(data: Array(xml.utf8), path: "frus1950v01.xml")
        let docs = load.volume.documents
        #expect(docs.map(\.number) == ["1", "appendix", "2", "3", "index"])
        #expect(docs.map(\.kind) == [.document, .back, .document, .document, .back])
        #expect(docs[1].bodyText == "Appendix\nPapers found later.")
        #expect(docs[3].bodyText == "C\nText C.")
        #expect(load.volume.chapters.map(\.title) == ["One", "Appendix"])
        #expect(load.volume.chapters.last?.documentNumbers == ["2", "3"])
        #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
        let path = try FrusTestSupportTemp.folder() + "/frus1950v01.xml"
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try TEIImporter.readDocument("3", path: path)?.bodyText == "C\nText C.")
        #expect(try TEIImporter.readDocument("appendix", path: path)?.title == "Appendix")
    }

    /// TEI elements of quotation, transcription and addresses keep their text and are not
    /// counted as unknown; an element of no TEI module still is.
    @Test func quotationTranscriptionAndAddressElementsAreKnown() throws {
        let load = try Self.load("frus1902", """
            <div type="document" n="5" xml:id="d5"><head>A to B.</head>
              <p>He wrote: <cit><quote>the ports shall remain open</quote> <bibl>Treaty, <biblScope
                unit="article">art. 3</biblScope></bibl></cit>, <subst><del>to-day</del><add>today</add></subst>.</p>
              <closer><address><addrLine><street>1 Rue Royale</street>, <postCode>75008</postCode> Paris</addrLine></address></closer>
              <p><frus:stamp>Received</frus:stamp></p></div>
            """)
        let doc = try #require(load.volume.documents.first)
        #expect(doc.bodyText.contains("He wrote: the ports shall remain open Treaty, art. 3, to-daytoday."))
        #expect(doc.bodyText.contains("1 Rue Royale, 75008 Paris"))
        #expect(load.volume.unknownElements == ["frus:stamp": 1])
    }

    /// A web page's video player embedded in a section (frus1917-72PubDip's appendix): its
    /// `script`, `object` and hidden `div` are not text; the figure's head and image stay.
    @Test func embeddedWebCodeIsNotText() throws {
        let load = try Self.load("frus1917-72PubDip", """
            <div type="document" n="1" xml:id="d1"><head>1. Movie Still</head>
              <figure><graphic url="Document A.11"/></figure>
              <div type="online-supplement"><head>Online Video Supplement</head>
                <figure><head>Reel 1</head>
                  <div xmlns="http://www.w3.org/1999/xhtml" style="display:none"> 298x530 </div>
                  <script xmlns="http://www.w3.org/1999/xhtml" type="text/javascript">brightcove.createExperiences();</script>
                  <object xmlns="http://www.w3.org/1999/xhtml" id="myExperience1"><param name="width" value="530"/></object>
                  <p xmlns="http://www.w3.org/1999/xhtml">Shown in a browser.</p>
                </figure></div></div>
            """)
        let doc = try #require(load.volume.documents.first)
        #expect(doc.bodyText.contains("[Image: Document A.11]"))
        #expect(doc.bodyText.contains("Reel 1"))
        #expect(doc.bodyText.contains("Shown in a browser."))
        #expect(!doc.bodyText.contains("298x530") && !doc.bodyText.contains("brightcove"))
        // Only the XHTML paragraph is markup frusread has no rule for.
        #expect(load.volume.unknownElements == ["xhtml:p": 1])
    }
}
