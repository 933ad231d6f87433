import ArgumentParser
import FrusLayout
import FrusModel
import FrusTEI

/// `frusread-bench layout`: lays out a generated 10-page document (≈30 KB of text, 10
/// footnotes, markers, links, page breaks — some inside words) many times and reports the
/// median and 90th percentile. Target: < 1 ms median at width 100.
struct LayoutBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layout", abstract: "Time Layout.document and Layout.footnotes on a 10-page document.")

    @Option(help: "Layout width in columns.") var width = 100
    @Option(help: "Timed runs of each measurement.") var runs = 2000
    @Option(help: "Printed pages in the generated document.") var pages = 10
    @Option(help: "Instead of the generated document, lay out document --document of this TEI volume (e.g. a huge-values file of Benchmarks/huge-values-vs-xmllint.sh).")
    var tei: String?
    @Option(help: "The document of --tei.") var document = "1"

    func run() throws {
        if let tei {
            // Huge documents (issue 13, defect 6): the import and the layout timed apart, in process,
            // so their cost is read without process start-up or a loaded machine's noise (least of runs).
            let clock = ContinuousClock()
            var doc: Document?
            let read = clock.measure { doc = try? TEIImporter.readDocument(document, path: tei) }
            guard let doc else { throw ValidationError("\(tei): no document \(document)") }
            let options = LayoutOptions(width: width, includeFootnotes: true)
            var lines = 0
            var least = Duration.seconds(1000)
            for _ in 0..<min(runs, 20) {
                least = min(least, clock.measure { lines = Layout.document(doc, options).lines.count })
            }
            print("import \(read), layout (least of \(min(runs, 20))) \(least), \(lines) lines at width \(width)")
            return
        }
        let doc = Self.makeDocument(pages: pages)
        let characters = doc.blocks.reduce(0) { $0 + $1.plainText.utf8.count }
            + doc.footnotes.reduce(0) { $0 + $1.plainText.utf8.count }
        let sample = Layout.document(doc, LayoutOptions(width: width))
        print("document: \(pages) pages, \(characters / 1024) KB of text, \(doc.footnotes.count) footnotes, "
            + "\(doc.references.count) links; \(sample.lines.count) lines at width \(width)")

        report("Layout.document (body)", measure { Layout.document(doc, LayoutOptions(width: width)).lines.count })
        report("Layout.document (+ footnotes)", measure {
            Layout.document(doc, LayoutOptions(width: width, includeFootnotes: true)).lines.count
        })
        report("Layout.footnotes (pane, 40)", measure { Layout.footnotes(doc, width: 40).lines.count })
    }

    /// Durations of `runs` calls in microseconds, after a warm-up.
    private func measure(_ body: () -> Int) -> [Double] {
        var sink = 0
        for _ in 0..<max(10, runs / 20) { sink &+= body() }
        let clock = ContinuousClock()
        var samples: [Double] = []
        samples.reserveCapacity(runs)
        for _ in 0..<runs {
            let elapsed = clock.measure { sink &+= body() }
            samples.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
        }
        if sink == 42 { print("") }  // keeps the work observable
        return samples.sorted()
    }

    private func report(_ name: String, _ sorted: [Double]) {
        func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
        let label = name + String(repeating: " ", count: max(1, 32 - name.count))
        print("\(label) median \(format(at(0.5))) µs   p90 \(format(at(0.9))) µs   min \(format(sorted[0])) µs")
    }

    private func format(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    // MARK: The generated document

    static let volume = "frus1981-88v05"

    /// Paragraphs in the manner of the seeds: curly quotes, dashes, numbers that are not markers.
    static let sentences = [
        "Dobrynin came by Monday evening to deliver Gorbachev’s response to the letter on human rights which Mac Baldrige delivered when he was in Moscow.",
        "The letter is non-polemical in tone, and reiterates the assurance Gorbachev gave you directly that individual cases of divided spouses can be resolved “on the basis of humanism and taking into account the interests of the people concerned.”",
        "As in Geneva, Gorbachev affirms that Soviet law is not a barrier to the emigration of Soviet citizens who meet its criteria, and rejects bending the rules to resolve specific cases.",
        "Only in the past 5 years there have been over 400 marriages between Soviet and American citizens, and more than 95 percent—encountered no problems with regard to the reunification of the spouses.",
        "One 77-year old U.S. citizen, who came to the Soviet Union in 1932 on a school break, has been trying unsuccessfully to return to the United States for over 50 years.",
    ]

    /// About 3 KB of text a printed page: 5 paragraphs of ~600 bytes; a page break, a
    /// footnote marker and a cross-reference on each page, every other page break mid-word;
    /// a source note on the title.
    static func makeDocument(pages: Int) -> Document {
        var blocks: [Block] = []
        var footnotes: [Footnote] = [Footnote(number: 1, blocks: [.paragraph([
            .text("Source: Reagan Library, Executive Secretariat, NSC Head of State File. Secret; Sensitive."),
        ], .normal)])]
        var paragraph = 0
        for page in 0..<pages {
            for p in 0..<5 {
                var inlines: [Inline] = []
                let body = (0..<3).map { sentences[(paragraph + $0) % sentences.count] }.joined(separator: " ")
                if p == 2 {
                    let marker = footnotes.count + 1
                    inlines += [.text(body), .footnoteRef(marker), .text(" See "),
                                .link(.document(volume: volume, number: "\(100 + page)"), [.text("Document \(100 + page)")]),
                                .text(" for the earlier exchange.")]
                    footnotes.append(Footnote(number: marker, blocks: [.paragraph([
                        .text("Source: Reagan Library, Executive Secretariat, NSC Head of State File, U.S.S.R.: General Secretary Gorbachev (8690024, 8690124). Secret; Sensitive. See "),
                        .link(.footnote(volume: volume, document: "136", footnote: 3), [.text("footnote 3, Document 136")]),
                        .text("."),
                    ], .normal)]))
                } else if p == 4 {
                    if page % 2 == 0 {
                        inlines += [.text(body + " Some unfortu"), .pageBreak("\(766 + page)"), .text("nately have yet to hear this.")]
                    } else {
                        inlines += [.text(body + " So is the fact"), .pageBreak("\(766 + page)"), .text(" that it continues.")]
                    }
                } else {
                    inlines.append(.text(body))
                }
                blocks.append(.paragraph(inlines, .normal))
                paragraph += 1
            }
        }
        return Document(
            volumeID: volume, number: "175",
            titleInlines: [.text("Memorandum From Secretary of State Shultz to President Reagan"), .footnoteRef(1)],
            subject: "Gorbachev Response to Your Human Rights Letter",
            blocks: blocks, footnotes: footnotes)
    }
}
