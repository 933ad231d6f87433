import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion with posix_spawn and waitpid, its output going to files.
///
/// Foundation's `Process` is not used here on purpose: with many tests calling
/// `waitUntilExit` at once (Swift Testing runs them in parallel), it was seen to hang for good
/// with its children already exited (zombies never reaped). waitpid on our own pid cannot miss.
/// Output goes to files rather than pipes because `tmux new-session` leaves a server running
/// that must not hold a pipe open.
public enum Spawn {
    public struct Result: Sendable {
        public var status: Int32
        /// The signal that ended the program, if one did.
        public var signal: Int32?
        public var stdout: String
        public var stderr: String
    }

    /// Runs `executable` with `arguments` and `environment` (the whole environment), stdin from
    /// /dev/null, in `directory` for its output files.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String],
        scratch directory: URL = FileManager.default.temporaryDirectory
    ) throws -> Result {
        let id = UUID().uuidString.prefix(8)
        let outPath = directory.appendingPathComponent("spawn-\(id).out").path
        let errPath = directory.appendingPathComponent("spawn-\(id).err").path
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        // Test threads (Swift concurrency's pool, libdispatch) run with signals blocked, and a
        // spawned program inherits the mask: give it a clean one and default actions, as a
        // shell would, or Ctrl-Z and kill(1) would not reach the program under test.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw SpawnError(message: "cannot run \(executable): \(String(cString: strerror(rc)))") }

        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw SpawnError(message: "waitpid: \(String(cString: strerror(errno)))") }
        }
        let signalled = status & 0x7F
        return Result(
            status: signalled == 0 ? (status >> 8) & 0xFF : 128 + signalled,
            signal: signalled == 0 ? nil : signalled,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    public struct SpawnError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
