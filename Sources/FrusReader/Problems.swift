import FrusModel

/// Problems in the corpus, told on the status line as they come up.
///
/// Volumes are read on first use (a folder of 550 volumes opens at once), so a file that
/// cannot be read, or a document imported with a defect, is found while reading: at start, on
/// a jump, or when a document's links name another volume. Each problem is told once; the
/// CLI's `frusread check` lists them all.
extension ReaderState {
    /// Puts the problems found since the last call on the status line: the first (errors
    /// before warnings) and how many more. Problems the action's own message already gives are
    /// not repeated.
    mutating func reportNewProblems() {
        let count = corpus.diagnosticCount
        guard count > reportedProblems else { return }
        let found = corpus.diagnostics[reportedProblems...]
        reportedProblems = count
        let new = found.filter { problem in !(message?.text.contains(problem.message) ?? false) }
        guard let first = new.first(where: { $0.severity == .error }) ?? new.first else { return }
        let more = new.count > 1 ? " (+\(new.count - 1) more: frusread check lists them)" : ""
        // An error means the input was skipped: said first, as the line may be cut at the right.
        message = first.severity == .error
            ? StatusMessage("Skipped \(first.briefly)\(more)", kind: .error)
            : StatusMessage(first.briefly + more, kind: .info)
    }

    /// Why document `number` of `volume` cannot be opened: its volume is not in the corpus, or
    /// could not be read (and why), or does not have it.
    func unavailable(_ volume: String, _ number: String) -> StatusMessage {
        let name = VolumeID(volume).citation ?? volume
        if corpus.source(volume) == nil {
            return StatusMessage("\(name) is not in this corpus.", kind: .error)
        }
        if corpus.volume(volume) == nil { return unreadable(volume) }
        return StatusMessage("Document \(number) is not in \(name).", kind: .error)
    }

    /// "FRUS, 1981–1988, vol. IV cannot be read: frus1981-88v04.xml:3573:45: …"
    func unreadable(_ volume: String) -> StatusMessage {
        let name = VolumeID(volume).citation ?? volume
        let why = corpus.problem(ofVolume: volume).map { ": \($0.briefly)" } ?? "."
        return StatusMessage("\(name) cannot be read\(why)", kind: .error)
    }
}

extension Diagnostic {
    /// For the status line: the file's name without its folders (the width goes to what is
    /// wrong). "frus1981-88v06.xml:3573:45: cannot read TEI volume: …"
    public var briefly: String {
        guard var location else { return message }
        location.file = String(location.file.split(separator: "/").last ?? Substring(location.file))
        return "\(location): \(message)"
    }
}
