import ArgumentParser

/// `frusread keys`: the keymap in force (config.toml's `[keys]` over the standard keys).
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the reader's keys: each action's name, its keys and what it does (config.toml's [keys] applied).")

    func run() throws {
        let settings = UserSettings()
        for warning in settings.warnings { Output.error(warning) }
        for line in settings.keymap.table { Output.line(line) }
    }
}
