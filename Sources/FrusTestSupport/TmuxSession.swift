import Foundation

/// A program running in a private tmux server with a fixed-size pane, for end-to-end tests of
/// the full-screen reader: send keys, read the screen, resize, signal, read the exit status.
///
/// Each session has its own socket (`-S`) and no configuration (`-f /dev/null`), so tests can
/// run side by side and never touch a user's tmux. Reads poll the screen every 20 ms up to a
/// bound instead of sleeping, so tests are as fast as the program and still robust on a busy
/// machine. tmux 3.3a may drop what a program prints just before it exits, so the program is
/// wrapped as `CMD; printf '[exit %d]' $?; sleep 3600` and the status read from the screen.
public final class TmuxSession {
    public enum Failure: Error, CustomStringConvertible {
        case timeout(waitingFor: String, screen: String)
        case tmux(String)
        public var description: String {
            switch self {
            case .timeout(let what, let screen): return "timed out waiting for \(what); the screen was:\n\(screen)"
            case .tmux(let message): return "tmux: \(message)"
            }
        }
    }

    /// tmux on the PATH, or nil.
    public static let executable: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/tmux"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()
    public static var isAvailable: Bool { executable != nil }
    public static let skipMessage = "tmux is not installed: skipping the end-to-end tests of the reader"

    /// How long a wait may last before it fails (a bound, not a timing assertion).
    public static let patience: Duration = .seconds(10)

    /// A folder of this session's own (socket, pid file); removed on `kill`.
    public let folder: URL
    public let socket: String
    private var killed = false

    /// The environment every session starts from: a UTF-8 locale, tmux's terminal type, and
    /// nothing from the test runner's environment that would change the reader's behaviour.
    public static let baseEnvironment: [String: String] = [
        "LANG": "C.UTF-8", "TERM": "tmux-256color", "PATH": "/usr/local/bin:/usr/bin:/bin",
    ]

