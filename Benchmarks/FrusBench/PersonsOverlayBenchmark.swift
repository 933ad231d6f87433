import ArgumentParser
import Foundation
import FrusModel
import FrusReader
import FrusView

/// `P` on a volume whose persons list has 1,000 entries (and 200 terms): the key through the
/// reducer (the entries sorted and folded for the filter) and the whole screen drawn into a grid.
/// Also a letter typed into its filter, and `K` → a letter → the entry (its Mentioned in counted
/// over the volume's documents).
struct PersonsOverlayBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "persons", abstract: "P (persons-and-terms overlay) on a volume with 1,000 persons, at 200×60.")

    @Option(help: "Persons in the volume's list.") var persons = 1000
    @Option(help: "Documents in the volume (each names 20 persons).") var documents = 300
    @Option(help: "Repetitions.") var runs = 200

    func run() throws {
        let corpus = Self.corpus(persons: persons, documents: documents)
        let (width, height) = (200, 60)
        var grid = Grid(width: width, height: height)
        func measure(_ name: String, _ body: (ReaderApp) -> Void, setup: (ReaderApp) -> Void = { _ in }) {
            var times: [Double] = []
            for _ in 0..<runs {
                let app = ReaderApp(corpus: corpus, start: ("frus1981-88v98", "1"), width: width, height: height)
                app.resize(width: width, height: height)
                setup(app)
                let start = DispatchTime.now().uptimeNanoseconds
                body(app)
                app.draw(into: &grid)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            }
            times.sort()
            print("\(name.padding(toLength: 40, withPad: " ", startingAt: 0)) median \(String(format: "%6.2f", times[times.count / 2])) ms   p90 \(String(format: "%6.2f", times[times.count * 9 / 10])) ms")
        }
        measure("P: open the overlay (\(persons) persons)", { _ = $0.handle(.char("P")) })
        measure("P then a letter of the filter", { _ = $0.handle(.char("e")) }, setup: { _ = $0.handle(.char("P")) })
        measure("K, a: an entry with its Mentioned in", { _ = $0.handle(.char("K")); _ = $0.handle(.char("a")) })
    }

    /// One volume: `persons` persons, 200 terms, `documents` documents each naming 20 persons.
    static func corpus(persons count: Int, documents: Int) -> Corpus {
        let volume = "frus1981-88v98"
        let names = ["Shultz", "Gorbachev", "Baldrige", "Dobrynin", "Kampelman", "Matlock", "Nitze", "Shevardnadze"]
        var persons: [String: Person] = [:]
        for i in 0..<count {
            let id = "p_\(i)"
            persons[id] = Person(id: id, name: "\(names[i % names.count])\(i), Person \(i)",
                                 description: "Official number \(i) of the Department of State, later Ambassador")
        }
        var terms: [String: Term] = [:]
        for i in 0..<200 { terms["t_\(i)"] = Term(id: "t_\(i)", term: "T\(i)", description: "Term number \(i)") }
        let docs = (1...documents).map { n -> Document in
            var inlines: [Inline] = []
            for k in 0..<20 {
                let id = "p_\((n * 7 + k * 13) % count)"
                inlines += [.text("Then "), .mention(.person(id), [.text(persons[id]!.name)]), .text(" spoke of the talks. ")]
            }
            return Document(volumeID: volume, number: "\(n)", titleInlines: [.text("Memorandum \(n)")], date: "1985-11-19",
                            blocks: [.paragraph(inlines, .normal)], footnotes: [])
        }
        return Corpus(volumes: [Volume(id: volume, title: "Generated", documents: docs, persons: persons, terms: terms)])
    }
}
