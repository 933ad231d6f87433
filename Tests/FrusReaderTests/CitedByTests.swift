import Foundation
import FrusImport
import FrusModel
import FrusTestSupport
import Testing

@testable import FrusReader

/// The navigator's "Cited by": each citing note named ("135 n. 11") with its date, and Enter
/// landing on that footnote. Expectations from the TEI: the notes whose links point at d136.
@Suite struct CitedByTests {
    /// (citing document, note) for every `<note xml:id="dNfnK">` holding a link to `#d136…`.
    static func citingNotes(_ xml: String, of target: String) -> [(String, Int)] {
        let pattern = "<note[^>]*xml:id=\"d([0-9]+)fn([0-9]+)\"[^>]*>(?:(?!</note>)[\\s\\S])*?target=\"#\(target)(?:fn[0-9]+)?\""
        let regex = try! NSRegularExpression(pattern: pattern)
        let ns = xml as NSString
        return regex.matches(in: xml, range: NSRange(location: 0, length: ns.length)).map {
            (ns.substring(with: $0.range(at: 1)), Int(ns.substring(with: $0.range(at: 2)))!)
        }
    }

    func state() throws -> (ReaderState, [(String, Int)])? {
        guard let url = Fixtures.partialVolume else {
            print(Fixtures.sharedMissing)
            return nil
        }
        let corpus = try CorpusLoader.open(url.path)
        var s = ReaderState(corpus: corpus, width: 120, height: 40)
        s.start(volume: "frus1981-88v05", number: "136")
        // Lazy opening: 136 was read alone, and the documents citing it are known once the
        // volume is read (in the background; the app then sends `.volumeRead`).
        #expect(!corpus.isLoaded("frus1981-88v05"))
        #expect(s.view!.navigatorRows.contains(.note("Reading the rest of the volume…")))
        #expect(!s.view!.navigator.contains { if case .citedBy = $0.kind { return true } else { return false } })
        _ = corpus.volume("frus1981-88v05")
        s.reduce(.volumeRead("frus1981-88v05"))
        #expect(!s.view!.navigatorRows.contains(.note("Reading the rest of the volume…")))
        return (s, Self.citingNotes(try String(contentsOf: url, encoding: .utf8), of: "d136"))
    }

    @Test func entriesNameTheCitingNoteAndDate() throws {
        guard let (s, expected) = try state() else { return }
        #expect(expected.count == 3)
        let entries = s.view!.navigator.filter { if case .citedBy = $0.kind { return true } else { return false } }
        #expect(entries.map(\.citingFootnote) == expected.map(\.1))
        for (entry, (number, note)) in zip(entries, expected) {
            #expect(entry.text.hasPrefix("\(number) n. \(note) · "), "\(entry.text)")
            let doc = s.corpus.document(volume: "frus1981-88v05", number: number)!
            if let date = doc.date, let day = DocumentDates.display(date) { #expect(entry.text.contains(day)) }
        }
        // No two entries read the same.
        #expect(Set(entries.map(\.text)).count == entries.count)
    }

    @Test func enterLandsOnTheCitingFootnoteSelected() throws {
        guard var (s, expected) = try state() else { return }
        let index = try #require(s.view!.navigator.firstIndex { if case .citedBy = $0.kind { return true } else { return false } })
        s.focus = .links
        s.linkSelection = index
        s.press(.enter)
        let (number, note) = expected[0]
        #expect(s.document?.number == number)
        #expect(s.focus == .document)
        guard case .marker(let n, _)? = s.selected else {
            Issue.record("the citing footnote's marker is selected")
            return
        }
        #expect(n == note)
        #expect(s.currentFootnote == note)
    }
}
