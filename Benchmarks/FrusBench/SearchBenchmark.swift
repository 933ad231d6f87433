import ArgumentParser
import Foundation
import FrusFind
import FrusImport
import FrusSearch

/// `frusread-bench search`: the full-text index on a generated corpus of full-size volumes —
/// build speed, query time with snippets, warm `frusread list`, and `frusread search` beside
/// `rg -l -i` on the same files. Targets: ≥ 50 MB/s, ≤ 20 ms, ≤ 50 ms, ≥ 10× faster than rg.
struct SearchBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Time index build, queries, warm list and search vs ripgrep on generated volumes.",
        discussion: """
            Generates --volumes volumes of at least --size-mb MB each from the shared partial \
            volume (ids frus1981-88v01…, documents renumbered) into --folder, unless they are \
            there already, and keeps them for later runs. The index goes to FOLDER/cache. \
            Needs a release build of frusread beside this program and rg on the PATH.
            """)

    @Option(help: "The partial volume to grow.") var source: String = TEIImportBenchmark.defaultSource
    @Option(help: "Volumes to generate.") var volumes = 50
    @Option(help: "Minimum size of each volume, in MB.") var sizeMb: Double = 8.2
    @Option(help: "Where the volumes (and the index) go.") var folder = "/tmp/frusread-search-bench"
    @Option(help: "Timed runs of each query and command (the median is reported).") var runs = 15
    @Option(help: "Index builds to time (each from scratch); 0 keeps the index there is.") var builds = 1

    static let queries = [
        "Shcharanskiy", "Krasnoyarsk", "Geneva", "Gorbachev", "\"divided spouses\"", "arms control",
        "Sakharov OR Orlov", "summit -Geneva", "nuclear*", "the",
    ]
    // rg -l stops reading a file at its first match: words found early in every volume favour it;
    // a word in no volume (the last) makes it read everything.
    static let commandWords = ["Shcharanskiy", "Krasnoyarsk", "Reykjavik", "Geneva", "Zanzibarian"]

    func run() throws {
        let corpusFolder = folder + "/volumes"
        let cache = folder + "/cache"
        let bytes = try Self.generateVolumes(into: corpusFolder, count: volumes, sizeMb: sizeMb, source: source)
        let megabytes = Double(bytes) / 1e6
        print(String(format: "corpus: %d volumes, %.1f MB of TEI in %@", volumes, megabytes, corpusFolder))
        setenv("XDG_CACHE_HOME", cache, 1)
        unsetenv("FRUSREAD_CORPUS")
        let frusread = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("frusread").path
        guard FileManager.default.isExecutableFile(atPath: frusread) else {
            throw ValidationError("no frusread beside this program (\(frusread)): swift build -c release first")
        }

        // 1. Index build, from scratch, in its own process (as a user runs it).
        var buildTimes: [Double] = []
        for _ in 0..<max(0, builds) {
            let r = try ProcessMeasure.run([frusread, "index", "--rebuild", "--corpus", corpusFolder], captureOutput: true)
            guard r.status == 0 else { throw ValidationError("index failed: \(r.output)") }
            buildTimes.append(r.seconds)
            print("  " + (r.output.split(separator: "\n").first.map(String.init) ?? ""))
        }
        let indexFile = SearchIndex(corpusPath: corpusFolder).file ?? "?"
        let indexSize = (try? FileManager.default.attributesOfItem(atPath: indexFile)[.size] as? Int) ?? 0
        if !buildTimes.isEmpty {
            let build = ProcessMeasure.median(buildTimes)
            print(String(format: "index build: %.2f s for %.1f MB = %.1f MB/s (target ≥ 50); index %.1f MB",
                         build, megabytes, megabytes / build, Double(indexSize) / 1e6))
        }

        // 2. Queries with snippets, in process, on the warm index.
        let index = SearchIndex(corpusPath: corpusFolder)
        let corpus = try CorpusLoader.open(corpusFolder, headers: index.headers)
        try index.update(corpus)
        var all: [Double] = []
        print("queries (limit 20, with snippets), median of \(runs):")
        for text in Self.queries {
            let query = try SearchQuery(parsing: text)
            var times: [Double] = []
            var hits = 0
            for _ in 0..<runs {
                let t0 = ProcessMeasure.now()
                hits = try index.search(query, limit: 20, in: corpus).count
                times.append(ProcessMeasure.now() - t0)
            }
            let total = try index.count(query, in: corpus)
            all += times
            print(String(format: "  %-22@ %7.2f ms  (%d shown of %d)", text as NSString, ProcessMeasure.median(times) * 1000, hits, total))
        }
        print(String(format: "query median over all: %.2f ms (target ≤ 20)", ProcessMeasure.median(all) * 1000))

        // 3. Warm start of `frusread list` (whole corpus, output discarded).
        var listTimes: [Double] = []
        var listLines = 0
        for _ in 0..<runs {
            let r = try ProcessMeasure.run([frusread, "list", "--corpus", corpusFolder], captureOutput: true)
            guard r.status == 0 else { throw ValidationError("list failed") }
            listTimes.append(r.seconds)
            listLines = r.output.split(separator: "\n").count
        }
        print(String(format: "warm frusread list: %.1f ms median for %d documents (target ≤ 50)",
                     ProcessMeasure.median(listTimes) * 1000, listLines))

        // 4. `frusread search WORD` beside `rg -l -i WORD`, alternating, same files.
        print("frusread search vs rg -l -i (median of \(runs), alternating):")
        for word in Self.commandWords {
            var ours: [Double] = []
            var theirs: [Double] = []
            for _ in 0..<runs {
                let a = try ProcessMeasure.run([frusread, "search", "--corpus", corpusFolder, word], captureOutput: true)
                guard a.status == 0 else { throw ValidationError("search failed") }
                ours.append(a.seconds)
                let b = try ProcessMeasure.run(["rg", "-l", "-i", word, corpusFolder], captureOutput: true)
                theirs.append(b.seconds)
            }
            let (m1, m2) = (ProcessMeasure.median(ours), ProcessMeasure.median(theirs))
            print(String(format: "  %-14@ frusread search %7.1f ms   rg -l -i %7.1f ms   %5.1f× faster",
                         word as NSString, m1 * 1000, m2 * 1000, m2 / m1))
        }
    }

    /// Writes the volumes that are missing; returns the corpus size in bytes. Ids
    /// frus1981-88v01…v99, then v100… (three digits) for larger series.
    static func generateVolumes(into dir: String, count volumes: Int, sizeMb: Double, source: String) throws -> Int {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var generator: TEIVolumeGenerator?
        var total = 0
        for i in 1...volumes {
            let id = "frus1981-88v\(String(format: "%02d", i))"
            if i % 25 == 0 { FileHandle.standardError.write(Data("generated \(i)/\(volumes) volumes\n".utf8)) }
            let path = "\(dir)/\(id).xml"
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
                Double(size) >= sizeMb * 1e6
            {
                total += size
                continue
            }
            if generator == nil {
                guard let data = FileManager.default.contents(atPath: source) else {
                    throw ValidationError("cannot read \(source) (pass --source)")
                }
                generator = TEIVolumeGenerator(source: [UInt8](data))
            }
            let bytes = try generator!.generate(minimumBytes: Int(sizeMb * 1e6), volumeID: id)
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                throw ValidationError("cannot write \(path)")
            }
            total += bytes.count
        }
        return total
    }
}
