import Foundation
import FrusTestSupport
import Testing

/// `who`, `cite`, `show SECTION`, `list` dates and kinds on the real partial volume; every
/// expected value is read from its TEI with plain regular expressions.
@Suite(.serialized) struct ApparatusCLITests {
    static let tei: TEIExpectations? = Fixtures.partialVolume.flatMap { try? TEIExpectations(contentsOf: $0) }

    /// The user's folders point into a scratch folder: nothing is written to the real ones.
    static let environment: [String: String?] = {
        let root = (try? Fixtures.temporaryFolder("apparatus-cli").path) ?? NSTemporaryDirectory()
        return ["XDG_STATE_HOME": root + "/state", "XDG_DATA_HOME": root + "/data", "XDG_CONFIG_HOME": root + "/config"]
    }()

    func run(_ args: [String]) throws -> FrusreadBinary.Output {
        try FrusreadBinary.run(args, environment: Self.environment)
    }

    func json(_ args: [String]) throws -> Any {
        let r = try run(args)
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    }

    /// For every person and term of the lists: `who` finds it (asked letter by letter: every
    /// name holds a letter or digit), with the entry's name and description and the documents
    /// whose TEI mentions its id — answered from a warm index, and the same without one.
    @Test func whoFindsEveryEntryWithTheDocumentsMentioningIt() throws {
        guard let volume = Fixtures.partialVolume, let tei = Self.tei else { print(Fixtures.sharedMissing); return }
        let persons = tei.entries("persons")
        let terms = tei.entries("terms")
        // Every name of the lists, counted on its own (the issue's "about" counts: 208 and 181).
        #expect(persons.count == tei.front.matches(of: #/<persName\s+xml:id=/#).count)
        #expect(terms.count == tei.front.matches(of: #/<term\s+xml:id=/#).count)
        #expect(persons.count == 208)
        let cold = try #require(try json(["who", "Baldrige", "--json", "--corpus", volume.path]) as? [[String: Any]])
        _ = try run(["index", "--corpus", volume.path])
        var found: [String: [String: Any]] = [:]
        for q in "abcdefghijklmnopqrstuvwxyz0123456789".map(String.init) {
            let entries = try #require(try json(["who", q, "--json", "--corpus", volume.path]) as? [[String: Any]])
            for e in entries { found[e["id"] as? String ?? ""] = e }
        }
        for (kind, list) in [("person", persons), ("term", terms)] {
            for entry in list {
                guard let e = found[entry.id] else { Issue.record("\(entry.id) not found"); continue }
                #expect(e["kind"] as? String == kind)
                #expect(e["volume"] as? String == "frus1981-88v05")
                #expect(e["name"] as? String == entry.name, "\(entry.id)")
                #expect(e["description"] as? String == entry.description, "\(entry.id)")
                #expect(e["documents"] as? [String] == tei.documentsMentioning(entry.id), "\(entry.id)")
            }
        }
        #expect(found.count == persons.count + terms.count)
        let warm = try #require(try json(["who", "Baldrige", "--json", "--corpus", volume.path]) as? [[String: Any]])
        #expect(cold.map { $0["id"] as? String } == warm.map { $0["id"] as? String })
        #expect(cold.map { $0["documents"] as? [String] } == warm.map { $0["documents"] as? [String] })
        #expect(warm.first?["documents"] as? [String] == tei.documentsMentioning("p_BHM_1"))
        // By id, and a query that matches nothing.
        let byID = try #require(try json(["who", "t_INF_1", "--json", "--corpus", volume.path]) as? [[String: Any]])
        #expect(byID.map { $0["name"] as? String } == ["INF"])
        let none = try run(["who", "Zzyzx", "--corpus", volume.path])
        #expect(none.status != 0)
        #expect(none.stderr.contains("Zzyzx"))
    }

