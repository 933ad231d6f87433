import ArgumentParser
import Foundation

/// `frusread-bench who`: `frusread who` over the generated volumes of `search` (each with the
/// partial volume's 208 persons and 181 terms) with a warm index: its lists and who-mentions-whom
/// come from the outline rows, no XML is read. Target < 50 ms.
struct WhoBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who", abstract: "Time `frusread who` over generated volumes with a warm index.")

    @Option(help: "Volumes to generate (as `search` does).") var volumes = 50
    @Option(help: "Minimum size of each volume, in MB.") var sizeMb: Double = 8.2
    @Option(help: "Where the volumes go (shared with `search`); the index goes to FOLDER/cache.")
    var folder = "/tmp/frusread-search-bench"
    @Option(help: "Timed runs of each query (the median is reported).") var runs = 15

    static let queries = ["Gorbachev", "INF", "p_SGP_1", "zzz"]

    func run() throws {
        let corpusFolder = folder + "/volumes"
        let bytes = try SearchBenchmark.generateVolumes(
            into: corpusFolder, count: volumes, sizeMb: sizeMb, source: TEIImportBenchmark.defaultSource)
        print(String(format: "corpus: %d volumes, %.1f MB of TEI in %@", volumes, Double(bytes) / 1e6, corpusFolder))
        setenv("XDG_CACHE_HOME", folder + "/cache", 1)
        unsetenv("FRUSREAD_CORPUS")
        let frusread = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("frusread").path
        guard FileManager.default.isExecutableFile(atPath: frusread) else {
            throw ValidationError("no frusread beside this program (\(frusread)): swift build -c release first")
        }
        let index = try ProcessMeasure.run([frusread, "index", "--corpus", corpusFolder], captureOutput: true)
        guard index.status == 0 else { throw ValidationError("index failed: \(index.output)") }
        print(String(format: "index brought up to date in %.1f s", index.seconds))
        print("warm frusread who QUERY --json, median of \(runs):")
        for query in Self.queries {
            var times: [Double] = []
            var entries = 0
            for _ in 0..<runs {
                let r = try ProcessMeasure.run([frusread, "who", query, "--json", "--corpus", corpusFolder], captureOutput: true)
                times.append(r.seconds)
                entries = r.output.components(separatedBy: "\"kind\"").count - 1
            }
            print(String(format: "  %-10@ %6.1f ms  (%d entries)", query as NSString, ProcessMeasure.median(times) * 1000, entries))
        }
    }
}
