import FrusModel

/// Opens a corpus: a folder (read recursively) or a single volume file.
public enum CorpusLoader {
    /// Lists the volumes at `path` cheaply; each is parsed when first needed.
    /// Throws a `Diagnostic` when the path does not exist or cannot be read.
    public static func open(_ path: String) throws -> Corpus {
        // Filled in by the corpus-loading work.
        Corpus(location: path, sources: [])
    }
}
