import ArgumentParser
import Foundation
import Synchronization
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
        // Only matching entries are made from the index's stored lists (the others are judged
        // on their bytes and skipped).
        let filter = Self.filter(query)
        // Volumes read side by side (the corpus and the index are safe to share): inflating
        // each volume's stored lists is most of the time.
        let found = Mutex([VolumeApparatus?](repeating: nil, count: ids.count))
        DispatchQueue.concurrentPerform(iterations: ids.count) { i in
            let a = corpus.apparatus(ofVolume: ids[i], keeping: filter)
            found.withLock { $0[i] = a }
        }
        let entries = found.withLock { $0 }.compactMap { $0 }.flatMap { Self.matches(query, in: $0) }
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
        let filter = filter(query)
        func hit(id: String, name: String) -> Bool { filter.keeps(id: id, label: name) }
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

    /// What matches `query`: the id exactly, or a name or abbreviation holding it, case and
    /// accents aside. Judged on stored bytes, so that entries that do not match are never made.
    static func filter(_ query: String) -> EntryFilter {
        let needle = fold(query.trimmingSpaces)
        let needleBytes = Array(needle.utf8)
        return EntryFilter { id, label in
            guard !needleBytes.isEmpty else { return false }
            return equalsFolded(id, needle, needleBytes) || contains(label, needle, needleBytes)
        }
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }

    /// Whether the id, lower-cased, is the needle.
    static func equalsFolded(_ id: UnsafeRawBufferPointer, _ needle: String, _ needleBytes: [UInt8]) -> Bool {
        guard id.allSatisfy({ $0 < 0x80 }) else { return String(decoding: id, as: UTF8.self).lowercased() == needle }
        return id.count == needleBytes.count && zip(id, needleBytes).allSatisfy { lower($0) == $1 }
    }

    /// Whether `name`, folded, holds the folded needle. ASCII names (nearly all) are compared
    /// byte by byte: Foundation's folding of every name of 50 volumes cost most of `who`'s time.
    static func contains(_ name: UnsafeRawBufferPointer, _ needle: String, _ needleBytes: [UInt8]) -> Bool {
        guard name.allSatisfy({ $0 < 0x80 }) else { return fold(String(decoding: name, as: UTF8.self)).contains(needle) }
        guard needleBytes.count <= name.count else { return false }
        for start in 0...(name.count - needleBytes.count) {
            var i = 0
            while i < needleBytes.count, lower(name[start + i]) == needleBytes[i] { i += 1 }
            if i == needleBytes.count { return true }
        }
        return false
    }
}
