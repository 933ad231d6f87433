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

    /// `environment` with the four XDG folders inside `folder`, for every frusread a test
    /// starts: the search index (cache), the library of volumes (data), the remembered places,
    /// marks and notes (state) and the settings (config) are never the user's own.
    public static func isolated(_ environment: [String: String], in folder: String) -> [String: String] {
        var env = environment
        env["XDG_CACHE_HOME"] = folder
        env["XDG_DATA_HOME"] = folder + "/data"
        env["XDG_STATE_HOME"] = folder + "/state"
        env["XDG_CONFIG_HOME"] = folder + "/config"
        return env
    }

    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `frusread args…` with stdin from /dev/null; `environment` adds to (or, with nil
    /// values, removes from) the current environment. Uses `Spawn` (posix_spawn + waitpid):
    /// Foundation's `Process` was seen to hang when many tests wait at once.
    public static func run(_ args: [String], environment: [String: String?] = [:]) throws -> Output {
        var env = isolated(ProcessInfo.processInfo.environment, in: testCache)
        for (k, v) in environment { env[k] = v }
        let r = try Spawn.run(path, args, environment: env)
        return Output(status: r.status, stdout: r.stdout, stderr: r.stderr)
    }
}
