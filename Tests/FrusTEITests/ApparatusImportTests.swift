import Foundation
import FrusModel
import FrusTEI
import FrusTestSupport
import Testing

/// Front and back matter as sections, dates, places, classifications and the bibliography,
/// on the real partial volume (expected values read from its TEI with plain regular
/// expressions) and on small volumes written here.
@Suite struct ApparatusImportTests {
    static let tei: TEIExpectations? = Fixtures.partialVolume.flatMap { try? TEIExpectations(contentsOf: $0) }

    @Test func frontSectionsComeFirstInTEIOrderThenTheDocuments() throws {
        guard let volume = PartialVolume.volume, let tei = Self.tei else { print(Fixtures.sharedMissing); return }
        let sections = tei.frontSections
        #expect(sections.map(\.id) == ["pressrelease", "abouttheseries", "preface", "toc", "sources", "terms", "persons"])
        let expected = sections.map(\.id) + tei.documents.map(\.n)
        #expect(volume.documents.map(\.number) == expected)
        #expect(volume.documents.map(\.kind) == sections.map { _ in .front } + tei.documents.map { _ in .document })
        for (doc, section) in zip(volume.documents, sections) {
            #expect(doc.title == section.title, "section \(section.id)")
            #expect(doc.id == section.id)
            #expect(doc.numberedTitle == section.title)
        }
        #expect(volume.firstDocument?.number == tei.documents.first?.n)
    }

    @Test func everySectionHoldsTheWordsOfItsTEIInOrder() throws {
        guard let volume = PartialVolume.volume, let tei = Self.tei else { print(Fixtures.sharedMissing); return }
        for section in tei.frontSections {
            let doc = try #require(volume.document(number: section.id))
            let words = TEIExpectations.text(section.element).split(separator: " ")
            let read = doc.fullText.split(whereSeparator: \.isWhitespace)
            var i = read.startIndex
            var missing: Substring?
            for w in words {
                guard let at = read[i...].firstIndex(of: w) else { missing = w; break }
                i = at + 1
            }
            #expect(missing == nil, "section \(section.id): “\(missing ?? "")” missing or out of order")
        }
    }

