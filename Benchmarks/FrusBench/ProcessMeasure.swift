import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and reports its wall time and peak resident memory (from `wait4`'s rusage,
/// so the figure is the child's own, not this process's).
enum ProcessMeasure {
    struct Result {
        var seconds: Double
        /// User plus system CPU time of the child (and of children it waited for).
        var cpuSeconds: Double
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
        return finish(pid, startedAt: start, output: output)
    }

    /// Waits for `pid` and measures it: wall time since `start`, CPU time and peak memory from
    /// its resource usage, its exit status (128 + the signal when killed).
    static func finish(_ pid: pid_t, startedAt start: Double, output: Data) -> Result {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = now() - start
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Result(
            seconds: seconds, cpuSeconds: cpu, peakRSSBytes: Int(usage.ru_maxrss) * 1024, status: exit,
            output: String(decoding: output, as: UTF8.self))
    }

    enum MeasureError: Error, CustomStringConvertible {
        case spawn(String)
        var description: String {
            switch self { case .spawn(let m): return m }
        }
    }

    /// This process's CPU time so far (user plus system), in seconds.
    static func selfCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Monotonic seconds.
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// This process's peak resident memory so far, in bytes: `VmHWM` of /proc/self/status.
    /// Not `getrusage`: on Linux a spawned child's `ru_maxrss` starts at its parent's peak
    /// (the parent's memory map is recorded when the child execs), which would charge the
    /// benchmark's own memory to the child.
    static func selfPeakRSS() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return -1 }
        return kb * 1024
    }

    /// Runs a program under /usr/bin/time (whose own small process forks it, so the child's
    /// peak memory is its own) and returns its wall time and peak RSS; RSS is -1 when
    /// /usr/bin/time is not installed.
    static func runMeasuringMemory(_ arguments: [String]) throws -> Result {
        guard access("/usr/bin/time", X_OK) == 0 else {
            var r = try run(arguments)
            r.peakRSSBytes = -1
            return r
        }
        let marker = "frusread-bench-maxrss="
        var r = try run(["/usr/bin/time", "-f", marker + "%M", "-o", "/dev/stdout"] + arguments, captureOutput: true)
        if let line = r.output.split(separator: "\n").last(where: { $0.hasPrefix(marker) }),
            let kb = Int(line.dropFirst(marker.count))
        {
            r.peakRSSBytes = kb * 1024
        } else {
            r.peakRSSBytes = -1
        }
        return r
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return .nan }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
