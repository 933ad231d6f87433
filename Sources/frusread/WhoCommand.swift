import ArgumentParser
import Foundation
import FrusModel

/// `frusread who QUERY`: persons and terms of the volumes' lists whose name, abbreviation or id
/// matches, with the documents mentioning each. With a warm search index no XML is read: each
/// volume's lists and who-mentions-whom are stored with its outline.
struct Who: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who", abstract: "Look up persons and terms: name, description, documents mentioning them.")

    @OptionGroup var options: CorpusOptions
    @Argument(help: "A name, part of one, an abbreviation or an id (\"Dobrynin\", \"INF\", \"p_DAF_1\").") var query: String
    @Option(help: "Only this volume.") var volume: String?
    @Flag(help: "JSON: [{\"kind\",\"volume\",\"id\",\"name\",\"description\",\"documents\"}].") var json = false

    struct Entry {
        var kind: String
        var volume: String
        var id: String
        var name: String
        var description: String
        var documents: [String]

        var json: JSONValue {
            .object([
                ("kind", .string(kind)), ("volume", .string(volume)), ("id", .string(id)), ("name", .string(name)),
                ("description", .string(description)), ("documents", .array(documents.map(JSONValue.string))),
            ])
        }
    }

    func run() throws {
        let (corpus, _) = try options.openWithExistingIndex()
        if let volume, corpus.source(volume) == nil {
            throw CLIError("no volume \(volume) in \(corpus.location); it has \(DocumentChoice.summary(corpus.volumeIDs))")
        }
        let ids = volume.map { [$0] } ?? corpus.volumeIDs
        let entries = ids.compactMap { corpus.apparatus(ofVolume: $0) }.flatMap { Self.matches(query, in: $0) }
        Output.warnings(corpus)
        if json { return Output.json(.array(entries.map(\.json))) }
        if entries.isEmpty {
            throw CLIError("no person or term matches “\(query)”", exitCode: 1)
        }
        for e in entries {
            Output.line(Output.safe("\(e.volume)  \(e.id)  \(e.name) — \(e.description)"))
            Output.line(Output.safe("    \(e.documents.isEmpty ? "mentioned in no document" : "documents: " + e.documents.joined(separator: ", "))"))
        }
    }

    /// The entries of `a` matching `query`: the id exactly, or the name (a person's) or the
    /// abbreviation (a term's) containing it, case and accents aside. Persons first, by name.
    static func matches(_ query: String, in a: VolumeApparatus) -> [Entry] {
        let needle = fold(query.trimmingSpaces)
        guard !needle.isEmpty else { return [] }
        let needleBytes = Array(needle.utf8)
        func hit(id: String, name: String) -> Bool {
            id.lowercased() == needle || contains(name, needle, needleBytes)
        }
        var out: [Entry] = []
        for p in a.persons where hit(id: p.id, name: p.name) {
            out.append(Entry(
                kind: "person", volume: a.volumeID, id: p.id, name: p.name, description: p.description,
                documents: a.mentionedIn[.person(p.id)] ?? []))
        }
        for t in a.terms where hit(id: t.id, name: t.term) {
            out.append(Entry(
                kind: "term", volume: a.volumeID, id: t.id, name: t.term, description: t.description,
                documents: a.mentionedIn[.term(t.id)] ?? []))
        }
        return out
    }

    /// Lower case, accents dropped: "gromyko" finds "Gromyko".
    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Whether `name`, folded, holds the folded needle. ASCII names (nearly all) are compared
    /// byte by byte: Foundation's folding of every name of 50 volumes cost most of `who`'s time.
    static func contains(_ name: String, _ needle: String, _ needleBytes: [UInt8]) -> Bool {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return fold(name).contains(needle) }
        let hay = Array(name.utf8)
        guard needleBytes.count <= hay.count else { return false }
        @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
        for start in 0...(hay.count - needleBytes.count) {
            var i = 0
            while i < needleBytes.count, lower(hay[start + i]) == needleBytes[i] { i += 1 }
            if i == needleBytes.count { return true }
        }
        return false
    }
}
