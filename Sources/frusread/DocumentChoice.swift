import FrusModel

/// Which document a command means: `N` in `--volume ID`, `ID/N`, or the first volume that has N.
enum DocumentChoice {
    /// `alone`: read just that document when the format allows (for `show`, which needs
    /// nothing else of the volume).
    static func find(_ spec: String, volume: String?, in corpus: Corpus, alone: Bool = false) throws -> Document {
        var number = spec
        var volumeID = volume
        if volumeID == nil, let slash = spec.lastIndex(of: "/") {
            volumeID = String(spec[..<slash])
            number = String(spec[spec.index(after: slash)...])
        }
        if volumeID == nil, corpus.sources.count == 1 { volumeID = corpus.sources[0].id }
        if let v = volumeID {
            guard corpus.source(v) != nil else {
                throw CLIError("no volume \(v) in \(corpus.location); it has \(summary(corpus.volumeIDs))")
            }
            if alone, let doc = corpus.documentAlone(volume: v, number: number) { return doc }
            guard let volume = corpus.volume(v) else {
                throw CLIError("volume \(v) cannot be read: \(corpus.problem(ofVolume: v).map(\.description) ?? "unknown error")")
            }
            guard let doc = volume.document(number: number) else {
                throw CLIError("no document \(number) in \(v); it has \(summary(volume.documents.map(\.number)))")
            }
            return doc
        }
        guard !corpus.sources.isEmpty else { throw CLIError("the corpus \(corpus.location) has no volumes") }
        for source in corpus.sources {
            if let doc = corpus.volume(source.id)?.document(number: number) { return doc }
        }
        if corpus.sources.count == 1, let v = corpus.volume(corpus.sources[0].id) {
            throw CLIError("no document \(number) in \(v.id); it has \(summary(v.documents.map(\.number)))")
        }
        throw CLIError("no document \(number) in any volume of \(corpus.location) (\(summary(corpus.volumeIDs)))")
    }

    /// "168, 175" or "130, 131, … 175 (46 in all)"
    static func summary(_ items: [String]) -> String {
        if items.isEmpty { return "none" }
        if items.count <= 8 { return items.joined(separator: ", ") }
        return items.prefix(3).joined(separator: ", ") + ", … " + items.last! + " (\(items.count) in all)"
    }
}
