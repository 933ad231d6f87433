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
            return
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

        let me = CommandLine.arguments[0]
        var inProcess: [Double] = []
        var child: [Double] = []
        var childRSS: [Double] = []
        var xmllint: [Double] = []
        var xmllintRSS: [Double] = []
        for _ in 0..<runs {
            let t0 = ProcessMeasure.now()
            _ = try TEIImporter.read(path: path)
            inProcess.append(ProcessMeasure.now() - t0)

            let c = try ProcessMeasure.run([me, "tei-import", "--measure-once", path], captureOutput: true)
            guard c.status == 0 else { throw ValidationError("child import failed: \(c.output)") }
            child.append(c.seconds)
            if let rss = c.output.split(separator: "=").last.flatMap({ Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) {
                childRSS.append(rss)
            }

            let x = try ProcessMeasure.run(["xmllint", "--noout", path])
            guard x.status == 0 else { throw ValidationError("xmllint failed with status \(x.status)") }
            xmllint.append(x.seconds)
            xmllintRSS.append(Double(x.peakRSSBytes))
        }
        let m = ProcessMeasure.median
        let mb = 1_000_000.0
        print("median of \(runs) runs:")
        print(String(format: "  TEI import, in process:          %7.1f ms  %6.1f MB/s", m(inProcess) * 1000, megabytes / m(inProcess)))
        print(String(format: "  TEI import, own process (start+read+parse): %7.1f ms  peak RSS %6.1f MB (%.2f× file)",
                     m(child) * 1000, m(childRSS) / mb, m(childRSS) / Double(bytes.count)))
        print(String(format: "  xmllint --noout:                 %7.1f ms  %6.1f MB/s  peak RSS %6.1f MB",
                     m(xmllint) * 1000, megabytes / m(xmllint), m(xmllintRSS) / mb))
        print(String(format: "  ratio import/xmllint: %.2f (in process), %.2f (own process)",
                     m(inProcess) / m(xmllint), m(child) / m(xmllint)))
    }

    static var defaultSource: String {
        // Benchmarks/FrusBench/<this file> → package root → ../shared/frus/…
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/frus/frus1981-88v05-partial.xml").path
    }
}
