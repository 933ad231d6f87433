import ArgumentParser
import Foundation

/// The `frusread` command: the interactive reader by default, and scriptable subcommands that
/// share its model and layout.
@main
struct Frusread: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frusread",
        abstract: "Read Foreign Relations of the United States volumes in the terminal.",
        subcommands: [
            Read.self, List.self, Show.self, Links.self, Check.self, Volumes.self, Search.self, IndexCommand.self, Cite.self,
            Who.self, Keys.self, History.self, Notes.self, Export.self, Get.self,
        ],
        defaultSubcommand: Read.self)
}

extension Frusread {
    /// Runs the command; a `CLIError` becomes one line on stderr ("frusread: …") and its exit
    /// code, with no usage text or trace.
    static func main() {
        if let bad = NegativeDocumentArgument.find(in: Array(CommandLine.arguments.dropFirst())) {
            Output.error("\(bad) is not a document: expected \(DocumentChoice.form)")
            Foundation.exit(1)
        }
        do {
            var command = try FastArguments.command(Array(CommandLine.arguments.dropFirst())) ?? parseAsRoot()
            try command.run()
        } catch let e as CLIError {
            Output.error(e.message)
            Foundation.exit(e.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}

/// `show -1`, `links -1`: the argument parser takes "-1" for an unknown option and prints its
/// usage; a document argument that looks like a negative number gets one line instead.
enum NegativeDocumentArgument {
    /// Options of `show` and `links` whose value follows them.
    static let optionsWithValues: Set<String> = ["--width", "--volume", "--corpus"]

    static func find(in arguments: [String]) -> String? {
        guard let command = arguments.first, command == "show" || command == "links" else { return nil }
        var previous = ""
        for argument in arguments.dropFirst() {
            defer { previous = argument }
            if optionsWithValues.contains(previous) { continue }
            if argument == "--" { return nil }
            if argument.count > 1, argument.hasPrefix("-"), argument.dropFirst().first?.isNumber == true {
                return argument
            }
        }
        return nil
    }
}
