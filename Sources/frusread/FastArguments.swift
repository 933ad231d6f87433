import ArgumentParser

/// The command lines run most often, and timed against targets — `frusread search …`,
/// `frusread list …` and the reader (`frusread [read] --corpus PATH …`) — read without ArgumentParser's general
/// parser, which looks up the type of every option of every subcommand through the Swift
/// runtime's metadata: about a tenth of a search's time on 400 volumes (issue 14).
///
/// Only plain forms are taken: the options spelled out (`--limit 5`, not `--limit=5`), each
/// once, values not beginning with `-`, words not beginning with `-`; and the command must
/// pass its own `validate()`. Anything else (`--help`, `-Geneva`, `--corpus=…`, a reader path,
/// a mistake) is left to ArgumentParser, so its messages and meanings stay the only ones.
enum FastArguments {
    static func command(_ arguments: [String]) -> (any ParsableCommand)? {
        var command: (any ParsableCommand)?
        switch arguments.first {
        case nil: command = read([])
        case "search": command = search(Array(arguments.dropFirst()))
        case "list": command = list(Array(arguments.dropFirst()))
        case "read": command = read(Array(arguments.dropFirst()))
        case let first? where first.hasPrefix("--"): command = read(arguments)
        default: return nil  // another subcommand, a path, nothing: ArgumentParser decides
        }
        guard var chosen = command else { return nil }
        do {
            try chosen.validate()
        } catch {
            return nil  // ArgumentParser parses it again and says what is wrong, as always
        }
        return chosen
    }

    /// `search` with `--corpus PATH`, `--limit N`, `--json`, `--count` and query words.
    static func search(_ arguments: [String]) -> Search? {
        var reader = OptionReader(arguments)
        var corpus: String?
        var limit: Int?
        var json = false
        var count = false
        var query: [String] = []
        while let argument = reader.next() {
            switch argument {
            case "--corpus": guard corpus == nil, let v = reader.value() else { return nil }; corpus = v
            case "--limit": guard limit == nil, let v = reader.value(), let n = Int(v) else { return nil }; limit = n
            case "--json": guard !json else { return nil }; json = true
            case "--count": guard !count else { return nil }; count = true
            default:
                guard !argument.hasPrefix("-") else { return nil }
                query.append(argument)
            }
        }
        var options = CorpusOptions()
        options.corpus = corpus
        var command = Search()
        command.options = options
        command.limit = limit ?? 20
        command.json = json
        command.count = count
        command.query = query
        return command
    }

    /// `list` with `--corpus PATH`, `--volume ID`, `--all`, `--json`.
    static func list(_ arguments: [String]) -> List? {
        var reader = OptionReader(arguments)
        var corpus: String?
        var volume: String?
        var all = false
        var json = false
        while let argument = reader.next() {
            switch argument {
            case "--corpus": guard corpus == nil, let v = reader.value() else { return nil }; corpus = v
            case "--volume": guard volume == nil, let v = reader.value() else { return nil }; volume = v
            case "--all": guard !all else { return nil }; all = true
            case "--json": guard !json else { return nil }; json = true
            default: return nil
            }
        }
        var options = CorpusOptions()
        options.corpus = corpus
        var command = List()
        command.options = options
        command.volume = volume
        command.all = all
        command.json = json
        return command
    }

    /// The reader with options only (`--corpus`, `--theme`, `--at`, `--command`,
    /// `--exit-after-first-frame`); a path argument is left to ArgumentParser (a word may be a
    /// subcommand's name).
    static func read(_ arguments: [String]) -> Read? {
        var reader = OptionReader(arguments)
        var corpus: String?
        var theme: String?
        var at: String?
        var commands: [String] = []
        var exitAfterFirstFrame = false
        while let argument = reader.next() {
            switch argument {
            case "--corpus": guard corpus == nil, let v = reader.value() else { return nil }; corpus = v
            case "--theme": guard theme == nil, let v = reader.value() else { return nil }; theme = v
            case "--at": guard at == nil, let v = reader.value() else { return nil }; at = v
            case "--command": guard let v = reader.value() else { return nil }; commands.append(v)
            case "--exit-after-first-frame": guard !exitAfterFirstFrame else { return nil }; exitAfterFirstFrame = true
            default: return nil
            }
        }
        var options = CorpusOptions()
        options.corpus = corpus
        var command = Read()
        command.path = nil
        command.options = options
        command.theme = theme
        command.at = at
        command.commands = commands
        command.exitAfterFirstFrame = exitAfterFirstFrame
        return command
    }

    /// Arguments one by one; an option's value is the next argument unless it begins with `-`.
    struct OptionReader {
        private let arguments: [String]
        private var index = 0
        init(_ arguments: [String]) { self.arguments = arguments }

        mutating func next() -> String? {
            guard index < arguments.count else { return nil }
            defer { index += 1 }
            return arguments[index]
        }

        mutating func value() -> String? {
            guard index < arguments.count, !arguments[index].hasPrefix("-") else { return nil }
            defer { index += 1 }
            return arguments[index]
        }
    }
}
