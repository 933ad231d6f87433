import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and reports its wall time and peak resident memory (from `wait4`'s rusage,
/// so the figure is the child's own, not this process's).
enum ProcessMeasure {
    struct Result {
        var seconds: Double
        var peakRSSBytes: Int
        var status: Int32
        var output: String
    }

    static func run(_ arguments: [String], captureOutput: Bool = false) throws -> Result {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeFDs: [Int32] = [-1, -1]
        if captureOutput {
            guard pipe(&pipeFDs) == 0 else { throw MeasureError.spawn("pipe failed") }
            posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
        }
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = now()
        let rc = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard rc == 0 else { throw MeasureError.spawn("cannot run \(arguments[0]): \(String(cString: strerror(rc)))") }
        var output = Data()
        if captureOutput {
            close(pipeFDs[1])
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(pipeFDs[0], &buffer, buffer.count)
                if n <= 0 { break }
                output.append(contentsOf: buffer[0..<n])
            }
            close(pipeFDs[0])
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = now() - start
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(
            seconds: seconds, peakRSSBytes: Int(usage.ru_maxrss) * 1024, status: exit,
            output: String(decoding: output, as: UTF8.self))
    }

    enum MeasureError: Error, CustomStringConvertible {
        case spawn(String)
        var description: String {
            switch self { case .spawn(let m): return m }
        }
    }

    /// Monotonic seconds.
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// This process's peak resident memory so far, in bytes.
    static func selfPeakRSS() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return .nan }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
