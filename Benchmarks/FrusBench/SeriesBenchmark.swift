import ArgumentParser
import Foundation

/// `frusread-bench series --volumes 400`: the whole FRUS series on one machine (issue 14) —
/// everything measured in one run, through the real binary as a user runs it.
///
/// Targets (issue 14, 400 volumes, 2 cores): build ≥ 60 MB/s; index ≤ 0.5× XML; query p50 ≤ 15 ms
/// and p95 ≤ 60 ms (CLI, with snippets); reader warm start to first frame ≤ 50 ms; `list
/// --volume ID` ≤ 20 ms; rare-word search ≥ 20× faster than `rg -l -i`; reader RSS after 20
/// volumes ≤ 400 MB.
struct SeriesBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Series scale: build, size, 20 queries, reader start, list, rg, reader memory.",
        discussion: """
            Generates --volumes distinct volumes of at least --size-mb MB (the shared partial \
            volume repeated, documents renumbered, ids frus1981-88v01…) into FOLDER/volumes unless \
            they are there, keeps them for later runs, and indexes them into FOLDER/cache. 400 \
            volumes take 3.3 GB of XML plus the index. Needs a release build of frusread beside \
            this program, rg, tmux and script on the PATH.
            """)

    @Option(help: "The partial volume to grow.") var source: String = TEIImportBenchmark.defaultSource
    @Option(help: "Volumes to generate (the series has about 550; the target is stated at 400).")
    var volumes = 400
    @Option(help: "Minimum size of each volume, in MB.") var sizeMb: Double = 8.2
    @Option(help: "Where the volumes (and the index) go.") var folder = "/tmp/frusread-series"
    @Option(help: "Timed runs of each query and command.") var runs = 5
    @Flag(help: "Keep the index there is instead of building it from scratch.") var keepIndex = false

    /// Fixed: rare words, common words, phrases, prefixes, OR, NOT.
    static let queries = [
        "Shcharanskiy", "Krasnoyarsk", "Zanzibarian", "Reykjavik", "Orlov",
        "the", "Soviet", "President", "United States", "Gorbachev",
        "\"Soviet Union\"", "\"arms control\"", "\"divided spouses\"", "nuclear*", "Shevard*",
        "Sakharov OR Orlov", "summit OR meeting", "summit -Geneva", "human rights NOT emigration", "Moscow embassy",
    ]
    static let rareWords = ["Shcharanskiy", "Krasnoyarsk", "Zanzibarian"]

    func run() throws {
        let corpus = folder + "/volumes"
        let cache = folder + "/cache"
        let xmlBytes = try SearchBenchmark.generateVolumes(into: corpus, count: volumes, sizeMb: sizeMb, source: source)
        let ids = (1...volumes).map { "frus1981-88v\(String(format: "%02d", $0))" }
        print(String(format: "series: %d volumes, %.1f MB of TEI in %@", volumes, Double(xmlBytes) / 1e6, corpus))
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(Self.loadAverage()) at start")
        setenv("XDG_CACHE_HOME", cache, 1)
        unsetenv("FRUSREAD_CORPUS")
        let frusread = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("frusread").path
        guard FileManager.default.isExecutableFile(atPath: frusread) else {
            throw ValidationError("no frusread beside this program (\(frusread)): swift build -c release first")
        }

        // 1. Index build from scratch, in its own process.
        var build = try ProcessMeasure.run(
            [frusread, "index", "--corpus", corpus] + (keepIndex ? [] : ["--rebuild"]), captureOutput: true)
        guard build.status == 0 else { throw ValidationError("index failed: \(build.output)") }
        print("  " + build.output.split(separator: "\n").prefix(2).joined(separator: "\n  "))
        if keepIndex { build.seconds = .nan }
        let indexFile = build.output.split(separator: "\n").first { $0.hasPrefix("index: ") }.map { String($0.dropFirst(7)) } ?? ""
        let indexBytes = (try? FileManager.default.attributesOfItem(atPath: indexFile)[.size] as? Int) ?? 0
        let buildRate = Double(xmlBytes) / 1e6 / build.seconds
        print(String(format: "index build: %.1f s wall, %.1f s CPU, %.1f MB/s (target ≥ 60)", build.seconds, build.cpuSeconds, buildRate))
        print(String(format: "index size: %.1f MB = %.2f× the XML (target ≤ 0.5)", Double(indexBytes) / 1e6,
                     Double(indexBytes) / Double(xmlBytes)))

        // 2. The 20 queries through the CLI, with snippets (warm index). Wall time, and the CPU
        // time of the process, which a machine busy with other work does not inflate.
        var samples: [Double] = []
        var cpuSamples: [Double] = []
        print("queries through the CLI (limit 20, snippets), median of \(runs) each, wall / CPU:")
        for q in Self.queries {
            var times: [Double] = []
            var cpu: [Double] = []
            var shown = 0
            for _ in 0..<runs {
                let r = try ProcessMeasure.run([frusread, "search", "--corpus", corpus, q], captureOutput: true)
                guard r.status == 0 else { throw ValidationError("search \(q) failed") }
                times.append(r.seconds)
                cpu.append(r.cpuSeconds)
                shown = r.output.split(separator: "\n").filter { $0.hasPrefix("    ") }.count
            }
            samples += times
            cpuSamples += cpu
            print("  " + Self.padded(q, 28) + String(format: "%7.1f / %6.1f ms  (%d shown)",
                ProcessMeasure.median(times) * 1000, ProcessMeasure.median(cpu) * 1000, shown))
        }
        print(String(format: "query p50 %.1f ms (target ≤ 15), p95 %.1f ms (target ≤ 60), wall, over %d runs",
                     Self.percentile(samples, 0.5) * 1000, Self.percentile(samples, 0.95) * 1000, samples.count))
        print(String(format: "query CPU p50 %.1f ms, p95 %.1f ms",
                     Self.percentile(cpuSamples, 0.5) * 1000, Self.percentile(cpuSamples, 0.95) * 1000))

        // 3. Reader, warm start to first frame, in a pseudo-terminal of 120×40 made here
        // (openpty): the reader's own start, nothing else timed. Measured through script(1)
        // too, as before, with script's own cost beside it (~20 ms: a process that forks a
        // shell that runs env that runs the reader).
        let env = "TERM=xterm-256color LINES=40 COLUMNS=120"
        var terminalEnvironment = ProcessInfo.processInfo.environment
        terminalEnvironment["TERM"] = "xterm-256color"
        terminalEnvironment["LINES"] = "40"
        terminalEnvironment["COLUMNS"] = "120"
        var direct: [Double] = []
        var directCPU: [Double] = []
        var reader: [Double] = []
        var readerCPU: [Double] = []
        var bare: [Double] = []
        for _ in 0..<runs {
            let d = try ProcessMeasure.runInTerminal(
                [frusread, "--exit-after-first-frame", "--corpus", corpus], environment: terminalEnvironment)
            guard d.status == 0 else { throw ValidationError("reader failed: \(d.output.suffix(300))") }
            direct.append(d.seconds)
            directCPU.append(d.cpuSeconds)
            let r = try ProcessMeasure.run(
                ["script", "-qec", "env \(env) \(frusread) --exit-after-first-frame --corpus \(corpus)", "/dev/null"],
                captureOutput: true)
            guard r.status == 0 else { throw ValidationError("reader failed: \(r.output.suffix(300))") }
            reader.append(r.seconds)
            readerCPU.append(r.cpuSeconds)
            bare.append(try ProcessMeasure.run(["script", "-qec", "true", "/dev/null"], captureOutput: true).seconds)
        }
        print(String(format: "reader warm start to first frame: %.1f ms median wall, %.1f ms CPU (its own pseudo-terminal; target ≤ 50)",
                     ProcessMeasure.median(direct) * 1000, ProcessMeasure.median(directCPU) * 1000))
        print(String(format: "  through script(1): %.1f ms wall, %.1f ms CPU (script(1) alone %.1f ms)",
                     ProcessMeasure.median(reader) * 1000, ProcessMeasure.median(readerCPU) * 1000, ProcessMeasure.median(bare) * 1000))

        // 4. `list --volume ID`, warm.
        var list: [Double] = []
        var listCPU: [Double] = []
        var listed = 0
        for i in 0..<runs {
            let id = ids[(i * 37) % ids.count]
            let r = try ProcessMeasure.run([frusread, "list", "--corpus", corpus, "--volume", id], captureOutput: true)
            guard r.status == 0 else { throw ValidationError("list failed") }
            list.append(r.seconds)
            listCPU.append(r.cpuSeconds)
            listed = r.output.split(separator: "\n").count
        }
        print(String(format: "list --volume ID: %.1f ms median wall, %.1f ms CPU, %d lines (target ≤ 20)",
                     ProcessMeasure.median(list) * 1000, ProcessMeasure.median(listCPU) * 1000, listed))

        // 5. Rare words: frusread search beside rg -l -i, alternating (rg stops at a file's
        // first match: the comparison means something only for rare words).
        print("rare words, frusread search vs rg -l -i, median of \(runs):")
        for word in Self.rareWords {
            var ours: [Double] = []
            var theirs: [Double] = []
            var oursCPU: [Double] = []
            var theirsCPU: [Double] = []
            for _ in 0..<runs {
                let a = try ProcessMeasure.run([frusread, "search", "--corpus", corpus, word], captureOutput: true)
                let b = try ProcessMeasure.run(["rg", "-l", "-i", word, corpus], captureOutput: true)
                ours.append(a.seconds)
                oursCPU.append(a.cpuSeconds)
                theirs.append(b.seconds)
                theirsCPU.append(b.cpuSeconds)
            }
            let (a, b) = (ProcessMeasure.median(ours), ProcessMeasure.median(theirs))
            let (ac, bc) = (ProcessMeasure.median(oursCPU), ProcessMeasure.median(theirsCPU))
            print("  " + Self.padded(word, 14) + String(format: "search %7.1f ms (CPU %.1f)   rg %8.1f ms (CPU %.1f)   %6.1f× wall (target ≥ 20×)",
                a * 1000, ac * 1000, b * 1000, bc * 1000, b / a))
        }

        // 6. Reader memory after opening 20 volumes (tmux, `:d VOLUME/N` for each).
        if let rss = try readerRSS(frusread: frusread, corpus: corpus, ids: Array(ids.prefix(20))) {
            print(String(format: "reader after opening 20 volumes: RSS %.0f MB, peak %.0f MB (target ≤ 400)",
                         Double(rss.current) / 1e6, Double(rss.peak) / 1e6))
        } else {
            print("reader memory: not measured (tmux missing or the reader did not start)")
        }
        print("load average at the end: \(Self.loadAverage())")
    }

    /// Opens the reader in a private tmux server, visits document 130 of each volume in turn
    /// and reads the reader's resident memory from /proc.
    private func readerRSS(frusread: String, corpus: String, ids: [String]) throws -> (current: Int, peak: Int)? {
        let socket = folder + "/tmux-\(getpid())"
        func tmux(_ args: [String]) throws -> ProcessMeasure.Result {
            try ProcessMeasure.run(["tmux", "-S", socket] + args, captureOutput: true)
        }
        defer { _ = try? ProcessMeasure.run(["tmux", "-S", socket, "kill-server"]) }
        let command = "env TERM=tmux-256color LANG=C.UTF-8 XDG_CACHE_HOME=\(folder)/cache "
            + "XDG_STATE_HOME=\(folder)/state XDG_DATA_HOME=\(folder)/data XDG_CONFIG_HOME=\(folder)/config "
            + "\(frusread) --corpus \(corpus)"
        // Started through sh with its output to /dev/null: the tmux server stays running and
        // would otherwise hold the pipe a captured run reads to its end.
        let start = "tmux -S '\(socket)' -f /dev/null new-session -d -x 120 -y 40 \"\(command)\" >/dev/null 2>&1 </dev/null"
        guard try ProcessMeasure.run(["sh", "-c", start]).status == 0 else { return nil }
        usleep(1_500_000)
        let panePID = try tmux(["display", "-p", "#{pane_pid}"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = Int(panePID) else { return nil }
        // `env` execs the reader: the pane's process is the reader itself.
        for id in ids {
            _ = try ProcessMeasure.run(["tmux", "-S", socket, "send-keys", "-l", ":d \(id)/130"])
            _ = try ProcessMeasure.run(["tmux", "-S", socket, "send-keys", "Enter"])
            usleep(400_000)
        }
        usleep(1_000_000)
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        func kb(_ key: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return -1 }
            return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1) * 1024
        }
        return (kb("VmRSS:"), kb("VmHWM:"))
    }

    static func padded(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }

    static func percentile(_ xs: [Double], _ p: Double) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return .nan }
        return s[min(s.count - 1, Int((Double(s.count - 1) * p).rounded()))]
    }

    static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
    }
}
