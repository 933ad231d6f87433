import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension ProcessMeasure {
    /// Runs a program with a pseudo-terminal of `rows`×`columns` as its standard input, output
    /// and error (made here with `openpty`, as Benchmarks/first-frame-vs-xmllint.py does with
    /// Python's pty.fork), reading everything it draws, and reports its wall and CPU time from
    /// spawn to exit. Unlike running it under script(1), nothing else is started or timed.
    static func runInTerminal(_ arguments: [String], environment: [String: String], rows: UInt16 = 40, columns: UInt16 = 120)
        throws -> Result
    {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw MeasureError.spawn("openpty failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in [Int32(0), 1, 2] { posix_spawn_file_actions_adddup2(&actions, slave, fd) }
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addclose(&actions, slave)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = now()
        let rc = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        close(slave)
        guard rc == 0 else {
            close(master)
            throw MeasureError.spawn("cannot run \(arguments[0]): \(String(cString: strerror(rc)))")
        }
        // Drained until the program has closed the terminal (EIO), so it never blocks writing.
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(master, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            output.append(contentsOf: buffer[0..<n])
        }
        close(master)
        return finish(pid, startedAt: start, output: output)
    }
}
