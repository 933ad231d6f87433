import Foundation
import FrusModel
import FrusTEI
import FrusTestSupport
import Testing

/// The real partial volume (../shared/frus/frus1981-88v05-partial.xml): documents 130–175,
/// front matter with persons and terms. Skipped, with a message, when ../shared is absent.
@Suite struct PartialVolumeTests {
    @Test func documentsAreListedInOrderWithTitles() throws {
        guard let volume = PartialVolume.volume else { print(Fixtures.sharedMissing); return }
        #expect(volume.id == "frus1981-88v05")
        #expect(volume.title == "Foreign Relations of the United States, 1981–1988, Volume V, Soviet Union, March 1985–October 1986")
        #expect(volume.documentsProper.map(\.number) == (130...175).map(String.init))
        #expect(volume.documentsProper.map(\.id) == (130...175).map { "d\($0)" })
        // Each document knows where it is: the line its start tag ends on (d130: 2122–2124).
        #expect(volume.documentsProper.first?.source?.line == 2124)
        for doc in volume.documentsProper {
            #expect(!doc.title.isEmpty, "document \(doc.number) has no title")
            // The number is the document's, not part of its title ("130. Note From …").
            #expect(!doc.title.hasPrefix("\(doc.number)."), "title of \(doc.number) keeps its number")
            #expect(doc.volumeID == "frus1981-88v05")
        }
        #expect(volume.document(number: "130")?.title
            == "Note From the President’s Assistant for National Security Affairs (McFarlane) to President Reagan")
        #expect(volume.document(number: "175")?.numberedTitle
            == "175. Memorandum From Secretary of State Shultz to President Reagan")
    }

    /// Every document has exactly as many footnotes as the TEI has numbered notes in it,
    /// numbered as the TEI numbers them, with markers in the order the notes stand.
    @Test func footnotesMatchTheNumberedNotesOfEachDocument() throws {
        guard let (bytes, load) = PartialVolume.loaded else { print(Fixtures.sharedMissing); return }
        let slices = TEIScan.documentSlices(String(decoding: bytes, as: UTF8.self))
        #expect(slices.count == 46)
        var total = 0
        for slice in slices {
            let doc = try #require(load.volume.document(number: slice.n), "document \(slice.n) is missing")
            let notes = TEIScan.numberedNotes(slice.text)
            total += notes.count
            #expect(doc.footnotes.count == notes.count, "document \(slice.n)")
            #expect(doc.footnotes.map { String($0.number) } == notes.sorted { Int($0)! < Int($1)! }, "document \(slice.n)")
            #expect(doc.markerNumbers.map(String.init) == notes, "markers of document \(slice.n)")
            for note in doc.footnotes {
                #expect(!note.plainText.isEmpty, "footnote \(note.number) of \(slice.n) is empty")
                #expect(note.id == "\(slice.id)fn\(note.number)")
            }
        }
        #expect(total == 189)
        #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
    }

    @Test func personsAndTermsAreParsed() throws {
        guard let (bytes, load) = PartialVolume.loaded else { print(Fixtures.sharedMissing); return }
        let xml = String(decoding: bytes, as: UTF8.self)
        let terms = try #require(xml.range(of: "xml:id=\"terms\""))
        let persons = try #require(xml.range(of: "xml:id=\"persons\""))
        let frontEnd = try #require(xml.range(of: "</front>"))
        let expectedPersons = TEIScan.countTags("persName", with: "xml:id", in: xml[persons.upperBound..<frontEnd.lowerBound])
        let expectedTerms = TEIScan.countTags("term", with: "xml:id", in: xml[terms.upperBound..<persons.lowerBound])
        #expect(expectedPersons == 208)
        // 181 terms in the terms list (the file's 182nd `term xml:id` is a keyword of the header).
        #expect(expectedTerms == 181)
        let volume = load.volume
        #expect(volume.persons.count == expectedPersons)
        #expect(volume.terms.count == expectedTerms)
        #expect(volume.persons["p_GMS_1"] == Person(
            id: "p_GMS_1", name: "Gorbachev, Mikhail S.",
            description: "General Secretary of the Communist Party of the Soviet Union from March 1985"))
        #expect(volume.persons["p_AMI_1"]?.name == "Abramowitz, Morton I. (Mort)")
        #expect(volume.terms["t_ABM_1"] == Term(id: "t_ABM_1", term: "ABM", description: "Anti-Ballistic Missile"))
        // One entry naming two terms: "PII or P–II, Pershing II missile".
        #expect(volume.terms["t_PII_1"]?.description == "Pershing II missile")
        #expect(volume.terms["t_PII_2"]?.term == "P–II")
        for p in volume.persons.values { #expect(!p.name.isEmpty && !p.description.isEmpty, "\(p)") }
        for t in volume.terms.values { #expect(!t.term.isEmpty && !t.description.isEmpty, "\(t)") }
    }

    @Test func mentionsPointAtThePersonsAndTermsLists() throws {
        guard let volume = PartialVolume.volume else { print(Fixtures.sharedMissing); return }
        var persons = 0
        var terms = 0
        for doc in volume.documents {
            for block in doc.blocks {
                block.forEachInline { inline in
                    if case .mention(let m, _) = inline {
                        switch m {
                        case .person(let id): persons += 1; #expect(id.hasPrefix("p_"))
                        case .term(let id): terms += 1; #expect(id.hasPrefix("t_"))
                        }
                    }
                }
            }
        }
        #expect(persons > 500)
        #expect(terms > 300)
        let title = try #require(volume.document(number: "130")).titleInlines
        #expect(title.contains(.mention(.person("p_MRC_1"), [.text("McFarlane")])))
    }

    @Test func chaptersHoldTheirDocuments() throws {
        guard let volume = PartialVolume.volume else { print(Fixtures.sharedMissing); return }
        #expect(volume.chapters.count == 2)
        let ch3 = volume.chapters[0]
        let ch4 = volume.chapters[1]
        #expect(ch3.id == "ch3")
        #expect(ch3.title == "ch3")  // the envelope added to the slice has no head
        #expect(ch3.documentNumbers == (130...159).map(String.init))
        #expect(ch4.id == "ch4")
        #expect(ch4.title == "November 1985–April 1986 New Political Thinking: Gorbachev’s Proposal To Eliminate Nuclear Weapons")
        #expect(ch4.documentNumbers == (160...175).map(String.init))
        #expect(ch3.depth == 0 && ch4.depth == 0)
    }

    @Test func pagesDatesAndDatelines() throws {
        guard let volume = PartialVolume.volume else { print(Fixtures.sharedMissing); return }
        let d130 = try #require(volume.document(number: "130"))
        #expect(d130.date == "1985-11-01")
        #expect(d130.dateline == "Washington, November 1, 1985")
        #expect(d130.pageBreaks == ["536", "537"])
        // The page break between documents 130 and 131 opens 131.
        let d131 = try #require(volume.document(number: "131"))
        #expect(d131.titleInlines.first == .pageBreak("538"))
        #expect(volume.locatePage("538")?.document.number == "131")
        #expect(volume.locatePage("744")?.document.number == "168")
        let d175 = try #require(volume.document(number: "175"))
        #expect(d175.subject == "Gorbachev Response to Your Human Rights Letter")
        #expect(d175.date == "1986-01-14")
        #expect(d175.pageBreaks == ["765", "766", "767"])
        // Every page of the slice is found in some document.
        let allPages = Set(volume.documents.flatMap(\.pageBreaks))
        for page in 536...767 { #expect(allPages.contains(String(page)), "page \(page)") }
    }

    @Test func attachmentsHaveLabelHeadingAndFootnotes() throws {
        guard let volume = PartialVolume.volume else { print(Fixtures.sharedMissing); return }
        let d175 = try #require(volume.document(number: "175"))
        let attachment = try #require(d175.attachments.first)
        #expect(attachment.label == [.styled(.bold, [.text("Attachment")])])
        #expect(attachment.heading.plainText == "Letter From Soviet General Secretary Gorbachev to President Reagan")
        var markers: [Int] = []
        attachment.heading.forEach { $0.forEach { if case .footnoteRef(let n) = $0 { markers.append(n) } } }
        #expect(markers == [5])
        #expect(attachment.blocks.contains(.salutation([.text("Dear Mr. President,")])))
        #expect(attachment.blocks.last == .closer([.mention(.person("p_GMS_1"), [.styled(.bold, [.text("M. Gorbachev")])])]))
    }

    @Test func noTextHasRawWhiteSpace() throws {
        guard let volume = PartialVolume.volume else { print(Fixtures.sharedMissing); return }
        for doc in volume.documents {
            let texts = doc.blocks.flatMap { block -> [String] in
                var out: [String] = []
                block.forEachInline { if case .text(let s) = $0 { out.append(s) } }
                return out
            }
            for t in texts {
                #expect(!t.contains("\n") && !t.contains("  ") && !t.contains("\t"), "document \(doc.number): \(t.prefix(60))")
            }
            for block in doc.blocks {
                let text = block.plainText
                #expect(text.trimmingSpaces == text, "document \(doc.number) block edge: \(text.prefix(40))")
            }
        }
    }

    @Test func peekReadsTheHeaderOnly() throws {
        guard let url = Fixtures.partialVolume else { print(Fixtures.sharedMissing); return }
        let (id, title) = try TEIImporter.peek(path: url.path)
        #expect(id == "frus1981-88v05")
        #expect(title == "Foreign Relations of the United States, 1981–1988, Volume V, Soviet Union, March 1985–October 1986")
        let clock = ContinuousClock()
        let elapsed = clock.measure { for _ in 0..<20 { _ = try? TEIImporter.peek(path: url.path) } }
        #expect(elapsed < .milliseconds(500), "peek is slow: \(elapsed) for 20")
    }
}
