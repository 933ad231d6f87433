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
            Read.self, List.self, Show.self, Links.self, Check.self, Volumes.self, Search.self, IndexCommand.self,
            Export.self, Get.self,
        ],
        defaultSubcommand: Read.self)
}

extension Frusread {
    /// Runs the command; a `CLIError` becomes one line on stderr ("frusread: …") and its exit
    /// code, with no usage text or trace.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let e as CLIError {
            Output.error(e.message)
            Foundation.exit(e.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
