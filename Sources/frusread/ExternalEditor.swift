import Foundation

/// Runs the user's editor (`$VISUAL`, else `$EDITOR`) on a temporary file, as git and less do:
/// through `sh -c`, so that "vim -u NONE" or "code --wait" work. The caller hands the terminal
/// over first; the editor gets it, with default signal actions and an empty signal mask.
struct ExternalEditor {
    /// The command, or nil when neither variable names one.
    let command: String?

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        command = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }
            .first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes `text` to a temporary file, runs the editor on it, and returns what the file then
    /// holds (the file is removed).
    func edit(_ text: String) throws -> String {
        guard let command else { throw Failure(description: "no editor: set $VISUAL or $EDITOR") }
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("frusread-note-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).md")
        guard FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw Failure(description: "cannot write \(file.path)")
        }
        defer { try? FileManager.default.removeItem(at: file) }
        let status = try run(["/bin/sh", "-c", command + " \"$1\"", "sh", file.path])
        guard status == 0 else {
            throw Failure(description: "the editor (\(command)) exited with status \(status); the note was not saved")
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw Failure(description: "the editor left no file at \(file.path)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private func run(_ argv: [String]) throws -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let args = argv.map { strdup($0) } + [nil]
        defer { for p in args { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], nil, &attributes, args, environ)
        guard rc == 0 else { throw Failure(description: "cannot run the editor: \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw Failure(description: "waiting for the editor: \(String(cString: strerror(errno)))") }
        }
        let signalled = status & 0x7F
        return signalled == 0 ? (status >> 8) & 0xFF : 128 + signalled
    }
}
