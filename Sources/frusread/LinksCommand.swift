import ArgumentParser
import FrusModel

/// `frusread links N`: every cross-reference of a document, where it stands and whether it resolves.
struct Links: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "List a document's cross-references (or, with --backlinks, the documents citing it).")

    @OptionGroup var options: CorpusOptions
    @Argument(help: "The document number (\"175\"), or VOLUME/NUMBER.") var number: String
    @Option(help: "The volume id, when the corpus has several.") var volume: String?
    @Flag(help: "List the documents that cite this one instead.") var backlinks = false
    @Flag(help: "JSON (see the README for the shape).") var json = false

    /// `{"kind","volume","document","footnote","page","url"}` (+ `"anchor"` for a part of a volume).
    static func json(_ t: LinkTarget, footnoteLabel: String? = nil) -> JSONValue {
        var volume: String?, document: String?, footnote: Int?, page: String?, url: String?, anchor: String?
        switch t {
        case .document(let v, let n): volume = v; document = n
        case .footnote(let v, let n, let f): volume = v; document = n; footnote = f
        case .page(let v, let p): volume = v; page = p
        case .volume(let v, let a): volume = v; anchor = a
        case .url(let u): url = u
        }
        var fields: [(String, JSONValue)] = [
            ("kind", .string(t.kind)), ("volume", JSONValue(volume)), ("document", JSONValue(document)),
            ("footnote", JSONValue(footnote)), ("label", JSONValue(footnote == nil ? nil : footnoteLabel)), ("page", JSONValue(page)), ("url", JSONValue(url)),
        ]
        if let anchor { fields.append(("anchor", .string(anchor))) }
        return .object(fields)
    }

    func run() throws {
        let (corpus, _) = try options.openWithExistingIndex()
        let doc = try DocumentChoice.find(number, volume: volume, in: corpus)
        if backlinks {
            let citers = corpus.citedBy(volume: doc.volumeID, number: doc.number)
            Output.warnings(corpus)
            if json {
                return Output.json(.array(citers.map {
                    .object([("volume", .string($0.volumeID)), ("number", .string($0.number)), ("title", .string($0.title))])
                }))
            }
            if citers.isEmpty { Output.line("no document in the corpus cites \(doc.number)") }
            for d in citers { Output.row(d.volumeID, d.number, d.title) }
            return
        }
        let resolutions = doc.references.map { corpus.resolve($0.target) }
        Output.warnings(corpus)
        if json {
            return Output.json(.array(zip(doc.references, resolutions).map { r, resolution in
                .object([
                    ("label", .string(r.label)), ("source", .string(r.site.description)), ("target", Self.json(r.target, footnoteLabel: resolution.footnoteLabel)),
                    ("resolved", .bool(resolution.isResolved)), ("reason", JSONValue(resolution.reason)),
                    ("citation", .string(corpus.citation(r.target))), ("url", JSONValue(r.target.webAddress)),
                ])
            }))
        }
        if doc.references.isEmpty { Output.line("document \(doc.number) has no cross-references") }
        for (r, resolution) in zip(doc.references, resolutions) {
            let status: String
            switch resolution {
            case .resolved(let t): status = "→ \(t.description)"
            case .external(let u): status = "→ web: \(u)"
            case .unresolved(let why):
                status = "✗ \(why) — \(corpus.citation(r.target))\(r.target.webAddress.map { " <\($0)>" } ?? "")"
            }
            Output.row(doc.describe(r.site), r.label, status)
        }
    }
}