    /// `show preface` holds every word of the TEI preface, in order.
    @Test func showPrefaceHoldsEveryWordOfTheTEIPreface() throws {
        guard let volume = Fixtures.partialVolume, let tei = Self.tei else { print(Fixtures.sharedMissing); return }
        let preface = try #require(tei.frontSections.first { $0.id == "preface" })
        let r = try run(["show", "preface", "--volume", "frus1981-88v05", "--width", "100000", "--corpus", volume.path])
        #expect(r.status == 0)
        let shown = r.stdout.replacingOccurrences(of: #"\[Page [^\]]*\]+"#, with: "", options: .regularExpression)
            .split(whereSeparator: \.isWhitespace)
        var i = shown.startIndex
        for word in TEIExpectations.text(preface.element).split(separator: " ") {
            guard let at = shown[i...].firstIndex(of: word) else {
                Issue.record("“\(word)” is missing or out of order")
                return
            }
            i = at + 1
        }
        let json = try #require(try json(["show", "preface", "--json", "--corpus", volume.path]) as? [String: Any])
        #expect(json["kind"] as? String == "front")
        #expect(json["title"] as? String == "Preface")
    }

    @Test func citeInEveryStyleParses() throws {
        guard let volume = Fixtures.partialVolume, let tei = Self.tei else { print(Fixtures.sharedMissing); return }
        let chicago = try run(["cite", "175", "--corpus", volume.path])
        #expect(chicago.stdout == "Memorandum From Secretary of State Shultz to President Reagan, Washington, January 14, 1986, in Foreign Relations of the United States, 1981–1988, vol. V, Soviet Union, March 1985–October 1986, ed. Elizabeth C. Charles (Washington: United States Government Publishing Office, 2020), Document 175, https://history.state.gov/historicaldocuments/frus1981-88v05/d175\n")
        let note = try run(["cite", "175", "--footnote", "3", "--corpus", volume.path])
        #expect(note.stdout.hasSuffix("Document 175, note 3, https://history.state.gov/historicaldocuments/frus1981-88v05/d175fn3\n"))
        let bibtex = try CitationParsers.bibtex(try run(["cite", "175", "--style", "bibtex", "--corpus", volume.path]).stdout)
        #expect(bibtex.type == "incollection")
        #expect(bibtex.fields["booktitle"] == tei.title(type: "complete"))
        #expect(bibtex.fields["editor"] == tei.primaryEditors.joined(separator: " and "))
        let ris = try CitationParsers.ris(try run(["cite", "175", "--style", "ris", "--corpus", volume.path]).stdout)
        #expect(ris.first { $0.tag == "PB" }?.value == tei.headerElement("publisher"))
        let csl = try json(["cite", "175", "--style", "csl-json", "--corpus", volume.path]) as? [[String: Any]]
        #expect(csl?.first?["type"] as? String == "chapter")
        #expect(csl?.first?["publisher-place"] as? String == tei.headerElement("pubPlace"))
        let bad = try run(["cite", "175", "--footnote", "99", "--corpus", volume.path])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("no footnote 99"))
        let badStyle = try run(["cite", "175", "--style", "mla", "--corpus", volume.path])
        #expect(badStyle.status != 0)
    }

