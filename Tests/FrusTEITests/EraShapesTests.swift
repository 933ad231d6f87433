import FrusModel
import FrusTEI
import Testing

/// Shapes of FRUS TEI of every era, one at a time, on small inline volumes: the shapes the
/// real files of ../shared do not all show (numbers such as 72A, catalogue entries of
/// microfiche supplements, dates of every form, `xi:include`, `frus:problem`, …).
@Suite struct EraShapesTests {
    /// A volume `id` with `body` as the content of `<body>`; `header` goes inside `teiHeader`.
    static func volume(_ id: String, body: String, header: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0"
             xmlns:xi="http://www.w3.org/2001/XInclude">
        <teiHeader><fileDesc><titleStmt><title type="complete">Sample of \(id)</title></titleStmt>
        <publicationStmt><idno type="frus">\(id)</idno></publicationStmt></fileDesc>\(header)</teiHeader>
        <text><body>\(body)</body></text></TEI>
        """
    }

    static func load(_ id: String, _ body: String, header: String = "") throws -> VolumeLoad {
        try TEIImporter.read(data: Array(volume(id, body: body, header: header).utf8), path: "\(id).xml")
    }

    static func only(_ body: String, id: String = "frus1894") throws -> Document {
        try #require(try load(id, body).volume.documents.first)
    }

    // MARK: Numbers and heads

    @Test func headPrintingNoNumberKeepsItApartFromTheTitle() throws {
        let doc = try Self.only("""
            <div type="document" n="12" xml:id="d12">
              <head>No. 12.<lb/><hi rend="italic">Mr. <persName type="from">Baker</persName> to
                Mr. <persName type="to">Gresham</persName>.</hi></head><p>Sir: text.</p></div>
            """)
        #expect(doc.title == "Mr. Baker to Mr. Gresham.")
        #expect(doc.printedNumber == "No. 12.")
        #expect(doc.senders == ["Baker"])
        #expect(doc.recipients == ["Gresham"])
        #expect(doc.titleInlines.first != Inline.lineBreak)
    }

    @Test func numbersThatAreNotIntegersAndHeadsWithoutNumbers() throws {
        let load = try Self.load("frus1969-76v14", """
            <div type="document" n="72" xml:id="d72"><head>72. Memorandum</head><p>See <ref target="#d72a">72A</ref>.</p></div>
            <div type="document" n="72A" xml:id="d72a"><head>72A. Telegram</head><p>Text.</p></div>
            <div type="document" n="73" xml:id="d73"><head>Editorial Note</head><p>Text.</p></div>
            """)
        let docs = load.volume.documents
        #expect(docs.map(\.number) == ["72", "72A", "73"])
        #expect(docs.map(\.title) == ["Memorandum", "Telegram", "Editorial Note"])
        #expect(docs.map(\.printedNumber) == [nil, nil, nil])
        #expect(docs[1].id == "d72a")
        // The link by id reaches document 72A.
        #expect(docs[0].references.map(\.target) == [.document(volume: "frus1969-76v14", number: "72A")])
        #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
    }

    @Test func aHeadHoldingOnlyTheNumberTakesTheNextHeadAsTitle() throws {
        let doc = try Self.only("""
            <div type="document" n="11" xml:id="d11"><head>No. 11.</head><head>Mr. A to Mr. B.</head><p>Text.</p></div>
            """)
        #expect(doc.printedNumber == "No. 11.")
        #expect(doc.title == "Mr. A to Mr. B.")
        #expect(doc.blocks == [.paragraph([.text("Text.")], .normal)])
    }

    @Test func scanTextsThatAreNotCountOrAddressAreKept() throws {
        let doc = try Self.only("""
            <div type="document" n="3" xml:id="d3"><head>Letter</head>
              <frus:page-count-according-to-citation>12 pp.</frus:page-count-according-to-citation>
              <frus:file>Reel 4, frame 12<frus:pdf url="https://example.org/d3.pdf"/></frus:file></div>
            """, id: "frus1961-63v07-09mSupp")
        #expect(doc.scan == Scan(pages: 12, address: "https://example.org/d3.pdf"))
        #expect(doc.blocks.last?.plainText == "12 pp., scanned: https://example.org/d3.pdf (Reel 4, frame 12)")
    }

    // MARK: Footnotes

    @Test func footnoteLabelsAsPrintedAndNumbersByPlace() throws {
        let doc = try Self.only("""
            <div type="document" n="135" xml:id="d135"><head>No. 135.<lb/>Lord Kimberley to Sir J. Pauncefote.</head>
              <p>One<note n="*" xml:id="d135fn1">See No. 131.</note> two<note n="†" xml:id="d135fn2">See No. 132.</note>
                 three<note xml:id="d135fn3" type="source">Unlabelled.</note>.</p>
              <frus:attachment><head>Inclosure</head>
                <p>Four<note n="1" xml:id="d135fn4">Restarts.</note> five<note n="1" xml:id="d135fn5">Again.</note></p>
              </frus:attachment></div>
            """)
        #expect(doc.footnotes.map(\.label) == ["*", "†", "", "1", "1"])
        #expect(doc.footnotes.map(\.number) == [1, 2, 3, 4, 5])
        #expect(doc.markerNumbers == [1, 2, 3, 4, 5])
        #expect(doc.footnoteProblems.isEmpty)
        // Links find a note by its id first, then by a label printed once.
        #expect(doc.footnote(linkedAs: 5)?.plainText == "Again.")
        #expect(doc.footnote(linkedAs: 1)?.label == "*")
    }

    @Test func cleanNumberingKeepsNumberEqualToLabel() throws {
        let load = try Self.load("frus1981-88v05", """
            <div type="document" n="1" xml:id="d1"><head>1. Memo<note n="1" type="source" xml:id="d1fn1">Source.</note></head>
              <p>A<note n="2" xml:id="d1fn2">Two.</note> b<note n="3" xml:id="d1fn3">Three.</note></p></div>
            """)
        let doc = try #require(load.volume.documents.first)
        #expect(doc.footnotes.map(\.number) == [1, 2, 3])
        #expect(doc.footnotes.map(\.label) == ["1", "2", "3"])
        #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
    }

    // MARK: Openers, attachments, closers

    @Test func openersCentredSegmentsAndAttachmentLabels() throws {
        let doc = try Self.only("""
            <div type="document" n="1" xml:id="d1"><head>No. 1.<lb/>Mr. Seat to Mr. Gresham.</head>
              <opener><seg rendition="#center">[Telegram.]</seg></opener>
              <opener><dateline rendition="#right"><placeName>Bluefields</placeName>, <date when="1894-01-25">January 25, 1894</date>.</dateline></opener>
              <p>Text.</p>
              <closer><signed>Seat</signed>,<lb/><dateline>Bluefields, <date when="1894-01-26">January 26</date>.</dateline></closer>
              <postscript><p>P. S. More.</p></postscript>
              <frus:attachment>
                <opener><seg rendition="#center">[Inclosure 1 in No. 1.]</seg></opener>
                <head>Mr. Braida to Mr. Baker.</head><p>Inclosed.</p></frus:attachment>
              <frus:attachment><p>No head at all.</p></frus:attachment></div>
            """)
        #expect(doc.blocks.first == .paragraph([.text("[Telegram.]")], .centered))
        #expect(doc.date == "1894-01-25")
        let attachments = doc.attachments
        #expect(attachments.count == 2)
        #expect(attachments[0].label == [.text("[Inclosure 1 in No. 1.]")])
        #expect(attachments[0].heading.plainText == "Mr. Braida to Mr. Baker.")
        #expect(attachments[1].heading.isEmpty)
        #expect(attachments[1].blocks == [.paragraph([.text("No head at all.")], .normal)])
        #expect(doc.blocks.contains(.paragraph([.text("P. S. More.")], .postscript)))
        #expect(doc.bodyText.contains("January 26"))
    }

    // MARK: Catalogue entries of microfiche supplements

    @Test func microficheCatalogueEntryIsShownAsAScan() throws {
        let load = try Self.load("frus1961-63v07-09mSupp", """
            <div type="document" n="1" xml:id="d1"><head>Memorandum of Conversation, Washington</head>
              <opener><dateline><date notBefore="1961-01-01T00:00:00" notAfter="1963-12-31T23:59:59">undated</date></dateline></opener>
              <frus:page-count-according-to-citation>71</frus:page-count-according-to-citation>
              <frus:file><frus:pdf url="https://static.history.state.gov/frus/frus1961-63v07-09mSupp/pdf/d1.pdf"/></frus:file>
            </div>
            <div type="document" n="2" xml:id="d2"><head>Telegram</head>
              <frus:page-count-according-to-citation>1</frus:page-count-according-to-citation>
              <frus:file>d2.pdf</frus:file></div>
            """)
        let docs = load.volume.documents
        let address = "https://static.history.state.gov/frus/frus1961-63v07-09mSupp/pdf/d1.pdf"
        #expect(docs[0].scan == Scan(pages: 71, address: address))
        #expect(docs[0].date == "1961-01-01T00:00:00")
        #expect(docs[0].dateEnd == "1963-12-31T23:59:59")
        #expect(docs[0].blocks.contains(.editorialNote([.text("71 pages, "), .text("scanned: "), .link(.url(address), [.text(address)])])))
        // Never a bare value: no block is just "71".
        #expect(!docs[0].blocks.contains { $0.plainText.trimmingSpaces == "71" })
        #expect(docs[1].scan == Scan(pages: 1, address: "d2.pdf"))
        #expect(docs[1].blocks.last?.plainText == "1 page, scanned: d2.pdf")
        #expect(load.volume.unknownElements.isEmpty)
    }

    // MARK: Dates

    @Test(arguments: [
        ("1894-03-08", "1894-03-08"), ("1962-09", "1962-09"), ("1962", "1962"),
        ("1945-02-11T12:00:00-05:19", "1945-02-11T12:00:00-05:19"), ("1965-03-01T10:00:00+05:45", "1965-03-01T10:00:00+05:45"),
        ("1985-11-01T00:00:00Z", "1985-11-01T00:00:00Z"), ("1961-01-01T00:00:00", "1961-01-01T00:00:00"),
    ])
    func datesOfEveryForm(value: String, normalized: String) {
        #expect(TEIDates.normalize(value) == normalized)
    }

    @Test func datesThatAreNotDates() {
        for bad in ["undated", "", "1962-13", "1962-09-32", "19620901", "1962-09-01T10", "1962-09-01T10:00-5"] {
            #expect(TEIDates.normalize(bad) == nil, "\(bad)")
        }
        #expect(TEIDates.range(when: nil, from: "1962-09-01", to: "1962-09-30", notBefore: nil, notAfter: nil)! == ("1962-09-01", "1962-09-30"))
        #expect(TEIDates.range(when: nil, from: nil, to: nil, notBefore: "1961", notAfter: "1963")! == ("1961", "1963"))
        #expect(TEIDates.range(when: nil, from: nil, to: nil, notBefore: nil, notAfter: nil) == nil)
    }

    @Test func coverageYearsFromVolumeIDs() {
        #expect(TEIDates.coverage(ofVolume: "frus1894Nicaragua") == 1894...1894)
        #expect(TEIDates.coverage(ofVolume: "frus1981-88v05") == 1981...1988)
        #expect(TEIDates.coverage(ofVolume: "frus1961-63v07-09mSupp") == 1961...1963)
        #expect(TEIDates.coverage(ofVolume: "frus1917-72PubDipv02") == 1917...1972)
        #expect(TEIDates.coverage(ofVolume: "frus1999-00v01") == 1999...2000)
        #expect(TEIDates.coverage(ofVolume: "frus-history") == nil)
        // A damaged id whose second year comes before the first (found by fuzzing: it crashed).
        #expect(TEIDates.coverage(ofVolume: "frus1999-0000v01") == 1999...1999)
        #expect(TEIDates.coverage(ofVolume: "frus1999-1800") == 1999...1999)
        #expect(TEIDates.coverage(ofVolume: "frus1999-" + String(repeating: "9", count: 40)) == 1999...1999)
        #expect(TEIDates.coverage(ofVolume: "frus" + String(repeating: "1", count: 40)) == nil)
    }

    @Test func monthOnlyDatesAndImplausibleSourceDates() throws {
        let load = try Self.load("frus1894", """
            <div type="document" n="1" xml:id="d1"><head>One</head>
              <opener><dateline><date when="1894-09">September, 1894</date></dateline></opener><p>Text.</p></div>
            <div type="document" n="2" xml:id="d2"><head>Two</head>
              <opener><dateline><date when="1804-07-06">July 6, 1894</date></dateline></opener><p>Text.</p></div>
            """)
        let docs = load.volume.documents
        #expect(docs[0].date == "1894-09")
        #expect(docs[1].date == nil)
        #expect(docs[1].bodyText.contains("July 6, 1894"))
        #expect(load.diagnostics.isEmpty)
        #expect(load.volume.remarks.count == 1)
        #expect(load.volume.remarks.first?.message.contains("1804-07-06") == true)
    }

    // MARK: Pages, problems, includes, cross-volume references

    @Test func pagesProblemsIncludesAndCrossVolumePages() throws {
        let load = try Self.load("frus1894", """
            <pb n="[1]" xml:id="pg_1"/>
            <div type="document" n="1" xml:id="d1"><head>One</head>
              <p>See <ref target="frus1889#pg_469">page 469</ref> and <ref target="#pg_2">page 2</ref>; mid<pb n="2" xml:id="pg_2"/>sentence.</p>
              <list><item>First</item><pb n="3" xml:id="pg_3"/><item>Second</item></list>
              <table><row><cell>a</cell></row><pb n="4" xml:id="pg_4"/><row><cell>b</cell></row></table></div>
            <frus:problem>The original has a page missing here.</frus:problem>
            <pb n="5" xml:id="pg_5"/>
            <div type="document" n="2" xml:id="d2"><head>Two</head><p>Text.</p></div>
            """, header: """
            <encodingDesc><classDecl><xi:include href="../shared/frus-dates.xml" xpointer="frus-dates"/></classDecl></encodingDesc>
            """)
        let docs = load.volume.documents
        #expect(docs.map(\.number) == ["1", "2"])
        #expect(docs[0].pageBreaks == ["1", "2", "3", "4"])
        #expect(docs[1].pageBreaks == ["5"])
        #expect(docs[0].references.map(\.target) == [
            .page(volume: "frus1889", page: "469"), .page(volume: "frus1894", page: "2"),
        ])
        #expect(load.volume.locatePage("2")?.document.number == "1")
        #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
    }

    @Test func problemInsideADocumentIsAnEditorialNote() throws {
        let doc = try Self.only("""
            <div type="document" n="1" xml:id="d1"><head>One</head><p>Text.</p>
              <frus:problem>Illegible in the original.</frus:problem></div>
            """)
        #expect(doc.blocks.last == .editorialNote([.text("Illegible in the original.")]))
    }

    // MARK: Figures and unknown elements

    @Test func figuresArePlaceholdersAndUnknownElementsAreCounted() throws {
        let load = try Self.load("frus1894", """
            <div type="document" n="1" xml:id="d1"><head>One</head>
              <figure><graphic url="figure_0001"/><head>A map</head></figure>
              <p>Text <frus:foo>kept</frus:foo> and <frus:foo>kept</frus:foo> and <widget>this</widget>.</p>
              <frus:foo>block</frus:foo></div>
            """)
        let doc = try #require(load.volume.documents.first)
        #expect(doc.bodyText.contains("[Image: figure_0001]"))
        #expect(doc.bodyText.contains("A map"))
        #expect(doc.bodyText.contains("Text kept and kept and this."))
        #expect(load.volume.unknownElements == ["frus:foo": 3, "widget": 1])
    }

    // MARK: Volumes not yet digitized

    @Test func volumeNotYetDigitizedIsNotAWarning() throws {
        let load = try Self.load("frus1958-60v05mSupp", """
            <p>For the current status of this publication, see the revisionDesc block above.</p>
            """, header: #"<revisionDesc status="being-digitized"><change/></revisionDesc>"#)
        #expect(load.volume.documents.isEmpty)
        #expect(load.volume.isNotYetDigitized)
        #expect(load.volume.outline.isNotYetDigitized)
        #expect(load.diagnostics.isEmpty)
        let empty = try Self.load("frus1958-60v06", "")
        #expect(!empty.volume.isNotYetDigitized)
        #expect(empty.diagnostics.count == 1)
    }
}
