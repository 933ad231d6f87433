import Foundation
import FrusFind
import FrusImport
import FrusModel
import FrusSearch
import FrusTestSupport
import Testing

/// The index finds exactly the documents whose text (title, body, footnotes) holds a word, as
/// computed here from the parsed model with a tokenizer of the test's own.
@Suite(.serialized) struct ExactResultsTests {
    /// The words of a text: maximal runs of letters and digits, lower-cased, accents removed.
    static func words(_ text: String) -> Set<String> {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return Set(folded.split { !($0.isLetter || $0.isNumber) }.map(String.init))
    }

    static func documentWords(_ doc: Document) -> Set<String> {
        words(doc.bodyText).union(words(doc.footnotes.map(\.plainText).joined(separator: "\n")))
    }

    @Test func everySampledWordFindsExactlyTheDocumentsHoldingIt() throws {
        guard let partial = Fixtures.partialVolume else {
            print(Fixtures.sharedMissing)
            return
        }
        let scratch = try ScratchCorpus("exact")
        defer { scratch.remove() }
        try FileManager.default.copyItem(at: partial, to: scratch.corpus.appendingPathComponent("frus1981-88v05.xml"))
        let (corpus, index, _) = try scratch.open()
        let volume = try #require(corpus.volume("frus1981-88v05"))
        #expect(volume.documentsProper.count == 46)

        var holders: [String: Set<String>] = [:]
        for doc in volume.documents {
            for w in Self.documentWords(doc) { holders[w, default: []].insert("\(doc.volumeID)/\(doc.number)") }
        }
        // Named words, then words of every frequency: the vocabulary sorted by how many
        // documents hold each word, sampled at even steps (ASCII words, whose folding both
        // sides agree on).
        var sample = ["shcharanskiy", "krasnoyarsk", "geneva", "gorbachev", "the", "moscow", "orlov"]
        let vocabulary = holders.keys.filter { $0.allSatisfy(\.isASCII) }.sorted {
            (holders[$0]!.count, $0) < (holders[$1]!.count, $1)
        }
        let step = max(1, vocabulary.count / 60)
        sample += stride(from: 0, to: vocabulary.count, by: step).map { vocabulary[$0] }
        for word in sample {
            let expected = holders[word] ?? []
            let found = try index.documents(matching: word, in: corpus)
            #expect(found == expected, "\(word): index \(found.count), model \(expected.count)")
        }
        #expect(holders["shcharanskiy"]?.isEmpty == false)
        #expect(holders["krasnoyarsk"]?.isEmpty == false)
    }

    @Test func wordsOnlyInFootnotesAreFound() throws {
        guard let partial = Fixtures.partialVolume else {
            print(Fixtures.sharedMissing)
            return
        }
        let scratch = try ScratchCorpus("notes")
        defer { scratch.remove() }
        try FileManager.default.copyItem(at: partial, to: scratch.corpus.appendingPathComponent("frus1981-88v05.xml"))
        let (corpus, index, _) = try scratch.open()
        let volume = try #require(corpus.volume("frus1981-88v05"))
        // A word some document has only in its footnotes.
        var checked = 0
        for doc in volume.documents {
            let onlyInNotes = Self.words(doc.footnotes.map(\.plainText).joined(separator: " "))
                .subtracting(Self.words(doc.bodyText)).filter { $0.count > 6 && $0.allSatisfy(\.isASCII) }
            guard let word = onlyInNotes.sorted().first else { continue }
            #expect(try index.documents(matching: word, in: corpus).contains("\(doc.volumeID)/\(doc.number)"), "\(word)")
            checked += 1
            if checked == 5 { break }
        }
        #expect(checked == 5)
    }

    @Test func shcharanskiyInTheBundledCorpus() throws {
        let scratch = try ScratchCorpus("bundled")
        defer { scratch.remove() }
        let index = SearchIndex(corpusPath: Fixtures.bundledCorpus.path, cacheHome: scratch.cache.path)
        let corpus = try CorpusLoader.open(Fixtures.bundledCorpus.path, headers: index.headers)
        try index.update(corpus)
        let hits = try index.search(SearchQuery(parsing: "Shcharanskiy"), in: corpus)
        #expect(Set(hits.map(\.number)) == ["168", "175"])
        #expect(hits.allSatisfy { $0.snippet.parts.contains { $0.isMatch && $0.text == "Shcharanskiy" } })
    }

    @Test func queryForms() throws {
        let scratch = try ScratchCorpus("forms")
        defer { scratch.remove() }
        let index = SearchIndex(corpusPath: Fixtures.bundledCorpus.path, cacheHome: scratch.cache.path)
        let corpus = try CorpusLoader.open(Fixtures.bundledCorpus.path, headers: index.headers)
        try index.update(corpus)
        func numbers(_ q: String) throws -> Set<String> { Set(try index.documents(matching: q, in: corpus).map { String($0.split(separator: "/")[1]) }) }
        // Only 168 (Reagan's letter) names Anatoliy; only 175 (Shultz's memo) "affirms".
        #expect(try numbers(#""divided spouses""#) == ["168", "175"])
        #expect(try numbers(#""bending the rules""#) == ["175"])
        #expect(try numbers(#""spouses divided""#) == [])
        #expect(try numbers("Shcharan*") == ["168", "175"])
        #expect(try numbers("Shcharanskiy -anatoliy") == ["175"])
        #expect(try numbers("Shcharanskiy NOT affirms") == ["168"])
        #expect(try numbers("anatoliy OR affirms") == ["168", "175"])
        #expect(try numbers("anatoliy OR nonexistentword") == ["168"])
        #expect(try numbers("anatoliy affirms") == [])
        // Apostrophes: gorbachev finds Gorbachev’s; the ASCII apostrophe finds the curly one.
        #expect(try numbers("gorbachev's").isSuperset(of: ["175"]))
        #expect(try numbers("GORBACHEV") == ["168", "175"])
    }
}