    /// Starts `shellCommand` (run by `sh -c`) in a `width`×`height` pane, with `environment`
    /// over `baseEnvironment` and nothing else from this process' environment.
    public init(shellCommand: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("frusread-tmux-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        socket = folder.appendingPathComponent("socket").path
        var env = FrusreadBinary.isolated(Self.baseEnvironment, in: folder.appendingPathComponent("xdg").path)
        env["HOME"] = folder.path
        env["SESSION_DIR"] = folder.path
        env["XDG_CONFIG_HOME"] = folder.appendingPathComponent("config").path
        for (k, v) in environment { env[k] = v }
        let assignments = env.sorted { $0.key < $1.key }.map { Self.quote("\($0.key)=\($0.value)") }
        let command = "exec env -i \(assignments.joined(separator: " ")) sh -c \(Self.quote(shellCommand))"
        try tmux(["new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", command])
    }

    /// Runs the frusread binary with `arguments` (paths absolute: it runs in the session's
    /// folder), wrapped so that its exit status shows on the screen, its pid is written to
    /// `pid`, and the tty modes before and after it to `stty.before` and `stty.after`.
    public convenience init(
        frusread arguments: [String], binary: String = FrusreadBinary.path,
        width: Int = 120, height: Int = 40, environment: [String: String] = [:]
    ) throws {
        let invocation = ([binary] + arguments).map(Self.quote).joined(separator: " ")
        try self.init(
            shellCommand: "cd \"$SESSION_DIR\"; stty -g > stty.before; "
                + "sh -c 'echo $$ > pid; exec \"$@\"' frusread \(invocation); status=$?; "
                + "stty -g > stty.after; printf '[exit %d]' $status; sleep 3600",
            width: width, height: height, environment: environment)
    }

    /// The prompt of `interactiveShell` (tmux trims the blank after it in captures).
    public static let prompt = "shell$"

    /// An interactive bash (prompt "shell$ ", no rc files), for job control and for looking at
    /// the shell's screen after the reader leaves.
    public static func interactiveShell(width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws -> TmuxSession {
        var env = environment
        env["PS1"] = prompt + " "
        return try TmuxSession(shellCommand: "exec bash --norc --noprofile -i", width: width, height: height, environment: env)
    }

    deinit { kill() }

    /// Ends the tmux server and everything in it.
    public func kill() {
        guard !killed else { return }
        killed = true
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: folder)
    }

    // MARK: Input

    /// Presses keys, in tmux's names: "j", "Enter", "Tab", "BTab", "BSpace", "C-o", "Right", "Space".
    public func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "main"] + keys)
    }

    /// Presses keys given as a list (several in one `send-keys`, as a fast typist would).
    public func pressAll(_ keys: [String]) throws {
        try tmux(["send-keys", "-t", "main"] + keys)
    }

    /// Types `text` literally.
    public func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "main", "-l", text])
    }

    /// Resizes the pane; the program gets a real SIGWINCH.
    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pid the wrapped frusread wrote (see `init(frusread:)`).
    public func programPID() throws -> Int32 {
        let pidFile = folder.appendingPathComponent("pid").path
        var text = ""
        try poll("the pid file") {
            text = (try? String(contentsOfFile: pidFile, encoding: .utf8)) ?? ""
            return text.hasSuffix("\n")
        }
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure.tmux("bad pid file: \(text)")
        }
        return pid
    }

    // MARK: The screen

    /// The screen as text (trailing blanks trimmed by tmux), or with SGR escapes (`escapes`).
    public func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "main"] + (escapes ? ["-e"] : []))
    }

    public func lines() throws -> [String] {
        try screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// A pane flag from tmux's formats: "alternate_on", "cursor_flag", "keypad_flag" …
    public func paneFlag(_ name: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "main", "#{\(name)}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until the screen contains `text`; returns the screen.
    @discardableResult
    public func waitFor(_ text: String) throws -> String {
        try waitUntil("“\(text)”") { $0.contains(text) }
    }

    /// Waits until `condition` holds for the screen and the screen has held still for a poll;
    /// returns that screen.
    ///
    /// A capture can catch a frame half drawn: tmux shows what it has read of the program's
    /// output so far, and on a busy machine (seen with the tests on one CPU) the rest comes a
    /// poll later. A condition on one part of the screen (the title row, say) can then hold
    /// while the rest is still the last frame. So a screen is returned only once two captures
    /// a poll apart (20 ms) are identical and meet the condition. That makes a half-drawn
    /// frame unlikely, not impossible: the program could stall mid-frame for longer.
    @discardableResult
    public func waitUntil(_ what: String, escapes: Bool = false, _ condition: (String) -> Bool) throws -> String {
        var last = ""
        var met: String?  // the last capture, if it met the condition
        var everMet = false
        do {
            try poll(what) {
                last = try screen(escapes: escapes)
                guard condition(last) else {
                    met = nil
                    return false
                }
                everMet = true
                if met == last { return true }
                met = last
                return false
            }
        } catch Failure.timeout {
            let why = everMet ? "\(what) (met at times, but the screen never held still)" : what
            throw Failure.timeout(waitingFor: why, screen: last)
        }
        return last
    }

    /// The screen once it has held still for a poll (see `waitUntil`).
    public func stableScreen(escapes: Bool = false) throws -> String {
        try waitUntil("the screen to hold still", escapes: escapes) { _ in true }
    }

    /// Waits for the wrapper's "[exit N]" and returns N.
    public func exitStatus() throws -> Int32 {
        let screen = try waitUntil("the exit status") { Self.exitStatus(in: $0) != nil }
        return Self.exitStatus(in: screen)!
    }

    static func exitStatus(in screen: String) -> Int32? {
        guard let open = screen.range(of: "[exit ", options: .backwards),
              let close = screen[open.upperBound...].firstIndex(of: "]") else { return nil }
        return Int32(screen[open.upperBound..<close])
    }

    /// Runs a tmux command on this session's server ("set", "-g", "set-clipboard", "on"; "show-buffer").
    @discardableResult
    public func tmuxCommand(_ arguments: [String]) throws -> String { try tmux(arguments) }

    // MARK: Plumbing

    private func poll(_ what: String, _ condition: () throws -> Bool) throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: Self.patience)
        while true {
            if try condition() { return }
            if clock.now >= deadline { throw Failure.timeout(waitingFor: what, screen: "") }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        guard let executable = Self.executable else { throw Failure.tmux("not installed") }
        let result = try Spawn.run(
            executable, ["-S", socket, "-f", "/dev/null"] + arguments,
            environment: ProcessInfo.processInfo.environment, scratch: folder)
        guard result.status == 0 else { throw Failure.tmux("\(arguments.first ?? ""): \(result.stderr)") }
        return result.stdout
    }

    /// `s` single-quoted for sh.
    public static func quote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