    @Test func romanAndBracketedPagesOfTheFrontMatterAreLocated() throws {
        guard let volume = PartialVolume.volume, let tei = Self.tei else { print(Fixtures.sharedMissing); return }
        // For each page break of the front matter, the section that follows it (or holds it).
        let front = tei.front as NSString
        let pbs = try NSRegularExpression(pattern: #"<pb\b[^>]*\bn="([^"]+)""#)
        let divs = try NSRegularExpression(pattern: #"<div\b[^>]*xml:id="([^"]+)""#)
        let divStarts = divs.matches(in: tei.front, range: NSRange(location: 0, length: front.length))
        var checked = 0
        for m in pbs.matches(in: tei.front, range: NSRange(location: 0, length: front.length)) {
            let n = front.substring(with: m.range(at: 1))
            // The section the page is in: the last one started before it, unless the page
            // stands between sections (then the next one).
            let before = divStarts.last { $0.range.location < m.range.location }
            let closed = before.map { front.range(of: "</div>", range: NSRange(location: $0.range.location, length: m.range.location - $0.range.location)).location != NSNotFound } ?? true
            let holder = closed ? divStarts.first { $0.range.location > m.range.location } : before
            guard let holder else { continue }
            let id = front.substring(with: holder.range(at: 1))
            #expect(volume.locatePage(n)?.document.number == id, "page \(n)")
            let bare = n.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            #expect(volume.locatePage(bare)?.document.number == id, "page \(bare)")
            #expect(volume.locatePage(bare.lowercased())?.document.number == id, "page \(bare.lowercased())")
            #expect(volume.outline.locatePage(bare)?.document.number == id, "outline, page \(bare)")
            checked += 1
        }
        #expect(checked > 20)
        #expect(volume.locatePage("XIII")?.document.number == "toc")
    }

    @Test func linksToSectionsAndEntriesResolve() throws {
        guard let volume = PartialVolume.volume else { print(Fixtures.sharedMissing); return }
        let corpus = Corpus(volumes: [volume])
        let toc = try #require(volume.document(number: "toc"))
        for (anchor, title) in [("persons", "Persons"), ("terms", "Abbreviations and Terms"), ("preface", "Preface")] {
            let link = try #require(toc.references.first { $0.label == title }, "\(anchor)")
            #expect(link.target == LinkTarget.document(volume: volume.id, number: anchor))
            guard case .resolved(let r) = corpus.resolve(link.target) else { Issue.record("\(anchor) unresolved"); continue }
            #expect(r.document == anchor)
        }
        // A person's id lands on the persons section, at the entry (its name is a mention of it).
        let person = try #require(volume.persons.values.min { $0.id < $1.id })
        guard case .resolved(let r) = corpus.resolve(.volume(volume.id, anchor: person.id)) else {
            Issue.record("\(person.id) unresolved"); return
        }
        #expect(r.document == "persons")
        #expect(r.mention == .person(person.id))
        let persons = try #require(volume.document(number: "persons"))
        #expect(persons.mentions.first { $0.mention == .person(person.id) }?.text == person.name)
        // Every entry of both lists is a mention in its section, its first one being its name
        // (descriptions mention other entries too).
        for p in volume.persons.values {
            #expect(persons.mentions.first { $0.mention == .person(p.id) }?.text == p.name, "\(p.id)")
        }
        let terms = try #require(volume.document(number: "terms"))
        for t in volume.terms.values {
            #expect(terms.mentions.first { $0.mention == .term(t.id) }?.text == t.term, "\(t.id)")
        }
    }

    @Test func datesPlacesAndClassificationsOfEveryDocumentFollowTheTEI() throws {
        guard let volume = PartialVolume.volume, let tei = Self.tei else { print(Fixtures.sharedMissing); return }
        let slices = tei.documents
        #expect(slices.count == 46)
        var classified = 0
        for slice in slices {
            let doc = try #require(volume.document(number: slice.n))
            #expect(doc.date == TEIExpectations.date(slice), "document \(slice.n)")
            #expect(doc.place == TEIExpectations.place(slice), "document \(slice.n)")
            #expect(doc.classification == TEIExpectations.classification(slice), "document \(slice.n)")
            if doc.classification != nil { classified += 1 }
        }
        #expect(classified == 46)
        // The forms the issue names, as printed.
        #expect(volume.document(number: "175")?.classification == "Secret; Sensitive")
        #expect(volume.document(number: "133")?.classification == "Top Secret")
        #expect(volume.document(number: "134")?.classification == "No classification marking")
    }

    @Test func classificationRules() {
        #expect(Classification.marking(inSourceNote: "Source: Files. Confidential. Drafted by X.") == "Confidential")
        #expect(Classification.marking(inSourceNote: "Source: Files. Limited Official Use; Priority.") == "Limited Official Use; Priority")
        #expect(Classification.marking(inSourceNote: "Source: Files. Unclassified") == "Unclassified")
        #expect(Classification.marking(inSourceNote: "Source: Files. Secretary Shultz initialed it.") == nil)
        #expect(Classification.marking(inSourceNote: "Source: Secretariat Files, 1985. Secret.") == "Secret")
        #expect(Classification.marking(inSourceNote: "Source: Files. Drafted by X; Confidential.") == "Confidential")
        #expect(Classification.marking(inSourceNote: "") == nil)
    }

    @Test func bibliographyComesFromTheHeader() throws {
        guard let volume = PartialVolume.volume, let tei = Self.tei else { print(Fixtures.sharedMissing); return }
        let b = volume.bibliography
        #expect(b.completeTitle == tei.title(type: "complete"))
        #expect(b.seriesTitle == tei.title(type: "series"))
        #expect(b.subseriesTitle == tei.title(type: "sub-series"))
        #expect(b.volumeNumber == tei.title(type: "volume-number"))
        #expect(b.volumeTitle == tei.title(type: "volume"))
        #expect(b.volumeEditors == tei.primaryEditors)
        #expect(b.editors.count == 2)
        #expect(b.publisher == tei.headerElement("publisher"))
        #expect(b.publicationPlace == tei.headerElement("pubPlace"))
        #expect(b.year == tei.publicationYear)
        #expect(b.documentsNumbered)
    }

    /// Back matter: an appendix of documents (read as documents, in their chapter) and an
    /// index (a section); `<lb/>` in heads is a space.
    @Test func backMatterAppendixDocumentsAndSections() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0">
            <teiHeader><fileDesc><titleStmt><title type="complete">Sample</title></titleStmt>
            <publicationStmt><idno type="frus">frus1999-00v01</idno></publicationStmt></fileDesc></teiHeader>
            <text><front>
              <pb n="[I]" xml:id="pg_I"/>
              <div type="section" xml:id="preface"><head>Pre<lb/>face</head><p>Words <ref target="#appA">here</ref>.</p></div>
            </front><body>
              <div type="chapter" xml:id="ch1"><head>January 1985<lb/>Beginnings</head>
                <div type="document" n="1" xml:id="d1"><head>1. A Memo</head><p>See <ref target="#index">the index</ref>.</p></div>
              </div>
            </body><back>
              <div type="compilation" xml:id="app"><head>Appendix</head>
                <div type="document" n="2" xml:id="appA"><head>2. Appendix Memo</head>
                  <dateline><placeName>Moscow</placeName>, <date when="1986-02-03">February 3, 1986</date></dateline>
                  <p>Text.</p></div>
              </div>
              <div type="section" xml:id="index"><head>Index</head><p>Reagan, 1, 2</p></div>
            </back></text></TEI>
            """
        let load = try TEIImporter.read(data: Array(xml.utf8), path: "sample.xml")
        let v = load.volume
        #expect(v.documents.map(\.number) == ["preface", "1", "2", "index"])
        #expect(v.documents.map(\.kind) == [.front, .document, .document, .back])
        #expect(v.documents[0].title == "Pre face")
        #expect(v.chapters.first?.title == "January 1985 Beginnings")
        #expect(v.chapters.map(\.id) == ["ch1", "app"])
        #expect(v.document(number: "appA")?.number == "2")
        #expect(v.documents[2].place == "Moscow")
        #expect(v.documents[2].date == "1986-02-03")
        #expect(v.locatePage("I")?.document.number == "preface")
        #expect(v.firstDocument?.number == "1")
        let corpus = Corpus(volumes: [v])
        #expect(corpus.firstDocument()?.number == "1")
        #expect(v.documents[0].references.first?.target == .document(volume: "frus1999-00v01", number: "2"))
        #expect(v.documents[1].references.first?.target == .document(volume: "frus1999-00v01", number: "index"))
        // Reading one section alone (the fast path of `show`).
        let alone = try TEIImporter.readDocument("index", path: try Self.write(xml))
        #expect(alone?.kind == .back)
        #expect(alone?.title == "Index")
        // No diagnostics for sections without numbers.
        #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
    }

    @Test func aVolumeWithoutDocumentNumbersIsCitedByPage() throws {
        let xml = TEISample.volume(body: """
            <pb n="5"/><div type="document" xml:id="d1"><head>A Memo</head><p>Text.</p></div>
            """)
        let v = try TEISample.load(xml).volume
        #expect(!v.bibliography.documentsNumbered)
    }

    /// Every volume's TEI numbers its documents (`@n`); the printed volume does only when the
    /// heads print "N." (issue 11: the older series, "No. 11." in its heads, is cited by page).
    /// A dispatch number ("No. 351.", "No. 203.]") does not make the volume numbered either.
    @Test(arguments: [
        ("<head>12. Note From A to B</head>", true),
        ("<head>No. 12. Mr. A to Mr. B.</head>", false),
        ("<head>No. 12.</head><head>Mr. A to Mr. B.</head>", false),
        ("<head>Mr. A to Mr. B.</head><opener><seg rendition=\"#left\">No. 203.]</seg></opener>", false),
        ("<head>No. 351. Mr. A to Mr. B.</head>", false),
    ])
    func aVolumeIsNumberedWhenItsHeadsPrintTheNumber(head: String, numbered: Bool) throws {
        let xml = TEISample.volume(body: """
            <pb n="5"/><div type="document" n="12" xml:id="d12">\(head)<p>Text.</p></div>
            """)
        let v = try TEISample.load(xml).volume
        #expect(v.bibliography.documentsNumbered == numbered)
        #expect(v.documents[0].number == "12")
    }

    static func write(_ xml: String) throws -> String {
        let folder = try Fixtures.temporaryFolder("apparatus")
        let file = folder.appendingPathComponent("frus1999-00v01.xml")
        try Data(xml.utf8).write(to: file)
        return file.path
    }
}
