import ArgumentParser

/// Benchmarks, run on a release build; figures go in the README. Not tests: nothing here
/// asserts a time. Each benchmark is a subcommand in a file of its own.
struct FrusBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frusread-bench",
        abstract: "Measure frusread's speed and memory (use a release build).",
        subcommands: benchmarks)
}

/// The benchmarks; add yours here.
let benchmarks: [ParsableCommand.Type] = [
    ImportBenchmark.self,
    LayoutBenchmark.self,
    TEIImportBenchmark.self,
    KeypressBenchmark.self,
    SearchBenchmark.self,
    WhoBenchmark.self,
    PersonsOverlayBenchmark.self,
    SeriesBenchmark.self,
]

FrusBench.main()
