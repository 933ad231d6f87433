import ArgumentParser
import Foundation
import FrusModel
import FrusTEI

/// `frusread-bench tei-import`: generates a full-size volume from the shared partial volume and
/// times the TEI importer on it, side by side with `xmllint --noout` on the same file.
struct TEIImportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tei-import",
        abstract: "Time the TEI importer on a generated full-size volume, beside xmllint --noout.",
        discussion: """
            Generates a volume of at least --size-mb MB from the partial volume (documents \
            repeated with renumbered ids, numbers, pages and references), then runs, --runs times \
            each and alternating: the importer in this process, the importer in a child process \
            (for its peak memory), and xmllint --noout. Reports medians, MB/s and peak RSS. \
            With --folder N it also writes a folder of N such volumes (distinct ids) and stops.
            """)

    @Option(help: "The partial volume to grow (default: ../shared/frus/frus1981-88v05-partial.xml beside the package).")
    var source: String?

    @Option(help: "Minimum size of the generated volume, in MB.")
    var sizeMb: Double = 8

    @Option(help: "Runs of each measurement (the median is reported).")
    var runs: Int = 15

    @Option(help: "Where to write the volume (default: a new temporary folder, removed afterwards).")
    var output: String?

    @Option(help: "Write a folder of this many volumes to --output (or a temporary folder, kept) and stop.")
    var folder: Int?

    @Option(help: "Import this file once and print the peak RSS in bytes (used internally for a clean memory figure).")
    var measureOnce: String?

    func run() throws {
        if let measureOnce {
            let load = try TEIImporter.read(path: measureOnce)
            print("documents=\(load.volume.documents.count) rss=\(ProcessMeasure.selfPeakRSS())")
            fflush(nil)
            // Like the reader, which keeps its volumes until it quits: no time spent freeing.
            withExtendedLifetime(load) { Foundation.exit(0) }
        }
        let sourcePath = source ?? Self.defaultSource
        guard let data = FileManager.default.contents(atPath: sourcePath) else {
            throw ValidationError("cannot read \(sourcePath) (pass --source)")
        }
        let generator = TEIVolumeGenerator(source: [UInt8](data))
        let minimum = Int(sizeMb * 1_000_000)

        if let count = folder {
            let dir = output ?? NSTemporaryDirectory() + "frusread-bench-volumes-\(getpid())"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for i in 1...count {
                let id = "frus1981-88v\(String(format: "%02d", i))"
                let bytes = try generator.generate(minimumBytes: minimum, volumeID: id)
                _ = FileManager.default.createFile(atPath: "\(dir)/\(id).xml", contents: Data(bytes))
            }
            print("wrote \(count) volumes of ≥ \(sizeMb) MB to \(dir)")
            return
        }

        let temporary = output == nil
        let dir = output.map { ($0 as NSString).deletingLastPathComponent } ?? NSTemporaryDirectory() + "frusread-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir.isEmpty ? "." : dir, withIntermediateDirectories: true)
        let path = output ?? "\(dir)/frus1981-88v05.xml"
        let bytes = try generator.generate(minimumBytes: minimum, volumeID: "frus1981-88v05")
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { if temporary { try? FileManager.default.removeItem(atPath: dir) } }
        let megabytes = Double(bytes.count) / 1_000_000

        let first = try TEIImporter.read(path: path)
        print("volume: \(path)")
        print(String(format: "  %.2f MB, %d documents, %d footnotes, %d warnings",
                     megabytes, first.volume.documents.count,
                     first.volume.documents.reduce(0) { $0 + $1.footnotes.count }, first.diagnostics.count))

        // The same binary importing a one-document volume: its start-up time and memory.
        let tinyPath = "\(dir)/frus1999v01.xml"
        _ = FileManager.default.createFile(atPath: tinyPath, contents: Data(Self.tinyVolume.utf8))

        let me = CommandLine.arguments[0]
        var inProcess: [Double] = [], inProcessCPU: [Double] = []
        var child: [Double] = [], childCPU: [Double] = [], childRSS: [Double] = []
        var empty: [Double] = [], emptyCPU: [Double] = [], emptyRSS: [Double] = []
        var xmllint: [Double] = [], xmllintCPU: [Double] = [], xmllintRSS: [Double] = []
        func childImport(_ file: String) throws -> (ProcessMeasure.Result, Double) {
            let c = try ProcessMeasure.run([me, "tei-import", "--measure-once", file], captureOutput: true)
            guard c.status == 0, let rss = c.output.split(separator: "=").last.flatMap({
                Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
            else { throw ValidationError("child import failed: \(c.output)") }
            return (c, rss)
        }
        for _ in 0..<runs {
            let t0 = ProcessMeasure.now(), c0 = ProcessMeasure.selfCPU()
            let load = try TEIImporter.read(path: path)
            inProcess.append(ProcessMeasure.now() - t0)
            inProcessCPU.append(ProcessMeasure.selfCPU() - c0)
            withExtendedLifetime(load) {}  // freed after the clock stops

            let (c, rss) = try childImport(path)
            child.append(c.seconds); childCPU.append(c.cpuSeconds); childRSS.append(rss)
            let (e, erss) = try childImport(tinyPath)
            empty.append(e.seconds); emptyCPU.append(e.cpuSeconds); emptyRSS.append(erss)

            let x = try ProcessMeasure.runMeasuringMemory(["xmllint", "--noout", path])
            guard x.status == 0 else { throw ValidationError("xmllint failed with status \(x.status)") }
            xmllint.append(x.seconds); xmllintCPU.append(x.cpuSeconds); xmllintRSS.append(Double(x.peakRSSBytes))
        }
        let m = ProcessMeasure.median
        let ms = { (x: [Double]) in String(format: "%6.1f ms", m(x) * 1000) }
        let mbs = { (x: [Double]) in String(format: "%6.1f MB", m(x) / 1_000_000) }
        let size = Double(bytes.count)
        print("median of \(runs) runs (wall time, CPU time):")
        print("  TEI import in this process:     \(ms(inProcess)) \(ms(inProcessCPU))  "
            + String(format: "%5.1f MB/s", megabytes / m(inProcess)))
        print("  TEI import in its own process:  \(ms(child)) \(ms(childCPU))  (start-up and a one-document volume alone: \(ms(empty)) \(ms(emptyCPU)))")
        print("  xmllint --noout:                \(ms(xmllint)) \(ms(xmllintCPU))  "
            + String(format: "%5.1f MB/s", megabytes / m(xmllint)))
        print(String(format: "  import / xmllint: %.2f in process, %.2f own process (CPU %.2f, %.2f without start-up)",
                     m(inProcess) / m(xmllint), m(child) / m(xmllint), m(childCPU) / m(xmllintCPU),
                     (m(childCPU) - m(emptyCPU)) / m(xmllintCPU)))
        print("peak RSS (VmHWM; xmllint's from /usr/bin/time):")
        print("  TEI import process: \(mbs(childRSS)) = " + String(format: "%.2f× the file", m(childRSS) / size)
            + "; the same binary with a one-document volume: \(mbs(emptyRSS)); the volume adds "
            + String(format: "%.1f MB = %.2f× the file", (m(childRSS) - m(emptyRSS)) / 1_000_000, (m(childRSS) - m(emptyRSS)) / size))
        print("  xmllint --noout:    " + (m(xmllintRSS) > 0 ? mbs(xmllintRSS) + String(format: " = %.2f× the file", m(xmllintRSS) / size) : "n/a (no /usr/bin/time)"))
    }

    static let tinyVolume = """
        <?xml version="1.0" encoding="UTF-8"?>
        <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><publicationStmt>
        <idno type="frus">frus1999v01</idno></publicationStmt></fileDesc></teiHeader>
        <text><body><div type="document" n="1" xml:id="d1"><head>1. Note</head><p>Text.</p></div></body></text></TEI>
        """

    static var defaultSource: String {
        // Benchmarks/FrusBench/<this file> → package root → ../shared/frus/…
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/frus/frus1981-88v05-partial.xml").path
    }
}
