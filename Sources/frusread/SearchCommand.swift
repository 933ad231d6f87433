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
    @Flag(help: "Say how many documents match in all when the list is cut (costs a pass over every match).")
    var count = false
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
            // Counting every match of a common word reads its whole list (a pass over a third
            // of a million documents in the series): only when asked.
            if !count {
                Output.line("(the first \(hits.count); --limit N for more, --count for how many match)")
            } else if case let total = try index.count(parsed, in: corpus), total > hits.count {
                Output.line("(\(hits.count) of \(total) documents; --limit N for more)")
            }
        }
    }
}
