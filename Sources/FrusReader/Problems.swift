import FrusModel

/// Problems in the corpus, told on the status line as they come up.
///
/// Volumes are read on first use (a folder of 550 volumes opens at once), so a file that
/// cannot be read, or a document imported with a defect, is found while reading: at start, on
/// a jump, or when a document's links name another volume. Each problem is told once; the
/// CLI's `frusread check` lists them all.
extension ReaderState {
    /// Puts the problems found since they were last told on the status line: the first
    /// (errors before warnings) and how many more.
    ///
    /// The action's own message (a match count, a theme's name, why a jump failed) is not
    /// replaced: the problems wait for an action that leaves the status line free — unless the
    /// message already names them (`:d` into a volume that cannot be read).
    mutating func reportNewProblems() {
        let all = corpus.diagnostics
        guard all.count > reportedProblems else { return }
        let new = all[reportedProblems...].filter { problem in
            !(message?.text.contains(describe(problem)) ?? false)
        }
        guard message == nil || new.isEmpty else { return }
        reportedProblems = all.count
        guard let first = new.first(where: { $0.severity == .error }) ?? new.first else { return }
        let more = new.count > 1 ? " (+\(new.count - 1) more: frusread check lists them)" : ""
        // An error means the input was skipped: said first, as the line may be cut at the right.
        message = first.severity == .error
            ? StatusMessage("Skipped \(describe(first))\(more)", kind: .error)
            : StatusMessage(describe(first) + more, kind: .info)
    }

    /// A problem for the status line, where the width should go to what is wrong: the file
    /// named from the corpus folder ("frus1981-88v05/175.txt:12: …", not the whole path).
    func describe(_ problem: Diagnostic) -> String {
        var text = problem.message
        // The plain-text importer says "…; skipped" for the CLI; the reader says it first.
        if problem.severity == .error, text.hasSuffix("; skipped") { text.removeLast("; skipped".count) }
        guard var location = problem.location else { return text }
        let root = corpus.location.hasSuffix("/") ? corpus.location : corpus.location + "/"
        if location.file.hasPrefix(root) {
            location.file.removeFirst(root.count)
        } else if let name = location.file.split(separator: "/").last {
            location.file = String(name)  // the corpus is this one file
        }
        return "\(location): \(text)"
    }

    /// Why document `number` of `volume` cannot be opened: its volume is not in the corpus, or
    /// cannot be read (and why), or does not have it.
    func unavailable(_ volume: String, _ number: String) -> StatusMessage {
        if corpus.source(volume) == nil {
            return StatusMessage("\(name(ofVolume: volume)) is not in this corpus.", kind: .error)
        }
        if corpus.volume(volume) == nil { return unreadable(volume) }
        return StatusMessage("Document \(number) is not in \(name(ofVolume: volume)).", kind: .error)
    }

    /// "FRUS, 1981–1988, vol. IV cannot be read: frus1981-88v04.xml:3573:45: …"
    func unreadable(_ volume: String) -> StatusMessage {
        let why = corpus.problem(ofVolume: volume).map { ": \(describe($0))" } ?? "."
        return StatusMessage("\(name(ofVolume: volume)) cannot be read\(why)", kind: .error)
    }

    /// "FRUS, 1981–1988, vol. IV" for an id of the series, else the id.
    func name(ofVolume id: String) -> String { VolumeID(id).citation ?? id }
}
