import Foundation
import FrusTestSupport
import Testing

/// Every volume of ../shared/frus/eras/ and the partial 1981–1988 volume read faithfully:
/// every document listed in order, every footnote with its printed label, every word of the
/// TEI in order — expectations computed from the TEI by an independent walk (EraExpectations).
@Suite struct EraFidelityTests {
    /// The TEI volumes to check: every `*.xml` of ../shared/frus/eras/, and the partial volume.
    static var volumes: [URL] {
        guard let shared = Fixtures.shared else { return [] }
        let eras = shared.appendingPathComponent("frus/eras")
        var out = ((try? FileManager.default.contentsOfDirectory(at: eras, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "xml" }.sorted { $0.path < $1.path }
        if let partial = Fixtures.partialVolume { out.append(partial) }
        return out
    }

    static func json(_ args: [String]) throws -> Any {
        let r = try FrusreadBinary.run(args)
        #expect(r.status == 0, "frusread \(args.joined(separator: " ")): \(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    }

    @Test func everyDocumentListedInOrder() throws {
        guard !Self.volumes.isEmpty else { return print(Fixtures.sharedMissing) }
        for file in Self.volumes {
            guard let expected = try EraExpectations.of(file) else { return }
            let list = try #require(try Self.json(["list", "--json", "--corpus", file.path]) as? [[String: Any]])
            let documents = list.filter { $0["number"] is String && ($0["kind"] as? String ?? "document") == "document" }
            // A volume announced, not digitized: listed once, with its title, saying so.
            let preparing = ["being-digitized", "being-researched"].contains(expected.status ?? "")
            if expected.documents.isEmpty && preparing {
                #expect(list.contains { $0["status"] as? String == "not yet digitized" && $0["title"] is String },
                        "\(file.lastPathComponent)")
            }
            #expect(documents.map { $0["number"] as? String ?? "" } == expected.documents.map(\.n), "\(file.lastPathComponent)")
        }
    }

    @Test func everyDocumentHasTheTEIsFootnotesAndWords() throws {
        guard !Self.volumes.isEmpty else { return print(Fixtures.sharedMissing) }
        for file in Self.volumes {
            guard let expected = try EraExpectations.of(file) else { return }
            for doc in expected.documents {
                let shown = try #require(
                    try Self.json(["show", doc.n, "--json", "--width", "120", "--corpus", file.path]) as? [String: Any])
                let notes = shown["footnotes"] as? [[String: Any]] ?? []
                let place = "\(file.lastPathComponent) document \(doc.n)"
                #expect(notes.map { $0["label"] as? String ?? "?" } == doc.notes.map(\.label), "\(place): footnote labels")
                let text = shown["text"] as? String ?? ""
                if let miss = EraExpectations.firstMissing(doc.words, in: EraExpectations.words(text)) {
                    Issue.record("\(place): word \(miss.index) “\(miss.word)” missing in order (near “\(miss.near)”)")
                }
                let noteText = notes.map { $0["text"] as? String ?? "" }.joined(separator: " ")
                if let miss = EraExpectations.firstMissing(doc.notes.flatMap(\.words), in: EraExpectations.words(noteText)) {
                    Issue.record("\(place): footnote word “\(miss.word)” missing in order (near “\(miss.near)”)")
                }
                let lines = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
                for value in doc.frusValues where !value.isEmpty {
                    #expect(!lines.contains(value), "\(place): the frus: value “\(value)” printed bare")
                }
            }
        }
    }

    @Test func checkKnowsEveryElementAndWarnsOfNoLabelsOrEmptyVolumes() throws {
        guard !Self.volumes.isEmpty else { return print(Fixtures.sharedMissing) }
        for file in Self.volumes {
            let r = try FrusreadBinary.run(["check", "--corpus", file.path])
            #expect(!r.stdout.contains("does not know"), "\(file.lastPathComponent): \(r.stdout)")
            #expect(!r.stdout.contains("renumbered") && !r.stdout.contains("numbers repeat"), "\(file.lastPathComponent)")
            #expect(!r.stdout.contains("has no documents"), "\(file.lastPathComponent)")
        }
    }
}