    /// A plain-text volume is cited from its `volume.json` (the bundled one gives every key).
    @Test func plainTextVolumeIsCitedFromItsVolumeJSON() throws {
        let folder = Fixtures.bundledCorpus.appendingPathComponent("frus1981-88v05")
        let meta = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("volume.json"))) as? [String: Any])
        let r = try run(["cite", "175", "--corpus", Fixtures.bundledCorpus.path])
        #expect(r.status == 0)
        for key in ["series", "subseries", "volumeTitle", "publisher", "place", "year"] {
            let value = try #require(meta[key] as? String, "\(key)")
            #expect(r.stdout.contains(value), "\(key)")
        }
        #expect(r.stdout.contains("ed. " + ((meta["editors"] as? [String])?.first ?? "?")))
        #expect(r.stdout.contains("Document 175, https://history.state.gov/historicaldocuments/frus1981-88v05/d175"))
        let ris = try CitationParsers.ris(try run(["cite", "175", "--style", "ris", "--corpus", Fixtures.bundledCorpus.path]).stdout)
        // The classification, from the source note (the footnote of the title's marker).
        let seed = try String(contentsOf: Fixtures.seed175, encoding: .utf8)
        let note = try #require(seed.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("1. Source:") })
        let marking = try #require(note.firstMatch(of: #/\. ((?:Top Secret|Secret|Confidential)[^.]*)\./#)?.output.1)
        let shown = try #require(try json(["show", "175", "--json", "--corpus", Fixtures.bundledCorpus.path]) as? [String: Any])
        #expect(shown["classification"] as? String == String(marking))
        #expect(ris.first { $0.tag == "PY" }?.value == meta["year"] as? String)
    }

    /// `list` prints `VOLUME NUMBER DATE TITLE` for the documents only; `--all` adds the
    /// sections first; `--json` says each entry's kind.
    @Test func listPrintsDatesAndKinds() throws {
        guard let volume = Fixtures.partialVolume, let tei = Self.tei else { print(Fixtures.sharedMissing); return }
        let lines = try run(["list", "--corpus", volume.path]).stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(lines.map { String($0[1]) } == tei.documents.map(\.n))
        #expect(lines.map { String($0[2]) } == tei.documents.map { TEIExpectations.date($0) ?? "-" })
        #expect(lines.allSatisfy { $0.count == 4 })
        let all = try #require(try json(["list", "--all", "--json", "--corpus", volume.path]) as? [[String: Any]])
        let sections = tei.frontSections.map(\.id)
        #expect(all.map { $0["number"] as? String ?? "" } == sections + tei.documents.map(\.n))
        #expect(all.map { $0["kind"] as? String ?? "" } == sections.map { _ in "front" } + tei.documents.map { _ in "document" })
        let text = try run(["list", "--all", "--corpus", volume.path]).stdout.split(separator: "\n")
        #expect(text.first?.split(separator: "\t").map(String.init) == ["frus1981-88v05", "pressrelease", "-", "Press Release"])
    }

    /// `show N --json`: place, classification and the mentions in reading order.
    @Test func showJSONHasPlaceClassificationAndMentions() throws {
        guard let volume = Fixtures.partialVolume, let tei = Self.tei else { print(Fixtures.sharedMissing); return }
        let slice = try #require(tei.documents.first { $0.n == "175" })
        let doc = try #require(try json(["show", "175", "--json", "--corpus", volume.path]) as? [String: Any])
        #expect(doc["place"] as? String == TEIExpectations.place(slice))
        #expect(doc["classification"] as? String == TEIExpectations.classification(slice))
        #expect(doc["kind"] as? String == "document")
        let mentions = try #require(doc["mentions"] as? [[String: String]])
        // The TEI's mentions of 175: title and body first, footnotes after (reading order).
        let pattern = ##"<(persName|gloss)\b[^>]*\b(?:corresp|target)="#([^"\s]+)[^"]*"[^>]*>(.*?)</\1>"##
        func scan(_ s: String) -> [[String: String]] {
            s.matches(of: try! Regex("(?s)" + pattern)).map { m in
                let kind = m.output[1].substring == "persName" ? "person" : "term"
                return ["kind": kind, "id": String(m.output[2].substring ?? ""), "text": TEIExpectations.text(String(m.output[3].substring ?? ""))]
            }
        }
        let withoutNotes = slice.text.replacingOccurrences(of: #"(?s)<note\b.*?</note>"#, with: "", options: .regularExpression)
        let notes = slice.text.matches(of: try! Regex(#"(?s)<note\b.*?</note>"#)).map { String(slice.text[$0.range]) }
        #expect(mentions == scan(withoutNotes) + notes.flatMap(scan))
    }
}
