import ArgumentParser
import FrusModel

/// `frusread check`: reads the whole corpus and reports every problem found.
/// Exit 1 only when some input could not be read at all.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read the whole corpus; report unreadable files, marker/footnote mismatches, duplicates and unresolved links.")

    @OptionGroup var options: CorpusOptions

    func run() throws {
        let corpus = try options.open()
        let volumes = corpus.allVolumes()
        var problems = corpus.diagnostics.map(\.description)
        var unresolved = 0
        var documents = 0
        var notes: [String] = []
        for v in volumes {
            notes += v.remarks.map { "note: \($0.location.map { "\($0): " } ?? "")\($0.message)" }
            if let unknown = Self.unknownElements(v) {
                problems.append("warning: \(corpus.source(v.id)?.path ?? v.id): \(unknown)")
            }
            for doc in v.documents {
                if doc.kind == .document { documents += 1 }
                let name = doc.kind == .document ? "document \(doc.number)" : "section \(doc.number)"
                let file = doc.source?.file ?? v.id
                for message in doc.footnoteProblems
                where !corpus.diagnostics.contains(where: { $0.message == message && $0.location?.file == file }) {
                    problems.append("warning: \(file): \(name): \(message)")
                }
                for r in doc.references {
                    if case .unresolved(let why) = corpus.resolve(r.target) {
                        unresolved += 1
                        problems.append("unresolved: \(v.id) \(name), \(doc.describe(r.site)): “\(r.label)”: \(why)")
                    }
                }
            }
        }
        for p in problems + notes { Output.line(p) }
        let errors = corpus.diagnostics.filter { $0.severity == .error }.count
        Output.line("\(volumes.count) volume(s), \(documents) document(s): \(errors) unreadable, \(unresolved) unresolved link(s), \(problems.count - unresolved - errors) warning(s)\(notes.isEmpty ? "" : ", \(notes.count) note(s)")")
        if errors > 0 { throw ExitCode(1) }
    }

    /// "3 elements frusread does not know: frus:foo ×3" — their text is kept, but a gap in
    /// what frusread reads is worth seeing; nil when there is none.
    static func unknownElements(_ v: Volume) -> String? {
        guard !v.unknownElements.isEmpty else { return nil }
        let total = v.unknownElements.values.reduce(0, +)
        let names = v.unknownElements.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
        return "\(total) element\(total == 1 ? "" : "s") frusread does not know: \(names)"
    }
}
