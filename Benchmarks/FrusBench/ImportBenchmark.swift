import ArgumentParser
import Foundation
import FrusImport
import FrusModel

/// Plain-text import: a generated corpus of N documents (renumbered copies of the two seeds,
/// with their markers, pages and links) read as one volume. Target ≥ 50 MB/s.
struct ImportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Plain-text import speed on a generated corpus.")

    @Option(help: "Documents to generate.") var documents = 1000
    @Option(help: "Timed runs.") var runs = 7

    func run() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let seedDir = root.appendingPathComponent("Corpus/frus1981-88v05")
        let seeds = try FileManager.default.contentsOfDirectory(atPath: seedDir.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { try String(contentsOf: seedDir.appendingPathComponent($0), encoding: .utf8) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("frusread-import-bench-\(getpid())/frus1981-88v05")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        var bytes = 0
        for i in 0..<documents {
            // Renumber: the title's number, and the references to the seeds' documents.
            var text = seeds[i % seeds.count]
            let number = 1000 + i
            if let dot = text.firstIndex(of: ".") { text = "\(number)" + text[dot...] }
            text = text.replacingOccurrences(of: "Document 168", with: "Document \(1000 + (i + 1) % documents)")
            try text.write(to: dir.appendingPathComponent(String(format: "%05d.txt", i)), atomically: false, encoding: .utf8)
            bytes += text.utf8.count
        }
        var times: [Double] = []
        var count = 0
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let corpus = try CorpusLoader.open(dir.deletingLastPathComponent().path)
            let volume = corpus.volume("frus1981-88v05")
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            count = volume?.documents.count ?? 0
            precondition(corpus.diagnostics.isEmpty, "\(corpus.diagnostics.prefix(3))")
        }
        times.sort()
        let median = times[times.count / 2]
        let mb = Double(bytes) / 1e6
        print(String(format: "import: %d documents, %.2f MB; median %.1f ms (best %.1f ms) = %.0f MB/s",
                     count, mb, median * 1e3, times[0] * 1e3, mb / median))
    }
}
