import ArgumentParser

/// The `frusread` command: the interactive reader by default, and scriptable subcommands that
/// share its model and layout.
@main
struct Frusread: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frusread",
        abstract: "Read Foreign Relations of the United States volumes in the terminal.",
        subcommands: [Read.self],
        defaultSubcommand: Read.self)
}
