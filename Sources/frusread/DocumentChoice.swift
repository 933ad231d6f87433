import FrusModel

/// Which document a command means: `N` in `--volume ID`, `ID/N`, or the first volume that has N.
enum DocumentChoice {
    /// How to name a document, for messages about an argument that names none.
    static let form = "a document number (\"175\") or VOLUME/NUMBER (\"frus1981-88v05/175\")"

    /// `alone`: read just that document when the format allows (for `show`, which needs
    /// nothing else of the volume).
    static func find(
        _ spec: String, volume: String?, in corpus: Corpus, alone: Bool = false, lazily: Bool = false
    ) throws -> Document {
        var number = spec
        var volumeID = volume
        if volumeID == nil, let slash = spec.lastIndex(of: "/") {
            volumeID = String(spec[..<slash])
            number = String(spec[spec.index(after: slash)...])
            guard !volumeID!.isEmpty else { throw CLIError("no volume before the / in \"\(spec)\": expected \(form)") }
        }
        guard !number.isEmpty else {
            throw CLIError(spec.isEmpty ? "no document given: expected \(form)" : "no document number after the / in \"\(spec)\": expected \(form)")
        }
        if volumeID == nil, corpus.sources.count == 1 { volumeID = corpus.sources[0].id }
        if let v = volumeID {
            guard corpus.source(v) != nil else {
                throw CLIError("no volume \(v) in \(corpus.location); it has \(summary(corpus.volumeIDs))")
            }
            if alone, let doc = corpus.documentAlone(volume: v, number: number) { return doc }
            // The reader's lazy opening: the volume's map and the document alone.
            if lazily, let doc = corpus.openDocument(volume: v, number: number) { return doc }
            guard let volume = corpus.volume(v) else {
                throw CLIError("volume \(v) cannot be read: \(corpus.problem(ofVolume: v).map(\.description) ?? "unknown error")")
            }
            guard let doc = volume.document(number: number) else {
                throw CLIError("no document \(number) in \(v); it has \(summary(volume.documents.map(\.number)))\(skipped(in: v, corpus))")
            }
            return doc
        }
        guard !corpus.sources.isEmpty else { throw CLIError("the corpus \(corpus.location) has no volumes") }
        for source in corpus.sources {
            if let doc = corpus.volume(source.id)?.document(number: number) { return doc }
        }
        let skippedFiles = corpus.sources.map { skipped(in: $0.id, corpus) }.joined()
        throw CLIError("no document \(number) in any volume of \(corpus.location) (\(summary(corpus.volumeIDs)))\(skippedFiles)")
    }

    /// "; FILE was skipped: why" for each file of volume `id` that could not be read (its
    /// documents, whatever their numbers, are not in the volume).
    static func skipped(in id: String, _ corpus: Corpus) -> String {
        guard let path = corpus.source(id)?.path else { return "" }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return corpus.diagnostics
            .filter { d in d.severity == .error && d.location.map { $0.file.hasPrefix(prefix) } == true }
            .map { d in
                let why = d.message.hasSuffix("; skipped") ? String(d.message.dropLast(9)) : d.message
                return "; \(d.location!.file) was skipped: \(why)"
            }
            .joined()
    }

    /// "168, 175" or "130, 131, … 175 (46 in all)": each item once, in order.
    static func summary(_ items: [String]) -> String {
        var seen = Set<String>()
        let items = items.filter { seen.insert($0).inserted }
        if items.isEmpty { return "none" }
        if items.count <= 8 { return items.joined(separator: ", ") }
        return items.prefix(3).joined(separator: ", ") + ", … " + items.last! + " (\(items.count) in all)"
    }
}
