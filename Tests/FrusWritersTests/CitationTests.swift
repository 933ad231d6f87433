import Foundation
import FrusImport
import FrusModel
import FrusTestSupport
@testable import FrusWriters
import Testing

/// Citations of document 175 of the partial volume in every style, checked against values read
/// from its TEI header and the document's TEI, and parsed by strict parsers of each format.
@Suite struct CitationTests {
    struct Fixture: Sendable {
        var volume: Volume
        var tei: TEIExpectations
        var doc175: TEIExpectations.DocumentSlice
    }

    static let fixture: Fixture? = {
        guard let url = Fixtures.partialVolume, let corpus = try? CorpusLoader.open(url.path),
            let id = corpus.volumeIDs.first, let volume = corpus.volume(id),
            let tei = try? TEIExpectations(contentsOf: url), let slice = tei.documents.first(where: { $0.n == "175" })
        else { return nil }
        return Fixture(volume: volume, tei: tei, doc175: slice)
    }()

    func source(_ f: Fixture, footnote: Int? = nil) throws -> CitationSource {
        CitationSource(volume: f.volume, document: try #require(f.volume.document(number: "175")), footnote: footnote)
    }

    /// The head's text without its number and its source note; the dateline's text.
    func titleAndDateline(_ f: Fixture) throws -> (String, String) {
        let head = try #require(f.doc175.text.range(of: #"(?s)<head>(.*?)</head>"#, options: .regularExpression))
        var title = TEIExpectations.text(String(f.doc175.text[head]).replacingOccurrences(
            of: #"(?s)<note\b.*?</note>"#, with: "", options: [.regularExpression]))
        title = String(title.dropFirst("175. ".count))
        let dateline = try #require(f.doc175.text.range(of: #"(?s)<dateline\b.*?</dateline>"#, options: .regularExpression))
        return (title, TEIExpectations.text(String(f.doc175.text[dateline])))
    }

    /// The printed pages of 175: the page breaks inside it, after the one just before it.
    func pages(_ f: Fixture) -> [String] {
        let re = #"<pb\b[^>]*\bn="([^"]+)""#
        let before = f.tei.xml.components(separatedBy: f.doc175.startTag)[0]
        let last = before.matches(of: try! Regex(re)).last.map { String(before[$0.range]) }
        let inside = f.doc175.text.matches(of: try! Regex(re)).map { String(f.doc175.text[$0.range]) }
        return ([last].compactMap { $0 } + inside).map { $0.replacingOccurrences(of: #".*n=""#, with: "", options: .regularExpression).dropLast().description }
    }

    @Test func chicagoNoteAsTheIssueGivesIt() throws {
        guard let f = Self.fixture else { print(Fixtures.sharedMissing); return }
        let s = try source(f)
        // The example of issue 9, word for word.
        let issue = "Memorandum From Secretary of State Shultz to President Reagan, Washington, January 14, 1986, in Foreign Relations of the United States, 1981–1988, vol. V, Soviet Union, March 1985–October 1986, ed. Elizabeth C. Charles (Washington: United States Government Publishing Office, 2020), Document 175, https://history.state.gov/historicaldocuments/frus1981-88v05/d175"
        #expect(CitationStyle.chicago.citation(s) == issue)
        // …and made of the TEI's own values.
        let (title, dateline) = try titleAndDateline(f)
        let vol = try #require(f.tei.title(type: "volume-number")).replacingOccurrences(of: "Volume ", with: "")
        let expected = "\(title), \(dateline), in \(f.tei.title(type: "series")!), \(f.tei.title(type: "sub-series")!), vol. \(vol), \(f.tei.title(type: "volume")!), ed. \(f.tei.primaryEditors.joined(separator: " and ")) (\(f.tei.headerElement("pubPlace")!): \(f.tei.headerElement("publisher")!), \(f.tei.publicationYear!)), Document 175, https://history.state.gov/historicaldocuments/frus1981-88v05/d175"
        #expect(CitationStyle.chicago.citation(s) == expected)
    }

    @Test func chicagoNoteOfAFootnote() throws {
        guard let f = Self.fixture else { print(Fixtures.sharedMissing); return }
        let text = CitationStyle.chicago.citation(try source(f, footnote: 3))
        #expect(text.hasSuffix(", Document 175, note 3, https://history.state.gov/historicaldocuments/frus1981-88v05/d175fn3"))
    }

    @Test func bibtexParsesWithTheHeadersFields() throws {
        guard let f = Self.fixture else { print(Fixtures.sharedMissing); return }
        let entry = try CitationParsers.bibtex(CitationStyle.bibtex.citation(try source(f)))
        let (title, _) = try titleAndDateline(f)
        #expect(entry.type == "incollection")
        #expect(entry.key == "frus1981-88v05-d175")
        #expect(entry.fields["title"] == title)
        #expect(entry.fields["booktitle"] == f.tei.title(type: "complete"))
        #expect(entry.fields["editor"] == f.tei.primaryEditors.joined(separator: " and "))
        #expect(entry.fields["publisher"] == f.tei.headerElement("publisher"))
        #expect(entry.fields["address"] == f.tei.headerElement("pubPlace"))
        #expect(entry.fields["year"] == f.tei.publicationYear)
        #expect(entry.fields["number"] == "175")
        let pages = pages(f)
        #expect(entry.fields["pages"] == "\(pages.first!)--\(pages.last!)")
        #expect(entry.fields["url"] == "https://history.state.gov/historicaldocuments/frus1981-88v05/d175")
    }

    @Test func risParsesWithTheHeadersFields() throws {
        guard let f = Self.fixture else { print(Fixtures.sharedMissing); return }
        let tags = try CitationParsers.ris(CitationStyle.ris.citation(try source(f)))
        func value(_ t: String) -> String? { tags.first { $0.tag == t }?.value }
        let (title, _) = try titleAndDateline(f)
        #expect(value("TY") == "CHAP")
        #expect(value("TI") == title)
        #expect(value("T2") == f.tei.title(type: "complete"))
        #expect(tags.filter { $0.tag == "A2" }.map(\.value) == f.tei.primaryEditors)
        #expect(value("PB") == f.tei.headerElement("publisher"))
        #expect(value("CY") == f.tei.headerElement("pubPlace"))
        #expect(value("PY") == f.tei.publicationYear)
        #expect(value("SP") == pages(f).first)
        #expect(value("EP") == pages(f).last)
        #expect(value("UR") == "https://history.state.gov/historicaldocuments/frus1981-88v05/d175")
    }

    @Test func cslJSONParsesWithTheHeadersFields() throws {
        guard let f = Self.fixture else { print(Fixtures.sharedMissing); return }
        let text = CitationStyle.cslJSON.citation(try source(f))
        let items = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let item = try #require(items.first)
        #expect(items.count == 1)
        let (title, _) = try titleAndDateline(f)
        #expect(item["type"] as? String == "chapter")
        #expect(item["title"] as? String == title)
        #expect(item["container-title"] as? String == f.tei.title(type: "complete"))
        let editors = try #require(item["editor"] as? [[String: String]])
        #expect(editors.map { "\($0["given"]!) \($0["family"]!)" } == f.tei.primaryEditors)
        #expect(item["publisher"] as? String == f.tei.headerElement("publisher"))
        #expect(item["publisher-place"] as? String == f.tei.headerElement("pubPlace"))
        let issued = try #require(item["issued"] as? [String: [[Int]]])
        #expect(issued["date-parts"] == [[Int(f.tei.publicationYear!)!]])
        #expect(item["number"] as? String == "175")
        #expect(item["page"] as? String == "\(pages(f).first!)-\(pages(f).last!)")
        #expect(item["URL"] as? String == "https://history.state.gov/historicaldocuments/frus1981-88v05/d175")
    }

    /// Special characters survive every format: a title with TeX's and JSON's specials.
    @Test func specialCharactersAreEscaped() throws {
        let title = #"Costs {50%} & "gains" of A_B #1 \ ~x^2 $3"#
        let doc = Document(volumeID: "frus1999-00v01", number: "1", titleInlines: [.text(title)], blocks: [], footnotes: [])
        var volume = Volume(id: "frus1999-00v01", title: "Sample", documents: [doc])
        volume.bibliography = Bibliography(completeTitle: "Sample", editors: [.init(name: "Jane Doe", role: "primary")])
        let s = CitationSource(volume: volume, document: doc)
        #expect(try CitationParsers.bibtex(CitationStyle.bibtex.citation(s)).fields["title"] == title)
        #expect(try CitationParsers.ris(CitationStyle.ris.citation(s)).first { $0.tag == "TI" }?.value == title)
        let items = try JSONSerialization.jsonObject(with: Data(CitationStyle.cslJSON.citation(s).utf8)) as? [[String: Any]]
        #expect(items?.first?["title"] as? String == title)
    }

    /// A volume whose documents carry no numbers is cited by page.
    @Test func unnumberedVolumesAreCitedByPage() throws {
        let doc = Document(
            volumeID: "frus1999-00v01", number: "1", titleInlines: [.pageBreak("12"), .text("A Memo")],
            blocks: [.paragraph([.text("Text "), .pageBreak("13"), .text("more.")], .normal)], footnotes: [])
        var volume = Volume(id: "frus1999-00v01", title: "Sample", documents: [doc])
        volume.bibliography = Bibliography(completeTitle: "Sample", publisher: "GPO", publicationPlace: "Washington", year: "1999")
        volume.bibliography.documentsNumbered = false
        let s = CitationSource(volume: volume, document: doc)
        #expect(CitationStyle.chicago.citation(s) == "A Memo, in Sample (Washington: GPO, 1999), 12–13, https://history.state.gov/historicaldocuments/frus1999-00v01/d1")
        #expect(try CitationParsers.bibtex(CitationStyle.bibtex.citation(s)).fields["number"] == nil)
        #expect(try CitationParsers.bibtex(CitationStyle.bibtex.citation(s)).fields["pages"] == "12--13")
    }
    /// Older heads and datelines end with a period; the note's commas replace it, but the
    /// period of an abbreviation stays.
    @Test func aClosingPeriodGivesWayToTheNotesComma() throws {
        let doc = Document(
            volumeID: "frus1894Nicaragua", number: "12", titleInlines: [.pageBreak("18"), .text("Mr. Baker to Mr. Gresham.")],
            dateline: "Managua, March 8, 1894.",
            blocks: [.paragraph([.text("Sir: "), .pageBreak("19"), .text("more.")], .normal)], footnotes: [])
        var volume = Volume(id: "frus1894Nicaragua", title: "Sample", documents: [doc])
        volume.bibliography = Bibliography(completeTitle: "Sample", publisher: "GPO", publicationPlace: "Washington", year: "1895")
        let s = CitationSource(volume: volume, document: doc)
        #expect(CitationStyle.chicago.citation(s).hasPrefix("Mr. Baker to Mr. Gresham, Managua, March 8, 1894, in Sample"))
        for (text, kept) in [("Memorandum for the U.S.", true), ("Letter to Mr.", true), ("From John Smith, Jr.", true),
                             ("Note by J.", true), ("Et cetera...", true), ("Mr. Hay to Mr. Wilson.", false), ("No period", true)] {
            #expect((ChicagoCitation.withoutClosingPeriod(text) == text) == kept, "\(text)")
        }
        #expect(ChicagoCitation.withoutClosingPeriod("Mr. Hay to Mr. Wilson.") == "Mr. Hay to Mr. Wilson")
    }

    /// A document on no known page in a volume cited by page (a microfiche catalogue entry)
    /// is cited by its number: there is no page to give.
    @Test func aDocumentOnNoPageIsCitedByNumber() throws {
        let doc = Document(volumeID: "frus1958-60v05mSupp", number: "7", titleInlines: [.text("Telegram 12 From Paris")],
                           blocks: [.paragraph([.text("Text.")], .normal)], footnotes: [])
        var volume = Volume(id: "frus1958-60v05mSupp", title: "Sample", documents: [doc])
        volume.bibliography = Bibliography(completeTitle: "Sample", publisher: "GPO", publicationPlace: "Washington", year: "1993")
        volume.bibliography.documentsNumbered = false
        let s = CitationSource(volume: volume, document: doc)
        #expect(s.citedByNumber)
        #expect(CitationStyle.chicago.citation(s).contains(", Document 7, https://"))
    }
    /// A footnote is cited on the page its marker stands on: in the older series notes labelled
    /// "1" restart in each inclosure, pages apart.
    @Test func aFootnoteIsCitedOnItsMarkersPage() throws {
        let doc = Document(
            volumeID: "frus1894Nicaragua", number: "12", titleInlines: [.pageBreak("18"), .text("Mr. Baker to Mr. Gresham.")],
            blocks: [
                .paragraph([.text("Sir"), .footnoteRef(1), .text(" more "), .pageBreak("19")], .normal),
                .paragraph([.text("An inclosure"), .pageBreak("20"), .text(" text"), .footnoteRef(2)], .normal),
            ],
            footnotes: [Footnote(number: 1, label: "1", blocks: []), Footnote(number: 2, label: "1", blocks: [])])
        var volume = Volume(id: "frus1894Nicaragua", title: "Sample", documents: [doc])
        volume.bibliography = Bibliography(completeTitle: "Sample", publisher: "GPO", publicationPlace: "Washington", year: "1895")
        volume.bibliography.documentsNumbered = false
        #expect(CitationStyle.chicago.citation(CitationSource(volume: volume, document: doc, footnote: 1)).contains(", 18n1, "))
        #expect(CitationStyle.chicago.citation(CitationSource(volume: volume, document: doc, footnote: 2)).contains(", 20n1, "))
        #expect(CitationStyle.chicago.citation(CitationSource(volume: volume, document: doc)).contains(", 18–20, "))
    }
    /// An older header names the series ("…, 1894") and the complete title, nothing between:
    /// the note gives the complete title, which names the volume.
    @Test func anOlderVolumeIsNamedByItsCompleteTitle() throws {
        let doc = Document(volumeID: "frus1894Nicaragua", number: "1", titleInlines: [.pageBreak("1"), .text("Mr. Seat to Mr. Gresham.")],
                           blocks: [], footnotes: [])
        var volume = Volume(id: "frus1894Nicaragua", title: "Sample", documents: [doc])
        volume.bibliography = Bibliography(
            completeTitle: "Foreign Relations of the United States, 1894, Nicaragua (Mosquito Territory)",
            seriesTitle: "Foreign Relations of the United States, 1894", publisher: "GPO", publicationPlace: "Washington", year: "1895")
        #expect(CitationStyle.chicago.citation(CitationSource(volume: volume, document: doc))
            .contains("in Foreign Relations of the United States, 1894, Nicaragua (Mosquito Territory) (Washington: GPO, 1895)"))
    }
    /// A page break before an older document's number ("No. 2." set above the head) is where
    /// the document begins; and a document read alone, which cannot know that, is cited by the
    /// volume's own copy.
    @Test func aPageBreakAboveTheHeadStartsTheDocument() throws {
        let first = Document(volumeID: "frus1870", number: "1", titleInlines: [.pageBreak("45"), .text("A Proclamation.")],
                             blocks: [.paragraph([.text("Text "), .pageBreak("46"), .text("more.")], .normal)], footnotes: [])
        var second = Document(volumeID: "frus1870", number: "2", titleInlines: [.text("By the President.")],
                              blocks: [.paragraph([.text("Whereas "), .pageBreak("49"), .text("a vessel.")], .normal)], footnotes: [])
        let alone = second
        second.headLabel = [.pageBreak("48")]
        var volume = Volume(id: "frus1870", title: "Sample", documents: [first, second])
        volume.bibliography = Bibliography(completeTitle: "Sample", publisher: "GPO", publicationPlace: "Washington", year: "1870")
        volume.bibliography.documentsNumbered = false
        #expect(CitationStyle.chicago.citation(CitationSource(volume: volume, document: second)).contains(", 48–49, "))
        #expect(CitationStyle.chicago.citation(CitationSource(volume: volume, document: alone)).contains(", 48–49, "))
        #expect(CitationStyle.chicago.citation(CitationSource(volume: volume, document: first)).contains(", 45–46, "))
    }
}
