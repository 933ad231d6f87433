import ArgumentParser

/// The interactive reader (the default command): `frusread [PATH]`.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Open the interactive reader (the default).")

    @Argument(help: "A corpus folder or a FRUS TEI volume file.")
    var path: String?

    @OptionGroup var options: CorpusOptions

    func run() throws {
        // The terminal reader is wired in by the interactive-reader work.
        print("frusread: the interactive reader is not built yet; try `frusread show`")
        throw ExitCode(2)
    }
}
