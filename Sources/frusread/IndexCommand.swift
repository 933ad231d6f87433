import ArgumentParser
import Foundation
import FrusModel
import FrusSearch

/// `frusread index [--rebuild]`: builds or updates the search index explicitly (search does it
/// on first need too) and says what changed.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or update the full-text search index of the corpus.")

    @OptionGroup var options: CorpusOptions
    @Flag(help: "Throw the index away and build it again.") var rebuild = false

    func run() throws {
        let (corpus, index) = try options.openIndexed()
        let report = try Self.update(index, corpus, rebuild: rebuild)
        let speed = report.seconds > 0 ? String(format: ", %.1f MB/s", Double(report.bytesRead) / 1e6 / report.seconds) : ""
        Output.line(
            "\(corpus.sources.count) volume(s): \(report.added) added, \(report.updated) updated, "
                + "\(report.removed) removed, \(report.unchanged) unchanged"
                + String(format: "; %.1f MB read in %.2f s", Double(report.bytesRead) / 1e6, report.seconds) + speed)
        if report.bytesRead > 0 {
            Output.line(String(format: "CPU: reading %.2f s, writing %.2f s", report.readCPUSeconds, report.writeCPUSeconds))
        }
        Output.line("index: \(index.file ?? "in memory")")
    }

    /// Brings the index up to date, with progress and warnings on stderr.
    @discardableResult
    static func update(_ index: SearchIndex, _ corpus: Corpus, rebuild: Bool = false) throws -> IndexReport {
        for w in index.warnings { Output.error("warning: \(w)") }
        let display = IndexProgressDisplay()
        let report: IndexReport
        do {
            report = try index.update(corpus, rebuild: rebuild) { display.show($0) }
        } catch {
            throw CLIError("cannot update the search index: \(error)")
        }
        Output.warnings(corpus)
        for problem in report.problems { Output.error("skipped: \(problem)") }
        return report
    }
}
