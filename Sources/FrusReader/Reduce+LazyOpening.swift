import FrusModel

/// Lazy opening: a document of a volume not read yet is opened alone (`Corpus.openDocument`:
/// the volume's map, then that document's bytes), and the app reads the rest of the volume in
/// the background. What needs the whole volume (`]` `[`, `t` without the index's outline,
/// `:date`, `P`, a citation) reads it, or waits for the background read, through
/// `Corpus.volume`. When the read is done the app feeds in `.volumeRead`: the open document's
/// navigator is made again, now with the documents of that volume citing it.
extension ReaderState {
    mutating func volumeRead(_ id: String) {
        guard let current = view else { return }
        let names = current.document.volumeID == id || current.navigator.contains { entry in
            if case .reference(let ref, _) = entry.kind { return ref.target.volumeID == id }
            return false
        }
        guard names else { return }
        // The open document was read alone, but the file is damaged further on: said at once,
        // as what it means here (the rest of the volume cannot be opened), not as "skipped".
        if current.document.volumeID == id, let problem = corpus.problem(ofVolume: id) {
            message = StatusMessage("The rest of the volume cannot be read: \(describe(problem))", kind: .error)
            reportedProblems = corpus.diagnostics.count
        }
        view = current.renavigated(corpus: corpus)
        if let view, !memory.notes.isEmpty { flagNotesInNavigator(view) }
        if let s = linkSelection, let view, !view.navigator.indices.contains(s) { linkSelection = nil }
        clampScrolls()
    }

    /// The volume of the open document when it has not been read whole yet: the app reads it
    /// in the background, then sends `.volumeRead`.
    public var volumeToReadInBackground: String? {
        guard let id = document?.volumeID, !corpus.isLoaded(id), corpus.problem(ofVolume: id) == nil else { return nil }
        return id
    }
}
