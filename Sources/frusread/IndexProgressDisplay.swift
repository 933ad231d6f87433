import Foundation
import FrusSearch

/// Shows an index build on standard error: a progress bar redrawn in place on a terminal, one
/// plain line per volume otherwise (logs, pipes, tests).
final class IndexProgressDisplay: Sendable {
    let isTerminal: Bool

    init(isTerminal: Bool = isatty(2) == 1) { self.isTerminal = isTerminal }

    func show(_ p: IndexProgress) {
        if p.waitingForAnotherProcess {
            return write("waiting for another frusread to finish updating the search index…\n")
        }
        let counts = "\(p.volumesDone)/\(p.volumesTotal) volumes"
        let speed = String(format: "%.1f MB/s", p.megabytesPerSecond)
        if isTerminal {
            let width = 24
            let filled = min(width, Int(p.fraction * Double(width)))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            let done = p.volumesDone == p.volumesTotal
            write("\r\u{1B}[2Kindexing [\(bar)] \(counts)  \(speed)" + (done ? "\n" : ""))
        } else if p.volumesDone > 0 {
            write("indexed \(counts)  \(speed)  \(Output.safe(p.lastVolume ?? ""))\n")
        } else {
            write("indexing \(p.volumesTotal) volume(s), \(String(format: "%.1f", Double(p.bytesTotal) / 1e6)) MB\n")
        }
    }

    private func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}
