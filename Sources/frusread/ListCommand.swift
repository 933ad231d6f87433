import ArgumentParser
import FrusModel
import FrusSearch

/// `frusread list`: one document per line — volume, number, date, title. With `--all`, the
/// sections of the front and back matter too.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the documents of the corpus.")

    @OptionGroup var options: CorpusOptions
    @Option(help: "Only this volume.") var volume: String?
    @Flag(help: "Also the sections of the front and back matter (preface, persons, index …).") var all = false
    @Flag(help: "JSON: [{\"volume\",\"number\",\"title\",\"date\",\"kind\"}].") var json = false

    struct Entry {
        var volume: String
        var number: String
        var title: String
        var date: String?
        var kind: DocumentKind
        var json: JSONValue {
            .object([
                ("volume", .string(volume)), ("number", .string(number)), ("title", .string(title)),
                ("date", JSONValue(date)), ("kind", .string(kind.rawValue)),
            ])
        }
    }

    func run() throws {
        // A warm search index lists unchanged volumes without parsing them; it is not built here.
        let (corpus, _) = try options.openWithExistingIndex()
        if let volume, corpus.source(volume) == nil {
            throw CLIError("no volume \(volume) in \(corpus.location); it has \(DocumentChoice.summary(corpus.volumeIDs))")
        }
        let ids = volume.map { [$0] } ?? corpus.volumeIDs
        let outlines = ids.compactMap { corpus.outline(ofVolume: $0) }
        Output.warnings(corpus)
        // Nothing readable is a failure, not an empty listing: a script must not take it for
        // an empty, healthy corpus (as `check` exits 1).
        if outlines.isEmpty { throw CLIError(NothingReadable.message(corpus, volume: volume)) }
        let all = self.all
        func listed(_ outline: VolumeOutline) -> [DocumentSummary] {
            all ? outline.documents : outline.documents.filter { $0.kind == .document }
        }
        if json {
            return Output.json(.array(outlines.flatMap { outline in
                listed(outline).map {
                    Entry(volume: outline.id, number: $0.number, title: $0.title, date: $0.date, kind: $0.kind).json
                }
            }))
        }
        var rows = Output.Rows(reservingRows: outlines.reduce(0) { $0 + $1.documents.count })
        for outline in outlines {
            for d in listed(outline) { rows.add(outline.id, d.number, d.date ?? "-", d.title) }
        }
        Output.write(rows)
    }
}

/// `frusread volumes`: the volumes of the corpus, without reading their documents.
struct Volumes: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "volumes", abstract: "List the volumes of the corpus.")

    @OptionGroup var options: CorpusOptions
    @Flag(help: "JSON: [{\"id\",\"title\",\"format\",\"path\"}].") var json = false

    struct Entry {
        var id: String
        var title: String
        var format: String
        var path: String
        var json: JSONValue {
            .object([("id", .string(id)), ("title", .string(title)), ("format", .string(format)), ("path", .string(path))])
        }
    }

    func run() throws {
        let (corpus, _) = try options.openWithExistingIndex()
        let entries = corpus.sources.map {
            Entry(id: $0.id, title: corpus.title(ofVolume: $0.id) ?? $0.id, format: $0.format, path: $0.path)
        }
        Output.warnings(corpus)
        if entries.isEmpty { throw CLIError(NothingReadable.message(corpus, volume: nil)) }
        if json { return Output.json(.array(entries.map(\.json))) }
        for e in entries { Output.row(e.id, e.title) }
    }
}

/// Why a listing is empty, for `list` and `volumes`, which then exit 1.
enum NothingReadable {
    static func message(_ corpus: Corpus, volume: String?) -> String {
        if let volume { return "volume \(volume) cannot be read" }
        if corpus.sources.isEmpty { return "no volume in \(corpus.location) can be read (see above)" }
        if corpus.sources.count == 1 { return "the only volume in \(corpus.location) cannot be read (see above)" }
        return "none of the \(corpus.sources.count) volumes in \(corpus.location) can be read (see above)"
    }
}
