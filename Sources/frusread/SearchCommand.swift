import ArgumentParser
import FrusFind
import FrusModel
import FrusSearch

/// `frusread search QUERY`: the documents of the corpus matching a query, best first, each with
/// a snippet around the match. Builds or updates the index first when needed.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search every volume of the corpus (body and footnotes).",
        discussion: """
            Words must all occur; "a phrase" in quotes; prefix* for words beginning so; OR between \
            two terms; NOT word or -word to exclude. Case and accents do not matter. Matches are \
            shown in [brackets]. The index is kept in $XDG_CACHE_HOME/frusread (~/.cache/frusread).
            """)

    @OptionGroup var options: CorpusOptions
    @Option(help: "At most this many results.") var limit = 20
    @Flag(help: "JSON: [{\"volume\",\"number\",\"title\",\"snippet\",\"score\"}].") var json = false
    @Argument(parsing: .allUnrecognized, help: "The query (several words are all required).")
    var query: [String] = []

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        guard !query.isEmpty else { throw ValidationError("missing the query, e.g. frusread search Shcharanskiy") }
    }

    func run() throws {
        let parsed: SearchQuery
        do {
            parsed = try SearchQuery(parsing: query.joined(separator: " "))
        } catch {
            throw CLIError("\(error)")
        }
        let (corpus, index) = try options.openIndexed()
        try IndexCommand.update(index, corpus)
        let hits = try index.search(parsed, limit: limit, in: corpus)
        if json {
            return Output.json(.array(hits.map {
                .object([
                    ("volume", .string($0.volumeID)), ("number", .string($0.number)), ("title", .string($0.title)),
                    ("snippet", .string($0.snippet.marked())), ("score", .double($0.score)),
                ])
            }))
        }
        for hit in hits {
            Output.row(hit.volumeID, hit.number, hit.title)
            Output.line("    " + Output.safe(hit.snippet.marked()))
        }
        if hits.isEmpty {
            Output.line("no document matches")
        } else if hits.count == limit {
            // Counting every match costs as much as the search: only when the list was cut.
            let total = try index.count(parsed, in: corpus)
            if total > hits.count { Output.line("(\(hits.count) of \(total) documents; --limit N for more)") }
        }
    }
}
