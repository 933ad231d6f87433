import Foundation

/// Runs the built `frusread` executable, as a user would, and collects what it prints.
public enum FrusreadBinary {
    /// The executable: $FRUSREAD_BIN, else the one beside the test bundle (.build/<config>/frusread).
    public static var path: String {
        if let p = ProcessInfo.processInfo.environment["FRUSREAD_BIN"] { return p }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("frusread").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return Fixtures.packageRoot.appendingPathComponent(".build/debug/frusread").path
    }

    /// The cache folder (XDG_CACHE_HOME) of this test run.
    public static let testCache: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("frusread-test-cache-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }()

    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `frusread args…` with stdin from /dev/null; `environment` adds to (or, with nil
    /// values, removes from) the current environment. Uses `Spawn` (posix_spawn + waitpid):
    /// Foundation's `Process` was seen to hang when many tests wait at once.
    public static func run(_ args: [String], environment: [String: String?] = [:]) throws -> Output {
        var env = ProcessInfo.processInfo.environment
        // Tests never write into the user's cache: the search index goes to a folder of the test run.
        env["XDG_CACHE_HOME"] = testCache
        // Nor read the user's library of volumes (`frusread get`), which the default corpus includes.
        env["XDG_DATA_HOME"] = testCache + "/data"
        // Nor the user's remembered places, marks, notes (state) or settings (config).
        env["XDG_STATE_HOME"] = testCache + "/state"
        env["XDG_CONFIG_HOME"] = testCache + "/config"
        for (k, v) in environment { env[k] = v }
        let r = try Spawn.run(path, args, environment: env)
        return Output(status: r.status, stdout: r.stdout, stderr: r.stderr)
    }
}
