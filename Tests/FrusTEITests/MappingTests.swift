import FrusModel
import FrusTEI
import Testing

/// One TEI shape at a time, on small inline volumes.
@Suite struct MappingTests {
    typealias S = TEISample

    @Test func whiteSpaceIsNormalised() throws {
        let doc = try S.onlyDocument("""
            <p>
                Indented   text
                over lines, <hi rend="italic">styled</hi> <persName corresp="#p_X">Name</persName>’s
                un<pb n="12" xml:id="pg_12"/>broken and <hi rend="strong">bold </hi> end.
            </p>
            """)
        #expect(doc.blocks == [.paragraph([
            .text("Indented text over lines, "), .styled(.italic, [.text("styled")]), .text(" "),
            .mention(.person("p_X"), [.text("Name")]), .text("’s un"), .pageBreak("12"),
            .text("broken and "), .styled(.bold, [.text("bold ")]), .text("end."),
        ], .normal)])
    }

    @Test func titleDropsItsNumberAndKeepsTheSourceNote() throws {
        let doc = try S.onlyDocument("<p>Text.</p>", head: """
            1. Memorandum From <persName corresp="#p_A">A</persName> to B<note n="1" type="source"
            xml:id="d1fn1">Source: Somewhere. Secret.</note>
            """)
        #expect(doc.titleInlines == [.text("Memorandum From "), .mention(.person("p_A"), [.text("A")]), .text(" to B"), .footnoteRef(1)])
        #expect(doc.title == "Memorandum From A to B")
        #expect(doc.footnotes == [Footnote(number: 1, id: "d1fn1", blocks: [.paragraph([.text("Source: Somewhere. Secret.")], .normal)])])
        #expect(doc.date == "1985-11-01")
        #expect(doc.volumeID == S.volumeID)
    }

    @Test(arguments: [
        ("italic", TextStyle.italic), ("strong", .bold), ("bold", .bold), ("roman", .roman),
        ("smallcaps", .smallCaps), ("superscript", .superscript), ("subscript", .subscript),
        ("underline", .underline), ("strikethrough", .strikethrough),
    ])
    func hiRenditions(rend: String, style: TextStyle) throws {
        let doc = try S.onlyDocument("<p>a <hi rend=\"\(rend)\">b</hi> c</p>")
        #expect(doc.blocks == [.paragraph([.text("a "), .styled(style, [.text("b")]), .text(" c")], .normal)])
    }

    @Test func unknownRenditionsAndElementsKeepTheirText() throws {
        let doc = try S.onlyDocument("""
            <p>a <hi rend="sparkly">b</hi> <placeName>Moscow</placeName> <unknownInline>c</unknownInline></p>
            <unknownBlock><p>kept</p>loose text</unknownBlock>
            <frus:other xmlns:frus="http://history.state.gov/frus/ns/1.0">ns text</frus:other>
            """)
        #expect(doc.blocks == [
            .paragraph([.text("a b Moscow c")], .normal),
            .container("unknownBlock", [.paragraph([.text("kept")], .normal), .paragraph([.text("loose text")], .normal)]),
            .container("frus:other", [.paragraph([.text("ns text")], .normal)]),
        ])
    }

    @Test(arguments: [
        ("center", ParagraphStyle.centered), ("flushleft", .flushLeft), ("right", .flushRight),
        ("sectiontitleital", .sectionTitle), ("sectiontitlebold", .sectionTitle), ("other", .normal),
    ])
    func paragraphRenditions(rend: String, style: ParagraphStyle) throws {
        let doc = try S.onlyDocument("<p rend=\"\(rend)\">x</p>")
        #expect(doc.blocks == [.paragraph([.text("x")], style)])
    }

    @Test func openerCloserAndPostscript() throws {
        let doc = try S.onlyDocument("""
            <opener><dateline rendition="#right"><placeName>Washington</placeName>,
              <date when="1986-01-13">January 13, 1986</date></dateline>
              <salute>Dear Mr. President,</salute></opener>
            <p>Body.</p>
            <closer><salute>Sincerely,</salute>
              <signed><persName corresp="#p_R"><hi rend="strong">Ronald Reagan</hi></persName></signed>
              Washington<lb/>January 1986</closer>
            <postscript><p>P.S. One more thing.</p></postscript>
            """)
        #expect(doc.blocks == [
            .dateline([.text("Washington, January 13, 1986")]),
            .salutation([.text("Dear Mr. President,")]),
            .paragraph([.text("Body.")], .normal),
            .closer([
                .text("Sincerely,"), .lineBreak, .mention(.person("p_R"), [.styled(.bold, [.text("Ronald Reagan")])]),
                .lineBreak, .text("Washington"), .lineBreak, .text("January 1986"),
            ]),
            .paragraph([.text("P.S. One more thing.")], .postscript),
        ])
        #expect(doc.dateline == "Washington, January 13, 1986")
    }

    @Test func listsWithHeadsSubjectAndParticipants() throws {
        let doc = try S.onlyDocument("""
            <list type="subject"><head>SUBJECT</head><item>Arms Control</item></list>
            <list type="participants"><head>PARTICIPANTS</head>
              <item><list><head><hi rend="italic">U.S.</hi></head><item>The Secretary</item>
                <item>Mr. <persName corresp="#p_M">McFarlane</persName></item></list></item>
            </list>
            <list><item><p>one</p><p>two</p></item><item>three <list><item>nested</item></list></item></list>
            """)
        #expect(doc.subject == "Arms Control")
        #expect(doc.blocks == [
            .heading([.text("SUBJECT")]),
            .list(.subject, [[.paragraph([.text("Arms Control")], .normal)]]),
            .heading([.text("PARTICIPANTS")]),
            .list(.participants, [[
                .heading([.styled(.italic, [.text("U.S.")])]),
                .list(.plain, [
                    [.paragraph([.text("The Secretary")], .normal)],
                    [.paragraph([.text("Mr. "), .mention(.person("p_M"), [.text("McFarlane")])], .normal)],
                ]),
            ]]),
            .list(.plain, [
                [.paragraph([.text("one")], .normal), .paragraph([.text("two")], .normal)],
                [.paragraph([.text("three")], .normal), .list(.plain, [[.paragraph([.text("nested")], .normal)]])],
            ]),
        ])
    }

    @Test func tablesAreGrids() throws {
        let doc = try S.onlyDocument("""
            <table><head>Forces</head>
              <row><cell>Type</cell><cell>Number</cell></row>
              <row><cell><hi rend="italic">ICBM</hi></cell><cell>1,398</cell></row>
            </table>
            """)
        #expect(doc.blocks == [
            .heading([.text("Forces")]),
            .table([
                [[.text("Type")], [.text("Number")]],
                [[.styled(.italic, [.text("ICBM")])], [.text("1,398")]],
            ]),
        ])
    }

    @Test func quotesAndInlineQuotes() throws {
        let doc = try S.onlyDocument("""
            <quote><p>—first</p><p>—second</p></quote>
            <p>He said <quote>no</quote>.</p>
            """)
        #expect(doc.blocks == [
            .quote([.paragraph([.text("—first")], .normal), .paragraph([.text("—second")], .normal)]),
            .paragraph([.text("He said no.")], .normal),
        ])
    }

    @Test func footnotesAreNumberedPerDocumentWhereverTheyStand() throws {
        let doc = try S.onlyDocument("""
            <p>Body<note n="2" xml:id="d1fn2">Second, see <ref target="#d5">Document 5</ref>.</note> text.</p>
            <frus:attachment>
              <note rend="inline"><hi rend="strong">Tab A</hi></note>
              <head>Paper<note n="3" xml:id="d1fn3"><p>Para one.</p><p>Para two.</p></note></head>
              <p>Attached.<note n="4" xml:id="d1fn4">Fourth.</note></p>
            </frus:attachment>
            <p>Last.</p>
            <note n="5" xml:id="d1fn5">Between blocks.</note>
            """, head: "1. Title<note n=\"1\" type=\"source\" xml:id=\"d1fn1\">Source.</note>")
        #expect(doc.footnotes.map(\.number) == [1, 2, 3, 4, 5])
        #expect(doc.markerNumbers == [1, 2, 3, 4, 5])
        #expect(doc.footnote(2)?.links == [.document(volume: S.volumeID, number: "5")])
        #expect(doc.footnote(3)?.blocks == [.paragraph([.text("Para one.")], .normal), .paragraph([.text("Para two.")], .normal)])
        let attachment = try #require(doc.attachments.first)
        #expect(attachment.label == [.styled(.bold, [.text("Tab A")])])
        #expect(attachment.heading == [.text("Paper"), .footnoteRef(3)])
        #expect(attachment.blocks == [.paragraph([.text("Attached."), .footnoteRef(4)], .normal)])
        #expect(doc.blocks[1] == .attachment(attachment))
        // A note between blocks marks the end of the text before it.
        #expect(doc.blocks.last == .paragraph([.text("Last."), .footnoteRef(5)], .normal))
        #expect(doc.blocks.count == 3)
    }

    @Test func withheldDocumentShowsItsNote() throws {
        let short = try S.onlyDocument("""
            <note rend="inline">[Document withheld: not declassified.]</note>
            """, head: "1. Memorandum<note n=\"1\" type=\"source\">Source: Files. Top Secret.</note>")
        #expect(short.blocks == [.editorialNote([.text("[Document withheld: not declassified.]")])])
        let long = try S.onlyDocument("""
            <note rend="inline"><p>[1 page not declassified.]</p><p>[Omitted here is a chart.]</p></note>
            """)
        #expect(long.blocks == [.editorialNote([.text("[1 page not declassified.]"), .lineBreak, .text("[Omitted here is a chart.]")])])
        #expect(long.bodyText.contains("not declassified"))
    }

    @Test func pageBreaksBetweenDocumentsOpenTheNextDocument() throws {
        let load = try S.load(S.volume(body: """
            <div type="chapter" xml:id="ch1"><head>Chapter One</head>
              \(S.document("<p>first</p><pb n=\"2\" xml:id=\"pg_2\"/>"))
              <pb n="3" xml:id="pg_3"/>
              \(S.document("<p>second</p>", n: "2", head: "2. Second"))
            </div>
            <pb n="4" xml:id="pg_4"/>
            <div type="compilation" xml:id="comp1"><head>Compilation</head>
              <div type="chapter" xml:id="ch2"><head>Chapter <hi rend="italic">Two</hi><note n="1">A note on the chapter.</note></head>
                \(S.document("<p>third</p>", n: "3", head: "3. Third"))
              </div>
            </div>
            """))
        let docs = load.volume.documents
        #expect(docs.map(\.number) == ["1", "2", "3"])
        #expect(docs[0].pageBreaks == [])
        #expect(docs[1].titleInlines.prefix(2) == [.pageBreak("2"), .pageBreak("3")])
        #expect(docs[1].title == "Second")
        #expect(docs[2].titleInlines.first == .pageBreak("4"))
        #expect(load.volume.locatePage("3")?.document.number == "2")
        #expect(load.volume.chapters == [
            Chapter(id: "ch1", title: "Chapter One", depth: 0, documentNumbers: ["1", "2"]),
            Chapter(id: "comp1", title: "Compilation", depth: 0, documentNumbers: []),
            Chapter(id: "ch2", title: "Chapter Two", depth: 1, documentNumbers: ["3"]),
        ])
    }

    @Test func personsAndTermsLists() throws {
        let front = """
            <div type="section" xml:id="terms"><head>Abbreviations and Terms</head>
              <list><item><hi rend="strong"><term xml:id="t_A_1">ABM</term>,</hi> Anti-Ballistic Missile</item></list>
            </div>
            <div type="section" xml:id="persons"><head>Persons</head>
              <list><item><list>
                <item><hi rend="strong"><persName xml:id="p_S_1">Shultz, George P.</persName>,</hi> Secretary of
                  State<note n="1">Not part of the entry.</note></item>
              </list></item></list>
            </div>
            """
        let load = try S.load(S.volume(body: S.document("<p><persName corresp=\"#p_S_1\">Shultz</persName></p>"), front: front))
        #expect(load.volume.terms == ["t_A_1": Term(id: "t_A_1", term: "ABM", description: "Anti-Ballistic Missile")])
        #expect(load.volume.persons == ["p_S_1": Person(id: "p_S_1", name: "Shultz, George P.", description: "Secretary of State")])
        #expect(load.volume.chapters.isEmpty)  // front matter sections are not chapters
    }

    @Test func volumeIdFallsBackToTheFileName() throws {
        let xml = S.volume(body: S.document("<p>x</p>"), header: false)
        let named = try TEIImporter.read(data: Array(xml.utf8), path: "/data/frus1977-80v06.xml")
        #expect(named.volume.id == "frus1977-80v06")
        #expect(named.volume.title == "FRUS, 1977–1980, vol. VI")
        #expect(named.volume.documents.first?.volumeID == "frus1977-80v06")
        let given = try TEIImporter.read(data: Array(xml.utf8), path: "x.xml", fallbackID: "frus1950v01")
        #expect(given.volume.id == "frus1950v01")
        #expect(throws: Diagnostic.self) { try TEIImporter.read(data: Array(xml.utf8), path: "x.xml") }
    }

    @Test func documentProblemsAreWarnings() throws {
        let load = try S.load(S.volume(body: """
            <div type="document" xml:id="d7"><head>7. No number</head><p>x<note n="2">two</note></p></div>
            \(S.document("<p>dup</p>", n: "7", head: "7. Duplicate"))
            """))
        #expect(load.volume.documents.map(\.number) == ["7", "7"])
        let messages = load.diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("no number") })
        #expect(messages.contains { $0.contains("occurs more than once") })
        #expect(load.diagnostics.allSatisfy { $0.severity == .warning && $0.location?.line != nil })
    }

    @Test func peekOnASample() throws {
        let xml = S.volume(body: S.document("<p>x</p>"))
        let dir = try FrusTestSupportTemp.folder()
        let path = dir + "/sample.xml"
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        let (id, title) = try TEIImporter.peek(path: path)
        #expect(id == S.volumeID)
        #expect(title == "Foreign Relations, Sample Volume")
    }
}
