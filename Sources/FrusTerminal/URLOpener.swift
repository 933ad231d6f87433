import FrusReader
import Glibc

/// Opens a web address with the user's browser (`$BROWSER`, else `xdg-open`) without blocking
/// the reader or touching its screen: the browser runs detached, in a shell's background, with
/// standard input, output and error on /dev/null.
public enum URLOpener {
    /// Starts the browser on `address`; says what happened, for the status line.
    public static func open(_ address: String, environment: [String: String] = currentEnvironment()) -> StatusMessage {
        guard let browser = browser(environment) else {
            return StatusMessage("No browser found (set $BROWSER or install xdg-open): \(address)", kind: .error)
        }
        // The shell starts the browser in the background and exits at once; the browser, reparented,
        // never waits on the reader nor writes to its terminal. Arguments pass as $0 and $1: no quoting.
        let script = "\"$0\" \"$1\" </dev/null >/dev/null 2>&1 &"
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in Int32(0)...2 { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
        let args = ["/bin/sh", "-c", script, browser, address]
        var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let status = posix_spawn(&pid, "/bin/sh", &actions, nil, &argv, environ)
        guard status == 0 else {
            return StatusMessage("Could not start \(browser): \(String(cString: strerror(status)))", kind: .error)
        }
        var code: Int32 = 0
        waitpid(pid, &code, 0)  // the shell only: it returns as soon as the browser is started
        return StatusMessage("Opened in \(browser): \(address)")
    }

    /// The browser command: the first of `$BROWSER` (a colon-separated list) found, else xdg-open.
    static func browser(_ environment: [String: String]) -> String? {
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        let candidates = (environment["BROWSER"] ?? "").split(separator: ":").map(String.init) + ["xdg-open"]
        for name in candidates where !name.isEmpty {
            if name.contains("/") {
                if access(name, X_OK) == 0 { return name }
            } else if let dir = path.first(where: { access($0 + "/" + name, X_OK) == 0 }) {
                return dir + "/" + name
            }
        }
        return nil
    }

    public static func currentEnvironment() -> [String: String] {
        var out: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") { out[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p += 1
        }
        return out
    }
}
