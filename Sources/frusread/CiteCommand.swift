import ArgumentParser
import FrusModel
import FrusWriters

/// `frusread cite N`: the citation of a document or one of its footnotes, in a chosen style.
struct Cite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cite", abstract: "Cite a document (or one of its footnotes): Chicago, BibTeX, RIS or CSL-JSON.")

    @OptionGroup var options: CorpusOptions
    @Argument(help: "The document number (\"175\"), a section (\"preface\"), or VOLUME/NUMBER.") var number: String
    @Option(help: "The volume id, when the corpus has several.") var volume: String?
    @Option(help: "Cite this footnote of the document (its number).") var footnote: Int?
    @Option(help: "chicago (default), bibtex, ris or csl-json.") var style: String = "chicago"

    func validate() throws {
        guard CitationStyle(rawValue: style) != nil else {
            throw ValidationError("--style must be one of \(CitationStyle.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let (corpus, _) = try options.openWithExistingIndex()
        let doc = try DocumentChoice.find(number, volume: volume, in: corpus)
        Output.warnings(corpus)
        guard let vol = corpus.volume(doc.volumeID) else { throw CLIError("volume \(doc.volumeID) cannot be read") }
        if let footnote, doc.footnote(footnote) == nil {
            let notes = doc.footnotes.map { String($0.number) }
            throw CLIError("document \(doc.number) of \(doc.volumeID) has no footnote \(footnote); it has \(DocumentChoice.summary(notes))")
        }
        let source = CitationSource(volume: vol, document: doc, footnote: footnote)
        // Line by line: BibTeX, RIS and CSL-JSON are several lines, each made safe.
        let text = CitationStyle(rawValue: style)!.citation(source)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) { Output.line(Output.safe(String(line))) }
    }
}
