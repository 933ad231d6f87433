import Foundation
import FrusSearch

/// Shows an index build on standard error: a progress bar redrawn in place on a terminal, one
/// plain line per volume otherwise (logs, pipes, tests).
final class IndexProgressDisplay: Sendable {
    let isTerminal: Bool

    init(isTerminal: Bool = isatty(2) == 1) { self.isTerminal = isTerminal }

    func show(_ p: IndexProgress) {
        if p.waitingForAnotherProcess {
            return Output.progress("waiting for another frusread to finish updating the search index…", redraw: false)
        }
        let counts = "\(p.volumesDone)/\(p.volumesTotal) volumes"
        let speed = String(format: "%.1f MB/s", p.megabytesPerSecond)
        if isTerminal {
            let width = 24
            let filled = min(width, Int(p.fraction * Double(width)))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            let done = p.volumesDone == p.volumesTotal
            Output.progress("indexing [\(bar)] \(counts)  \(speed)", redraw: true, last: done)
        } else if p.volumesDone > 0 {
            Output.progress("indexed \(counts)  \(speed)  \(p.lastVolume ?? "")", redraw: false)
        } else {
            Output.progress("indexing \(p.volumesTotal) volume(s), \(String(format: "%.1f", Double(p.bytesTotal) / 1e6)) MB", redraw: false)
        }
    }
}
